from __future__ import annotations

from django.apps import AppConfig


class ConcludingConfig(AppConfig):
    name = "headway.concluding"
    label = "concluding"
    verbose_name = "Concluding"
    default_auto_field = "django.db.models.BigAutoField"
