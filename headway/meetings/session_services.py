"""Scheduling coaching sessions: schedule, reschedule, cancel, and the client's topics.

Only the coach of a coached engagement changes the schedule; both people add topics to an
upcoming session. Every change to the schedule emails coach and client an iCalendar
invitation (ics.py) after the transaction commits, so a refused change sends nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from headway.accounts.mail import absolute, send_templated
from headway.accounts.models import User
from headway.engagements.models import Engagement, EngagementStatus
from headway.meetings.ics import invitation_attachment
from headway.meetings.models import Session, SessionStatus, SessionTopic

MIN_MINUTES = 15
MAX_MINUTES = 8 * 60  # an offsite day; anything longer is a typing slip
LONGEST_PLACE = 300
LONGEST_TEXT = 4000
COMMON_ZONES = (
    "UTC",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Amsterdam",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Stockholm",
    "Europe/Warsaw",
    "Europe/Athens",
    "Africa/Johannesburg",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
    "America/Sao_Paulo",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
)


@dataclass(frozen=True)
class When:
    """A session's time as booked: the zone's wall clock, and the zone's name."""

    start: dt.datetime
    end: dt.datetime
    zone: str

    @property
    def text(self) -> str:
        # "Tue 3 Dec 2024, 18:00–19:00 (Europe/London)": the zone is always named, since
        # coach and client may live in different ones.
        day = f"{self.start:%a} {self.start.day} {self.start:%b %Y}"
        return f"{day}, {self.start:%H:%M}–{self.end:%H:%M} ({self.zone})"


def when(session: Session) -> When:
    zone = ZoneInfo(session.time_zone)
    return When(
        session.starts_at.astimezone(zone), session.ends_at.astimezone(zone), session.time_zone
    )


def when_text(starts_at: dt.datetime, minutes: int, zone: str) -> str:
    """The same words for a time that is not (yet) a session: an introductory booking."""
    tz = ZoneInfo(zone)
    ends = starts_at + dt.timedelta(minutes=minutes)
    return When(starts_at.astimezone(tz), ends.astimezone(tz), zone).text


@functools.cache
def _known_zones() -> frozenset[str]:
    # available_timezones() walks the zone database on disk (about 14 ms): once per process.
    # An updated tzdata package is read after a restart, like every upgrade.
    return frozenset(available_timezones())


def valid_zone(name: str) -> str:
    name = name.strip()
    # zoneinfo also opens paths like "../x"; only names in the IANA database count.
    if name not in _known_zones():
        raise ValidationError(f"“{name}” is not a time zone we know. Try e.g. Europe/London.")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(f"“{name}” is not a time zone we know.") from exc
    return name


def local_to_utc(day: dt.date, time: dt.time, zone: str) -> dt.datetime:
    """The moment a wall-clock time in a zone names, refusing times the clocks skip."""
    tz = ZoneInfo(valid_zone(zone))
    local = dt.datetime.combine(day, time.replace(tzinfo=None), tzinfo=tz)
    moment = local.astimezone(dt.UTC)
    if moment.astimezone(tz).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise ValidationError(
            f"{time:%H:%M} does not exist on {day:%-d %b} in {zone}: the clocks go forward "
            "then. Choose another time."
        )
    return moment


def last_zone(coach: User) -> str:
    """The zone the coach booked their last session in: most coaches stay in one."""
    latest = Session.objects.filter(created_by=coach).order_by("-created_at", "-pk").first()
    return latest.time_zone if latest else "UTC"


def may_schedule(engagement: Engagement, by: User) -> bool:
    return (
        not engagement.is_self_guided
        and engagement.is_coach(by)
        and engagement.client_id is not None
        and engagement.is_open
    )


def _coach_writes(engagement: Engagement, by: User) -> None:
    if engagement.is_self_guided:
        raise ValidationError("A self-guided journey has no sessions: there is no coach to meet.")
    if not engagement.is_coach(by):
        raise ValidationError("Only the coach schedules, moves and cancels sessions.")
    if not engagement.is_open:
        raise ValidationError("This engagement is concluded: its sessions are kept as they were.")
    if engagement.client_id is None:
        raise ValidationError("The client has not accepted the invitation yet.")


def _clean(
    starts_at: dt.datetime, time_zone: str, duration_minutes: int, place: str, agenda: str
) -> dict[str, object]:
    if timezone.is_naive(starts_at):
        raise ValidationError("The start needs a time zone.")
    if starts_at < timezone.now():
        raise ValidationError("That time has passed. Choose a time in the future.")
    if not MIN_MINUTES <= duration_minutes <= MAX_MINUTES:
        raise ValidationError(f"A session lasts {MIN_MINUTES} to {MAX_MINUTES} minutes.")
    if len(place) > LONGEST_PLACE:
        raise ValidationError(f"The place or link is at most {LONGEST_PLACE} characters.")
    if len(agenda) > LONGEST_TEXT:
        raise ValidationError(f"The agenda is at most {LONGEST_TEXT} characters.")
    return {
        "starts_at": starts_at.astimezone(dt.UTC),
        "time_zone": valid_zone(time_zone),
        "duration_minutes": duration_minutes,
        "place": place.strip(),
        "agenda": agenda.strip(),
    }


def _notify(session: Session, template: str, *, cancel: bool = False) -> None:
    """Email coach and client the invitation (or its cancellation) as an .ics attachment."""
    engagement = session.engagement
    attachment = invitation_attachment(session, cancel=cancel)
    link = absolute(reverse("session_detail", args=[engagement.pk, session.pk]))
    for person in (engagement.coach, engagement.client):
        if person is None:
            continue
        other = engagement.client if person == engagement.coach else engagement.coach
        context = {
            "session": session,
            "when": when(session).text,
            "person": person,
            "other": other,
            "link": link,
        }
        send_templated(person.email, template, context, attachments=[attachment])


@transaction.atomic
def session_schedule(
    *,
    engagement: Engagement,
    by: User,
    starts_at: dt.datetime,
    time_zone: str,
    duration_minutes: int = 60,
    place: str = "",
    agenda: str = "",
) -> Session:
    _coach_writes(engagement, by)
    fields = _clean(starts_at, time_zone, duration_minutes, place, agenda)
    session = Session.objects.create(engagement=engagement, created_by=by, **fields)
    engagement.touch()
    _notify(session, "session_scheduled")
    return session


@transaction.atomic
def session_book(
    *,
    engagement: Engagement,
    by: User,
    starts_at: dt.datetime,
    time_zone: str,
    duration_minutes: int,
    place: str = "",
) -> Session:
    """A session the client books in one of their coach's free slots (the booking app
    checks the slot under its lock first); both get the invitation, as when the coach
    schedules one."""
    if not engagement.is_client(by) or engagement.coach_id is None:
        raise ValidationError("Only the client books a session with their coach here.")
    if engagement.status != EngagementStatus.ACTIVE:
        raise ValidationError("Sessions are booked while the engagement is active.")
    fields = _clean(starts_at, time_zone, duration_minutes, place, "")
    session = Session.objects.create(engagement=engagement, created_by=by, **fields)
    engagement.touch()
    _notify(session, "session_scheduled")
    return session


@transaction.atomic
def session_reschedule(
    *,
    session: Session,
    by: User,
    starts_at: dt.datetime,
    time_zone: str,
    duration_minutes: int,
    place: str,
    agenda: str,
) -> bool:
    """Change a session; False when nothing changed (and nobody is emailed)."""
    _coach_writes(session.engagement, by)
    if session.status == SessionStatus.CANCELLED:
        raise ValidationError("This session is cancelled. Schedule a new one instead.")
    fields = _clean(starts_at, time_zone, duration_minutes, place, agenda)
    if all(getattr(session, name) == value for name, value in fields.items()):
        return False
    for name, value in fields.items():
        setattr(session, name, value)
    # Calendars replace an invitation only when its SEQUENCE is higher than the one they hold.
    session.sequence += 1
    session.save()
    _notify(session, "session_rescheduled")
    return True


def _client_changes(session: Session, by: User) -> None:
    if not session.engagement.is_client(by):
        raise ValidationError("Only the client moves or cancels a session here.")
    if session.engagement.status != EngagementStatus.ACTIVE:
        raise ValidationError("Sessions change while the engagement is active.")


@transaction.atomic
def session_move_booked(*, session: Session, by: User, starts_at: dt.datetime) -> Session:
    """The client moves their session to another free time (the booking app checks the
    time and the coach's policy first): the same invitation, a higher SEQUENCE."""
    _client_changes(session, by)
    if session.status == SessionStatus.CANCELLED:
        raise ValidationError("This session is cancelled. Book a new one instead.")
    fields = _clean(
        starts_at, session.time_zone, session.duration_minutes, session.place, session.agenda
    )
    session.starts_at = fields["starts_at"]  # type: ignore[assignment]
    session.sequence += 1
    session.save()
    _notify(session, "session_rescheduled")
    return session


@transaction.atomic
def session_cancel(*, session: Session, by: User, reason: str = "") -> Session:
    """The coach cancels (always); the client too, within the coach's policy (checked by the
    booking app before it calls this)."""
    if session.engagement.is_client(by):
        _client_changes(session, by)
    else:
        _coach_writes(session.engagement, by)
    if session.status == SessionStatus.CANCELLED:
        raise ValidationError("This session is cancelled already.")
    if session.starts_at < timezone.now():
        raise ValidationError("This session has taken place already.")
    if len(reason) > LONGEST_TEXT:
        raise ValidationError(f"The reason is at most {LONGEST_TEXT} characters.")
    session.status = SessionStatus.CANCELLED
    session.cancelled_at = timezone.now()
    session.cancel_reason = reason.strip()
    session.sequence += 1
    session.save()
    _notify(session, "session_cancelled", cancel=True)
    return session


def may_add_topic(session: Session, by: User) -> bool:
    engagement = session.engagement
    return (
        (engagement.is_client(by) or engagement.is_coach(by))
        and engagement.is_open
        and session.status == SessionStatus.SCHEDULED
        and session.starts_at >= timezone.now()
    )


@transaction.atomic
def session_topic_add(*, session: Session, by: User, text: str) -> SessionTopic:
    if not may_add_topic(session, by):
        raise ValidationError("Topics can be added to upcoming sessions only.")
    text = text.strip()
    if not text:
        raise ValidationError("Write what you want to talk about.")
    if len(text) > LONGEST_TEXT:
        raise ValidationError(f"A topic is at most {LONGEST_TEXT} characters.")
    return SessionTopic.objects.create(session=session, by=by, text=text)
