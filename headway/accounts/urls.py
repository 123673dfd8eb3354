from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from headway.accounts import views
from headway.accounts.forms import LoginForm, QueuedPasswordResetForm

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("signup/", views.signup, name="signup"),
    path("signup/coach/", views.signup_coach, name="signup_coach"),
    path("signup/self-guided/", views.signup_self, name="signup_self"),
    path("verify/resend/", views.verify_resend, name="verify_resend"),
    path("verify/<str:token>/", views.verify_email, name="verify_email"),
    path("account/", views.account, name="account"),
    path("account/tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
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
