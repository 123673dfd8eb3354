"""Scoped fetches of offsites and their priorities: for the engagement's coach and client,
404 for anyone else (pages and the API alike)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from headway.engagements.access import get_engagement
from headway.offsites.models import Offsite, Priority


def get_offsite(user: Any, pk: int, oid: int) -> Offsite:
    engagement = get_engagement(user, pk)
    offsite = get_object_or_404(Offsite, engagement=engagement, pk=oid)
    offsite.engagement = engagement  # already fetched with its people
    return offsite


def get_priority(user: Any, pk: int, oid: int, prid: int) -> Priority:
    offsite = get_offsite(user, pk, oid)
    priority = get_object_or_404(Priority, offsite=offsite, pk=prid)
    priority.offsite = offsite
    return priority
