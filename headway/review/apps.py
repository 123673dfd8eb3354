from __future__ import annotations

from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "headway.review"
    label = "review"
    verbose_name = "Session review"
    default_auto_field = "django.db.models.BigAutoField"
