"""The calendar: events from Headway as iCalendar (RFC 5545), for a download and for a
person's private subscription feed.

Features add their events through a provider registry: a provider is a function
`(user) -> Iterable[CalendarEvent]`, registered with `@register_provider`, and the feed of a
person holds the events of every provider. This module registers the first one, the plan
(steps and goal deadlines) of the engagements where the person is the client. A later feature
(sessions, check-ins, offsites) registers its own provider in a module its app imports at
start-up, e.g. from `AppConfig.ready()`.

Choices, and why:

- Every event is an all-day VEVENT (DTSTART;VALUE=DATE plus an exclusive DTEND on the next
  day). VTODO would suit steps better, but Google Calendar and Outlook ignore tasks in a
  subscription, so steps would silently go missing there. TRANSP:TRANSPARENT keeps a
  deadline from showing the person as busy all day.
- Only active goals (and their steps) are in the calendar. A paused, achieved or let-go goal
  drops out, so a subscribed calendar stops showing deadlines nobody is working towards.
- Done steps stay, titled "✓ Step: …": ticking a step off then updates the event in place
  rather than making it vanish, and the calendar keeps the record of what got done.
- Concluded engagements stay out of the feed (their plan is history); a download asks for
  one engagement explicitly, so it has its plan whatever the engagement's status.
- UIDs are `step-<pk>@<host>` and `goal-<pk>@<host>`, with the host of SITE_URL, so a
  subscription updates its events instead of duplicating them. DTSTAMP and LAST-MODIFIED
  are the newest timestamp the rows carry, not the time of the request: the same plan gives
  byte-for-byte the same file, which lets the feed answer 304 through its ETag. SEQUENCE is
  left out because nothing counts revisions; subscribed calendars replace the whole feed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from headway.accounts.models import User
from headway.engagements.models import Engagement, EngagementStatus
from headway.planning.models import Goal, Step, StepKind

PRODID = "-//Headway//Headway//EN"
# How often subscribed calendars are asked to come back (the feed's Cache-Control agrees).
REFRESH = timedelta(hours=1)
SUMMARY_LENGTH = 80  # a goal's text can be a paragraph; the title shows its start
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)  # DTSTAMP of an empty calendar's events: none


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day event: what a provider yields and what the API lists."""

    uid: str
    title: str
    day: date
    kind: str  # "step", "goal", and whatever later providers add
    description: str = ""
    url: str = ""  # absolute, to the page in Headway
    modified: datetime = EPOCH
    last_day: date | None = None  # for events over several days; inclusive
    # A timed event (a coaching session) instead of an all-day one; `day` is its local date.
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    location: str = ""


Provider = Callable[[User], Iterable[CalendarEvent]]
PROVIDERS: list[Provider] = []


def register_provider(provider: Provider) -> Provider:
    """Add a provider's events to every person's feed (decorator)."""
    if provider not in PROVIDERS:
        PROVIDERS.append(provider)
    return provider


def feed_events(user: User) -> list[CalendarEvent]:
    """Everything in a person's feed, from every provider, by date."""
    events = [event for provider in PROVIDERS for event in provider(user)]
    return sorted(events, key=lambda e: (e.day, e.kind, e.title, e.uid))


# --- the plan: steps and goal deadlines --------------------------------------------------


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "headway"


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _newest(*moments: datetime | None) -> datetime:
    return max((m for m in moments if m is not None), default=EPOCH)


def _short(text: str) -> str:
    one_line = " ".join(text.split())
    if len(one_line) <= SUMMARY_LENGTH:
        return one_line
    return one_line[: SUMMARY_LENGTH - 1].rstrip() + "…"


def _step_event(step: Step, goal: Goal, url: str, host: str) -> CalendarEvent:
    assert step.due_on is not None
    done = step.done_at is not None
    lines = [f"Goal: {goal.text}"]
    if step.kind != StepKind.ACTION:
        lines.append(f"Kind: {step.get_kind_display()}")
    if step.done_at is not None:
        finished = timezone.localdate(step.done_at)
        lines.append(f"Done on {finished.day} {finished:%B %Y}.")
    return CalendarEvent(
        uid=f"step-{step.pk}@{host}",
        title=f"{'✓ ' if done else ''}Step: {step.title}",
        day=step.due_on,
        kind="step",
        description="\n".join(lines),
        url=url,
        modified=_newest(step.created_at, step.done_at, goal.updated_at),
    )


def _goal_event(goal: Goal, url: str, host: str) -> CalendarEvent:
    assert goal.due_on is not None
    return CalendarEvent(
        uid=f"goal-{goal.pk}@{host}",
        title=f"Goal due: {_short(goal.text)}",
        day=goal.due_on,
        kind="goal",
        description=goal.text,
        url=url,
        modified=_newest(goal.created_at, goal.updated_at),
    )


def plan_events(engagement: Engagement) -> Iterator[CalendarEvent]:
    """The dated steps and goal deadlines of an engagement's active goals."""
    host = _host()
    url = _absolute(reverse("goals", args=[engagement.pk]))
    goals = Goal.objects.active().filter(engagement=engagement).prefetch_related("steps")
    for goal in goals:
        if goal.due_on is not None:
            yield _goal_event(goal, url, host)
        for step in goal.steps.all():
            if step.due_on is not None:
                yield _step_event(step, goal, url, host)


@register_provider
def client_plan_events(user: User) -> Iterator[CalendarEvent]:
    """A person's own plan, in every open engagement where they are the client. A coach's
    feed holds their own plan only, not their clients': deadlines are the client's to keep."""
    engagements = Engagement.objects.of_client(user).exclude(status=EngagementStatus.CONCLUDED)
    for engagement in engagements.order_by("pk"):
        yield from plan_events(engagement)


# --- iCalendar -----------------------------------------------------------------------------


def to_ical(events: Iterable[CalendarEvent], *, name: str, description: str = "") -> bytes:
    """An iCalendar file of the events. The icalendar library folds long lines, escapes
    commas, semicolons and newlines, and ends every line with CRLF."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    if description:
        cal.add("x-wr-caldesc", description)
    # RFC 7986's refresh hint, and the older one Outlook and Apple Calendar read.
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    # icalendar's vDuration.to_ical has no annotations at all, so mypy cannot call it typed.
    ttl = icalendar.vDuration(REFRESH).to_ical()  # type: ignore[no-untyped-call]
    cal.add("x-published-ttl", ttl.decode())
    for e in events:
        stamp = e.modified.astimezone(UTC)
        event = icalendar.Event()
        event.add("uid", e.uid)
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("summary", e.title)
        if e.starts_at is not None and e.ends_at is not None:
            # A meeting blocks the time, so it stays OPAQUE (the default).
            event.add("dtstart", e.starts_at.astimezone(UTC))
            event.add("dtend", e.ends_at.astimezone(UTC))
        else:
            event.add("dtstart", e.day)
            event.add("dtend", (e.last_day or e.day) + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        if e.location:
            event.add("location", e.location)
        event.add("categories", [f"Headway {e.kind}"])
        if e.description:
            event.add("description", e.description)
        if e.url:
            event.add("url", e.url)
        cal.add_component(event)
    ics: bytes = cal.to_ical()  # icalendar leaves Component.to_ical unannotated
    return ics


def plan_ical(engagement: Engagement) -> bytes:
    """The download: one engagement's plan."""
    return to_ical(
        plan_events(engagement),
        name=f"Headway: {engagement.client_name}’s plan",
        description="Steps and goal deadlines from Headway.",
    )


def feed_ical(user: User) -> bytes:
    """The subscription feed: everything Headway has in a person's calendar."""
    return to_ical(
        feed_events(user),
        name="Headway",
        description=f"{user.name or user.email}: steps and goal deadlines from Headway.",
    )
