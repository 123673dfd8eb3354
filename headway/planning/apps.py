from __future__ import annotations

from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "headway.planning"
    label = "planning"
    verbose_name = "Choosing and planning"
    default_auto_field = "django.db.models.BigAutoField"
