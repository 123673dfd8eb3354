from __future__ import annotations

from django.apps import AppConfig


class OffsitesConfig(AppConfig):
    name = "headway.offsites"
    label = "offsites"
    verbose_name = "Career offsites"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The next offsite goes into the calendar feed and the reminders: the calendar's
        # provider and the reminders' source register themselves on import.
        from headway.offsites import calendar, reminders  # noqa: F401
