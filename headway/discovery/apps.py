from __future__ import annotations

from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "headway.discovery"
    label = "discovery"
    verbose_name = "Self-discovery"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from headway.discovery.kinds.skills import latest_rated_skills
        from headway.onet.explore_views import register_rated_skills

        register_rated_skills(latest_rated_skills)
