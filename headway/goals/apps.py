from __future__ import annotations

from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "headway.goals"
    label = "goals"
    verbose_name = "Goals and plans"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The plan's steps and goal deadlines go into the calendar feed: the provider
        # registers itself on import.
        from headway.goals import calendar  # noqa: F401
