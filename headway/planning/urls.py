from __future__ import annotations

from headway.planning import decision_views, goal_views

urlpatterns = [
    *decision_views.urlpatterns,
    *goal_views.urlpatterns,
]
