"""Booking: a coach's hours and session types, the free slots they leave, and a booking that
takes one, race-safe. Reading here, writing in the `<entity>_<action>` services below."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from headway.accounts.models import User
from headway.booking.models import (
    Audience,
    BookingSettings,
    BusyCalendar,
    DateHours,
    IntroBooking,
    SessionType,
    TimeOff,
    WeeklyHours,
)
from headway.booking.packages import package_check
from headway.core.scheduling import slots as core
from headway.core.scheduling.slots import Availability, DayOverride, Interval, Slot, Window
from headway.engagements.models import Engagement
from headway.meetings.models import Session
from headway.meetings.session_services import (
    last_zone,
    session_book,
    session_cancel,
    session_move_booked,
    valid_zone,
)

DEFAULT_TYPES = (
    {"name": "Introductory session", "minutes": 20, "audience": Audience.PUBLIC, "position": 0},
    {"name": "Coaching session", "minutes": 60, "audience": Audience.CLIENTS, "position": 1},
)


# --- reading ------------------------------------------------------------------------------


@transaction.atomic
def booking_settings(coach: User) -> BookingSettings:
    """The coach's settings, made with two session types on first use."""
    found = BookingSettings.objects.filter(coach=coach).first()
    if found is not None:
        return found
    made, created = BookingSettings.objects.get_or_create(
        coach=coach, defaults={"time_zone": last_zone(coach)}
    )
    if created and not SessionType.objects.filter(coach=coach).exists():
        SessionType.objects.bulk_create(SessionType(coach=coach, **t) for t in DEFAULT_TYPES)
    return made


def availability_of(coach: User, zone: str) -> Availability:
    """The coach's weekly hours, date overrides and time off (three queries)."""
    weekly = tuple(
        Window(w, a, b)
        for w, a, b in WeeklyHours.objects.filter(coach=coach).values_list(
            "weekday", "starts", "ends"
        )
    )
    days: dict[dt.date, list[tuple[dt.time, dt.time]]] = {}
    for day, a, b in DateHours.objects.filter(coach=coach).values_list("day", "starts", "ends"):
        days.setdefault(day, [])
        if a is not None and b is not None:
            days[day].append((a, b))
    tz = ZoneInfo(zone)
    off = tuple(
        Interval(
            dt.datetime.combine(first, dt.time(0), tzinfo=tz),
            dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), tzinfo=tz),
        )
        for first, last in TimeOff.objects.filter(coach=coach).values_list("first_day", "last_day")
    )
    overrides = tuple(DayOverride(d, tuple(sorted(w))) for d, w in days.items())
    return Availability(zone, weekly, overrides, off)


def _sessions(coach: User, start: dt.datetime, end: dt.datetime) -> list[Session]:
    # A session longer than a day does not exist (MAX_MINUTES), so a day's margin finds all.
    return list(
        Session.objects.scheduled().filter(
            engagement__coach=coach,
            starts_at__gte=start - dt.timedelta(days=1),
            starts_at__lt=end,
        )
    )


def calendar_busy(coach: User, start: dt.datetime, end: dt.datetime) -> list[Interval]:
    """The busy intervals kept from the coach's calendars that touch [start, end)."""
    lo, hi = start.timestamp(), end.timestamp()
    found = []
    for busy in BusyCalendar.objects.filter(coach=coach).values_list("busy", flat=True):
        for a, b in busy:
            if a < hi and b > lo:
                found.append(
                    Interval(
                        dt.datetime.fromtimestamp(a, dt.UTC), dt.datetime.fromtimestamp(b, dt.UTC)
                    )
                )
    return found


def busy_of(
    coach: User, start: dt.datetime, end: dt.datetime, now: dt.datetime | None = None
) -> list[Interval]:
    """What takes the coach's time: their sessions, introductory sessions (confirmed, or held
    while their email is confirmed) and the busy times read from their own calendars."""
    intros = IntroBooking.objects.holding(now or timezone.now()).filter(
        coach=coach, starts_at__gte=start - dt.timedelta(days=1), starts_at__lt=end
    )
    return [
        *(Interval(s.starts_at, s.ends_at) for s in _sessions(coach, start, end)),
        *(Interval(b.starts_at, b.ends_at) for b in intros),
        *calendar_busy(coach, start, end),
    ]


def booked_per_day(
    coach: User, session_type: SessionType, zone: str, start: dt.datetime, end: dt.datetime
) -> Counter[dt.date]:
    """Sessions of this type's length already booked each local day (for its daily limit)."""
    if session_type.per_day is None:
        return Counter()
    tz = ZoneInfo(zone)
    return Counter(
        s.starts_at.astimezone(tz).date()
        for s in _sessions(coach, start, end)
        if s.duration_minutes == session_type.minutes
    )


def free_slots(
    session_type: SessionType,
    *,
    now: dt.datetime | None = None,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
) -> tuple[Slot, ...]:
    now = now or timezone.now()
    coach = session_type.coach
    zone = booking_settings(coach).time_zone
    latest = now + dt.timedelta(days=session_type.horizon_days)
    if end is not None:
        latest = min(latest, end)
    earliest = max(now, start or now)
    busy = busy_of(coach, earliest, latest + dt.timedelta(days=1), now)
    return core.free_slots(
        availability_of(coach, zone),
        session_type.rules,
        busy,
        now,
        start=start,
        end=end,
        booked_per_day=booked_per_day(coach, session_type, zone, earliest, latest),
    )


def types_for_client(engagement: Engagement) -> list[SessionType]:
    if engagement.coach is None:
        return []
    booking_settings(engagement.coach)
    return list(
        SessionType.objects.active().filter(coach=engagement.coach, audience=Audience.CLIENTS)
    )


# --- booking --------------------------------------------------------------------------------


def _lock(coach: User) -> BookingSettings:
    """Take the coach's booking lock until the transaction ends: an UPDATE, which locks the
    row on PostgreSQL and takes SQLite's write lock before anything is read."""
    booking_settings(coach)
    BookingSettings.objects.filter(coach=coach).update(bookings=F("bookings") + 1)
    return BookingSettings.objects.get(coach=coach)


def check_window(session_type: SessionType, starts_at: dt.datetime, now: dt.datetime) -> None:
    if starts_at < now:
        raise ValidationError("That time has passed. Choose one of the times shown.")
    if starts_at > now + dt.timedelta(days=session_type.horizon_days):
        raise ValidationError(f"Sessions are booked up to {session_type.horizon_days} days ahead.")


def slot_claim(
    session_type: SessionType,
    starts_at: dt.datetime,
    now: dt.datetime,
    exclude: Session | None = None,
) -> None:
    """Take the coach's lock (until the caller's transaction ends) and refuse a time that is
    no longer free: of two people taking the same time at once, one gets it."""
    coach = session_type.coach
    settings = _lock(coach)
    around = (starts_at - dt.timedelta(days=1), starts_at + dt.timedelta(days=1))
    free = core.is_free(
        availability_of(coach, settings.time_zone),
        session_type.rules,
        [
            i
            for i in busy_of(coach, *around, now)
            if exclude is None or (i.start, i.end) != (exclude.starts_at, exclude.ends_at)
        ],
        now,
        starts_at,
        booked_per_day(coach, session_type, settings.time_zone, *around),
    )
    if not free:
        raise ValidationError(
            "That time is no longer free: someone may have just taken it. Choose another."
        )


@transaction.atomic
def booking_make(
    *,
    session_type: SessionType,
    engagement: Engagement,
    by: User,
    starts_at: dt.datetime,
    time_zone: str,
    now: dt.datetime | None = None,
) -> Session:
    """The client takes a free slot of their coach, checked again under the coach's lock."""
    now = now or timezone.now()
    if session_type.coach_id != engagement.coach_id or session_type.audience != Audience.CLIENTS:
        raise ValidationError("This session type is not one your coach offers you.")
    if not session_type.active:
        raise ValidationError("This session type is not open for booking now.")
    zone = valid_zone(time_zone)
    check_window(session_type, starts_at, now)
    slot_claim(session_type, starts_at, now)  # the lock first: two bookings count one by one
    package_check(engagement, starts_at)
    return session_book(
        engagement=engagement,
        by=by,
        starts_at=starts_at,
        time_zone=zone,
        duration_minutes=session_type.minutes,
        place=session_type.place,
    )


# --- the coach's hours and types ------------------------------------------------------------


@transaction.atomic
def booking_settings_update(*, coach: User, time_zone: str, cancel_hours: int) -> BookingSettings:
    settings = booking_settings(coach)
    settings.time_zone = valid_zone(time_zone)
    if not 0 <= cancel_hours <= 24 * 14:
        raise ValidationError("Clients may move or cancel up to 0 to 336 hours before.")
    settings.cancel_hours = cancel_hours
    settings.save(update_fields=["time_zone", "cancel_hours"])
    return settings


def _hours(text: str) -> tuple[tuple[dt.time, dt.time], ...]:
    try:
        return core.parse_hours(text)
    except core.HoursError as exc:
        raise ValidationError(str(exc)) from exc


@transaction.atomic
def weekly_hours_set(*, coach: User, by_weekday: Sequence[str]) -> None:
    """Replace the week's hours, one text per weekday from Monday ("09:00-12:00, 14:00-17:30");
    nothing is saved if one day cannot be read."""
    if len(by_weekday) != 7:
        raise ValidationError("Give the hours of each of the seven days.")
    rows = [
        WeeklyHours(coach=coach, weekday=day, starts=a, ends=b)
        for day, text in enumerate(by_weekday)
        for a, b in _hours(text)
    ]
    booking_settings(coach)
    WeeklyHours.objects.filter(coach=coach).delete()
    WeeklyHours.objects.bulk_create(rows)


@transaction.atomic
def date_hours_set(*, coach: User, day: dt.date, hours: str) -> None:
    """One date's own hours (empty: a day off), replacing the week's on that date."""
    windows = _hours(hours)
    DateHours.objects.filter(coach=coach, day=day).delete()
    if windows:
        DateHours.objects.bulk_create(
            DateHours(coach=coach, day=day, starts=a, ends=b) for a, b in windows
        )
    else:
        DateHours.objects.create(coach=coach, day=day)


@transaction.atomic
def date_hours_clear(*, coach: User, day: dt.date) -> None:
    DateHours.objects.filter(coach=coach, day=day).delete()


@transaction.atomic
def time_off_add(*, coach: User, first_day: dt.date, last_day: dt.date, note: str = "") -> TimeOff:
    if last_day < first_day:
        raise ValidationError("Time off ends on or after the day it starts.")
    if (last_day - first_day).days > 366:
        raise ValidationError("Time off is at most a year at a time.")
    return TimeOff.objects.create(
        coach=coach, first_day=first_day, last_day=last_day, note=note.strip()[:100]
    )


@transaction.atomic
def session_type_save(*, session_type: SessionType, **fields: object) -> SessionType:
    for name, value in fields.items():
        setattr(session_type, name, value)
    session_type.full_clean()
    session_type.save()
    return session_type


# --- the client moves or cancels ------------------------------------------------------------


def client_may_change(session: Session, now: dt.datetime | None = None) -> bool:
    """Within the coach's policy: up to `cancel_hours` before the session starts."""
    coach = session.engagement.coach
    if coach is None or session.status != "scheduled":
        return False
    hours = booking_settings(coach).cancel_hours
    return session.starts_at - (now or timezone.now()) >= dt.timedelta(hours=hours)


def _policy(session: Session, now: dt.datetime) -> None:
    if not client_may_change(session, now):
        coach = session.engagement.coach
        name = coach.get_short_name() if coach else "your coach"
        raise ValidationError(
            f"This session is too close to move or cancel here. Please write to {name}."
        )


def type_of(session: Session) -> SessionType | None:
    """The client session type a session was booked as (by its length), if one is open."""
    types = types_for_client(session.engagement)
    return next((t for t in types if t.minutes == session.duration_minutes), None) or (
        types[0] if types else None
    )


@transaction.atomic
def booking_move(
    *, session: Session, by: User, starts_at: dt.datetime, now: dt.datetime | None = None
) -> Session:
    """The client moves their session to another free time, within the coach's policy."""
    now = now or timezone.now()
    _policy(session, now)
    session_type = type_of(session)
    if session_type is None:
        raise ValidationError("Your coach has no times open for booking now: write to them.")
    check_window(session_type, starts_at, now)
    # The session's own time is not busy for itself.
    slot_claim(session_type, starts_at, now, exclude=session)
    return session_move_booked(session=session, by=by, starts_at=starts_at)


@transaction.atomic
def booking_cancel(
    *, session: Session, by: User, reason: str = "", now: dt.datetime | None = None
) -> Session:
    _policy(session, now or timezone.now())
    return session_cancel(session=session, by=by, reason=reason)
