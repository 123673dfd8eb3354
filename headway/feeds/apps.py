from __future__ import annotations

from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "headway.feeds"
    label = "feeds"
    verbose_name = "Calendar feeds"
    default_auto_field = "django.db.models.BigAutoField"
