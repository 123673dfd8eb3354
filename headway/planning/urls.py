from __future__ import annotations

from headway.planning import goal_views

urlpatterns = [
    *goal_views.urlpatterns,
]
