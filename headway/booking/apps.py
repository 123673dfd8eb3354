from __future__ import annotations

from django.apps import AppConfig


class BookingConfig(AppConfig):
    name = "headway.booking"
    label = "booking"
    verbose_name = "Booking"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from headway.booking.tasks import refresh_busy_calendars
        from headway.reminders.ticker import every_tick

        # The coaches' busy calendars are read again on every tick of the worker's clock.
        every_tick(refresh_busy_calendars)
