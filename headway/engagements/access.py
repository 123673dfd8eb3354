"""Scoped fetch of an engagement: for its coach or its client, else 404 (pages and API alike)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from headway.engagements.models import Engagement


def get_engagement(user: Any, pk: int) -> Engagement:
    """The engagement, for its coach or its client; 404 for everyone else (anonymous too)."""
    return get_object_or_404(
        Engagement.objects.visible_to(user).select_related(
            "client", "coach", "practice", "stage", "model_version__model"
        ),
        pk=pk,
    )
