"""Scoped fetches of an engagement (for its coach or its client) and of a coach request (for
the coach it was sent to); 404 for anyone else, pages and API alike."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from headway.accounts.models import User
from headway.engagements.models import Engagement, Invitation


def get_engagement(user: Any, pk: int) -> Engagement:
    """The engagement, for its coach or its client; 404 for everyone else (anonymous too)."""
    return get_object_or_404(
        Engagement.objects.visible_to(user).select_related(
            "client", "coach", "practice", "stage", "model_version__model"
        ),
        pk=pk,
    )


def get_coach_request(user: User, pk: int) -> Invitation:
    """An open request from a self-guided client, only for the coach it was sent to."""
    return get_object_or_404(
        Invitation.objects.select_related("engagement__client", "engagement__stage"),
        pk=pk,
        direction=Invitation.Direction.CLIENT_TO_COACH,
        email__iexact=user.email,
        accepted_at__isnull=True,
        declined_at__isnull=True,
    )
