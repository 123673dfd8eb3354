from __future__ import annotations

import os

# Playwright's sync API runs an event loop in the test thread; Django's ORM is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from typing import TYPE_CHECKING  # noqa: E402

import pytest  # noqa: E402

if TYPE_CHECKING:
    from tests.helpers import World


@pytest.fixture(autouse=True)
def _fast_and_isolated(request, tmp_path):
    if "settings" not in request.fixturenames and request.path.parent.name == "core":
        return  # headway.core: plain tests, no Django
    settings = request.getfixturevalue("settings")
    # Argon2 is the real hasher; tests trade it for speed where the hash itself is not tested.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def world(db) -> World:
    """Two practices, their coaches and clients: the standard access battery."""
    from tests.helpers import build_world  # imported late: tests/core runs without Django

    return build_world()


@pytest.fixture
def sweep(django_capture_on_commit_callbacks):
    """Run a reminders sweep as of `now`, delivering its emails (the immediate task backend)."""
    from headway.reminders.services import reminders_send

    def run(now):
        with django_capture_on_commit_callbacks(execute=True):
            return reminders_send(now=now)

    return run
