from __future__ import annotations

from django.apps import AppConfig


class PlanningConfig(AppConfig):
    # Migrations only: see the package's docstring for why the app stays installed.
    name = "headway.planning"
    label = "planning"
    verbose_name = "Choosing and planning (migrations only)"
    default_auto_field = "django.db.models.BigAutoField"
