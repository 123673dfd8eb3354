from __future__ import annotations

from django.urls import path

from headway.practices import views

urlpatterns = [
    path("signup/coach/", views.signup_coach, name="signup_coach"),
    path("practice/", views.practice, name="practice"),
    path("practice/new/", views.practice_new, name="practice_new"),
    path("practice/two-step/", views.practice_two_factor, name="practice_two_factor"),
    path("practice/members/<int:pk>/remove/", views.member_remove, name="member_remove"),
    path("practice/members/<int:pk>/role/", views.member_role, name="member_role"),
    path(
        "practice/invitations/<int:pk>/resend/",
        views.coach_invitation_action,
        {"action": "resend"},
        name="coach_invitation_resend",
    ),
    path(
        "practice/invitations/<int:pk>/withdraw/",
        views.coach_invitation_action,
        {"action": "withdraw"},
        name="coach_invitation_withdraw",
    ),
    path("practice/agreement/", views.agreement_edit, name="agreement_edit"),
    path("profile/", views.profile_edit, name="profile_edit"),
    path("c/<slug:slug>/", views.coach_public, name="coach_public"),
    path("join/<str:token>/", views.coach_invitation, name="coach_invitation"),
    path(
        "intro-requests/<int:pk>/handled/",
        views.intro_request_handled,
        name="intro_request_handled",
    ),
]
