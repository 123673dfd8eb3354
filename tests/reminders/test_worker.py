"""The worker's side: its clock queues a sweep, the real worker runs it, and the reminder
reaches a real SMTP server; `headway reminders send` sweeps from the command line; and two
sweeps at the same moment on PostgreSQL send each reminder once."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django_tasks_db.models import DBTaskResult

from headway import cli
from headway.reminders import ticker
from headway.reminders.models import SentReminder
from headway.reminders.services import reminders_send
from headway.reminders.tasks import send_reminders
from tests.helpers import build_world
from tests.reminders.support import schedule
from tests.smtp import Mailbox, mailbox, smtp_server  # noqa: F401

H = dt.timedelta(hours=1)
DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_the_worker_delivers_a_session_reminder_over_smtp(settings, mailbox: Mailbox) -> None:  # noqa: F811
    settings.TASKS = DB_QUEUE
    world = build_world()
    session = schedule(world)
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)  # the invitations
    mailbox.clear()

    # What the worker's clock does every interval; a sweep waiting already is not doubled.
    assert ticker.tick() is True
    assert ticker.tick() is False
    # Booking registered its reading of the coaches' calendars with the clock: queued once too.
    calendars = "headway.booking.tasks.refresh_busy_calendars"
    assert DBTaskResult.objects.filter(task_path=calendars).count() == 1
    queued = DBTaskResult.objects.get(task_path=ticker.TASK_PATH)
    # The sweep, as of a day before the session (the clock queues it with no `now`).
    queued.args_kwargs = {"args": [], "kwargs": {"now": (session.starts_at - 23 * H).isoformat()}}
    queued.save()
    assert mailbox.received == []

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL", queued.exception_class_path
    email = mailbox.wait_for(world.client.email, subject="Coaching session with Olivia Owner")
    assert "Where: https://meet.example.com/olivia" in email.body
    assert f"{settings.SITE_URL}/e/{world.engagement.pk}/sessions/{session.pk}/" in email.body
    assert "http://testserver/account/reminders/" in email.body
    mailbox.wait_for(world.owner.email, subject="Coaching session with Cleo Client")
    assert len(mailbox.received) == 2

    # Another sweep of the same moment: the worker sends nothing more.
    send_reminders.enqueue(now=(session.starts_at - 22 * H).isoformat())
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    time.sleep(0.2)
    assert len(mailbox.received) == 2


@pytest.mark.django_db(transaction=True)
def test_the_clock_thread_queues_sweeps_and_stops(settings) -> None:
    settings.TASKS = DB_QUEUE
    clock = ticker.start_ticker(0.05)
    assert clock is not None
    try:
        deadline = time.monotonic() + 5
        while not DBTaskResult.objects.filter(task_path=ticker.TASK_PATH).exists():
            assert time.monotonic() < deadline, "the clock queued no sweep"
            time.sleep(0.05)
    finally:
        clock.stop()
        clock.join(timeout=5)
    assert not clock.is_alive()
    assert DBTaskResult.objects.filter(task_path=ticker.TASK_PATH).count() == 1  # not piled up
    assert ticker.start_ticker(0) is None  # 0 turns the clock off


def test_the_interval_comes_from_the_environment(monkeypatch) -> None:
    monkeypatch.delenv(ticker.ENV, raising=False)
    assert ticker.interval_from_env() == 900
    monkeypatch.setenv(ticker.ENV, "60")
    assert ticker.interval_from_env() == 60
    monkeypatch.setenv(ticker.ENV, "soon")
    with pytest.raises(ValueError, match="number of seconds"):
        ticker.interval_from_env()


@pytest.mark.django_db(transaction=True)
def test_worker_batch_still_exits_and_starts_no_clock(settings) -> None:
    settings.TASKS = DB_QUEUE
    assert cli.main(["worker", "--batch", "--interval", "0"]) == 0
    assert not [t for t in threading.enumerate() if t.name == "headway-reminders"]
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_headway_reminders_send_sweeps_now(settings, capsys, mailbox: Mailbox) -> None:  # noqa: F811
    world = build_world()
    session = schedule(world)
    mailbox.clear()
    now = (session.starts_at - 23 * H).isoformat()
    assert cli.main(["reminders", "send", "--now", now]) == 0
    assert "Sent 2 reminders and 0 digests." in capsys.readouterr().out
    mailbox.wait_for(world.client.email, subject="Coaching session")
    assert cli.main(["reminders", "send", "--now", now]) == 0
    assert "Sent 0 reminders" in capsys.readouterr().out
    assert cli.main(["reminders", "send", "--now", "2026-12-03T08:00"]) == 1
    assert "needs a time zone" in capsys.readouterr().err


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers: PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_send_each_reminder_once(settings) -> None:
    settings.TASKS = DB_QUEUE  # queued emails are rows we can count
    world = build_world()
    session = schedule(world)
    DBTaskResult.objects.all().delete()
    now = session.starts_at - 23 * H
    start = threading.Barrier(4)
    totals: list[int] = []

    def sweep() -> None:
        try:
            start.wait()
            totals.append(reminders_send(now=now).reminders)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sweep) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sum(totals) == 2, totals
    assert SentReminder.objects.filter(kind="session").count() == 2
    assert (
        DBTaskResult.objects.filter(task_path="headway.accounts.tasks.deliver_email").count() == 2
    )
