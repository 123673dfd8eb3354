"""Two-step login: setting it up, logging in with a code, recovery codes, the practice rule."""

from __future__ import annotations

import re
import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from headway.accounts.models import RecoveryCode, TwoFactor, User
from headway.accounts.two_factor import (
    two_factor_begin,
    two_factor_check,
    two_factor_confirm,
    two_factor_disable,
)
from headway.core.auth import totp
from tests.helpers import PASSWORD, World


def _enable(user: User) -> tuple[str, list[str]]:
    secret = two_factor_begin(user=user).secret
    codes = two_factor_confirm(user=user, code=totp.totp(secret, time.time() - 30))
    return secret, codes


def _password_step(client: Client, user: User, **extra: str):  # type: ignore[no-untyped-def]
    return client.post(reverse("login"), {"username": user.email, "password": PASSWORD, **extra})


def test_setup_shows_the_secret_as_text_and_a_code_turns_it_on(world: World) -> None:
    browser = world.login(world.colleague)
    page = browser.get(reverse("two_factor_setup")).content.decode()
    two_factor = TwoFactor.objects.get(user=world.colleague)
    assert totp.format_secret(two_factor.secret) in page
    assert "otpauth://totp/Headway:carl@example.com?" in page
    assert "<svg" in page and 'class="segno"' in page  # the QR code, drawn here
    # Reloading keeps the same secret: the app the person already scanned still works.
    browser.get(reverse("two_factor_setup"))
    assert TwoFactor.objects.get(user=world.colleague).secret == two_factor.secret

    wrong = browser.post(reverse("two_factor_setup"), {"code": "000000"})
    assert "That code is not right" in wrong.content.decode()
    assert not TwoFactor.objects.get(user=world.colleague).confirmed

    done = browser.post(
        reverse("two_factor_setup"), {"code": totp.totp(two_factor.secret, time.time())}
    )
    codes = re.findall(r"<li>([0-9a-f]{8}-[0-9a-f]{8})</li>", done.content.decode())
    assert len(codes) == 10
    assert TwoFactor.objects.get(user=world.colleague).confirmed
    # Only hashes are kept.
    stored = set(
        RecoveryCode.objects.filter(user=world.colleague).values_list("code_hash", flat=True)
    )
    assert not stored & set(codes)
    assert "Manage two-step login" in browser.get(reverse("account")).content.decode()


def test_the_secret_is_stored_encrypted(world: World) -> None:
    from django.db import connection

    secret = two_factor_begin(user=world.colleague).secret
    with connection.cursor() as cursor:
        cursor.execute("SELECT secret FROM accounts_twofactor")
        (raw,) = cursor.fetchone()
    assert secret not in raw


def test_login_asks_for_the_code_and_a_wrong_code_says_so(world: World) -> None:
    secret, _ = _enable(world.colleague)
    client = Client()
    response = _password_step(client, world.colleague, next="/practice/")
    assert response.status_code == 302 and response.url == reverse("login_code")
    assert SESSION_KEY not in client.session  # not logged in on the password alone
    assert client.get(reverse("dashboard")).status_code == 302

    wrong = client.post(reverse("login_code"), {"code": "123456"})
    assert "That code is not right" in wrong.content.decode()
    assert SESSION_KEY not in client.session

    right = client.post(reverse("login_code"), {"code": totp.totp(secret, time.time())})
    assert right.status_code == 302 and right.url == "/practice/"
    assert client.session[SESSION_KEY] == str(world.colleague.pk)


def test_a_code_works_once(world: World) -> None:
    secret, _ = _enable(world.colleague)
    code = totp.totp(secret, time.time())
    assert two_factor_check(user=world.colleague, code=code)
    assert not two_factor_check(user=world.colleague, code=code)


def test_a_recovery_code_logs_in_once(world: World) -> None:
    _, codes = _enable(world.colleague)
    client = Client()
    _password_step(client, world.colleague)
    assert client.post(reverse("login_code"), {"code": codes[0].upper()}).status_code == 302
    assert client.session[SESSION_KEY] == str(world.colleague.pk)
    assert not two_factor_check(user=world.colleague, code=codes[0])
    assert two_factor_check(user=world.colleague, code=codes[1])


def test_the_code_step_needs_the_password_step_first_and_times_out(world: World) -> None:
    secret, _ = _enable(world.colleague)
    assert Client().get(reverse("login_code")).url == reverse("login")
    client = Client()
    _password_step(client, world.colleague)
    session = client.session
    session["two_factor_pending"]["at"] -= 600
    session.save()
    response = client.post(reverse("login_code"), {"code": totp.totp(secret, time.time())})
    assert response.url == reverse("login")
    assert SESSION_KEY not in client.session


def test_people_without_two_step_login_log_in_with_the_password(world: World) -> None:
    client = Client()
    assert _password_step(client, world.client).url == reverse("home")
    assert client.session[SESSION_KEY] == str(world.client.pk)


def test_turning_it_off_needs_a_code(world: World) -> None:
    secret, _ = _enable(world.colleague)
    browser = world.login(world.colleague)
    browser.post(reverse("two_factor_disable"), {"code": "000000"})
    assert TwoFactor.objects.filter(user=world.colleague).exists()
    browser.post(reverse("two_factor_disable"), {"code": totp.totp(secret, time.time())})
    assert not TwoFactor.objects.filter(user=world.colleague).exists()
    assert not RecoveryCode.objects.filter(user=world.colleague).exists()


def test_new_recovery_codes_replace_the_old(world: World) -> None:
    secret, old = _enable(world.colleague)
    browser = world.login(world.colleague)
    page = browser.post(
        reverse("two_factor_recovery"), {"code": totp.totp(secret, time.time())}
    ).content.decode()
    new = re.findall(r"<li>([0-9a-f]{8}-[0-9a-f]{8})</li>", page)
    assert len(new) == 10 and not set(new) & set(old)
    assert not two_factor_check(user=world.colleague, code=old[0])


# --- the practice rule ----------------------------------------------------------------------


def test_only_the_owner_changes_the_practice_rule(world: World) -> None:
    assert (
        world.login(world.colleague)
        .post(reverse("practice_two_factor"), {"require_two_factor": "on"})
        .status_code
        == 403
    )
    world.practice.refresh_from_db()
    assert not world.practice.require_two_factor
    world.login(world.owner).post(reverse("practice_two_factor"), {"require_two_factor": "on"})
    world.practice.refresh_from_db()
    assert world.practice.require_two_factor
    # The owner is a coach of the practice too: set it up, then the rule can be changed again.
    owner = world.login(world.owner)
    assert owner.post(reverse("practice_two_factor"), {}).url == reverse("two_factor_setup")
    _enable(world.owner)
    owner.post(reverse("practice_two_factor"), {})
    world.practice.refresh_from_db()
    assert not world.practice.require_two_factor


def test_coaches_of_a_practice_that_requires_it_set_it_up_first(world: World) -> None:
    world.practice.require_two_factor = True
    world.practice.save()
    client = Client()
    response = _password_step(client, world.colleague)
    assert response.status_code == 302
    # Every page leads to the setup page until it is done; logging out still works.
    for url in (reverse("dashboard"), reverse("account"), reverse("practice")):
        assert client.get(url).url == reverse("two_factor_setup")
    assert client.get(reverse("two_factor_setup")).status_code == 200
    secret = TwoFactor.objects.get(user=world.colleague).secret
    client.post(reverse("two_factor_setup"), {"code": totp.totp(secret, time.time())})
    assert client.get(reverse("dashboard")).status_code == 200
    # And it cannot be turned off while the practice asks for it.
    with pytest.raises(ValidationError, match="cannot be turned off"):
        two_factor_disable(user=world.colleague, code=totp.totp(secret, time.time() + 30))


def test_the_practice_rule_leaves_clients_and_other_practices_alone(world: World) -> None:
    world.practice.require_two_factor = True
    world.practice.save()
    assert world.login(world.client).get(reverse("account")).status_code == 200
    assert world.login(world.outsider).get(reverse("dashboard")).status_code == 200
