from __future__ import annotations

from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "headway.reminders"
    label = "reminders"
    verbose_name = "Reminders"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The built-in sources register themselves on import.
        from headway.reminders import sources  # noqa: F401
