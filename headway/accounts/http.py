"""Request helpers shared by the apps' views."""

from __future__ import annotations

from django.contrib.auth import login
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.middleware import HtmxDetails

from headway.accounts.models import User


class HtmxHttpRequest(HttpRequest):
    """A request as django-htmx's middleware leaves it: with `request.htmx`."""

    htmx: HtmxDetails


def current_user(request: HttpRequest) -> User:
    """The signed-in person, typed; only for views behind login_required."""
    user = request.user
    assert isinstance(user, User), "views using this are behind login_required"
    return user


def safe_next(request: HttpRequest, target: str) -> str | None:
    """`target` when it leads back into this site (a `next` a form carried), else None: a
    posted address must never send someone elsewhere."""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def sign_in(request: HttpRequest, user: User) -> None:
    """Start the session of someone who just proved who they are (signed up, accepted, 2FA)."""
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
