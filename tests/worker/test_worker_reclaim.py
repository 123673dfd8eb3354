"""A task left RUNNING by a worker that stopped beating is queued again (and failed after
MAX_CLAIMS such stops); a live worker's task, and a fresh one of a worker that never beats,
are left alone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from headway.accounts.tasks import deliver_email
from headway.worker.models import WorkerBeat
from headway.worker.services import (
    MAX_CLAIMS,
    tasks_reclaim,
    worker_beat,
    worker_stopped,
)

pytestmark = pytest.mark.django_db
STALE = timedelta(seconds=60)


@pytest.fixture(autouse=True)
def database_queue(settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def running(by: list[str], started_ago: float = 5) -> DBTaskResult:
    result = deliver_email.enqueue(["a@example.com"], "Hello", "Body")
    task = DBTaskResult.objects.get(pk=result.id)
    task.status = TaskResultStatus.RUNNING
    task.started_at = timezone.now() - timedelta(seconds=started_ago)
    task.worker_ids = by
    task.save()
    return task


def test_the_task_of_a_worker_that_stopped_beating_is_queued_again() -> None:
    now = timezone.now()
    worker_beat(worker_id="dead", now=now - timedelta(seconds=61))
    worker_beat(worker_id="alive", now=now - timedelta(seconds=30))
    orphan, busy = running(["dead"]), running(["alive"])

    reclaimed = tasks_reclaim(now=now, stale_after=STALE)

    assert reclaimed.requeued == [str(orphan.pk)] and reclaimed.failed == []
    orphan.refresh_from_db()
    busy.refresh_from_db()
    assert orphan.status == TaskResultStatus.READY and orphan.started_at is None
    assert busy.status == TaskResultStatus.RUNNING
    assert DBTaskResult.objects.ready().get() == orphan  # a worker will claim it again


def test_a_worker_that_never_beats_gets_stale_after_to_finish() -> None:
    now = timezone.now()
    fresh, old = running(["plain-db-worker"], started_ago=10), running(["other"], started_ago=90)

    reclaimed = tasks_reclaim(now=now, stale_after=STALE)

    assert reclaimed.requeued == [str(old.pk)]
    fresh.refresh_from_db()
    assert fresh.status == TaskResultStatus.RUNNING


def test_a_task_that_stopped_its_workers_too_often_fails() -> None:
    now = timezone.now()
    ids = [f"w{i}" for i in range(MAX_CLAIMS)]
    for worker in ids:
        worker_beat(worker_id=worker, now=now - timedelta(seconds=120))
    poison = running(ids)

    reclaimed = tasks_reclaim(now=now, stale_after=STALE)

    assert reclaimed.failed == [str(poison.pk)] and reclaimed.requeued == []
    poison.refresh_from_db()
    assert poison.status == TaskResultStatus.FAILED
    assert poison.exception_class_path == "headway.worker.services.WorkerStoppedError"
    assert f"{MAX_CLAIMS} times" in poison.traceback


def test_beats_record_the_worker_and_go_when_it_stops_or_is_long_gone() -> None:
    now = timezone.now()
    worker_beat(worker_id="w1", now=now - timedelta(seconds=5))
    worker_beat(worker_id="w1", now=now)
    beat = WorkerBeat.objects.get(worker_id="w1")
    assert beat.seen_at == now and beat.started_at == now - timedelta(seconds=5) and beat.pid
    worker_beat(worker_id="ancient", now=now - 11 * STALE)

    tasks_reclaim(now=now, stale_after=STALE)
    assert set(WorkerBeat.objects.values_list("worker_id", flat=True)) == {"w1"}

    worker_stopped(worker_id="w1")
    assert not WorkerBeat.objects.exists()


def test_finished_and_waiting_tasks_are_never_touched() -> None:
    now = timezone.now()
    waiting = deliver_email.enqueue(["b@example.com"], "Hi", "Body")
    done = running(["gone"], started_ago=600)
    done.set_successful(None)

    assert tasks_reclaim(now=now, stale_after=STALE).requeued == []
    assert DBTaskResult.objects.get(pk=waiting.id).status == TaskResultStatus.READY
    assert DBTaskResult.objects.get(pk=done.pk).status == TaskResultStatus.SUCCESSFUL
