"""Where reminders come from: a registry of sources, and the built-in ones (sessions, steps,
check-in prompts).

A source is a function `(now) -> Iterable[DueReminder]` registered for a kind with
`@register_source(kind)`. It offers everything that may be reminded of around `now` (the
coming week, and steps still open); headway/core/followup/reminders.py decides what is due, and the
service applies each person's preferences and sends. Features that come later register
their own source in a module their app imports at start-up (`AppConfig.ready()`):

- the Career Offsite registers kind `offsite` (its dates), already in everyone's preferences;
- the concluding follow-ups (3, 6 and 12 months after a journey ends) register `followup`.
  Those are the only reminders about a concluded engagement that are sent.

A kind with its own email template `emails/reminder_<kind>_body.txt` (and `_subject.txt`)
uses it; otherwise `reminder_other` shows the reminder's title, time, place and link.
Texts in a reminder are short and never private: no journal, note or check-in words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from zoneinfo import ZoneInfo

from django.db.models import Max
from django.urls import reverse

from headway.accounts.mail import absolute
from headway.core.followup import reminders as core
from headway.core.followup.reminders import DueReminder
from headway.engagements.models import Engagement, EngagementStatus
from headway.goals.models import GoalStatus, Step
from headway.meetings.models import Session
from headway.meetings.session_services import when
from headway.reminders.models import Kind, ReminderPreference, preferences_map

Source = Callable[[dt.datetime], Iterable[DueReminder]]
SOURCES: list[tuple[str, Source]] = []


def register_source(kind: str) -> Callable[[Source], Source]:
    """Add a source of reminders of `kind` (decorator)."""

    def register(source: Source) -> Source:
        if (kind, source) not in SOURCES:
            SOURCES.append((kind, source))
        return source

    return register


def gather(now: dt.datetime) -> list[DueReminder]:
    return [r for kind, source in SOURCES for r in source(now) if r.kind == kind]


def _name(person: object) -> str:
    return getattr(person, "name", "") or getattr(person, "email", "")


def _day(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


# --- coaching sessions --------------------------------------------------------------------


@register_source(Kind.SESSION)
def session_reminders(now: dt.datetime) -> Iterator[DueReminder]:
    """Coach and client, about a day before each session of an active engagement (and an
    hour before, for those who ask); in the zone the session was booked in."""
    horizon = now + dt.timedelta(days=core.DIGEST_DAYS + 1)
    sessions = list(
        Session.objects.upcoming(now)
        .filter(
            starts_at__lt=horizon,
            engagement__status=EngagementStatus.ACTIVE,
            engagement__client__isnull=False,
        )
        .select_related("engagement__coach", "engagement__client")
    )
    people = {p for s in sessions for p in (s.engagement.coach_id, s.engagement.client_id)}
    prefs = preferences_map(p for p in people if p is not None)
    for session in sessions:
        e = session.engagement
        link = absolute(reverse("session_detail", args=[e.pk, session.pk]))
        for person, other in ((e.coach, e.client), (e.client, e.coach)):
            if person is None:
                continue
            base = DueReminder(
                user_id=person.pk,
                kind=Kind.SESSION,
                subject=f"session:{session.pk}",
                occasion="week",
                title=f"Coaching session with {_name(other)}",
                at=session.starts_at,
                when=when(session).text,
                where=session.place,
                url=link,
                engagement_id=e.pk,
            )
            leads = core.SESSION_LEADS if prefs[person.pk].session_hour_before else (24,)
            occasions = core.session_occasions(session.starts_at, session.updated_at, leads)
            if not occasions:
                yield base  # booked at short notice: the invitation was the reminder
            for occasion in occasions:
                yield core.with_occasion(base, occasion)


# --- steps coming due -----------------------------------------------------------------------


@register_source(Kind.STEP)
def step_reminders(now: dt.datetime) -> Iterator[DueReminder]:
    """The client, on the morning before a step of an active goal is due (or of its due
    day); overdue steps only as "still open" for the digest, never nagged."""
    latest = (now + dt.timedelta(days=core.DIGEST_DAYS + 2)).date()
    steps = list(
        Step.objects.filter(
            due_on__isnull=False,
            due_on__lte=latest,
            done_at__isnull=True,
            goal__status=GoalStatus.ACTIVE,
            goal__engagement__status=EngagementStatus.ACTIVE,
            goal__engagement__client__isnull=False,
        ).select_related("goal__engagement")
    )
    prefs = preferences_map(s.goal.engagement.client_id for s in steps)  # type: ignore[misc]
    for step in steps:
        e = step.goal.engagement
        assert step.due_on is not None and e.client_id is not None
        pref = prefs[e.client_id]
        zone = pref.time_zone
        today = now.astimezone(ZoneInfo(zone)).date()
        overdue = step.due_on < today
        base = DueReminder(
            user_id=e.client_id,
            kind=Kind.STEP,
            subject=f"step:{step.pk}",
            occasion=core.STILL_OPEN if overdue else "week",
            title=step.title,
            at=core.local_morning(step.due_on, zone),
            when=f"{'was due' if overdue else 'due'} {_day(step.due_on)}",
            url=absolute(reverse("goal_detail", args=[e.pk, step.goal_id])),
            engagement_id=e.pk,
            still_open=overdue,
        )
        occasion = (
            None
            if overdue
            else core.step_occasion(step.due_on, step.created_at, zone, pref.step_lead)
        )
        yield base if occasion is None else core.with_occasion(base, occasion)


# --- check-in prompts -----------------------------------------------------------------------


@register_source(Kind.CHECKIN)
def checkin_reminders(now: dt.datetime) -> Iterator[DueReminder]:
    """The client of an active engagement, coached or self-guided, after some days without
    a check-in: one gentle prompt, then none until they check in or as long again passes."""
    engagements = list(
        Engagement.objects.filter(status=EngagementStatus.ACTIVE, client__isnull=False)
        .annotate(last_check_in=Max("check_ins__created_at"))
        .order_by("pk")
    )
    prefs = preferences_map(e.client_id for e in engagements)  # type: ignore[misc]
    for e in engagements:
        assert e.client_id is not None
        pref: ReminderPreference = prefs[e.client_id]
        since = e.last_check_in or e.created_at  # type: ignore[attr-defined]
        occasion = core.checkin_occasion(since, now, pref.checkin_days)
        if occasion is None:
            continue
        days = (now - since).days
        yield core.with_occasion(
            DueReminder(
                user_id=e.client_id,
                kind=Kind.CHECKIN,
                subject=f"checkin:{e.pk}",
                occasion="",
                title="A check-in, when it suits you",
                at=occasion.send_from,
                when=f"It has been {days} days since your last check-in"
                if e.last_check_in  # type: ignore[attr-defined]
                else f"You are {days} days into your journey, with no check-in yet",
                url=absolute(reverse("checkins", args=[e.pk])),
                engagement_id=e.pk,
            ),
            occasion,
        )
