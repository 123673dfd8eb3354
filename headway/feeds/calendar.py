"""The calendar: events from Headway as iCalendar (RFC 5545), for a download and for a
person's private subscription feed.

Features add their events through a provider registry: a provider is a function
`(user) -> Iterable[CalendarEvent]`, registered with `@register_provider`, and the feed of a
person holds the events of every provider. Each feature (the plan's steps and goal deadlines,
sessions, introductory bookings, offsites) registers its own provider in a module its app
imports at start-up, e.g. from `AppConfig.ready()`; this module imports none of them.

Choices, and why:

- An event is all-day unless it has a start and an end (DTSTART;VALUE=DATE plus an exclusive
  DTEND on the next day). VTODO would suit steps better, but Google Calendar and Outlook
  ignore tasks in a subscription, so steps would silently go missing there.
  TRANSP:TRANSPARENT keeps a deadline from showing the person as busy all day.
- UIDs carry the host of SITE_URL (`feed_host()`), so a subscription updates its events
  instead of duplicating them. DTSTAMP and LAST-MODIFIED are the newest timestamp the rows
  carry (`newest()`), not the time of the request: the same rows give byte-for-byte the same
  file, which lets the feed answer 304 through its ETag. SEQUENCE is left out because nothing
  counts revisions; subscribed calendars replace the whole feed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

import icalendar
from django.conf import settings

from headway.accounts.models import User

PRODID = "-//Headway//Headway//EN"
CALENDAR_TYPE = "text/calendar; charset=utf-8"
# How often subscribed calendars are asked to come back (the feed's Cache-Control agrees).
REFRESH = timedelta(hours=1)
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


# --- for providers: UIDs, links and stamps ----------------------------------------------


def feed_host() -> str:
    """The host in every event's UID."""
    return urlsplit(settings.SITE_URL).hostname or "headway"


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def newest(*moments: datetime | None) -> datetime:
    """An event's DTSTAMP: the newest moment its rows carry (EPOCH when none does)."""
    return max((m for m in moments if m is not None), default=EPOCH)


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


def feed_ical(user: User) -> bytes:
    """The subscription feed: everything Headway has in a person's calendar."""
    return to_ical(
        feed_events(user),
        name="Headway",
        description=f"{user.name or user.email}: steps and goal deadlines from Headway.",
    )
