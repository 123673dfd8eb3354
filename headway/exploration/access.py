"""Scoped fetch of a board option: for the engagement's coach and client, 404 for anyone else
(pages and the API alike)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from headway.engagements.access import get_engagement
from headway.exploration.models import Option


def get_option(user: Any, pk: int, option_pk: int) -> Option:
    """An option of an engagement the user may see; 404 for anyone else."""
    engagement = get_engagement(user, pk)
    option = get_object_or_404(Option, pk=option_pk, engagement=engagement)
    option.engagement = engagement  # already fetched with its people
    return option
