"""Two-step login services: set up an authenticator app, check a code, recovery codes."""

from __future__ import annotations

import secrets
import time

import segno
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from headway.accounts.models import RecoveryCode, TwoFactor, User, hash_token
from headway.core.auth import totp

ISSUER = "Headway"
RECOVERY_CODES = 10


def has_two_factor(user: User) -> bool:
    return TwoFactor.objects.filter(user=user, confirmed_at__isnull=False).exists()


def two_factor_required(user: User) -> bool:
    """Whether a practice this person coaches in asks every coach for two-step login."""
    return user.memberships.filter(practice__require_two_factor=True).exists()


@transaction.atomic
def two_factor_begin(*, user: User) -> TwoFactor:
    """A fresh secret to add to an app; it counts only once a first code confirms it.
    An unconfirmed secret is reused so reloading the page does not change it."""
    existing = TwoFactor.objects.select_for_update().filter(user=user).first()
    if existing is not None:
        if existing.confirmed:
            raise ValidationError("Two-step login is already on for your account.")
        return existing
    return TwoFactor.objects.create(user=user, secret=totp.generate_secret())


def provisioning_uri(two_factor: TwoFactor) -> str:
    return totp.provisioning_uri(two_factor.secret, two_factor.user.email, ISSUER)


def provisioning_qr_svg(uri: str) -> str:
    """The URI as an inline SVG QR code, made here (no third-party image service sees the
    secret). Black on white whatever the page's colours, so every camera reads it."""
    return str(segno.make(uri, error="m").svg_inline(scale=4, dark="#000", light="#fff"))


def _verify_totp(two_factor: TwoFactor, code: str, now: float | None) -> bool:
    result = totp.verify(
        two_factor.secret,
        code,
        time.time() if now is None else now,
        last_step=two_factor.last_step,
    )
    if result.ok:
        two_factor.last_step = result.step
        two_factor.save(update_fields=["last_step"])
    return result.ok


@transaction.atomic
def two_factor_confirm(*, user: User, code: str, now: float | None = None) -> list[str]:
    """Turn two-step login on with a first code from the app; returns new recovery codes."""
    two_factor = TwoFactor.objects.select_for_update().filter(user=user).first()
    if two_factor is None or two_factor.confirmed:
        raise ValidationError("Start setting up two-step login again from your account page.")
    if not _verify_totp(two_factor, code, now):
        raise ValidationError(
            "That code is not right. Check that the app shows Headway for this account, "
            "and enter the six digits it shows now."
        )
    two_factor.confirmed_at = timezone.now()
    two_factor.save(update_fields=["confirmed_at"])
    return recovery_codes_create(user=user)


@transaction.atomic
def recovery_codes_create(*, user: User) -> list[str]:
    """New one-time recovery codes, replacing any old ones. Shown once; hashes are stored."""
    RecoveryCode.objects.filter(user=user).delete()
    codes = [f"{secrets.token_hex(4)}-{secrets.token_hex(4)}" for _ in range(RECOVERY_CODES)]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, code_hash=hash_token(c)) for c in codes
    )
    return codes


@transaction.atomic
def two_factor_check(*, user: User, code: str, now: float | None = None) -> bool:
    """A code from the app (each accepted once) or an unused recovery code (used up)."""
    two_factor = (
        TwoFactor.objects.select_for_update().filter(user=user, confirmed_at__isnull=False).first()
    )
    if two_factor is None:
        return False
    code = code.strip().lower()
    if "-" in code:
        used = RecoveryCode.objects.filter(
            user=user, code_hash=hash_token(code), used_at__isnull=True
        ).update(used_at=timezone.now())
        return used == 1
    return _verify_totp(two_factor, code, now)


@transaction.atomic
def two_factor_disable(*, user: User, code: str, now: float | None = None) -> None:
    if two_factor_required(user):
        raise ValidationError(
            "Your practice asks every coach to use two-step login, so it cannot be turned off."
        )
    if not two_factor_check(user=user, code=code, now=now):
        raise ValidationError("That code is not right: two-step login is still on.")
    TwoFactor.objects.filter(user=user).delete()
    RecoveryCode.objects.filter(user=user).delete()


def recovery_codes_left(user: User) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()
