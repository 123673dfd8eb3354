from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from headway.accounts import two_factor_views, views
from headway.accounts.forms import QueuedPasswordResetForm

urlpatterns = [
    path("login/", two_factor_views.login_view, name="login"),
    path("login/code/", two_factor_views.login_code, name="login_code"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("signup/", views.signup, name="signup"),
    path("verify/resend/", views.verify_resend, name="verify_resend"),
    path("verify/<str:token>/", views.verify_email, name="verify_email"),
    path("account/", views.account, name="account"),
    path("account/tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("account/two-step/", two_factor_views.two_factor_manage, name="two_factor"),
    path("account/two-step/setup/", two_factor_views.two_factor_setup, name="two_factor_setup"),
    path(
        "account/two-step/off/", two_factor_views.two_factor_disable_view, name="two_factor_disable"
    ),
    path(
        "account/two-step/recovery/",
        two_factor_views.two_factor_recovery,
        name="two_factor_recovery",
    ),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            form_class=QueuedPasswordResetForm, template_name="accounts/password_reset.html"
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html"
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
