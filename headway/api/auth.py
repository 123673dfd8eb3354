"""Who is calling: a personal API token (Bearer) or the browser's Django session.

Tokens are tried first. A request that presents a Bearer token which does not
authenticate (unknown, revoked, or its user deactivated) gets 401 straight away,
even if it also carries a session cookie: a credential that was presented and
failed is never silently swapped for another one.

Session requests that change something (POST, PUT, PATCH, DELETE) must pass
Django's CSRF check, as any form post would. Token requests need no CSRF token:
a browser never attaches the Authorization header on its own.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import AuthenticationError, HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from headway.accounts.models import User
from headway.accounts.services import api_token_authenticate


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>` with a personal API token."""

    def authenticate(self, request: HttpRequest, token: str) -> User:
        user = api_token_authenticate(token.strip())
        if user is None:
            raise AuthenticationError(401, "This API token is not valid or has been revoked.")
        return user


class SessionAuth(APIKeyCookie):
    """The logged-in browser session; unsafe methods need the CSRF token
    (the `X-CSRFToken` header, as Django expects)."""

    param_name: str = settings.SESSION_COOKIE_NAME

    def __call__(self, request: HttpRequest) -> Any:
        # Unlike ninja's own SessionAuth, look at the session first: an anonymous
        # request is told it is unauthenticated (401), not that its CSRF token is missing.
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        exempt = getattr(request, "_ninja_csrf_exempt", False)
        if self.csrf and not exempt and check_csrf(request) is not None:
            raise HttpError(403, "CSRF check failed. Send the X-CSRFToken header.")
        return user

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return self(request)


def request_user(request: HttpRequest) -> User:
    """The authenticated user of a request that passed one of the auth classes above."""
    user = getattr(request, "auth", None)
    if not isinstance(user, User):
        raise AuthenticationError()
    return user
