from __future__ import annotations

from headway.goals import views

urlpatterns = views.urlpatterns
