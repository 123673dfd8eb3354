from __future__ import annotations

from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "headway.discovery"
    label = "discovery"
    verbose_name = "Self-discovery"
    default_auto_field = "django.db.models.BigAutoField"
