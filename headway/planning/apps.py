from __future__ import annotations

from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "headway.planning"
    label = "planning"
    verbose_name = "Choosing and planning"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The plan's steps and goal deadlines go into the calendar feed: the provider
        # registers itself on import.
        from headway.planning import goal_calendar  # noqa: F401
