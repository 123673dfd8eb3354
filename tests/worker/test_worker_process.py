"""A worker killed mid-task loses nothing: real `headway worker` processes, a real SMTP server.

The first worker is SIGKILLed while the mail server holds its email; the task stays RUNNING
until a second worker's watchdog sees the first one's beat has stopped and queues it again."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from tests.smtp import Mailbox
from tests.smtp import _free_port as free_port

HEADWAY = [sys.executable, "-m", "headway.cli"]
# Guards against a hang, not measures: on a busy machine a worker may take long to start.
# How long the hand-over takes is measured in bench/worker_reclaim.py (docs/benchmarks.md).
HANG = 300


class HoldFirst(Mailbox):
    """Keeps the first message's sender waiting (until released), accepts every later one."""

    def __init__(self) -> None:
        super().__init__()
        self.holding = threading.Event()
        self.release = threading.Event()

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:  # noqa: N802
        if not self.holding.is_set():
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            return "451 Try again later"
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def smtp() -> Iterator[tuple[HoldFirst, int]]:
    box = HoldFirst()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield box, controller.port
    finally:
        box.release.set()
        controller.stop()


def task_row(db: Path) -> tuple[str, str]:
    with sqlite3.connect(db) as conn:
        status, workers = conn.execute(
            "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult"
        ).fetchone()
    return status, workers


def wait_until(check, what: str, timeout: float = HANG) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"hung for {timeout}s: {what}")
        time.sleep(0.1)


def worker_env(tmp_path: Path, port: int) -> dict[str, str]:
    """A data folder of its own, the test's mail server, a watchdog quick to see a stop."""
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env |= {
        "HEADWAY_DATA_DIR": str(tmp_path / "data"),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "HEADWAY_REMINDER_INTERVAL": "0",
        "HEADWAY_WORKER_STALE_AFTER": "1.5",
    }
    return env


def enqueue_email(env: dict[str, str]) -> None:
    subprocess.run(
        [*HEADWAY, "manage", "migrate", "--noinput", "-v0"], env=env, check=True, timeout=HANG
    )
    enqueue = "from headway.accounts.tasks import deliver_email; deliver_email.enqueue(['ana@example.com'], 'Your session', 'See you on Monday.')"
    subprocess.run([*HEADWAY, "manage", "shell", "-c", enqueue], env=env, check=True, timeout=HANG)


def test_a_task_whose_worker_is_killed_runs_again_on_another(tmp_path: Path, smtp) -> None:
    box, port = smtp
    env = worker_env(tmp_path, port)
    db = tmp_path / "data" / "headway.sqlite3"
    enqueue_email(env)

    first = subprocess.Popen([*HEADWAY, "worker", "--interval", "0.2"], env=env)
    second = None
    try:
        wait_until(box.holding.is_set, "the first worker sends the email")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=HANG)
        box.release.set()
        status, workers = task_row(db)
        assert status == "RUNNING", "a killed worker leaves its task claimed"

        second = subprocess.Popen([*HEADWAY, "worker", "--interval", "0.2"], env=env)
        wait_until(lambda: task_row(db)[0] == "SUCCESSFUL", "the second worker sends it")
    finally:
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=HANG)

    message = box.wait_for("ana@example.com", subject="Your session", timeout=HANG)
    assert "See you on Monday." in message.body
    assert len(box.received) == 1
    _, workers = task_row(db)
    assert len(set(json.loads(workers))) == 2, "claimed by the killed worker, then the second"
    with sqlite3.connect(db) as conn:
        # The second worker stopped cleanly and took its beat with it; the killed one's stays.
        assert conn.execute("SELECT count(*) FROM worker_workerbeat").fetchone() == (1,)


def test_a_bad_stale_after_is_one_clear_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"HEADWAY_DATA_DIR": str(tmp_path / "data"), "HEADWAY_WORKER_STALE_AFTER": "soon"}
    result = subprocess.run(
        [*HEADWAY, "worker", "--batch"], env=env, capture_output=True, text=True, timeout=HANG
    )
    assert result.returncode == 1
    assert "HEADWAY_WORKER_STALE_AFTER is a number of seconds, not 'soon'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_worker_on_an_unmigrated_database_says_what_to_do(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["HEADWAY_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [*HEADWAY, "worker", "--batch"], env=env, capture_output=True, text=True, timeout=HANG
    )
    assert result.returncode == 1
    assert "headway manage migrate --noinput" in result.stderr
    assert "Traceback" not in result.stderr
