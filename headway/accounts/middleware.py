"""Session timeouts, and the practice rule that every coach uses two-step login."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

LAST_SEEN = "last_seen"
STARTED = "session_started"
# Writing the session on every request would cost a database write each: once a minute
# is precise enough for timeouts counted in hours.
TOUCH_SECONDS = 60


def start_session_clock(request: HttpRequest) -> None:
    now = int(time.time())
    request.session[STARTED] = now
    request.session[LAST_SEEN] = now


class SessionTimeoutMiddleware:
    """Log out after HEADWAY_SESSION_IDLE_MINUTES without a request, and in any case once
    SESSION_COOKIE_AGE has passed since logging in (Django alone would extend the cookie
    each time the session is saved)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and hasattr(request, "session"):
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN)
            started = request.session.get(STARTED)
            idle = settings.HEADWAY_SESSION_IDLE_MINUTES * 60
            if (last_seen is not None and now - last_seen > idle) or (
                started is not None and now - started > settings.SESSION_COOKIE_AGE
            ):
                logout(request)
                messages.info(
                    request,
                    "You were logged out after a while without activity. Please log in again.",
                )
            else:
                if started is None:
                    request.session[STARTED] = now
                if last_seen is None or now - last_seen >= TOUCH_SECONDS:
                    request.session[LAST_SEEN] = now
        return self.get_response(request)


class TwoFactorRequiredMiddleware:
    """A coach whose practice requires two-step login, and who has not set it up, sees the
    setup page until it is done. The API (token auth) and static files are not affected."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not self._exempt(request.path):
            # Through the reverse relation: accounts sits below practices.
            missing = (
                user.memberships.filter(practice__require_two_factor=True)
                .exclude(user__two_factor__confirmed_at__isnull=False)
                .exists()
            )
            if missing:
                return redirect("two_factor_setup")
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        allowed = (
            reverse("two_factor_setup"),
            reverse("logout"),
            "/api/",
            "/static/",  # WhiteNoise answers these first in any case
        )
        return any(path.startswith(p) for p in allowed)
