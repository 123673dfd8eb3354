"""Shared setup of the reminders tests: a session, a step, and a sweep as of some moment."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from headway.goals.models import Step
from headway.goals.services import goal_create, step_add
from headway.meetings.models import Session
from headway.meetings.session_services import local_to_utc, session_schedule
from headway.reminders.models import SentReminder
from tests.helpers import World


def schedule(world: World, days: int = 3, zone: str = "Europe/London") -> Session:
    day = timezone.localdate() + dt.timedelta(days=days)
    return session_schedule(
        engagement=world.engagement,
        by=world.owner,
        starts_at=local_to_utc(day, dt.time(18), zone),
        time_zone=zone,
        place="https://meet.example.com/olivia",
        agenda="Private agenda words",
    )


def step(world: World, days: int = 2, title: str = "Ask Ana for a call", engagement=None) -> Step:
    e = engagement or world.engagement
    client = e.client
    goal = e.goals.first() or goal_create(engagement=e, by=client, text="Try UX research")
    due = timezone.localdate() + dt.timedelta(days=days)
    return step_add(goal=goal, by=client, title=title, due_on=due)


def morning(days: int) -> dt.datetime:
    """08:30 UTC, `days` from today (the tests' zone is UTC)."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(8, 30), tzinfo=dt.UTC)


def sent(kind: str | None = None) -> list[tuple[str, str, str]]:
    qs = SentReminder.objects.order_by("user__email", "kind", "subject")
    if kind:
        qs = qs.filter(kind=kind)
    return list(qs.values_list("user__email", "kind", "occasion"))
