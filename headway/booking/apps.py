from __future__ import annotations

from django.apps import AppConfig


class BookingConfig(AppConfig):
    name = "headway.booking"
    label = "booking"
    verbose_name = "Booking"
    default_auto_field = "django.db.models.BigAutoField"
