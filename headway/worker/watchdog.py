"""The watchdog thread of `headway worker`: beat, and reclaim the tasks of stopped workers.

HEADWAY_WORKER_STALE_AFTER (seconds, 60 by default) is how long a silent worker counts as
alive; the watchdog beats six times in that span, so a slow beat or two is no false alarm."""

from __future__ import annotations

import logging
import os
import threading
from datetime import timedelta

from django.db import connections
from django.utils import timezone

from headway.worker.services import tasks_reclaim, worker_beat

ENV = "HEADWAY_WORKER_STALE_AFTER"
DEFAULT_STALE_AFTER = 60.0

logger = logging.getLogger(__name__)


def seconds_from_env(name: str, default: float, *, zero_ok: bool) -> float:
    """A number of seconds from the environment, with a message naming the variable."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        seconds = float(raw)
    except ValueError as exc:
        raise ValueError(f"{name} is a number of seconds, not {raw!r}") from exc
    if seconds < 0 or (seconds == 0 and not zero_ok):
        bound = "0 or more" if zero_ok else "more than 0"
        raise ValueError(f"{name} is a number of seconds, {bound}")
    return seconds


def stale_after_from_env() -> float:
    return seconds_from_env(ENV, DEFAULT_STALE_AFTER, zero_ok=False)


def watch_once(worker_id: str, stale_after: float) -> None:
    now = timezone.now()
    worker_beat(worker_id=worker_id, now=now)
    reclaimed = tasks_reclaim(now=now, stale_after=timedelta(seconds=stale_after))
    for task_id in reclaimed.requeued:
        logger.warning("Task %s was left running by a stopped worker: queued again", task_id)
    for task_id in reclaimed.failed:
        logger.error("Task %s stopped its workers too often: marked failed", task_id)


class Watchdog(threading.Thread):
    def __init__(self, worker_id: str, stale_after: float) -> None:
        super().__init__(name="headway-watchdog", daemon=True)
        self.worker_id = worker_id
        self.stale_after = stale_after
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.stale_after / 6):
            try:
                watch_once(self.worker_id, self.stale_after)
            except Exception:  # a database hiccup must not stop the beat for good
                logger.exception("The worker's watchdog could not reach the database")
            finally:
                connections.close_all()  # this thread's own: not held open between beats

    def stop(self) -> None:
        self.stopped.set()


def start_watchdog(worker_id: str, stale_after: float) -> Watchdog:
    """Beat once before the worker claims anything, then keep beating in the background."""
    watch_once(worker_id, stale_after)
    connections.close_all()
    watchdog = Watchdog(worker_id, stale_after)
    watchdog.start()
    return watchdog
