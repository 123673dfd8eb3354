"""Scoped fetches for self-discovery: 404 for anyone who may not see the object (pages and
the API alike)."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from headway.discovery.models import Assessment, JournalEntry, Kind
from headway.engagements.access import get_engagement


def get_kind(kind: str) -> Kind:
    if kind not in Kind.values:
        raise Http404("No such assessment")
    return Kind(kind)


def get_assessment(user: Any, pk: int, kind: str, apk: int) -> Assessment:
    """An assessment of an engagement the user may see. The client sees all of theirs; the
    coach only completed results the client shares."""
    engagement = get_engagement(user, pk)
    assessments = Assessment.objects.filter(
        engagement=engagement, kind=get_kind(kind)
    ).select_related("assigned_by")
    if not engagement.is_client(user):
        assessments = assessments.seen_by_coach()
    assessment = get_object_or_404(assessments, pk=apk)
    assessment.engagement = engagement  # already fetched with its people
    return assessment


def get_journal_entry(user: Any, pk: int, entry_pk: int) -> JournalEntry:
    """A journal entry: the client's own (the coach sees patterns, never single entries)."""
    engagement = get_engagement(user, pk)
    if not engagement.is_client(user):
        raise Http404("No such entry")
    entry = get_object_or_404(JournalEntry, pk=entry_pk, engagement=engagement)
    entry.engagement = engagement
    return entry
