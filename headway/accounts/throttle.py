"""Login throttling: too many failed attempts for one email, or from one address, and further
attempts are refused for a while. Counted in the database so several web processes agree.

The refusal reads the same whether or not the account exists, so it reveals nothing."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone

from headway.accounts.models import LoginAttempt, LoginStage

WINDOW = timedelta(minutes=15)
PER_ACCOUNT = 5
PER_ADDRESS = 20

REFUSED = (
    "Too many attempts to log in. For your security, logging in is paused for 15 minutes: "
    "please wait and try again."
)


def client_ip(request: HttpRequest) -> str | None:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client unless a trusted proxy rewrites
    # it, and trusting it would let anyone pick a fresh address per attempt.
    return request.META.get("REMOTE_ADDR") or None


def _norm(email: str) -> str:
    return email.strip().lower()[:254]


def is_blocked(*, email: str, ip: str | None) -> bool:
    since = timezone.now() - WINDOW
    recent = LoginAttempt.objects.filter(at__gte=since)
    if recent.filter(email=_norm(email)).count() >= PER_ACCOUNT:
        return True
    return ip is not None and recent.filter(ip=ip).count() >= PER_ADDRESS


def record_failure(*, email: str, ip: str | None, stage: LoginStage) -> None:
    now = timezone.now()
    # Old rows count for nothing: prune them here rather than needing a scheduled job.
    LoginAttempt.objects.filter(at__lt=now - WINDOW).delete()
    LoginAttempt.objects.create(email=_norm(email), ip=ip, stage=stage, at=now)


def clear(*, email: str) -> None:
    """A successful login forgets the account's failures. Failures from the address for
    other accounts still count towards the address's limit."""
    LoginAttempt.objects.filter(email=_norm(email)).delete()
