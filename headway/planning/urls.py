from __future__ import annotations

from headway.planning import calendar_views, decision_views, goal_views

urlpatterns = [
    *decision_views.urlpatterns,
    *goal_views.urlpatterns,
    *calendar_views.urlpatterns,
]
