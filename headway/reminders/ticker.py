"""The clock of the task worker: Django's tasks have no scheduler, so `headway worker` runs
this daemon thread, which queues a sweep of reminders, and a reading of the coaches' busy
calendars that are due, every HEADWAY_REMINDER_INTERVAL seconds (15 minutes by default; 0
turns it off, e.g. when cron runs `headway reminders send`).

A sweep is queued only when none is waiting already, so a busy worker does not pile them up.
With several workers each queues its own; that is harmless, since a reminder goes once."""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.db import connections
from django.tasks import Task

from headway.worker.watchdog import seconds_from_env

ENV = "HEADWAY_REMINDER_INTERVAL"
DEFAULT_INTERVAL = 15 * 60.0
TASK_PATH = "headway.reminders.tasks.send_reminders"

logger = logging.getLogger(__name__)

# Each app's periodic work, registered from its AppConfig.ready (booking reads the busy
# calendars): the clock sits below the apps and never imports them.
_periodic: dict[str, Task[[], Any]] = {}


def every_tick(task: Task[[], Any]) -> None:
    """Queue `task` on every tick, unless one is waiting already."""
    _periodic[task.module_path] = task


def interval_from_env() -> float:
    return seconds_from_env(ENV, DEFAULT_INTERVAL, zero_ok=True)


def tick() -> bool:
    """Queue each periodic task that is not waiting already; True when the reminders' sweep
    was queued."""
    from django_tasks_db.models import DBTaskResult

    waiting = set(
        DBTaskResult.objects.ready()
        .filter(task_path__in=list(_periodic))
        .values_list("task_path", flat=True)
    )
    for path, task in sorted(_periodic.items()):
        if path not in waiting:
            task.enqueue()
    return TASK_PATH not in waiting


class Ticker(threading.Thread):
    def __init__(self, interval: float) -> None:
        super().__init__(name="headway-reminders", daemon=True)
        self.interval = interval
        self.stopped = threading.Event()

    def run(self) -> None:
        # At once, then every interval: a restarted worker catches up straight away.
        while not self.stopped.is_set():
            try:
                tick()
            except Exception:  # a database hiccup must not stop the clock for good
                logger.exception("Could not queue the reminders sweep")
            finally:
                connections.close_all()  # this thread's own: not held open between ticks
            self.stopped.wait(self.interval)

    def stop(self) -> None:
        self.stopped.set()


def start_ticker(interval: float) -> Ticker | None:
    if interval <= 0:
        return None
    ticker = Ticker(interval)
    ticker.start()
    return ticker
