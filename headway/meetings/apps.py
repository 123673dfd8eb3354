from __future__ import annotations

from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    # "sessions" is Django's own app label, so coaching sessions live in "meetings".
    name = "headway.meetings"
    label = "meetings"
    verbose_name = "Coaching sessions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the sessions' calendar-feed provider with feeds.calendar.
        from headway.meetings import ics  # noqa: F401
