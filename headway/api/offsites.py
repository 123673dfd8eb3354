"""Career offsites: the cycle, each offsite's worksheet (saved field by field), its clock,
completing it, what becomes of its priorities, and the resources shared with the client.

Fetch (scoped) -> check the role -> service -> return. The client writes their offsites;
the coach too when facilitating; a refused role is a 403, a service's refusal a 400.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from headway.api.auth import request_user
from headway.api.goals import GoalOut, SmartCheckOut
from headway.api.schemas import ErrorOut
from headway.core.planning import offsite as core
from headway.engagements.access import get_engagement
from headway.engagements.models import Engagement
from headway.goals.common import analyse
from headway.offsites.access import get_offsite, get_priority
from headway.offsites.models import PRIORITIES, Mode, Offsite, Priority, SharedResource
from headway.offsites.resource_services import resource_mark
from headway.offsites.services import (
    answers_of,
    answers_save,
    cycle_of,
    cycle_update,
    may_start,
    may_write,
    offsite_clock,
    offsite_complete,
    offsite_start,
    priority_make_goal,
    priority_set_later,
)

router = Router(tags=["career offsites"])

READ = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


class CycleOut(Schema):
    every_months: int
    minutes: int
    priorities: int = Field(description="Things to leave an offsite with, at most")
    horizon_months: int
    mode: Mode
    next_on: date | None
    summary: str


class CycleIn(Schema):
    every_months: int = core.DEFAULT_EVERY_MONTHS
    minutes: int = core.DEFAULT_MINUTES
    priorities: int = core.DEFAULT_PRIORITIES
    horizon_months: int = core.DEFAULT_HORIZON_MONTHS
    mode: Mode = Mode.SELF_GUIDED
    next_on: date | None = None


class WorksheetAnswerOut(Schema):
    key: str
    text: str
    version: int
    updated_by: int | None


class PriorityOut(Schema):
    id: int
    position: int
    text: str
    path: str = Field(description="open, goal or later (to think over before the next session)")
    goal_id: int | None


class OffsiteOut(Schema):
    id: int
    mode: Mode
    status: str = Field(description="running, paused or completed")
    started_at: datetime
    completed_at: datetime | None
    minutes: int
    priorities_max: int
    section: str
    seconds_in_section: int
    seconds_total: int
    version: int
    answers: list[WorksheetAnswerOut]
    priorities: list[PriorityOut]

    @classmethod
    def of(cls, o: Offsite) -> OffsiteOut:
        return cls(
            id=o.pk,
            mode=Mode(o.mode),
            status=o.status,
            started_at=o.started_at,
            completed_at=o.completed_at,
            minutes=o.minutes,
            priorities_max=o.priorities_max,
            section=o.section,
            seconds_in_section=o.seconds_in(o.section),
            seconds_total=o.seconds_total(),
            version=o.version,
            answers=[
                WorksheetAnswerOut(
                    key=a.key, text=a.text, version=a.version, updated_by=a.updated_by_id
                )
                for a in answers_of(o).values()
            ],
            priorities=[
                PriorityOut(
                    id=p.pk, position=p.position, text=p.text, path=p.path, goal_id=p.goal_id
                )
                for p in o.priority_rows.all()
            ],
        )


class StartIn(Schema):
    mode: Mode = Mode.SELF_GUIDED


class TextIn(Schema):
    text: str


class ClockIn(Schema):
    action: Literal["pause", "resume", "move"]
    section: str = Field("", description="For move: " + ", ".join(core.SECTION_KEYS))


class PriorityGoalIn(Schema):
    text: str | None = Field(None, description="The goal's words; the priority's by default")
    due_on: date | None = None


class PriorityGoalOut(Schema):
    goal: GoalOut
    smart: SmartCheckOut | None


class PriorityIn(Schema):
    path: Literal["later"]


class SharedOut(Schema):
    id: int
    title: str
    kind: str
    url: str
    note: str
    stages: list[str]
    themes: list[str]
    offsite_id: int | None
    stage_key: str
    shared_at: datetime
    used: bool
    useful: bool | None


class MarkIn(Schema):
    used: bool
    useful: bool | None = None


def _cycle_out(engagement: Engagement) -> CycleOut:
    c = cycle_of(engagement)
    return CycleOut(
        every_months=c.every_months,
        minutes=c.minutes,
        priorities=c.priorities,
        horizon_months=c.horizon_months,
        mode=Mode(c.mode),
        next_on=c.next_on,
        summary=c.spec.summary,
    )


def _writer(offsite: Offsite, request: HttpRequest) -> None:
    if offsite.is_completed:
        raise HttpError(400, "This offsite is complete: its worksheet is kept as it was.")
    if not may_write(offsite, request_user(request)):
        raise HttpError(403, "This offsite's worksheet is not yours to change.")


@router.get(
    "/engagements/{engagement_id}/offsite-cycle",
    response={200: CycleOut, **READ},
    summary="How often, how long, how many things and for how long; the next date",
)
def read_cycle(request: HttpRequest, engagement_id: int) -> CycleOut:
    return _cycle_out(get_engagement(request_user(request), engagement_id))


@router.put(
    "/engagements/{engagement_id}/offsite-cycle",
    response={200: CycleOut, **WRITE},
    summary="Change the offsite rhythm (client or coach)",
)
def write_cycle(request: HttpRequest, engagement_id: int, payload: CycleIn) -> CycleOut:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    cycle_update(engagement=engagement, by=user, **payload.dict())
    return _cycle_out(engagement)


@router.get(
    "/engagements/{engagement_id}/offsites",
    response={200: list[OffsiteOut], **READ},
    summary="The engagement's offsites, newest first",
)
def list_offsites(request: HttpRequest, engagement_id: int) -> list[OffsiteOut]:
    engagement = get_engagement(request_user(request), engagement_id)
    qs = Offsite.objects.filter(engagement=engagement).prefetch_related("priority_rows")
    return [OffsiteOut.of(o) for o in qs]


@router.post(
    "/engagements/{engagement_id}/offsites",
    response={201: OffsiteOut, **WRITE},
    summary="Start an offsite, self-guided (the client) or facilitated (client or coach)",
)
def start(request: HttpRequest, engagement_id: int, payload: StartIn) -> Status[OffsiteOut]:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    needs_coach = payload.mode == Mode.FACILITATED and engagement.is_self_guided
    concluded = not engagement.is_open
    if not (concluded or needs_coach or may_start(engagement, user, payload.mode)):
        raise HttpError(403, "A self-guided offsite is the client's own to start.")
    offsite = offsite_start(engagement=engagement, by=user, mode=payload.mode)
    return Status(201, OffsiteOut.of(offsite))


@router.get(
    "/engagements/{engagement_id}/offsites/{offsite_id}",
    response={200: OffsiteOut, **READ},
    summary="One offsite: its worksheet, clock and priorities",
)
def read_offsite(request: HttpRequest, engagement_id: int, offsite_id: int) -> OffsiteOut:
    return OffsiteOut.of(get_offsite(request_user(request), engagement_id, offsite_id))


@router.put(
    "/engagements/{engagement_id}/offsites/{offsite_id}/answers/{key}",
    response={200: OffsiteOut, **WRITE},
    summary="Save one worksheet field (the last one to write a field wins)",
)
def write_answer(
    request: HttpRequest, engagement_id: int, offsite_id: int, key: str, payload: TextIn
) -> OffsiteOut:
    offsite = get_offsite(request_user(request), engagement_id, offsite_id)
    _writer(offsite, request)
    answers_save(offsite=offsite, by=request_user(request), texts={key: payload.text})
    return OffsiteOut.of(get_offsite(request_user(request), engagement_id, offsite_id))


@router.post(
    "/engagements/{engagement_id}/offsites/{offsite_id}/clock",
    response={200: OffsiteOut, **WRITE},
    summary="Pause, resume, or move on to a section",
)
def clock(
    request: HttpRequest, engagement_id: int, offsite_id: int, payload: ClockIn
) -> OffsiteOut:
    offsite = get_offsite(request_user(request), engagement_id, offsite_id)
    _writer(offsite, request)
    offsite_clock(
        offsite=offsite, by=request_user(request), action=payload.action, section=payload.section
    )
    return OffsiteOut.of(get_offsite(request_user(request), engagement_id, offsite_id))


@router.post(
    "/engagements/{engagement_id}/offsites/{offsite_id}/complete",
    response={200: OffsiteOut, **WRITE},
    summary="Finish: insights required, priorities optional; schedules the next offsite",
)
def complete(request: HttpRequest, engagement_id: int, offsite_id: int) -> OffsiteOut:
    offsite = get_offsite(request_user(request), engagement_id, offsite_id)
    _writer(offsite, request)
    offsite_complete(offsite=offsite, by=request_user(request))
    return OffsiteOut.of(get_offsite(request_user(request), engagement_id, offsite_id))


def _priority(request: HttpRequest, engagement_id: int, offsite_id: int, pid: int) -> Priority:
    priority = get_priority(request_user(request), engagement_id, offsite_id, pid)
    priority.offsite.engagement.require_client(request_user(request), PRIORITIES)
    return priority


@router.post(
    "/engagements/{engagement_id}/offsites/{offsite_id}/priorities/{priority_id}/goal",
    response={201: PriorityGoalOut, **WRITE},
    summary="Turn a priority into a goal, with the SMART analysis of its words",
)
def priority_goal(
    request: HttpRequest,
    engagement_id: int,
    offsite_id: int,
    priority_id: int,
    payload: PriorityGoalIn,
) -> Status[PriorityGoalOut]:
    priority = _priority(request, engagement_id, offsite_id, priority_id)
    text = payload.text or priority.text
    check = analyse(text)
    due = payload.due_on or (check.deadline if check else None)
    goal = priority_make_goal(
        priority=priority, by=request_user(request), fields={"text": text, "due_on": due}
    )
    smart = SmartCheckOut.of(check) if check else None
    return Status(201, PriorityGoalOut(goal=GoalOut.of(goal), smart=smart))


@router.put(
    "/engagements/{engagement_id}/offsites/{offsite_id}/priorities/{priority_id}",
    response={200: PriorityOut, **WRITE},
    summary="Keep a priority to think over before the next session",
)
def priority_later(
    request: HttpRequest,
    engagement_id: int,
    offsite_id: int,
    priority_id: int,
    payload: PriorityIn,
) -> PriorityOut:
    priority = _priority(request, engagement_id, offsite_id, priority_id)
    p = priority_set_later(priority=priority, by=request_user(request))
    return PriorityOut(id=p.pk, position=p.position, text=p.text, path=p.path, goal_id=p.goal_id)


def _shared_out(s: SharedResource) -> SharedOut:
    r = s.resource
    return SharedOut(
        id=s.pk,
        title=r.title,
        kind=r.kind,
        url=r.url,
        note=s.note or r.note,
        stages=list(r.stages),
        themes=list(r.themes),
        offsite_id=s.offsite_id,
        stage_key=s.stage_key,
        shared_at=s.shared_at,
        used=s.used_at is not None,
        useful=s.useful,
    )


@router.get(
    "/engagements/{engagement_id}/resources",
    response={200: list[SharedOut], **READ},
    summary="Resources the coach shared with the client, and whether they were used and useful",
)
def shared_resources(request: HttpRequest, engagement_id: int) -> list[SharedOut]:
    engagement = get_engagement(request_user(request), engagement_id)
    qs = SharedResource.objects.filter(engagement=engagement).select_related("resource")
    return [_shared_out(s) for s in qs]


@router.put(
    "/engagements/{engagement_id}/resources/{shared_id}",
    response={200: SharedOut, **WRITE},
    summary="The client marks a resource used, and useful or not",
)
def mark_resource(
    request: HttpRequest, engagement_id: int, shared_id: int, payload: MarkIn
) -> SharedOut:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    shared = get_object_or_404(
        SharedResource.objects.select_related("resource"), engagement=engagement, pk=shared_id
    )
    shared.engagement = engagement
    if not engagement.is_client(user):
        raise HttpError(403, "The client marks what they used and found useful.")
    return _shared_out(
        resource_mark(shared=shared, by=user, used=payload.used, useful=payload.useful)
    )
