from __future__ import annotations

from django.apps import AppConfig


class ConcludingConfig(AppConfig):
    name = "headway.concluding"
    label = "concluding"
    verbose_name = "Concluding"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the follow-ups' reminder source with headway.reminders.sources.
        from headway.concluding import reminders  # noqa: F401
