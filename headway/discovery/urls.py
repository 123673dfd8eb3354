from __future__ import annotations

from django.urls import path

from headway.discovery import journal_views, skills_views, summary_views, views
from headway.discovery.kinds import extra_urlpatterns

A = "e/<int:pk>/discovery/<str:kind>/<int:apk>/"

urlpatterns = [
    path("e/<int:pk>/discovery/", views.discovery_home, name="discovery"),
    path("e/<int:pk>/discovery/assign/", views.discovery_assign, name="discovery_assign"),
    path("e/<int:pk>/discovery/summary/", summary_views.summary, name="discovery_summary"),
    path(
        "e/<int:pk>/discovery/summary.pdf", summary_views.summary_pdf, name="discovery_summary_pdf"
    ),
    *journal_views.urlpatterns,
    *skills_views.urlpatterns,  # the résumé import of the motivated-skills kind
    # Kind-specific pages (kinds/<kind>.py) come before the generic <str:kind> patterns.
    *extra_urlpatterns(),
    path("e/<int:pk>/discovery/<str:kind>/", views.discovery_kind, name="discovery_kind"),
    path(A, views.assessment_view, name="assessment"),
    path(A + "save/", views.assessment_save_view, name="assessment_save"),
    path(A + "complete/", views.assessment_complete_view, name="assessment_complete"),
    path(A + "share/", views.assessment_share_view, name="assessment_share"),
    path(A + "discard/", views.assessment_discard_view, name="assessment_discard"),
]
