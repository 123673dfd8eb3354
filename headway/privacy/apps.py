from __future__ import annotations

from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "headway.privacy"
    label = "privacy"
    verbose_name = "Your data: export, erasure, consent and audit"

    def ready(self) -> None:
        # Sharing switches keep only their current state; the signals write each change.
        from headway.privacy import signals  # noqa: F401
