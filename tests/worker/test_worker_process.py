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


def wait_until(check, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout}s: {what}")
        time.sleep(0.1)


def test_a_task_whose_worker_is_killed_runs_again_on_another(tmp_path: Path, smtp) -> None:
    box, port = smtp
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
    db = tmp_path / "data" / "headway.sqlite3"
    subprocess.run(
        [*HEADWAY, "manage", "migrate", "--noinput", "-v0"], env=env, check=True, timeout=120
    )
    enqueue = "from headway.accounts.tasks import deliver_email; deliver_email.enqueue(['ana@example.com'], 'Your session', 'See you on Monday.')"
    subprocess.run([*HEADWAY, "manage", "shell", "-c", enqueue], env=env, check=True, timeout=60)

    first = subprocess.Popen([*HEADWAY, "worker", "--interval", "0.2"], env=env)
    second = None
    try:
        wait_until(box.holding.is_set, 60, "the first worker sends the email")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        box.release.set()
        status, workers = task_row(db)
        assert status == "RUNNING", "a killed worker leaves its task claimed"

        second = subprocess.Popen([*HEADWAY, "worker", "--interval", "0.2"], env=env)
        wait_until(lambda: task_row(db)[0] == "SUCCESSFUL", 60, "the second worker sends it")
    finally:
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=20)

    message = box.wait_for("ana@example.com", subject="Your session")
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
        [*HEADWAY, "worker", "--batch"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "HEADWAY_WORKER_STALE_AFTER is a number of seconds, not 'soon'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_worker_on_an_unmigrated_database_says_what_to_do(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["HEADWAY_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [*HEADWAY, "worker", "--batch"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "headway manage migrate --noinput" in result.stderr
    assert "Traceback" not in result.stderr
