"""Accounts: signup, email verification and personal API tokens."""

from __future__ import annotations

import time

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from headway.accounts.models import ApiToken, User, hash_token
from headway.accounts.services import (
    VERIFY_MAX_AGE,
    api_token_authenticate,
    api_token_create,
    api_token_revoke,
    user_signup,
    user_verify_email,
    verification_token,
)
from tests.helpers import PASSWORD, link_token

pytestmark = pytest.mark.django_db


# signup ---------------------------------------------------------------------


def test_signup_creates_a_user_with_a_normalised_email() -> None:
    user = user_signup(
        email="  Ada@Example.COM ", name="  Ada Lovelace ", password=PASSWORD, verified=True
    )
    user.refresh_from_db()
    assert user.email == "ada@example.com"
    assert user.name == "Ada Lovelace"
    assert user.check_password(PASSWORD)
    assert user.email_verified
    assert user.is_active


def test_signup_rejects_a_duplicate_email_whatever_its_case() -> None:
    user_signup(email="ada@example.com", name="Ada", password=PASSWORD, verified=True)
    with pytest.raises(ValidationError, match="already exists"):
        user_signup(email=" ADA@example.com", name="Ada Two", password=PASSWORD, verified=True)
    assert User.objects.filter(email__iexact="ada@example.com").count() == 1


@pytest.mark.parametrize(
    "password",
    ["short", "password123", "12345678901234", "ada@example.com"],
    ids=["too-short", "common", "numeric", "like-the-email"],
)
def test_signup_rejects_weak_passwords(password: str) -> None:
    with pytest.raises(ValidationError):
        user_signup(email="ada@example.com", name="Ada Lovelace", password=password)
    assert not User.objects.filter(email="ada@example.com").exists()
    assert mail.outbox == []


def test_verified_signup_sends_no_email(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        user_signup(email="ada@example.com", name="Ada", password=PASSWORD, verified=True)
    assert mail.outbox == []


def test_unverified_signup_emails_a_working_verification_link(
    django_capture_on_commit_callbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        user = user_signup(email="ada@example.com", name="Ada Lovelace", password=PASSWORD)
    assert not user.email_verified
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ada@example.com"]
    assert "Ada" in message.body
    token = link_token(message.body, "verify_email")
    assert user_verify_email(token=token) == user
    user.refresh_from_db()
    assert user.email_verified


def test_verification_email_waits_for_the_commit(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        user_signup(email="ada@example.com", name="Ada", password=PASSWORD)
    assert mail.outbox == []
    assert len(callbacks) == 1


# email verification ---------------------------------------------------------


@pytest.fixture
def unverified() -> User:
    return user_signup(email="ada@example.com", name="Ada", password=PASSWORD)


def test_verification_token_roundtrip(unverified: User) -> None:
    verified = user_verify_email(token=verification_token(unverified))
    assert verified.pk == unverified.pk
    unverified.refresh_from_db()
    assert unverified.email_verified_at is not None


def test_verifying_twice_keeps_the_first_moment(unverified: User) -> None:
    token = verification_token(unverified)
    first = user_verify_email(token=token).email_verified_at
    again = user_verify_email(token=token)
    again.refresh_from_db()
    assert again.email_verified_at == first


def test_expired_verification_token_is_refused(unverified: User, monkeypatch) -> None:
    with monkeypatch.context() as m:
        past = time.time() - VERIFY_MAX_AGE - 60
        m.setattr(time, "time", lambda: past)
        token = verification_token(unverified)
    with pytest.raises(ValidationError, match="expired"):
        user_verify_email(token=token)
    unverified.refresh_from_db()
    assert unverified.email_verified_at is None


def test_verification_token_just_inside_its_lifetime_works(unverified: User, monkeypatch) -> None:
    with monkeypatch.context() as m:
        past = time.time() - VERIFY_MAX_AGE + 60
        m.setattr(time, "time", lambda: past)
        token = verification_token(unverified)
    assert user_verify_email(token=token) == unverified


def test_tampered_verification_token_is_refused(unverified: User) -> None:
    other = user_signup(email="eve@example.com", name="Eve", password=PASSWORD)
    token = verification_token(unverified)
    last = token[-1]
    forged_signature = token[:-1] + ("A" if last != "A" else "B")
    forged_identity = token.replace(
        f"{unverified.pk}:ada@example.com", f"{other.pk}:eve@example.com"
    )
    for bad in (forged_signature, forged_identity, "garbage", ""):
        with pytest.raises(ValidationError, match="not valid"):
            user_verify_email(token=bad)
    assert not User.objects.filter(email_verified_at__isnull=False).exists()


def test_verification_token_stops_working_after_an_email_change(unverified: User) -> None:
    token = verification_token(unverified)
    unverified.email = "ada@elsewhere.example"
    unverified.save()
    with pytest.raises(ValidationError, match="no longer matches"):
        user_verify_email(token=token)


# API tokens -----------------------------------------------------------------


@pytest.fixture
def ada() -> User:
    return user_signup(email="ada@example.com", name="Ada", password=PASSWORD, verified=True)


def test_api_token_is_shown_once_and_only_its_hash_is_stored(ada: User) -> None:
    token, raw = api_token_create(user=ada, name="  laptop ")
    assert raw.startswith("hw_")
    assert len(raw) > 40
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.name == "laptop"
    assert stored.key_hash == hash_token(raw)
    assert stored.prefix == raw[:8]
    row = ApiToken.objects.filter(pk=token.pk).values().get()
    assert all(raw not in str(value) for value in row.values())
    assert not ApiToken.objects.filter(key_hash=raw).exists()


def test_api_token_gets_a_default_name(ada: User) -> None:
    token, _ = api_token_create(user=ada, name="   ")
    assert token.name == "API token"


def test_api_tokens_are_distinct(ada: User) -> None:
    _, first = api_token_create(user=ada, name="a")
    _, second = api_token_create(user=ada, name="b")
    assert first != second


def test_api_token_authenticates_its_user_and_records_use(ada: User) -> None:
    token, raw = api_token_create(user=ada, name="cli")
    assert token.last_used_at is None
    assert api_token_authenticate(raw) == ada
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_wrong_api_token_authenticates_nobody(ada: User) -> None:
    _, raw = api_token_create(user=ada, name="cli")
    assert api_token_authenticate(raw + "x") is None
    assert api_token_authenticate(hash_token(raw)) is None  # the stored hash is not a credential
    assert api_token_authenticate("") is None


def test_revoked_api_token_no_longer_authenticates(ada: User) -> None:
    token, raw = api_token_create(user=ada, name="cli")
    _, other_raw = api_token_create(user=ada, name="other")
    api_token_revoke(token=token)
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert api_token_authenticate(raw) is None
    assert api_token_authenticate(other_raw) == ada  # revoking one leaves the others


def test_revoking_twice_keeps_the_first_moment(ada: User) -> None:
    token, _ = api_token_create(user=ada, name="cli")
    api_token_revoke(token=token)
    first = token.revoked_at
    api_token_revoke(token=ApiToken.objects.get(pk=token.pk))
    token.refresh_from_db()
    assert token.revoked_at == first


def test_api_token_of_a_deactivated_user_authenticates_nobody(ada: User) -> None:
    _, raw = api_token_create(user=ada, name="cli")
    ada.is_active = False
    ada.save()
    assert api_token_authenticate(raw) is None
