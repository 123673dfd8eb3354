"""A session as iCalendar: the emailed invitation (iTIP, RFC 5546) and the subscription feed.

The invitation is a VCALENDAR with METHOD:REQUEST and one VEVENT; a cancellation is the same
event with METHOD:CANCEL and STATUS:CANCELLED. Calendars match the two by UID, which is fixed
per session, and take the one with the higher SEQUENCE, which the services bump on every
change. The start carries the zone the session was booked in (TZID plus its VTIMEZONE), so
a calendar shows "18:00 London" even for someone in another zone; UTC stays plain UTC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.db.models import Q
from django.urls import reverse

from headway.accounts.models import User
from headway.engagements.models import EngagementStatus
from headway.feeds.calendar import PRODID, CalendarEvent, register_provider
from headway.meetings.models import Session

MIMETYPE = "text/calendar"


def session_uid(session: Session) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "headway"
    return f"session-{session.pk}@{host}"


def session_title(session: Session) -> str:
    e = session.engagement
    coach = e.coach.name if e.coach else "coach"
    return f"Coaching session: {e.client_name} and {coach}"


def session_url(session: Session) -> str:
    path = reverse("session_detail", args=[session.engagement_id, session.pk])
    return f"{settings.SITE_URL}{path}"


def _address(user: User, role: str | None = None) -> icalendar.vCalAddress:
    address = icalendar.vCalAddress(f"mailto:{user.email}")
    address.params["CN"] = user.name or user.email
    if role:
        address.params["ROLE"] = role
        address.params["PARTSTAT"] = "NEEDS-ACTION"
        address.params["RSVP"] = "FALSE"  # replies would go to the coach's mail, not Headway
    return address


def invitation(session: Session, *, cancel: bool = False) -> bytes:
    """The invitation (or its cancellation) for one session."""
    e = session.engagement
    zone = ZoneInfo(session.time_zone)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "CANCEL" if cancel else "REQUEST")
    event = icalendar.Event()
    event.add("uid", session_uid(session))
    event.add("sequence", session.sequence)
    event.add("dtstamp", session.updated_at.astimezone(dt.UTC))
    if session.time_zone == "UTC":
        event.add("dtstart", session.starts_at.astimezone(dt.UTC))
        event.add("dtend", session.ends_at.astimezone(dt.UTC))
    else:
        event.add("dtstart", session.starts_at.astimezone(zone))
        event.add("dtend", session.ends_at.astimezone(zone))
    event.add("summary", session_title(session))
    event.add("status", "CANCELLED" if cancel else "CONFIRMED")
    if e.coach is not None:
        event.add("organizer", _address(e.coach))
    if e.client is not None:
        event.add("attendee", _address(e.client, "REQ-PARTICIPANT"))
    if session.place:
        event.add("location", session.place)
    description = session.agenda or "No agenda yet."
    if cancel and session.cancel_reason:
        description = f"Cancelled: {session.cancel_reason}\n\n{description}"
    event.add("description", f"{description}\n\n{session_url(session)}")
    event.add("url", session_url(session))
    cal.add_component(event)
    # Calendars need the zone's rules (VTIMEZONE) to read a TZID; the library writes them.
    cal.add_missing_timezones()
    ics: bytes = cal.to_ical()  # icalendar leaves Component.to_ical unannotated
    return ics


def invitation_attachment(session: Session, *, cancel: bool = False) -> tuple[str, str, str]:
    """(filename, content, mimetype) for accounts.mail.send_templated."""
    method = "CANCEL" if cancel else "REQUEST"
    content = invitation(session, cancel=cancel).decode()
    return ("cancel.ics" if cancel else "invite.ics", content, f"{MIMETYPE}; method={method}")


@register_provider
def session_events(user: User) -> Iterator[CalendarEvent]:
    """A person's scheduled sessions, as coach and as client, in open engagements."""
    sessions = (
        Session.objects.scheduled()
        .filter(Q(engagement__coach=user) | Q(engagement__client=user))
        .exclude(engagement__status=EngagementStatus.CONCLUDED)
        .select_related("engagement__coach", "engagement__client")
    )
    for s in sessions:
        local = s.starts_at.astimezone(ZoneInfo(s.time_zone))
        yield CalendarEvent(
            uid=session_uid(s),
            title=session_title(s),
            day=local.date(),
            kind="session",
            description=s.agenda,
            url=session_url(s),
            modified=s.updated_at,
            starts_at=s.starts_at,
            ends_at=s.ends_at,
            location=s.place,
        )
