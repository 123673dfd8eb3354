"""The `headway` command, run as a real process against a throwaway data directory."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

HEADWAY = [sys.executable, "-m", "headway.cli"]


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["HEADWAY_DATA_DIR"] = str(tmp_path / "data")
    return env


def run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*HEADWAY, *args], env=env, input=stdin, capture_output=True, text=True, timeout=120
    )


def test_no_command_prints_help(cli_env):
    result = run([], cli_env)
    assert result.returncode == 2
    assert "serve" in result.stdout and "createcoach" in result.stdout


def test_unknown_command_is_a_clear_error(cli_env):
    result = run(["frobnicate"], cli_env)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
    assert "Traceback" not in result.stderr


def test_demo_before_migrate_says_what_to_do(cli_env):
    result = run(["demo"], cli_env)
    assert result.returncode == 1
    assert "headway manage migrate --noinput" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreachable_database_is_one_line(cli_env):
    cli_env["DATABASE_URL"] = "postgres://nobody@127.0.0.1:1/nothing"
    result = run(["manage", "migrate", "--noinput"], cli_env)
    assert result.returncode == 1
    assert result.stderr.startswith("headway: database problem:")
    assert "Traceback" not in result.stderr


def test_migrate_createcoach_and_secret_key(cli_env):
    assert run(["manage", "migrate", "--noinput"], cli_env).returncode == 0
    data = Path(cli_env["HEADWAY_DATA_DIR"])
    assert (data / "headway.sqlite3").exists()
    key = (data / "secret_key").read_text()
    assert len(key) >= 50
    assert oct((data / "secret_key").stat().st_mode)[-3:] == "600"

    ok = run(
        [
            "createcoach",
            "--email",
            "ann@example.com",
            "--name",
            "Ann Bee",
            "--password",
            "a long pass phrase",
        ],
        cli_env,
    )
    assert ok.returncode == 0, ok.stderr
    assert "Ann Bee's practice" in ok.stdout

    again = run(
        ["createcoach", "--email", "ann@example.com", "--name", "Ann", "--password", "x"], cli_env
    )
    assert again.returncode == 1
    assert "already exists" in again.stderr

    weak = run(
        ["createcoach", "--email", "bo@example.com", "--name", "Bo", "--password", "123"], cli_env
    )
    assert weak.returncode == 1
    assert "too short" in weak.stderr

    no_password = run(["createcoach", "--email", "cy@example.com", "--name", "Cy"], cli_env)
    assert no_password.returncode == 1
    assert "--password" in no_password.stderr

    # The key is generated once and kept.
    run(["manage", "check"], cli_env)
    assert (data / "secret_key").read_text() == key


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_runs_web_and_worker_and_stops_both(cli_env):
    port = _free_port()
    proc = subprocess.Popen(  # noqa: S603
        [*HEADWAY, "serve", "--port", str(port)],
        env=cli_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        body = ""
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=2) as r:  # noqa: S310
                    body = r.read().decode()
                    break
            except OSError:
                time.sleep(0.3)
        assert "Log in" in body
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/static/headway/app.css", timeout=5
        ) as r:  # noqa: S310
            assert r.status == 200
        children = subprocess.run(
            ["pgrep", "-f", "-g", str(os.getpgid(proc.pid)), "headway.cli worker"],
            capture_output=True,
            text=True,
        )
        assert children.stdout.strip(), "the task worker runs beside the web server"
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    time.sleep(0.5)
    leftover = subprocess.run(["pgrep", "-g", str(proc.pid)], capture_output=True, text=True)
    assert not leftover.stdout.strip(), "stopping serve stops the worker too"
