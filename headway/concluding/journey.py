"""What the concluding pages read: the readiness profile's facts and the celebration summary.

Only what the engagement's coach and client both see goes in: never a coach's private
session notes, never results the client keeps to themselves."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from headway.checkins.models import CheckIn
from headway.concluding.models import Conclusion, EfficacyPhase, EfficacyRating, Insight
from headway.concluding.services import latest_by_phase
from headway.core.assessments.efficacy import (
    Change,
    ItemChange,
    ReadinessFacts,
    ReadinessProfile,
    ScaleError,
    ScaleResult,
    readiness_profile,
    scale_changes,
    score_scale,
    what_changed,
)
from headway.decisions.models import DecisionMatrix
from headway.engagements.models import Engagement, Intake
from headway.exploration.models import InformationalInterview
from headway.goals.models import AccountabilityLink, Goal, GoalStatus, Step
from headway.meetings.models import Session


def scale_result(rating: EfficacyRating | None) -> ScaleResult | None:
    if rating is None:
        return None
    try:
        return score_scale({k: int(v) for k, v in rating.responses.items()})
    except (ScaleError, TypeError, ValueError):
        return None  # a scale whose items changed since: shown as not taken


@dataclass(frozen=True)
class Efficacy:
    start: EfficacyRating | None
    middle: EfficacyRating | None
    end: EfficacyRating | None

    @property
    def first(self) -> EfficacyRating | None:
        return self.start or self.middle

    @property
    def now(self) -> EfficacyRating | None:
        return self.end or self.middle

    @property
    def latest(self) -> EfficacyRating | None:
        """The latest taking after the first one; None when there is only one."""
        now = self.now
        return None if now is None or self.first is None or now.pk == self.first.pk else now

    @property
    def changes(self) -> tuple[ItemChange, ...]:
        return scale_changes(scale_result(self.first), scale_result(self.latest))


def efficacy_of(engagement: Engagement) -> Efficacy:
    latest = latest_by_phase(engagement)
    return Efficacy(
        start=latest.get(EfficacyPhase.START),
        middle=latest.get(EfficacyPhase.MIDDLE),
        end=latest.get(EfficacyPhase.END),
    )


def _chosen(engagement: Engagement) -> str:
    matrix = DecisionMatrix.objects.filter(engagement=engagement).select_related("chosen").first()
    return matrix.chosen.title if matrix and matrix.chosen else ""


def _interviews_held(engagement: Engagement) -> int:
    return InformationalInterview.objects.filter(
        option__engagement=engagement, held_on__isnull=False
    ).count()


def insight_of(engagement: Engagement) -> Insight | None:
    return Insight.objects.filter(engagement=engagement).first()


def readiness_of(engagement: Engagement) -> tuple[ReadinessProfile, Efficacy]:
    goals = Goal.objects.filter(engagement=engagement).annotate(
        dated=Count("steps", filter=Q(steps__due_on__isnull=False))
    )
    steps = Step.objects.filter(goal__engagement=engagement).exclude(
        goal__status=GoalStatus.DROPPED
    )
    efficacy = efficacy_of(engagement)
    insight = insight_of(engagement)
    first, now = efficacy.first, efficacy.latest
    facts = ReadinessFacts(
        chosen_option=_chosen(engagement),
        active_goals=sum(g.status == GoalStatus.ACTIVE for g in goals),
        achieved_goals=sum(g.status == GoalStatus.ACHIEVED for g in goals),
        goals_with_dated_steps=sum(
            g.dated > 0  # type: ignore[attr-defined]
            for g in goals
            if g.status in (GoalStatus.ACTIVE, GoalStatus.ACHIEVED)
        ),
        steps_total=steps.count(),
        steps_done=steps.filter(done_at__isnull=False).count(),
        interviews_held=_interviews_held(engagement),
        partner_links=AccountabilityLink.objects.filter(
            engagement=engagement, revoked_at__isnull=True
        ).count(),
        network_in_own_words=insight.network if insight else "",
        efficacy_start=scale_result(first),
        efficacy_now=scale_result(now),
    )
    return readiness_profile(facts), efficacy


# --- the celebration summary -----------------------------------------------------------------


@dataclass(frozen=True)
class Moment:
    on: dt.date
    what: str
    detail: str = ""


@dataclass(frozen=True)
class Celebration:
    engagement: Engagement
    timeline: tuple[Moment, ...]
    changes: tuple[Change, ...]
    efficacy: tuple[ItemChange, ...]
    achieved: tuple[tuple[Goal, tuple[Step, ...]], ...]
    insight: Insight | None
    conclusion: Conclusion | None


def _day(at: dt.datetime) -> dt.date:
    return timezone.localdate(at)


def _timeline(engagement: Engagement, goals: list[Goal]) -> list[Moment]:
    moments = [Moment(_day(engagement.created_at), "The journey began")]
    for t in engagement.transitions.filter(from_stage__isnull=False).select_related("to_stage"):
        moments.append(Moment(_day(t.moved_at), f"Moved on to {t.to_stage.name}", t.reason))
    for s in Session.objects.past().filter(engagement=engagement):
        moments.append(Moment(_day(s.starts_at), "Coaching session"))
    for g in goals:
        moments.append(Moment(_day(g.created_at), "Set a goal", g.text))
        if g.status == GoalStatus.ACHIEVED and g.closed_at:
            moments.append(Moment(_day(g.closed_at), "Achieved a goal", g.text))
    for c in CheckIn.objects.filter(engagement=engagement):
        if c.win:  # encrypted at rest: filtered here, not in SQL
            moments.append(Moment(_day(c.created_at), "A win", c.win))
    if engagement.concluded_at:
        moments.append(Moment(_day(engagement.concluded_at), "Concluded"))
    return sorted(moments, key=lambda m: m.on)


def celebration_of(engagement: Engagement) -> Celebration:
    goals = list(Goal.objects.filter(engagement=engagement).prefetch_related("steps"))
    efficacy = efficacy_of(engagement)
    insight = insight_of(engagement)
    intake = Intake.objects.filter(engagement=engagement).first()
    done_steps = [s for g in goals for s in g.steps.all() if s.done_at is not None]
    achieved = tuple(
        (g, tuple(s for s in g.steps.all() if s.done_at is not None))
        for g in goals
        if g.status == GoalStatus.ACHIEVED
    )
    first, now = efficacy.first, efficacy.latest
    changes = what_changed(
        efficacy_before=scale_result(first),
        efficacy_after=scale_result(now),
        satisfaction_before=intake.satisfaction if intake else None,
        satisfaction_after=insight.satisfaction_now if insight else None,
        goals_achieved=len(achieved),
        steps_done=len(done_steps),
        interviews_held=_interviews_held(engagement),
    )
    return Celebration(
        engagement=engagement,
        timeline=tuple(_timeline(engagement, goals)),
        changes=changes,
        efficacy=efficacy.changes,
        achieved=achieved,
        insight=insight,
        conclusion=Conclusion.objects.filter(engagement=engagement).first(),
    )
