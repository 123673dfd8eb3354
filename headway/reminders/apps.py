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
        from headway.reminders.tasks import send_reminders
        from headway.reminders.ticker import every_tick

        every_tick(send_reminders)  # the sweep, on every tick of the worker's clock
