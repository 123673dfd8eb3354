from __future__ import annotations

from django.apps import AppConfig


class WorkerConfig(AppConfig):
    name = "headway.worker"
    label = "worker"
    verbose_name = "Task workers: heartbeats, and tasks of stopped workers run again"
