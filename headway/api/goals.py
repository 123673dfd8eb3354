"""SMART goals and the action plan: goals, steps, obstacles with if-then plans, the revision
history, and the SMART analysis of a goal's text.

Same shape as the other handlers: fetch (scoped) -> validate -> service -> return. Goals are
the client's: the coach reads them (403 on a write); a service's refusal is a 400 that says
why. Every change to a goal or its plan is kept as a revision.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from headway.api.auth import request_user
from headway.api.schemas import ErrorOut, PersonOut
from headway.core.planning.plan import plan_progress
from headway.core.smart.analysis import SmartCheck, analyse_goal
from headway.engagements.access import get_engagement
from headway.engagements.models import Engagement
from headway.exploration.models import Option
from headway.goals.access import get_goal
from headway.goals.common import ordered_steps, step_facts
from headway.goals.models import GOALS, Goal, GoalRevision, GoalStatus, Obstacle, Step, StepKind
from headway.goals.services import (
    goal_create,
    goal_revise,
    obstacle_add,
    step_add,
    step_edit,
)

router = Router(tags=["goals and action plan"])

READ = {401: ErrorOut, 404: ErrorOut}
WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


# --- what goes out -------------------------------------------------------------------------


class StepOut(Schema):
    id: int
    title: str
    kind: StepKind
    due_on: date | None
    done: bool
    done_at: datetime | None
    element_id: str

    @classmethod
    def of(cls, s: Step) -> StepOut:
        return cls(
            id=s.pk,
            title=s.title,
            kind=StepKind(s.kind),
            due_on=s.due_on,
            done=s.done_at is not None,
            done_at=s.done_at,
            element_id=s.element_id,
        )


class ObstacleOut(Schema):
    id: int
    obstacle: str
    plan: str
    created_at: datetime

    @classmethod
    def of(cls, o: Obstacle) -> ObstacleOut:
        return cls(id=o.pk, obstacle=o.obstacle, plan=o.plan, created_at=o.created_at)


class ProgressOut(Schema):
    done: int
    total: int
    percent: int


class GoalOut(Schema):
    id: int
    text: str
    status: GoalStatus
    confidence: int | None
    hours_per_week: int | None
    value_key: str
    option_id: int | None
    due_on: date | None
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None
    progress: ProgressOut
    steps: list[StepOut]
    obstacles: list[ObstacleOut]

    @classmethod
    def of(cls, g: Goal) -> GoalOut:
        steps = ordered_steps(list(g.steps.all()))
        progress = plan_progress(step_facts(s) for s in steps)
        return cls(
            id=g.pk,
            text=g.text,
            status=GoalStatus(g.status),
            confidence=g.confidence,
            hours_per_week=g.hours_per_week,
            value_key=g.value_key,
            option_id=g.option_id,
            due_on=g.due_on,
            created_at=g.created_at,
            updated_at=g.updated_at,
            closed_at=g.closed_at,
            progress=ProgressOut(
                done=progress.done, total=progress.total, percent=progress.percent
            ),
            steps=[StepOut.of(s) for s in steps],
            obstacles=[ObstacleOut.of(o) for o in g.obstacles.all()],
        )


class RevisionOut(Schema):
    id: int
    at: datetime
    by: PersonOut | None
    changes: dict[str, Any]
    reason: str

    @classmethod
    def of(cls, r: GoalRevision) -> RevisionOut:
        return cls(
            id=r.pk, at=r.at, by=PersonOut.maybe(r.by), changes=dict(r.changes), reason=r.reason
        )


class FindingOut(Schema):
    part: str
    text: str


class SmartCheckOut(Schema):
    specific: bool
    measurable: bool
    time_bound: bool
    findings: list[FindingOut]
    questions: list[str]
    deadline: date | None

    @classmethod
    def of(cls, c: SmartCheck) -> SmartCheckOut:
        return cls(
            specific=c.specific,
            measurable=c.measurable,
            time_bound=c.time_bound,
            findings=[FindingOut(part=f.part, text=f.text) for f in c.findings],
            questions=list(c.questions),
            deadline=c.deadline,
        )


# --- what comes in -------------------------------------------------------------------------


class GoalIn(Schema):
    text: str
    confidence: int | None = None
    hours_per_week: int | None = None
    value_key: str = ""
    option_id: int | None = None
    due_on: date | None = None
    status: Literal["active", "paused"] = "active"


class GoalPatchIn(Schema):
    """Only the fields sent change; `reason` (what changed, and why) goes into the revision."""

    text: str | None = None
    confidence: int | None = None
    hours_per_week: int | None = None
    value_key: str | None = None
    option_id: int | None = None
    due_on: date | None = None
    status: GoalStatus | None = None
    reason: str = ""


class StepIn(Schema):
    title: str
    kind: StepKind = StepKind.ACTION
    due_on: date | None = None


class StepPatchIn(Schema):
    done: bool | None = None
    title: str | None = None
    kind: StepKind | None = None
    due_on: date | None = None


class ObstacleIn(Schema):
    obstacle: str
    plan: str


class CheckIn(Schema):
    text: str
    today: date | None = None


# --- fetching --------------------------------------------------------------------------------


def _goals() -> QuerySet[Goal]:
    return Goal.objects.prefetch_related("steps", "obstacles")


def _option(engagement: Engagement, option_id: int | None) -> Option | None:
    if option_id is None:
        return None
    option = Option.objects.filter(pk=option_id, engagement=engagement).first()
    if option is None:
        raise HttpError(400, f"No option {option_id} on this exploration board.")
    return option


def _fresh(goal: Goal) -> GoalOut:
    return GoalOut.of(get_object_or_404(_goals(), pk=goal.pk))


# --- goals -----------------------------------------------------------------------------------


@router.get(
    "/engagements/{engagement_id}/goals",
    response={200: list[GoalOut], **READ},
    summary="Every goal of the engagement, with steps, obstacles and progress",
)
def list_goals(request: HttpRequest, engagement_id: int) -> list[GoalOut]:
    engagement = get_engagement(request_user(request), engagement_id)
    return [GoalOut.of(g) for g in _goals().filter(engagement=engagement)]


@router.post(
    "/engagements/{engagement_id}/goals",
    response={201: GoalOut, **WRITE},
    summary="Set a goal (one to three active at a time; a fourth can start paused)",
)
def create_goal(request: HttpRequest, engagement_id: int, payload: GoalIn) -> Status[GoalOut]:
    engagement = get_engagement(request_user(request), engagement_id)
    engagement.require_client_write(request_user(request), GOALS)
    goal = goal_create(
        engagement=engagement,
        by=request_user(request),
        text=payload.text,
        confidence=payload.confidence,
        hours_per_week=payload.hours_per_week,
        value_key=payload.value_key,
        option=_option(engagement, payload.option_id),
        due_on=payload.due_on,
        status=payload.status,
    )
    return Status(201, _fresh(goal))


@router.get(
    "/engagements/{engagement_id}/goals/{goal_id}",
    response={200: GoalOut, **READ},
    summary="One goal",
)
def read_goal(request: HttpRequest, engagement_id: int, goal_id: int) -> GoalOut:
    return GoalOut.of(get_goal(request_user(request), engagement_id, goal_id))


@router.patch(
    "/engagements/{engagement_id}/goals/{goal_id}",
    response={200: GoalOut, **WRITE},
    summary="Revise a goal or change its status; `reason` is kept with the revision",
)
def update_goal(
    request: HttpRequest, engagement_id: int, goal_id: int, payload: GoalPatchIn
) -> GoalOut:
    goal = get_goal(request_user(request), engagement_id, goal_id)
    engagement = goal.engagement
    engagement.require_client_write(request_user(request), GOALS)
    sent = payload.model_dump(exclude_unset=True)
    status, reason = sent.pop("status", None), sent.pop("reason", "")
    if "option_id" in sent:
        sent["option"] = _option(engagement, sent.pop("option_id"))
    if "value_key" in sent and sent["value_key"] is None:
        sent["value_key"] = ""
    goal_revise(goal=goal, by=request_user(request), fields=sent, status=status, reason=reason)
    return _fresh(goal)


@router.get(
    "/engagements/{engagement_id}/goals/{goal_id}/revisions",
    response={200: list[RevisionOut], **READ},
    summary="The goal's history: what changed, before and after, and why (newest first)",
)
def list_revisions(request: HttpRequest, engagement_id: int, goal_id: int) -> list[RevisionOut]:
    goal = get_goal(request_user(request), engagement_id, goal_id)
    return [RevisionOut.of(r) for r in goal.revisions.select_related("by")]


# --- the plan --------------------------------------------------------------------------------


@router.post(
    "/engagements/{engagement_id}/goals/{goal_id}/steps",
    response={201: StepOut, **WRITE},
    summary="Add a step to the goal's plan",
)
def add_step(
    request: HttpRequest, engagement_id: int, goal_id: int, payload: StepIn
) -> Status[StepOut]:
    goal = get_goal(request_user(request), engagement_id, goal_id)
    engagement = goal.engagement
    engagement.require_client_write(request_user(request), GOALS)
    step = step_add(
        goal=goal,
        by=request_user(request),
        title=payload.title,
        kind=payload.kind,
        due_on=payload.due_on,
    )
    return Status(201, StepOut.of(step))


@router.patch(
    "/engagements/{engagement_id}/goals/{goal_id}/steps/{step_id}",
    response={200: StepOut, **WRITE},
    summary="Mark a step done or not done, or change its title, kind or date",
)
def update_step(
    request: HttpRequest, engagement_id: int, goal_id: int, step_id: int, payload: StepPatchIn
) -> StepOut:
    goal = get_goal(request_user(request), engagement_id, goal_id)
    engagement = goal.engagement
    step = get_object_or_404(Step, pk=step_id, goal=goal)
    step.goal = goal
    engagement.require_client_write(request_user(request), GOALS)
    sent = payload.model_dump(exclude_unset=True)
    done = sent.pop("done", None)
    step_edit(step=step, by=request_user(request), fields=sent, done=done)
    step.refresh_from_db()
    return StepOut.of(step)


@router.post(
    "/engagements/{engagement_id}/goals/{goal_id}/obstacles",
    response={201: ObstacleOut, **WRITE},
    summary="Plan for an obstacle: if it happens, then what you will do",
)
def add_obstacle(
    request: HttpRequest, engagement_id: int, goal_id: int, payload: ObstacleIn
) -> Status[ObstacleOut]:
    goal = get_goal(request_user(request), engagement_id, goal_id)
    engagement = goal.engagement
    engagement.require_client_write(request_user(request), GOALS)
    obstacle = obstacle_add(
        goal=goal, by=request_user(request), obstacle=payload.obstacle, plan=payload.plan
    )
    return Status(201, ObstacleOut.of(obstacle))


# --- the SMART analysis ----------------------------------------------------------------------


@router.post(
    "/goals/check",
    response={200: SmartCheckOut, 401: ErrorOut},
    summary="The SMART analysis of a goal's text: what it meets, what it found, open questions",
)
def check_goal(request: HttpRequest, payload: CheckIn) -> SmartCheckOut:
    return SmartCheckOut.of(analyse_goal(payload.text, today=payload.today or timezone.localdate()))
