from __future__ import annotations

from django.apps import AppConfig


class OffsitesConfig(AppConfig):
    name = "headway.offsites"
    label = "offsites"
    verbose_name = "Career offsites"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The next offsite goes into the calendar feed (and, where the reminders app has a
        # registry, into reminders): both register themselves on import.
        from headway.offsites import calendar  # noqa: F401
