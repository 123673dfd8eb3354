"""Settings driven by the environment: the database the suite runs on is the one asked for."""

from __future__ import annotations

import os

from django.conf import settings
from django.db import connection


def test_database_url_selects_the_engine(db):
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected


def test_data_directory_holds_sqlite_and_uploads():
    from importlib import import_module

    module = import_module("headway.settings")  # as configured, before the test runner renames
    data = settings.DATA_DIR
    assert data.is_dir()
    if not os.environ.get("DATABASE_URL"):
        assert module.DATABASES["default"]["NAME"] == str(data / "headway.sqlite3")
    assert data / "uploads" == module.MEDIA_ROOT
    assert (data / "secret_key").exists() or os.environ.get("SECRET_KEY")


def test_passwords_are_hashed_with_argon2_outside_tests():
    # The test fixture swaps in a fast hasher; the configured default stays Argon2.
    from importlib import import_module

    module = import_module("headway.settings")
    assert module.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
