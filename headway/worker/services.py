"""Heartbeats of the task workers, and reclaiming what a stopped worker left half-done.

django-tasks-db marks a task RUNNING when a worker claims it and only changes that when the
task ends. A worker killed mid-task (SIGKILL, out of memory, a machine lost) leaves it RUNNING
for ever: the email is never sent. Each `headway worker` beats, and any worker's watchdog
queues again a task whose worker has not beaten for `stale_after`. Tasks therefore run at
least once; ours are safe to run twice (a reminder is sent once under its key, and an email
the mail server had already taken is the one thing that can arrive twice)."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from headway.worker.models import WorkerBeat

# A task that has taken down this many workers is failed rather than tried again: it would
# otherwise crash every worker in turn (a poison message).
MAX_CLAIMS = 3


class WorkerStoppedError(Exception):
    """Recorded on a task failed after its workers stopped MAX_CLAIMS times while running it."""


@dataclass(frozen=True)
class Reclaimed:
    requeued: list[str]
    failed: list[str]


def worker_id_new() -> str:
    return f"{socket.gethostname()[:40]}-{os.getpid()}-{os.urandom(3).hex()}"


def worker_beat(*, worker_id: str, now: datetime) -> None:
    """This worker is alive (one upsert: the first beat also records where it runs)."""
    WorkerBeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"seen_at": now},
        create_defaults={
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": now,
            "seen_at": now,
        },
    )


def worker_stopped(*, worker_id: str) -> None:
    """A worker that ends cleanly has finished its task: it needs no watching."""
    WorkerBeat.objects.filter(worker_id=worker_id).delete()


@transaction.atomic
def tasks_reclaim(*, now: datetime, stale_after: timedelta) -> Reclaimed:
    """Queue again the tasks whose worker stopped beating; fail those that did it too often.

    A task claimed by a worker that never beat (e.g. Django's plain `db_worker`) is left
    alone until it has been RUNNING for `stale_after`: such a worker cannot say it is alive."""
    horizon = now - stale_after
    beats = dict(WorkerBeat.objects.values_list("worker_id", "seen_at"))
    requeued, failed = [], []
    running = DBTaskResult.objects.running().select_for_update(skip_locked=True)
    for task in running:
        worker = task.worker_ids[-1] if task.worker_ids else None
        seen = beats.get(worker) if worker else None
        if seen is not None and seen >= horizon:
            continue  # its worker is alive: the task is still running
        if seen is None and task.started_at is not None and task.started_at >= horizon:
            continue
        if len(task.worker_ids) >= MAX_CLAIMS:
            task.set_failed(
                WorkerStoppedError(
                    f"its worker stopped while running it {len(task.worker_ids)} times"
                )
            )
            failed.append(str(task.pk))
            continue
        task.status = TaskResultStatus.READY
        task.started_at = None
        task.save(update_fields=["status", "started_at"])
        requeued.append(str(task.pk))
    # Beats of workers long gone are of no more use.
    WorkerBeat.objects.filter(seen_at__lt=now - 10 * stale_after).delete()
    return Reclaimed(requeued=requeued, failed=failed)
