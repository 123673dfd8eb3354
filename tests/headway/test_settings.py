"""Settings driven by the environment: the database the suite runs on is the one asked for."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.db import connection


def test_database_url_selects_the_engine(db):
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected


def test_postgresql_connections_run_without_jit(db):
    """JIT compiling turned the dashboard's one big query into 0.8 s under load."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: run with DATABASE_URL=postgres://…")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)


def _child_env(env: dict[str, str]) -> dict[str, str]:
    """This process's environment without what picks the database or the key, plus env."""
    base = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY"}}
    return {**base, "DJANGO_SETTINGS_MODULE": "headway.settings", **env}


def _settings_in(env: dict[str, str]) -> dict[str, str]:
    """Load the settings module fresh in a child process with exactly this environment."""
    code = (
        "import json, headway.settings as s; d = s.DATABASES['default']; "
        "print(json.dumps({'engine': d['ENGINE'], 'name': str(d['NAME']), "
        "'media': str(s.MEDIA_ROOT), 'data': str(s.DATA_DIR), 'debug': s.DEBUG}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=_child_env(env),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def test_data_directory_holds_sqlite_uploads_and_a_kept_secret_key(tmp_path):
    data = tmp_path / "data"
    loaded = _settings_in({"HEADWAY_DATA_DIR": str(data)})
    assert loaded["engine"] == "django.db.backends.sqlite3"
    assert loaded["name"] == str(data / "headway.sqlite3")
    assert loaded["media"] == str(data / "uploads")
    assert loaded["debug"] is False
    key = (data / "secret_key").read_text()
    assert len(key) >= 50 and oct((data / "secret_key").stat().st_mode)[-3:] == "600"
    _settings_in({"HEADWAY_DATA_DIR": str(data)})
    assert (data / "secret_key").read_text() == key, "generated once, then kept"


def test_database_url_switches_to_postgresql(tmp_path):
    loaded = _settings_in(
        {
            "HEADWAY_DATA_DIR": str(tmp_path),
            "DATABASE_URL": "postgres://coach@db.example:5433/headway",
        }
    )
    assert loaded["engine"] == "django.db.backends.postgresql"
    assert loaded["name"] == "headway"


def test_a_given_secret_key_is_used_and_none_is_written(tmp_path):
    _settings_in({"HEADWAY_DATA_DIR": str(tmp_path), "SECRET_KEY": "from-the-environment"})
    assert not (tmp_path / "secret_key").exists()


def test_passwords_are_hashed_with_argon2_outside_tests():
    # The test fixture swaps in a fast hasher; the configured default stays Argon2.
    from importlib import import_module

    module = import_module("headway.settings")
    assert module.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        *[(word, True) for word in ("true", "1", "yes", "on", "TRUE", "Yes", " On ")],
        *[(word, False) for word in ("false", "0", "no", "off", "FALSE", "No", "oFF")],
    ],
)
def test_a_yes_no_variable_reads_the_usual_words_in_any_case(monkeypatch, raw, expected):
    from headway.settings import env_bool

    monkeypatch.setenv("HEADWAY_SOME_SWITCH", raw)
    assert env_bool("HEADWAY_SOME_SWITCH", not expected) is expected


@pytest.mark.parametrize("raw", [None, "", "  "])
def test_a_yes_no_variable_unset_or_empty_keeps_its_default(monkeypatch, raw):
    from headway.settings import env_bool

    if raw is None:
        monkeypatch.delenv("HEADWAY_SOME_SWITCH", raising=False)
    else:
        monkeypatch.setenv("HEADWAY_SOME_SWITCH", raw)
    assert env_bool("HEADWAY_SOME_SWITCH", True) is True
    assert env_bool("HEADWAY_SOME_SWITCH", False) is False


@pytest.mark.parametrize("raw", ["ture", "2", "y", "enabled", "false!"])
def test_a_yes_no_variable_refuses_anything_else_naming_it(monkeypatch, raw):
    from django.core.exceptions import ImproperlyConfigured

    from headway.settings import env_bool

    monkeypatch.setenv("HEADWAY_SOME_SWITCH", raw)
    with pytest.raises(ImproperlyConfigured) as refused:
        env_bool("HEADWAY_SOME_SWITCH")
    message = str(refused.value)
    assert f"HEADWAY_SOME_SWITCH={raw!r}" in message
    assert "true/false, 1/0, yes/no or on/off" in message


def test_debug_reads_yes_and_a_typo_stops_the_start_up(tmp_path):
    assert _settings_in({"HEADWAY_DATA_DIR": str(tmp_path), "DEBUG": "Yes"})["debug"] is True
    started = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=_child_env({"HEADWAY_DATA_DIR": str(tmp_path), "DEBUG": "ture"}),
        capture_output=True,
        text=True,
    )
    assert started.returncode != 0
    assert "ImproperlyConfigured: DEBUG='ture' is not a yes/no value" in started.stderr
