"""Logging in (password, then a code for people with two-step login) and setting it up."""

from __future__ import annotations

import time

from django import forms
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from headway.accounts import throttle
from headway.accounts.forms import LoginForm
from headway.accounts.http import current_user, sign_in
from headway.accounts.middleware import start_session_clock
from headway.accounts.models import LoginStage, TwoFactor, User
from headway.accounts.two_factor import (
    has_two_factor,
    provisioning_qr_svg,
    provisioning_uri,
    recovery_codes_create,
    recovery_codes_left,
    two_factor_begin,
    two_factor_check,
    two_factor_confirm,
    two_factor_disable,
    two_factor_required,
)
from headway.core.auth.totp import format_secret

PENDING = "two_factor_pending"  # session: the user who gave the right password, and when
PENDING_SECONDS = 5 * 60


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The six digits your authenticator app shows for Headway, or a recovery code.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


def _next(request: HttpRequest, target: str) -> str:
    on_site = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and on_site else resolve_url("home")


def _complete_login(request: HttpRequest, user: User, target: str) -> HttpResponse:
    throttle.clear(email=user.email)
    sign_in(request, user)
    start_session_clock(request)
    return redirect(_next(request, target))


@sensitive_post_parameters()
@csrf_protect
@never_cache
def login_view(request: HttpRequest) -> HttpResponse:
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if request.user.is_authenticated:
        return redirect(_next(request, target))
    form = LoginForm(request, data=request.POST or None)
    refused = ""
    if request.method == "POST":
        email = request.POST.get("username", "")
        ip = throttle.client_ip(request)
        # Checked before the password, so a paused account gives nothing away either way.
        if throttle.is_blocked(email=email, ip=ip):
            form = LoginForm(request, initial={"username": email})
            refused = throttle.REFUSED
        elif form.is_valid():
            user = form.get_user()
            assert isinstance(user, User)
            if not has_two_factor(user):
                return _complete_login(request, user, target)
            request.session[PENDING] = {"user": user.pk, "at": time.time(), "next": target}
            return redirect("login_code")
        else:
            throttle.record_failure(email=email, ip=ip, stage=LoginStage.PASSWORD)
    return render(
        request, "accounts/login.html", {"form": form, "next": target, "refused": refused}
    )


@sensitive_post_parameters()
@csrf_protect
@never_cache
def login_code(request: HttpRequest) -> HttpResponse:
    pending = request.session.get(PENDING) or {}
    user = User.objects.filter(pk=int(pending.get("user") or 0), is_active=True).first()
    if user is None or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        messages.info(request, "Please log in again: the step for your code timed out.")
        return redirect("login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ip = throttle.client_ip(request)
        if throttle.is_blocked(email=user.email, ip=ip):
            form.add_error(None, throttle.REFUSED)
        elif two_factor_check(user=user, code=form.cleaned_data["code"]):
            del request.session[PENDING]
            return _complete_login(request, user, pending.get("next", ""))
        else:
            throttle.record_failure(email=user.email, ip=ip, stage=LoginStage.CODE)
            form.add_error(
                "code",
                "That code is not right. Enter the code your app shows now (it changes every "
                "30 seconds), or one of your recovery codes.",
            )
    return render(request, "accounts/two_factor/login_code.html", {"form": form})


@login_required
def two_factor_manage(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    return render(
        request,
        "accounts/two_factor/manage.html",
        {
            "enabled": has_two_factor(user),
            "required": two_factor_required(user),
            "codes_left": recovery_codes_left(user),
            "form": CodeForm(),
            "nav": "account",
        },
    )


@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    if has_two_factor(user):
        return redirect("two_factor")
    two_factor: TwoFactor = two_factor_begin(user=user)
    uri = provisioning_uri(two_factor)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = two_factor_confirm(user=user, code=form.cleaned_data["code"])
        except ValidationError as exc:
            form.add_error("code", exc)
        else:
            messages.success(request, "Two-step login is on.")
            return render(
                request,
                "accounts/two_factor/recovery_codes.html",
                {"codes": codes, "nav": "account"},
            )
    return render(
        request,
        "accounts/two_factor/setup.html",
        {
            "form": form,
            "secret": format_secret(two_factor.secret),
            "uri": uri,
            # segno writes the SVG itself from the URI: no user-supplied markup in it.
            "qr": mark_safe(provisioning_qr_svg(uri)),  # noqa: S308
            "required": two_factor_required(user),
            "nav": "account",
        },
    )


@login_required
@require_POST
def two_factor_disable_view(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    form = CodeForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Enter a code to turn two-step login off.")
        two_factor_disable(user=user, code=form.cleaned_data["code"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Two-step login is off.")
    return redirect("two_factor")


@login_required
@require_POST
def two_factor_recovery(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    form = CodeForm(request.POST)
    if not (form.is_valid() and two_factor_check(user=user, code=form.cleaned_data["code"])):
        messages.error(request, "That code is not right: your recovery codes are unchanged.")
        return redirect("two_factor")
    codes = recovery_codes_create(user=user)
    return render(
        request, "accounts/two_factor/recovery_codes.html", {"codes": codes, "nav": "account"}
    )
