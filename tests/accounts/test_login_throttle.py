"""Login throttling: failures counted per email and per address, the same message either way."""

from __future__ import annotations

import time
from datetime import timedelta

from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from headway.accounts import throttle
from headway.accounts.models import LoginAttempt
from headway.accounts.services import api_token_create
from headway.accounts.two_factor import two_factor_begin, two_factor_confirm
from headway.core.auth import totp
from tests.helpers import PASSWORD, World


def _try(client: Client, email: str, password: str | None = None, ip: str = "10.0.0.1") -> str:
    data = {"username": email, "password": password or "not the password"}
    response = client.post(reverse("login"), data, REMOTE_ADDR=ip)
    return response.content.decode() if response.status_code == 200 else "redirect"


def test_five_failures_pause_the_account_even_with_the_right_password(world: World) -> None:
    client = Client()
    for _ in range(5):
        assert "do not match" in _try(client, "olivia@example.com")
    page = _try(client, "olivia@example.com", PASSWORD)
    assert "Too many attempts" in page
    assert SESSION_KEY not in client.session
    # Another account from another address is not affected.
    assert _try(Client(), "carl@example.com", PASSWORD, ip="10.0.0.2") == "redirect"


def test_the_message_is_the_same_for_an_unknown_email(world: World) -> None:
    client = Client()
    for _ in range(5):
        _try(client, "nobody@example.com")
    page = _try(client, "nobody@example.com")
    assert "Too many attempts" in page and "do not match" not in page


def test_the_pause_ends_after_fifteen_minutes(world: World) -> None:
    client = Client()
    for _ in range(5):
        _try(client, "olivia@example.com")
    LoginAttempt.objects.update(at=timezone.now() - timedelta(minutes=16))
    assert _try(client, "olivia@example.com", PASSWORD) == "redirect"


def test_twenty_failures_from_one_address_pause_it(world: World) -> None:
    client = Client()
    for i in range(20):
        _try(client, f"guess{i}@example.com")
    assert "Too many attempts" in _try(client, "carl@example.com", PASSWORD)
    assert _try(Client(), "carl@example.com", PASSWORD, ip="10.0.0.9") == "redirect"


def test_a_successful_login_clears_the_count(world: World) -> None:
    client = Client()
    for _ in range(4):
        _try(client, "olivia@example.com")
    assert _try(client, "olivia@example.com", PASSWORD) == "redirect"
    assert not LoginAttempt.objects.filter(email="olivia@example.com").exists()
    client.post(reverse("logout"))
    for _ in range(4):
        _try(client, "olivia@example.com")
    assert _try(client, "olivia@example.com", PASSWORD) == "redirect"


def test_the_code_step_is_throttled_too(world: World) -> None:
    user = world.colleague
    secret = two_factor_begin(user=user).secret
    two_factor_confirm(user=user, code=totp.totp(secret, time.time() - 30))
    client = Client()
    assert _try(client, user.email, PASSWORD) == "redirect"
    for _ in range(5):
        client.post(reverse("login_code"), {"code": "000000"}, REMOTE_ADDR="10.0.0.1")
    page = client.post(
        reverse("login_code"), {"code": totp.totp(secret, time.time())}, REMOTE_ADDR="10.0.0.1"
    ).content.decode()
    assert "Too many attempts" in page
    assert SESSION_KEY not in client.session


def test_old_attempts_are_pruned(world: World) -> None:
    LoginAttempt.objects.create(
        email="x@example.com", ip=None, stage="password", at=timezone.now() - timedelta(hours=1)
    )
    throttle.record_failure(email="y@example.com", ip=None, stage=throttle.LoginStage.PASSWORD)
    assert list(LoginAttempt.objects.values_list("email", flat=True)) == ["y@example.com"]


def test_api_tokens_are_not_throttled(world: World) -> None:
    for _ in range(25):
        _try(Client(), "olivia@example.com")
    _, raw = api_token_create(user=world.owner, name="script")
    response = Client().get("/api/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
