"""After a load run: wait for the task queue to empty, then check in the database that
nothing was lost and nothing happened twice.

- every write a user saw succeed (a redirect after the post) is there exactly once; a write
  whose connection broke mid-request (its web process killed) is there once or not at all;
- no task failed, none is left claimed, and the tasks a killed worker held ran again;
- every session scheduled during the run has its invitation in the SMTP server, with the
  agenda in its .ics; emails received match successful email tasks (a duplicate is possible
  only for the one email a worker was sending when it was killed);
- SQLite's integrity check passes."""

from __future__ import annotations

import email
import os
import time
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headway.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.tasks import TaskResultStatus  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402
from icalendar import Calendar  # noqa: E402

from headway.accounts.tasks import deliver_email  # noqa: E402
from headway.checkins.models import CheckIn  # noqa: E402
from headway.discovery.models import JournalEntry  # noqa: E402
from headway.meetings.models import Session, SessionNote  # noqa: E402
from headway.worker.watchdog import stale_after_from_env  # noqa: E402

MARKED = {
    "checkin": (CheckIn, "progress"),
    "journal": (JournalEntry, "activity"),
    "note": (SessionNote, "text"),
    "session": (Session, "agenda"),
}


def _pending(before: datetime) -> int:
    """Tasks queued before `before` and not finished (the clock keeps adding sweeps)."""
    waiting = DBTaskResult.objects.filter(enqueued_at__lt=before)
    return waiting.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]).count()


def drain(timeout: float) -> float:
    started = time.monotonic()
    before = datetime.now(UTC)
    while _pending(before):
        if time.monotonic() - started > timeout:
            break
        time.sleep(1)
    return time.monotonic() - started


def _markers_found(kind: str, since: datetime) -> Counter[str]:
    model, field = MARKED[kind]
    found: Counter[str] = Counter()
    # The texts are encrypted at rest: read them back through the model, not in SQL.
    for text in model.objects.filter(created_at__gte=since).values_list(field, flat=True):
        for word in str(text).split():
            if word.startswith("load-"):
                found[word] += 1
    return found


def _agendas_mailed(messages: list[bytes]) -> Counter[str]:
    mailed: Counter[str] = Counter()
    for raw in messages:
        for part in email.message_from_bytes(raw).walk():
            if part.get_content_type() != "text/calendar":
                continue
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            for event in Calendar.from_ical(payload).walk("VEVENT"):
                for word in str(event.get("DESCRIPTION", "")).split():
                    if word.startswith("load-"):
                        mailed[word] += 1
    return mailed


def check_writes(ledger: list[dict[str, Any]], since: datetime) -> dict[str, Any]:
    found = {kind: _markers_found(kind, since) for kind in MARKED}
    outcomes: Counter[str] = Counter()
    problems = []
    unknown_found = 0
    for write in ledger:
        n = found[write["kind"]][write["marker"]]
        outcomes[f"{write['kind']} {write['outcome']}"] += 1
        if write["outcome"] == "ok" and n != 1:
            problems.append(f"{write['kind']} {write['marker']} acknowledged, found {n} times")
        elif write["outcome"] == "refused" and n != 0:
            problems.append(f"{write['kind']} {write['marker']} refused, yet found {n} times")
        elif write["outcome"] == "unknown":
            unknown_found += n
            if n > 1:
                problems.append(f"{write['kind']} {write['marker']} found {n} times")
    return {
        "outcomes": dict(outcomes),
        "unknown_found": unknown_found,
        "problems": problems,
        "sessions_found": found["session"],
    }


def check_tasks(since: datetime, sink_messages: list[bytes]) -> dict[str, Any]:
    tasks = DBTaskResult.objects.filter(enqueued_at__gte=since)
    by_status = Counter(tasks.values_list("status", flat=True))
    rerun = [t for t in tasks.only("worker_ids", "task_path") if len(t.worker_ids) > 1]
    emails_ok = tasks.filter(
        task_path=deliver_email.module_path, status=TaskResultStatus.SUCCESSFUL
    ).count()
    return {
        "by_status": dict(by_status),
        "ran_again": [t.task_path for t in rerun],
        "email_tasks_successful": emails_ok,
        "emails_received": len(sink_messages),
    }


def integrity() -> str:
    if connection.vendor != "sqlite":
        return "n/a (PostgreSQL)"
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA integrity_check")
        return str(cursor.fetchone()[0])


def drain_and_verify(ledger: list[dict[str, Any]], *, since: float, sink: Any) -> dict[str, Any]:
    since_at = datetime.fromtimestamp(since, UTC)
    drained_in = drain(timeout=stale_after_from_env() + 120)
    time.sleep(2)  # the last emails' SMTP conversations end
    with sink.lock:
        messages = list(sink.messages)
    writes = check_writes(ledger, since_at)
    sessions = writes.pop("sessions_found")
    mailed = _agendas_mailed(messages)
    missing = sorted(m for m in sessions if mailed[m] == 0)
    tasks = check_tasks(since_at, messages)
    problems = list(writes["problems"])
    if missing:
        problems.append(f"{len(missing)} scheduled sessions have no invitation email")
    left = {s: n for s, n in tasks["by_status"].items() if s != TaskResultStatus.SUCCESSFUL}
    if left:
        problems.append(f"tasks not successful: {left}")
    if tasks["emails_received"] < tasks["email_tasks_successful"]:
        problems.append("fewer emails received than email tasks succeeded")
    check = integrity()
    if check not in {"ok", "n/a (PostgreSQL)"}:
        problems.append(f"integrity check: {check}")
    return {
        "ok": not problems,
        "problems": problems[:50],
        "drained_in_s": round(drained_in, 1),
        "writes": writes["outcomes"],
        "unknown_writes_found": writes["unknown_found"],
        "sessions_scheduled": len(sessions),
        "sessions_without_email": len(missing),
        "tasks": tasks,
        "integrity": check,
    }
