from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from headway.accounts.forms import NameForm, TokenForm
from headway.accounts.http import current_user, safe_next
from headway.accounts.models import ApiToken, User
from headway.accounts.services import (
    api_token_create,
    api_token_revoke,
    user_send_verification,
    user_verify_email,
)


def signup(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signup_choice.html")


def verify_email(request: HttpRequest, token: str) -> HttpResponse:
    try:
        user_verify_email(token=token)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Thank you: your email address is confirmed.")
    return redirect("home")


@login_required
@require_POST
def verify_resend(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    if not user.email_verified:
        user_send_verification(user=user)
        messages.info(request, f"We sent a new confirmation link to {user.email}.")
    return redirect(safe_next(request, request.POST.get("next", "")) or "home")


@login_required
def account(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    name_form = NameForm(instance=user)
    token_form = TokenForm()
    new_token = None
    if request.method == "POST" and request.POST.get("action") == "name":
        name_form = NameForm(request.POST, instance=user)
        if name_form.is_valid():
            name_form.save()
            messages.success(request, "Saved.")
            return redirect("account")
    elif request.method == "POST" and request.POST.get("action") == "token":
        token_form = TokenForm(request.POST)
        if token_form.is_valid():
            _, new_token = api_token_create(user=user, name=token_form.cleaned_data["name"])
            token_form = TokenForm()
    tokens = ApiToken.objects.filter(user=user)
    return render(
        request,
        "accounts/account.html",
        {
            "name_form": name_form,
            "token_form": token_form,
            "tokens": tokens,
            "new_token": new_token,
            "nav": "account",
        },
    )


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    api_token_revoke(token=token)
    messages.success(request, f"Token “{token.name}” revoked: it no longer works.")
    return redirect("account")
