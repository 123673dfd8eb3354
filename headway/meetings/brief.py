"""The prep brief's facts, gathered from the database for one session, and the brief itself."""

from __future__ import annotations

from django.utils import timezone

from headway.checkins.models import CheckIn
from headway.core.followup.brief import (
    Brief,
    BriefFacts,
    CheckInFact,
    GoalFact,
    ObstacleFact,
    StepFact,
    build_brief,
)
from headway.goals.models import Goal, GoalStatus, Obstacle
from headway.meetings.models import Session


def previous_session(session: Session) -> Session | None:
    """The scheduled session of the same engagement just before this one, if any."""
    return (
        Session.objects.scheduled()
        .filter(engagement_id=session.engagement_id, starts_at__lt=session.starts_at)
        .exclude(pk=session.pk)
        .order_by("-starts_at", "-pk")
        .first()
    )


def brief_facts(session: Session) -> BriefFacts:
    # Dates in the brief ("due before the session", "overdue") are read in the site's zone,
    # like the rest of the plan's dates.
    local = timezone.localtime
    last = previous_session(session)
    engagement = session.engagement
    goals = Goal.objects.filter(engagement=engagement, status=GoalStatus.ACTIVE).prefetch_related(
        "steps"
    )
    check_ins = CheckIn.objects.filter(engagement=engagement, created_at__lt=session.starts_at)
    obstacles = Obstacle.objects.filter(
        goal__engagement=engagement, created_at__lt=session.starts_at
    ).select_related("goal")
    if last is not None:
        obstacles = obstacles.filter(created_at__gte=last.starts_at)
    return BriefFacts(
        now=local(),
        until=local(session.starts_at),
        since=local(last.starts_at) if last is not None else None,
        goals=tuple(
            GoalFact(
                text=g.text,
                steps=tuple(
                    StepFact(
                        title=s.title,
                        due_on=s.due_on,
                        done_at=local(s.done_at) if s.done_at else None,
                    )
                    for s in g.steps.all()
                ),
            )
            for g in goals
        ),
        check_ins=tuple(
            CheckInFact(
                at=local(c.created_at),
                energy=c.energy,
                progress=c.progress,
                obstacles=c.obstacles,
                win=c.win,
            )
            for c in check_ins
        ),
        plan_obstacles=tuple(
            ObstacleFact(
                at=local(o.created_at),
                goal=o.goal.text,
                obstacle=o.if_then.obstacle,
                plan=o.if_then.plan,
            )
            for o in obstacles
        ),
        topics=tuple(session.topics.values_list("text", flat=True)),
    )


def session_brief(session: Session) -> Brief:
    return build_brief(brief_facts(session))
