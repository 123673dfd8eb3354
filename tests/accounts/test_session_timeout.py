"""Sessions end after a period without activity, and in any case some days after logging in."""

from __future__ import annotations

import time

from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

from headway.accounts.middleware import LAST_SEEN, STARTED
from tests.helpers import PASSWORD, World


def _logged_in(world: World) -> Client:
    client = Client()
    client.post(reverse("login"), {"username": world.client.email, "password": PASSWORD})
    assert SESSION_KEY in client.session
    return client


def _shift(client: Client, key: str, seconds: int) -> None:
    session = client.session
    session[key] -= seconds
    session.save()


def test_logging_in_starts_the_clocks(world: World) -> None:
    session = _logged_in(world).session
    now = time.time()
    assert abs(session[LAST_SEEN] - now) < 5 and abs(session[STARTED] - now) < 5


def test_an_idle_session_ends(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.HEADWAY_SESSION_IDLE_MINUTES = 120
    client = _logged_in(world)
    _shift(client, LAST_SEEN, 119 * 60)
    assert client.get(reverse("account")).status_code == 200
    assert SESSION_KEY in client.session
    _shift(client, LAST_SEEN, 121 * 60)
    response = client.get(reverse("account"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert "logged out after a while without activity" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_activity_keeps_the_session_but_writes_at_most_once_a_minute(world: World) -> None:
    client = _logged_in(world)
    _shift(client, LAST_SEEN, 30)
    before = client.session[LAST_SEEN]
    client.get(reverse("home"))
    assert client.session[LAST_SEEN] == before  # under a minute: not rewritten
    _shift(client, LAST_SEEN, 90)
    client.get(reverse("home"))
    assert abs(client.session[LAST_SEEN] - time.time()) < 5


def test_a_session_ends_after_its_maximum_age_however_active(  # type: ignore[no-untyped-def]
    world: World, settings
) -> None:
    settings.SESSION_COOKIE_AGE = 14 * 24 * 3600
    client = _logged_in(world)
    _shift(client, STARTED, 14 * 24 * 3600 + 60)
    client.get(reverse("home"))
    assert SESSION_KEY not in client.session


def test_sessions_from_before_the_clocks_get_them(world: World) -> None:
    client = world.login(world.client)  # force_login: no clocks yet
    client.get(reverse("home"))
    assert LAST_SEEN in client.session and STARTED in client.session


def test_the_defaults(settings) -> None:  # type: ignore[no-untyped-def]
    from headway import settings as defaults

    assert defaults.HEADWAY_SESSION_IDLE_MINUTES == 120
    assert defaults.SESSION_COOKIE_AGE == 14 * 24 * 3600
