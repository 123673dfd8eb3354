"""Coaching sessions: the schedule of a coached engagement.

Coach and client read the sessions; only the coach schedules, reschedules and cancels, and
each of those emails both of them an iCalendar invitation. A start is given as a date, a
wall-clock time and an IANA zone, as the coach would say it ("Tuesday 18:00, London"); the
answer has the moment in UTC too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from headway.accounts.models import User
from headway.api.auth import request_user
from headway.api.schemas import ErrorOut
from headway.engagements.access import get_engagement
from headway.engagements.models import Engagement
from headway.meetings.models import Session
from headway.meetings.session_services import (
    MAX_MINUTES,
    MIN_MINUTES,
    local_to_utc,
    may_schedule,
    session_cancel,
    session_reschedule,
    session_schedule,
    when,
)

router = Router(tags=["sessions"])

READ = {401: ErrorOut, 404: ErrorOut}
WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


class SessionOut(Schema):
    id: int
    starts_at: dt.datetime = Field(description="The start, in UTC")
    time_zone: str = Field(description="The IANA zone the session was booked in")
    local_start: dt.datetime = Field(description="The start in the session's zone, with offset")
    when: str = Field(description="The time as people read it, zone named")
    duration_minutes: int
    place: str
    agenda: str
    status: str = Field(description="scheduled or cancelled")
    sequence: int = Field(description="The invitation's iCalendar SEQUENCE")
    cancel_reason: str
    topics: list[str] = Field(description="What the client (or coach) wants to talk about")

    @classmethod
    def of(cls, s: Session) -> SessionOut:
        w = when(s)
        return cls(
            id=s.pk,
            starts_at=s.starts_at,
            time_zone=s.time_zone,
            local_start=w.start,
            when=w.text,
            duration_minutes=s.duration_minutes,
            place=s.place,
            agenda=s.agenda,
            status=s.status,
            sequence=s.sequence,
            cancel_reason=s.cancel_reason,
            topics=[t.text for t in s.topics.all()],
        )


class SessionIn(Schema):
    date: dt.date
    time: dt.time = Field(description="Wall-clock time in `time_zone`, e.g. 18:00")
    time_zone: str = Field(default="UTC", description="An IANA name, e.g. Europe/London")
    duration_minutes: int = Field(default=60, ge=MIN_MINUTES, le=MAX_MINUTES)
    place: str = Field(default="", description="An address, a room or a video link")
    agenda: str = ""


class CancelIn(Schema):
    reason: str = ""


def _coach_only(engagement: Engagement, user: User) -> None:
    if not may_schedule(engagement, user):
        raise HttpError(403, "Only the coach of an open, coached engagement changes sessions.")


def _fields(payload: SessionIn) -> dict[str, Any]:
    return {
        "starts_at": local_to_utc(payload.date, payload.time, payload.time_zone),
        "time_zone": payload.time_zone.strip(),
        "duration_minutes": payload.duration_minutes,
        "place": payload.place,
        "agenda": payload.agenda,
    }


def _get_session(user: User, engagement_id: int, session_id: int) -> Session:
    engagement = get_engagement(user, engagement_id)
    session = get_object_or_404(
        Session.objects.prefetch_related("topics"), engagement=engagement, pk=session_id
    )
    session.engagement = engagement
    return session


@router.get(
    "/engagements/{engagement_id}/sessions",
    response={200: list[SessionOut], **READ},
    summary="The engagement's sessions, cancelled ones too, by start",
)
def list_sessions(request: HttpRequest, engagement_id: int) -> list[SessionOut]:
    engagement = get_engagement(request_user(request), engagement_id)
    qs = Session.objects.filter(engagement=engagement).prefetch_related("topics")
    return [SessionOut.of(s) for s in qs]


@router.post(
    "/engagements/{engagement_id}/sessions",
    response={201: SessionOut, **WRITE},
    summary="Schedule a session (coach); coach and client get an invitation by email",
)
def schedule(request: HttpRequest, engagement_id: int, payload: SessionIn) -> Status[SessionOut]:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    _coach_only(engagement, user)
    session = session_schedule(engagement=engagement, by=user, **_fields(payload))
    return Status(201, SessionOut.of(session))


@router.get(
    "/engagements/{engagement_id}/sessions/{session_id}",
    response={200: SessionOut, **READ},
    summary="One session",
)
def get_session(request: HttpRequest, engagement_id: int, session_id: int) -> SessionOut:
    return SessionOut.of(_get_session(request_user(request), engagement_id, session_id))


@router.post(
    "/engagements/{engagement_id}/sessions/{session_id}/reschedule",
    response={200: SessionOut, **WRITE},
    summary="Move or change a session (coach); both get the updated invitation",
)
def reschedule(
    request: HttpRequest, engagement_id: int, session_id: int, payload: SessionIn
) -> SessionOut:
    user = request_user(request)
    session = _get_session(user, engagement_id, session_id)
    _coach_only(session.engagement, user)
    session_reschedule(session=session, by=user, **_fields(payload))
    return SessionOut.of(session)


@router.post(
    "/engagements/{engagement_id}/sessions/{session_id}/cancel",
    response={200: SessionOut, **WRITE},
    summary="Cancel a session (coach); both get the cancellation",
)
def cancel(
    request: HttpRequest, engagement_id: int, session_id: int, payload: CancelIn
) -> SessionOut:
    user = request_user(request)
    session = _get_session(user, engagement_id, session_id)
    _coach_only(session.engagement, user)
    session_cancel(session=session, by=user, reason=payload.reason)
    return SessionOut.of(session)
