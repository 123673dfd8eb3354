from __future__ import annotations

from headway.feeds import views

urlpatterns = views.urlpatterns
