from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from headway.accounts.mail import absolute, send_templated
from headway.accounts.models import ApiToken, User, hash_token, new_token

VERIFY_SALT = "headway.verify-email"
VERIFY_MAX_AGE = 60 * 60 * 24 * 7


@transaction.atomic
def user_signup(*, email: str, name: str, password: str, verified: bool = False) -> User:
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError("An account with this email address already exists. Log in instead.")
    candidate = User(email=email, name=name.strip())
    validate_password(password, user=candidate)
    user = User.objects.create_user(email=email, name=name.strip(), password=password)
    if verified:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
    else:
        user_send_verification(user=user)
    return user


def verification_token(user: User) -> str:
    return signing.TimestampSigner(salt=VERIFY_SALT).sign(f"{user.pk}:{user.email}")


@transaction.atomic
def user_send_verification(*, user: User) -> None:
    link = absolute(reverse("verify_email", args=[verification_token(user)]))
    send_templated(user.email, "verify_email", {"user": user, "link": link})


@transaction.atomic
def user_verify_email(*, token: str) -> User:
    try:
        value = signing.TimestampSigner(salt=VERIFY_SALT).unsign(token, max_age=VERIFY_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise ValidationError("This verification link has expired. Ask for a new one.") from exc
    except signing.BadSignature as exc:
        raise ValidationError("This verification link is not valid.") from exc
    pk, email = value.split(":", 1)
    user = User.objects.filter(pk=pk, email=email).first()
    if user is None:
        raise ValidationError("This verification link no longer matches an account.")
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
    return user


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    secret, _ = new_token()
    raw = f"hw_{secret}"  # a recognisable prefix helps secret scanners spot leaked tokens
    token = ApiToken.objects.create(
        user=user, name=name.strip() or "API token", prefix=raw[:8], key_hash=hash_token(raw)
    )
    return token, raw


def api_token_authenticate(raw: str) -> User | None:
    token = (
        ApiToken.objects.active().select_related("user").filter(key_hash=hash_token(raw)).first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


@transaction.atomic
def api_token_revoke(*, token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
