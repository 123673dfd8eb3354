"""Booking: a coach's free times (public, throttled: slots only, never their events), a
client's booking, and the coach's own hours and session types."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.throttling import AnonRateThrottle, AuthRateThrottle

from headway.api.auth import request_user
from headway.api.schemas import ErrorOut
from headway.booking.calendars import busy_calendar_add_address
from headway.booking.models import (
    Audience,
    BusyCalendar,
    DateHours,
    SessionType,
    TimeOff,
    WeeklyHours,
)
from headway.booking.services import (
    booking_cancel,
    booking_make,
    booking_move,
    booking_settings,
    booking_settings_update,
    free_slots,
    session_type_save,
    weekly_hours_set,
)
from headway.booking.tasks import refresh_busy_calendar
from headway.core.scheduling.slots import format_hours
from headway.engagements.access import get_engagement
from headway.meetings.models import Session
from headway.meetings.session_services import valid_zone
from headway.practices.models import CoachProfile
from headway.reminders.models import Weekday

router = Router(tags=["booking"])
DAYS = [label.lower() for _, label in Weekday.choices]
MAX_RANGE = dt.timedelta(days=62)


class SessionTypeOut(Schema):
    id: int
    name: str
    minutes: int
    audience: str = Field(description="public: introductory, from the public page; clients")
    buffer_before: int
    buffer_after: int
    notice_hours: int
    horizon_days: int
    per_day: int | None
    place: str
    active: bool

    @classmethod
    def of(cls, t: SessionType) -> SessionTypeOut:
        return cls(**{name: getattr(t, name) for name in cls.model_fields})


class SlotOut(Schema):
    start: dt.datetime
    end: dt.datetime


class SlotsOut(Schema):
    session_type: int
    minutes: int
    time_zone: str = Field(description="The zone the times are given in")
    slots: list[SlotOut]


class SlotQuery(Schema):
    type: int | None = Field(default=None, description="A public session type of the coach")
    from_: dt.datetime | None = Field(default=None, alias="from")
    to: dt.datetime | None = None
    tz: str = "UTC"


@router.get(
    "/coaches/{slug}/slots",
    response={200: SlotsOut, 400: ErrorOut, 404: ErrorOut, 429: ErrorOut},
    auth=None,
    throttle=[AnonRateThrottle("60/m"), AuthRateThrottle("120/m")],
    summary="A public coach's free times for an introductory session (no account needed)",
)
def slots(request: HttpRequest, slug: str, query: Query[SlotQuery]) -> SlotsOut:
    profile = get_object_or_404(
        CoachProfile.objects.select_related("user"), slug=slug, is_public=True
    )
    booking_settings(profile.user)
    types = SessionType.objects.active().filter(coach=profile.user, audience=Audience.PUBLIC)
    chosen = types.filter(pk=query.type).first() if query.type else types.first()
    if chosen is None:
        raise HttpError(404, "No such session type to book.")
    zone = valid_zone(query.tz)
    start, end = query.from_, query.to
    if start and end and end - start > MAX_RANGE:
        raise HttpError(400, "Ask for at most 62 days at a time.")
    found = free_slots(chosen, start=start, end=end)
    tz = ZoneInfo(zone)
    return SlotsOut(
        session_type=chosen.pk,
        minutes=chosen.minutes,
        time_zone=zone,
        slots=[SlotOut(start=s.start.astimezone(tz), end=s.end.astimezone(tz)) for s in found],
    )


class BookingIn(Schema):
    engagement_id: int = Field(ge=1, le=2**63 - 1)
    session_type: int = Field(ge=1, le=2**63 - 1)
    start: dt.datetime = Field(description="One of the free times, with its offset")
    tz: str = Field(default="UTC", description="The zone the invitation shows the time in")


class BookingOut(Schema):
    session_id: int
    starts_at: dt.datetime
    minutes: int


@router.post(
    "/bookings",
    response={201: BookingOut, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut},
    summary="The client books one of their coach's free times; both get the invitation",
)
def book(request: HttpRequest, payload: BookingIn) -> Status[BookingOut]:
    user = request_user(request)
    engagement = get_engagement(user, payload.engagement_id)
    if not engagement.is_client(user):
        raise HttpError(404, "Not found")
    session_type = get_object_or_404(
        SessionType, pk=payload.session_type, coach_id=engagement.coach_id
    )
    if payload.start.tzinfo is None:
        raise HttpError(400, "The start needs its offset, like 2026-12-08T10:00:00+00:00.")
    session = booking_make(
        session_type=session_type,
        engagement=engagement,
        by=user,
        starts_at=payload.start,
        time_zone=payload.tz,
    )
    return Status(
        201,
        BookingOut(
            session_id=session.pk, starts_at=session.starts_at, minutes=session.duration_minutes
        ),
    )


class DateHoursOut(Schema):
    day: dt.date
    hours: str = Field(description='Like "09:00-12:00"; empty: a day off')


class TimeOffOut(Schema):
    first_day: dt.date
    last_day: dt.date
    note: str


class AvailabilityIO(Schema):
    time_zone: str
    cancel_hours: int = Field(ge=0, le=24 * 14)
    weekly: dict[str, str] = Field(
        description='Hours per weekday, "monday" … "sunday": "09:00-12:00, 14:00-17:30"'
    )


class AvailabilityOut(AvailabilityIO):
    dates: list[DateHoursOut]
    time_off: list[TimeOffOut]


def _coach(request: HttpRequest):  # type: ignore[no-untyped-def]
    user = request_user(request)
    if not user.is_coach:
        raise HttpError(403, "Only coaches have booking hours.")
    return user


def _availability(coach) -> AvailabilityOut:  # type: ignore[no-untyped-def]
    settings = booking_settings(coach)
    weekly: dict[int, list[tuple[dt.time, dt.time]]] = {}
    for w in WeeklyHours.objects.filter(coach=coach):
        weekly.setdefault(w.weekday, []).append((w.starts, w.ends))
    dates: dict[dt.date, list[tuple[dt.time, dt.time]]] = {}
    for d in DateHours.objects.filter(coach=coach):
        dates.setdefault(d.day, [])
        if d.starts and d.ends:
            dates[d.day].append((d.starts, d.ends))
    return AvailabilityOut(
        time_zone=settings.time_zone,
        cancel_hours=settings.cancel_hours,
        weekly={name: format_hours(weekly.get(i, [])) for i, name in enumerate(DAYS)},
        dates=[DateHoursOut(day=d, hours=format_hours(w)) for d, w in dates.items()],
        time_off=[
            TimeOffOut(first_day=t.first_day, last_day=t.last_day, note=t.note)
            for t in TimeOff.objects.filter(coach=coach)
        ],
    )


@router.get(
    "/me/availability",
    response={200: AvailabilityOut, 401: ErrorOut, 403: ErrorOut},
    summary="Your booking hours: zone, weekly hours, dates with other hours, time off",
)
def get_availability(request: HttpRequest) -> AvailabilityOut:
    return _availability(_coach(request))


@router.put(
    "/me/availability",
    response={200: AvailabilityOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut},
    summary="Replace your zone, cancellation hours and weekly hours",
)
def put_availability(request: HttpRequest, payload: AvailabilityIO) -> AvailabilityOut:
    coach = _coach(request)
    unknown = set(payload.weekly) - set(DAYS)
    if unknown:
        raise HttpError(400, f"Unknown weekday: {', '.join(sorted(unknown))}.")
    booking_settings_update(
        coach=coach, time_zone=payload.time_zone, cancel_hours=payload.cancel_hours
    )
    weekly_hours_set(coach=coach, by_weekday=[payload.weekly.get(d, "") for d in DAYS])
    return _availability(coach)


@router.get(
    "/me/session-types",
    response={200: list[SessionTypeOut], 401: ErrorOut, 403: ErrorOut},
    summary="Your session types",
)
def session_types(request: HttpRequest) -> list[SessionTypeOut]:
    coach = _coach(request)
    booking_settings(coach)
    return [SessionTypeOut.of(t) for t in SessionType.objects.filter(coach=coach)]


class SessionTypeIn(Schema):
    name: str = Field(min_length=1, max_length=100)
    minutes: int = Field(ge=10, le=480)
    audience: str = Field(pattern="^(public|clients)$")
    buffer_before: int = Field(default=0, ge=0, le=120)
    buffer_after: int = Field(default=10, ge=0, le=120)
    notice_hours: int = Field(default=24, ge=0, le=24 * 30)
    horizon_days: int = Field(default=60, ge=1, le=365)
    per_day: int | None = Field(default=None, ge=1, le=20)
    place: str = Field(default="", max_length=300)
    active: bool = True


@router.post(
    "/me/session-types",
    response={201: SessionTypeOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut},
    summary="Add a session type",
)
def add_session_type(request: HttpRequest, payload: SessionTypeIn) -> Status[SessionTypeOut]:
    coach = _coach(request)
    booking_settings(coach)
    made = session_type_save(
        session_type=SessionType(coach=coach, position=99), **payload.model_dump()
    )
    return Status(201, SessionTypeOut.of(made))


class BusyCalendarOut(Schema):
    id: int
    name: str
    from_address: bool
    events: int
    read_at: dt.datetime | None
    error: str = Field(description="Why the last reading failed; empty when it worked")


class BusyCalendarIn(Schema):
    name: str = Field(default="", max_length=100)
    url: str = Field(max_length=2000, description="The calendar's secret iCal address")


def _calendar_out(c: BusyCalendar) -> BusyCalendarOut:
    return BusyCalendarOut(
        id=c.pk,
        name=c.name,
        from_address=c.from_address,
        events=c.events,
        read_at=c.read_at,
        error=c.error,
    )


@router.get(
    "/me/busy-calendars",
    response={200: list[BusyCalendarOut], 401: ErrorOut, 403: ErrorOut},
    summary="Your own calendars read for busy times (never their events)",
)
def busy_calendars(request: HttpRequest) -> list[BusyCalendarOut]:
    coach = _coach(request)
    return [_calendar_out(c) for c in BusyCalendar.objects.filter(coach=coach)]


@router.post(
    "/me/busy-calendars",
    response={201: BusyCalendarOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut},
    summary="Add a calendar by its secret address; the worker reads it in a moment",
)
def add_busy_calendar(request: HttpRequest, payload: BusyCalendarIn) -> Status[BusyCalendarOut]:
    coach = _coach(request)
    calendar = busy_calendar_add_address(coach=coach, name=payload.name, url=payload.url)
    transaction.on_commit(lambda: refresh_busy_calendar.enqueue(calendar.pk))
    return Status(201, _calendar_out(calendar))


@router.delete(
    "/me/busy-calendars/{calendar_id}",
    response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Remove a calendar: its events no longer block times",
)
def remove_busy_calendar(request: HttpRequest, calendar_id: int) -> Status[None]:
    coach = _coach(request)
    get_object_or_404(BusyCalendar, pk=calendar_id, coach=coach).delete()
    return Status(204, None)


class MoveIn(Schema):
    start: dt.datetime = Field(description="One of the free times, with its offset")


def _own_session(request: HttpRequest, session_id: int) -> Session:
    user = request_user(request)
    session = get_object_or_404(
        Session.objects.select_related("engagement__coach", "engagement__client"),
        pk=session_id,
        engagement__client=user,
    )
    return session


@router.post(
    "/bookings/{session_id}/move",
    response={200: BookingOut, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut},
    summary="The client moves their session, within the coach's cancellation hours",
)
def move(request: HttpRequest, session_id: int, payload: MoveIn) -> BookingOut:
    session = _own_session(request, session_id)
    if payload.start.tzinfo is None:
        raise HttpError(400, "The start needs its offset, like 2026-12-08T10:00:00+00:00.")
    booking_move(session=session, by=request_user(request), starts_at=payload.start)
    return BookingOut(
        session_id=session.pk, starts_at=session.starts_at, minutes=session.duration_minutes
    )


@router.post(
    "/bookings/{session_id}/cancel",
    response={204: None, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut},
    summary="The client cancels their session, within the coach's cancellation hours",
)
def cancel(request: HttpRequest, session_id: int) -> Status[None]:
    session = _own_session(request, session_id)
    booking_cancel(session=session, by=request_user(request))
    return Status(204, None)
