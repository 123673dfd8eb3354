from __future__ import annotations

from django.apps import AppConfig


class OverviewConfig(AppConfig):
    name = "headway.overview"
    label = "overview"
    verbose_name = "Overview"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from headway.engagements.panels import register_panel
        from headway.overview.activity import engagement_panel
        from headway.overview.news import client_news_send
        from headway.reminders.services import on_sweep

        register_panel(engagement_panel)
        on_sweep(client_news_send)
