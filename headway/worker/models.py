from __future__ import annotations

from django.db import models


class WorkerBeat(models.Model):
    """A running `headway worker` says it is alive every few seconds. A task left RUNNING by a
    worker whose beat has stopped (killed, out of memory, machine gone) is queued again."""

    worker_id = models.CharField(max_length=64, unique=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.worker_id} on {self.host} (pid {self.pid})"
