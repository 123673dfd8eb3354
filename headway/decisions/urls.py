from __future__ import annotations

from headway.decisions import views

urlpatterns = views.urlpatterns
