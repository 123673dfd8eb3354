"""Check-ins between sessions and the signals computed from them.

The client writes check-ins; the coach reads them. Both read the signals: each comes with an
open question for the coach to ask, never a verdict.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from headway.api.auth import request_user
from headway.api.schemas import ErrorOut
from headway.checkins.models import CheckIn
from headway.checkins.services import checkin_add, engagement_signals, open_steps
from headway.engagements.access import get_engagement

router = Router(tags=["check-ins"])

READ = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


class CheckInOut(Schema):
    id: int
    created_at: datetime
    energy: int = Field(description="1 (running on empty) … 10 (full of it)")
    progress: str
    obstacles: str
    win: str
    steps_done: list[int] = Field(description="Ids of the plan's steps ticked done")

    @classmethod
    def of(cls, c: CheckIn) -> CheckInOut:
        return cls(
            id=c.pk,
            created_at=c.created_at,
            energy=c.energy,
            progress=c.progress,
            obstacles=c.obstacles,
            win=c.win,
            steps_done=sorted(s.pk for s in c.steps_done.all()),
        )


class CheckInIn(Schema):
    energy: int = Field(ge=1, le=10)
    progress: str = ""
    obstacles: str = ""
    win: str = ""
    # Ids the database can hold: a larger number is a 422, not an overflow deep in the query.
    steps_done: list[Annotated[int, Field(ge=1, le=2**63 - 1)]] = Field(
        default=[], description="Open steps of active goals, now done"
    )


class SignalOut(Schema):
    code: str
    message: str
    question: str = Field(description="An open question for the coach to ask")


@router.get(
    "/engagements/{engagement_id}/check-ins",
    response={200: list[CheckInOut], **READ},
    summary="The client's check-ins, newest first",
)
def check_ins(request: HttpRequest, engagement_id: int) -> list[CheckInOut]:
    engagement = get_engagement(request_user(request), engagement_id)
    qs = CheckIn.objects.filter(engagement=engagement).prefetch_related("steps_done")
    return [CheckInOut.of(c) for c in qs]


@router.post(
    "/engagements/{engagement_id}/check-ins",
    response={201: CheckInOut, **WRITE},
    summary="Check in: energy, what moved, what got in the way, a win, steps done",
)
def add(request: HttpRequest, engagement_id: int, payload: CheckInIn) -> Status[CheckInOut]:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    if not engagement.is_client(user):
        raise HttpError(403, "Check-ins are the client's own: the coach reads them.")
    steps = list(open_steps(engagement).filter(pk__in=payload.steps_done))
    if len(steps) != len(set(payload.steps_done)):
        raise HttpError(400, "Only open steps of active goals can be ticked done.")
    check_in = checkin_add(
        engagement=engagement,
        by=user,
        energy=payload.energy,
        progress=payload.progress,
        obstacles=payload.obstacles,
        win=payload.win,
        steps=steps,
    )
    return Status(201, CheckInOut.of(check_in))


@router.get(
    "/engagements/{engagement_id}/signals",
    response={200: list[SignalOut], **READ},
    summary="Stagnation and burnout signals, each with an open question to ask",
)
def signals(request: HttpRequest, engagement_id: int) -> list[SignalOut]:
    engagement = get_engagement(request_user(request), engagement_id)
    return [
        SignalOut(code=s.code, message=s.message, question=s.question)
        for s in engagement_signals(engagement)
    ]
