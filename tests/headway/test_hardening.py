"""Production settings pass Django's deploy check; local use stays on plain http; every page
carries the Content Security Policy. The settings are read at start-up, so the environment
cases run `headway manage` as real processes."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

HEADWAY = [sys.executable, "-m", "headway.cli", "manage"]
# Variables that would change what the settings decide, taken out of the test's own environment.
DECIDING = {
    "DATABASE_URL",
    "DJANGO_SETTINGS_MODULE",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DEBUG",
    "SITE_URL",
    "HEADWAY_HTTPS",
    "SECURE_COOKIES",
    "HEADWAY_BEHIND_PROXY",
    "EMAIL_HOST",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # the test process's own (tests/conftest.py)
}
SHOW = (
    "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE,"
    " s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS)"
)


@pytest.fixture
def base_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DECIDING}
    env["HEADWAY_DATA_DIR"] = str(tmp_path / "data")
    return env


def production(base_env: dict[str, str], **extra: str) -> dict[str, str]:
    return {
        **base_env,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "coach.example.com",
        "DEBUG": "false",
        **extra,
    }


def manage(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603
        [*HEADWAY, *args], env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("site_url", ["", "https://coach.example.com"], ids=["no-url", "https"])
def test_production_settings_pass_the_deploy_check(base_env, site_url):
    env = production(base_env, **({"SITE_URL": site_url} if site_url else {}))
    result = manage(["check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_is_https_only(base_env):
    result = manage(["shell", "-v", "0", "-c", SHOW], production(base_env))
    assert result.stdout.split() == ["True", "True", "True", "31536000"], result.stderr


def test_local_use_stays_on_plain_http(base_env):
    # `make run` and the tests: loopback hosts, DEBUG off, an http SITE_URL.
    result = manage(["shell", "-v", "0", "-c", SHOW], base_env)
    assert result.stdout.split() == ["False", "False", "False", "0"], result.stderr


def test_https_can_be_turned_off_for_a_plain_http_network_install(base_env):
    env = production(base_env, HEADWAY_HTTPS="false")
    result = manage(["shell", "-v", "0", "-c", SHOW], env)
    assert result.stdout.split() == ["False", "False", "False", "0"], result.stderr


def test_pages_carry_the_content_security_policy(client, db):
    response = client.get("/login/")
    policy = response.headers["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ):
        assert directive in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "Strict-Transport-Security" not in response.headers  # plain http here


SHOW_MAIL = (
    "from django.conf import settings as s; m = s.MAILERS['default'];"
    " print(m['BACKEND'].rsplit('.', 2)[-2], m.get('OPTIONS', {}).get('host'))"
)


def test_production_mails_through_the_local_server_unless_told(base_env):
    """Console email in production would lose every invitation: it is for local use only."""
    assert manage(["shell", "-v", "0", "-c", SHOW_MAIL], production(base_env)).stdout.split() == [
        "smtp",
        "localhost",
    ]
    told = production(base_env, EMAIL_HOST="smtp.example.com")
    assert manage(["shell", "-v", "0", "-c", SHOW_MAIL], told).stdout.split() == [
        "smtp",
        "smtp.example.com",
    ]
    assert manage(["shell", "-v", "0", "-c", SHOW_MAIL], base_env).stdout.split() == [
        "console",
        "None",
    ]
