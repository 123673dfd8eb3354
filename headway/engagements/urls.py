from __future__ import annotations

from django.urls import path

from headway.engagements import engagement_views as ev
from headway.engagements import practice_views, views

urlpatterns = [
    path("signup/self-guided/", views.signup_self, name="signup_self"),
    path("clients/invite/", views.client_invite, name="client_invite"),
    path("practice/clients/", practice_views.practice_clients, name="practice_clients"),
    path(
        "practice/clients/<int:pk>/handover/",
        practice_views.handover_view,
        name="engagement_handover",
    ),
    path("journey/", views.journey, name="journey"),
    path("journey/start/", views.journey_start, name="journey_start"),
    path("invite/<str:token>/", views.invitation, name="invitation"),
    path("coach-requests/<int:pk>/", views.coach_request, name="coach_request"),
    path("e/<int:pk>/", ev.engagement_detail, name="engagement_detail"),
    path("e/<int:pk>/answers/", ev.answers_save_view, name="engagement_answers"),
    path("e/<int:pk>/answers/<int:question_pk>/", ev.answer_save_view, name="engagement_answer"),
    path("e/<int:pk>/stage/", ev.move_stage_view, name="engagement_move_stage"),
    path("e/<int:pk>/status/", ev.status_view, name="engagement_status"),
    path("e/<int:pk>/resend/", ev.resend_invitation_view, name="engagement_resend"),
    path(
        "e/<int:pk>/checklist/<int:stage_pk>/<int:index>/",
        ev.checklist_view,
        name="engagement_checklist",
    ),
    path("e/<int:pk>/intake/", ev.intake_view, name="engagement_intake"),
    path("e/<int:pk>/agreement/", ev.agreement_view, name="engagement_agreement"),
    path("e/<int:pk>/coach/", ev.coach_view, name="engagement_coach"),
    path("e/<int:pk>/request-coach/", ev.request_coach_view, name="engagement_request_coach"),
]
