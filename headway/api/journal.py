"""The energy and flow journal: the client's quick entries, private unless shared.

The client reads and writes entries. The coach never sees single entries; they see the
patterns (`/journal/patterns`) once the client switches sharing on.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from headway.api.auth import request_user
from headway.api.schemas import ErrorOut
from headway.discovery.journal_services import journal_patterns, patterns_as_dict
from headway.discovery.models import JOURNAL, Energy, JournalEntry
from headway.discovery.services import (
    journal_add,
    journal_delete,
    journal_set_sharing,
    journal_shared,
)
from headway.engagements.access import get_engagement

router = Router(tags=["energy journal"])

READ = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


class EntryOut(Schema):
    id: int
    occurred_on: date
    activity: str
    energy: int = Field(description="-2 drained … 0 neither … 2 energised")
    flow: bool = Field(description="I lost track of time")
    note: str
    created_at: datetime

    @classmethod
    def of(cls, e: JournalEntry) -> EntryOut:
        return cls(
            id=e.pk,
            occurred_on=e.occurred_on,
            activity=e.activity,
            energy=e.energy,
            flow=e.flow,
            note=e.note,
            created_at=e.created_at,
        )


class EntryIn(Schema):
    activity: str
    energy: Energy
    flow: bool = False
    note: str = ""
    occurred_on: date | None = None


class JournalSharingIn(Schema):
    shared: bool


class JournalSharingOut(Schema):
    shared_with_coach: bool


@router.get(
    "/engagements/{engagement_id}/journal",
    response={200: list[EntryOut], **READ},
    summary="The client's journal entries, newest first",
)
def entries(request: HttpRequest, engagement_id: int) -> list[EntryOut]:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    engagement.require_client(user, JOURNAL)
    return [EntryOut.of(e) for e in engagement.journal_entries.all()]


@router.post(
    "/engagements/{engagement_id}/journal",
    response={201: EntryOut, **WRITE},
    summary="Add an entry: what I did, how it left me, did time fly",
)
def add(request: HttpRequest, engagement_id: int, payload: EntryIn) -> Status[EntryOut]:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    engagement.require_client(user, JOURNAL)
    entry = journal_add(
        engagement=engagement,
        by=user,
        activity=payload.activity,
        energy=int(payload.energy),
        flow=payload.flow,
        note=payload.note,
        occurred_on=payload.occurred_on,
    )
    return Status(201, EntryOut.of(entry))


@router.delete(
    "/engagements/{engagement_id}/journal/{int:entry_id}",
    response={204: None, **WRITE},
    summary="Delete an entry",
)
def delete(request: HttpRequest, engagement_id: int, entry_id: int) -> Status[None]:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    engagement.require_client(user, JOURNAL)
    entry = get_object_or_404(JournalEntry, pk=entry_id, engagement=engagement)
    entry.engagement = engagement
    journal_delete(entry=entry, by=user)
    return Status(204, None)


@router.get(
    "/engagements/{engagement_id}/journal/patterns",
    response={200: dict[str, Any], **READ},
    summary="Patterns over the weeks: which activities energise, which drain, where time flies",
    description=(
        "For the client, and for the coach once the client shares the journal. Holds counts and "
        "averages per activity and per week, never single entries or notes."
    ),
)
def patterns(request: HttpRequest, engagement_id: int) -> dict[str, Any]:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    if not engagement.is_client(user) and not journal_shared(engagement):
        raise HttpError(403, "The client keeps their journal private.")
    return patterns_as_dict(journal_patterns(engagement))


@router.put(
    "/engagements/{engagement_id}/journal/sharing",
    response={200: JournalSharingOut, **WRITE},
    summary="Show the journal's patterns to the coach, or keep them private",
)
def sharing(
    request: HttpRequest, engagement_id: int, payload: JournalSharingIn
) -> JournalSharingOut:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    engagement.require_client(user, JOURNAL)
    journal_set_sharing(engagement=engagement, by=user, shared=payload.shared)
    return JournalSharingOut(shared_with_coach=journal_shared(engagement))
