"""Concluding: the self-efficacy scale, the readiness profile, the conclusion, the client's
insights, the celebration summary and the follow-ups after the end.

The same rules as the pages: the coach and the client of an engagement see everything here;
the client rates the scale, writes the insights and answers or declines the follow-ups; the
coach (or a self-guided client) concludes."""

from __future__ import annotations

from datetime import date, datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from headway.api.auth import request_user
from headway.api.schemas import ErrorOut
from headway.concluding.journey import celebration_of, insight_of, readiness_of
from headway.concluding.models import (
    EFFICACY,
    FOLLOWUPS,
    INSIGHTS,
    EfficacyPhase,
    EfficacyRating,
    FollowUp,
    Insight,
)
from headway.concluding.services import (
    efficacy_record,
    engagement_conclude,
    followup_answer,
    followup_is_open,
    followup_set_declined,
    followups_mark_seen,
    followups_offer,
    insights_save,
)
from headway.core.assessments.efficacy import SCALE
from headway.engagements.access import get_engagement

router = Router(tags=["concluding"])

READ = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


class ScaleItemOut(Schema):
    key: str
    text: str


class EfficacyOut(Schema):
    id: int
    phase: str = Field(description="start, middle or end")
    taken_at: datetime
    mean: float = Field(description="Average of the ratings, 1-5")
    responses: dict[str, int] = Field(description="Item key: 1 (not at all) … 5 (completely)")

    @classmethod
    def of(cls, r: EfficacyRating) -> EfficacyOut:
        return cls(id=r.pk, phase=r.phase, taken_at=r.taken_at, mean=r.mean, responses=r.responses)


class EfficacyIn(Schema):
    responses: dict[str, int] = Field(description="Every item key of the scale: 1-5")
    phase: str = Field(default="", description="start, middle or end; empty: suggested")


class AspectOut(Schema):
    key: str
    label: str
    in_place: list[str]
    questions: list[str] = Field(description="Open questions, never a verdict")


class ReadinessOut(Schema):
    aspects: list[AspectOut]
    scale: list[ScaleItemOut]


class ConcludeIn(Schema):
    reflection: str = ""


class ConclusionOut(Schema):
    concluded_at: datetime
    reflection: str


class InsightIn(Schema):
    learned: str = ""
    changed: str = ""
    network: str = ""
    satisfaction_now: int | None = Field(default=None, ge=1, le=10)


class InsightOut(Schema):
    learned: str
    changed: str
    network: str
    satisfaction_now: int | None

    @classmethod
    def of(cls, i: Insight | None) -> InsightOut:
        if i is None:
            return cls(learned="", changed="", network="", satisfaction_now=None)
        return cls(
            learned=i.learned,
            changed=i.changed,
            network=i.network,
            satisfaction_now=i.satisfaction_now,
        )


class MomentOut(Schema):
    on: date
    what: str
    detail: str


class ChangeOut(Schema):
    label: str
    before: str
    after: str


class ItemChangeOut(Schema):
    key: str
    text: str
    before: int | None
    after: int | None


class AchievedOut(Schema):
    goal: str
    steps_done: list[str]


class CelebrationOut(Schema):
    concluded_at: datetime | None
    timeline: list[MomentOut]
    what_changed: list[ChangeOut]
    confidence: list[ItemChangeOut]
    goals_achieved: list[AchievedOut]
    insights: InsightOut
    closing_reflection: str


class FollowUpOut(Schema):
    id: int
    months: int
    due_on: date
    open: bool = Field(description="Due now, wanted and not answered yet")
    declined_at: datetime | None
    answered_at: datetime | None
    energy: int | None
    how: str
    happened: str
    next: str

    @classmethod
    def of(cls, f: FollowUp) -> FollowUpOut:
        return cls(
            id=f.pk,
            months=f.months,
            due_on=f.due_on,
            open=followup_is_open(f),
            declined_at=f.declined_at,
            answered_at=f.answered_at,
            energy=f.energy,
            how=f.how,
            happened=f.happened,
            next=f.next,
        )


class DeclineIn(Schema):
    declined: bool = Field(description="true: no thanks; false: I'd like it after all")


class FollowUpAnswerIn(Schema):
    energy: int = Field(ge=1, le=10)
    how: str = ""
    happened: str = ""
    next: str = ""


@router.get(
    "/engagements/{engagement_id}/self-efficacy",
    response={200: list[EfficacyOut], **READ},
    summary="Every taking of the self-efficacy scale, newest first",
)
def efficacy_list(request: HttpRequest, engagement_id: int) -> list[EfficacyOut]:
    engagement = get_engagement(request_user(request), engagement_id)
    return [EfficacyOut.of(r) for r in EfficacyRating.objects.filter(engagement=engagement)]


@router.post(
    "/engagements/{engagement_id}/self-efficacy",
    response={201: EfficacyOut, **WRITE},
    summary="Rate the self-efficacy scale (the client)",
)
def efficacy_add(
    request: HttpRequest, engagement_id: int, payload: EfficacyIn
) -> Status[EfficacyOut]:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    engagement.require_client(user, EFFICACY)
    if payload.phase and payload.phase not in EfficacyPhase.values:
        raise HttpError(400, "The phase is start, middle or end.")
    rating = efficacy_record(
        engagement=engagement, by=user, responses=payload.responses, phase=payload.phase
    )
    return Status(201, EfficacyOut.of(rating))


@router.get(
    "/engagements/{engagement_id}/conclusion/readiness",
    response={200: ReadinessOut, **READ},
    summary="Readiness to conclude: what is in place and the open questions it raises",
)
def readiness(request: HttpRequest, engagement_id: int) -> ReadinessOut:
    engagement = get_engagement(request_user(request), engagement_id)
    profile, _ = readiness_of(engagement)
    return ReadinessOut(
        aspects=[
            AspectOut(
                key=a.key, label=a.label, in_place=list(a.in_place), questions=list(a.questions)
            )
            for a in profile.aspects
        ],
        scale=[ScaleItemOut(key=i.key, text=i.text) for i in SCALE],
    )


@router.post(
    "/engagements/{engagement_id}/conclusion",
    response={201: ConclusionOut, **WRITE},
    summary="Conclude the engagement (the coach, or a self-guided client); offers follow-ups",
)
def conclude(
    request: HttpRequest, engagement_id: int, payload: ConcludeIn
) -> Status[ConclusionOut]:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    if not engagement.can_change_status(user):
        raise HttpError(403, "The coach concludes a coached engagement.")
    c = engagement_conclude(engagement=engagement, by=user, reflection=payload.reflection)
    return Status(201, ConclusionOut(concluded_at=c.concluded_at, reflection=c.reflection))


@router.get(
    "/engagements/{engagement_id}/insights",
    response={200: InsightOut, **READ},
    summary="The client's insights in their own words",
)
def insights(request: HttpRequest, engagement_id: int) -> InsightOut:
    engagement = get_engagement(request_user(request), engagement_id)
    return InsightOut.of(insight_of(engagement))


@router.put(
    "/engagements/{engagement_id}/insights",
    response={200: InsightOut, **WRITE},
    summary="Write the insights (the client), before or after the conclusion",
)
def insights_put(request: HttpRequest, engagement_id: int, payload: InsightIn) -> InsightOut:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    engagement.require_client(user, INSIGHTS)
    return InsightOut.of(insights_save(engagement=engagement, by=user, **payload.dict()))


@router.get(
    "/engagements/{engagement_id}/celebration",
    response={200: CelebrationOut, **READ},
    summary="The celebration summary: timeline, what changed, goals achieved, insights",
)
def celebration(request: HttpRequest, engagement_id: int) -> CelebrationOut:
    engagement = get_engagement(request_user(request), engagement_id)
    c = celebration_of(engagement)
    return CelebrationOut(
        concluded_at=engagement.concluded_at,
        timeline=[MomentOut(on=m.on, what=m.what, detail=m.detail) for m in c.timeline],
        what_changed=[ChangeOut(label=x.label, before=x.before, after=x.after) for x in c.changes],
        confidence=[
            ItemChangeOut(key=x.key, text=x.text, before=x.before, after=x.after)
            for x in c.efficacy
        ],
        goals_achieved=[
            AchievedOut(goal=g.text, steps_done=[s.title for s in steps]) for g, steps in c.achieved
        ],
        insights=InsightOut.of(c.insight),
        closing_reflection=c.conclusion.reflection if c.conclusion else "",
    )


@router.get(
    "/engagements/{engagement_id}/follow-ups",
    response={200: list[FollowUpOut], **READ},
    summary="The follow-ups at 3, 6 and 12 months (empty until the conclusion)",
)
def followups(request: HttpRequest, engagement_id: int) -> list[FollowUpOut]:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    rows = followups_offer(engagement=engagement)
    if engagement.is_coach(user):
        followups_mark_seen(engagement=engagement, by=user)
    return [FollowUpOut.of(f) for f in rows]


def _followup(request: HttpRequest, engagement_id: int, followup_id: int) -> FollowUp:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    engagement.require_client(user, FOLLOWUPS)
    return get_object_or_404(FollowUp, pk=followup_id, engagement=engagement)


@router.put(
    "/engagements/{engagement_id}/follow-ups/{followup_id}/declined",
    response={200: FollowUpOut, **WRITE},
    summary="Decline a follow-up, or accept it again (the client)",
)
def followup_decline(
    request: HttpRequest, engagement_id: int, followup_id: int, payload: DeclineIn
) -> FollowUpOut:
    followup = _followup(request, engagement_id, followup_id)
    user = request_user(request)
    return FollowUpOut.of(
        followup_set_declined(followup=followup, by=user, declined=payload.declined)
    )


@router.post(
    "/engagements/{engagement_id}/follow-ups/{followup_id}/answer",
    response={200: FollowUpOut, **WRITE},
    summary="Answer a due follow-up: how things are, what happened, what's next, energy",
)
def followup_answer_post(
    request: HttpRequest, engagement_id: int, followup_id: int, payload: FollowUpAnswerIn
) -> FollowUpOut:
    followup = _followup(request, engagement_id, followup_id)
    user = request_user(request)
    return FollowUpOut.of(followup_answer(followup=followup, by=user, **payload.dict()))
