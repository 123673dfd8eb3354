"""The coach's own calendars, read for busy times: add a secret address (read by the worker)
or upload a file, refresh, remove. Reading expands recurring events once, in the worker,
into plain intervals kept on the row; a booking page only reads those (fast)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from headway.accounts.models import User
from headway.booking.fetch import FetchError, fetch_calendar, normalise_address
from headway.booking.models import BusyCalendar, SessionType
from headway.booking.services import booking_settings
from headway.core.scheduling.busy_ics import MAX_BYTES, CalendarError, busy_in, parse_calendar

MAX_CALENDARS = 5
REFRESH = dt.timedelta(minutes=10)  # a secret address is read again after this long
UPLOAD_REFRESH = dt.timedelta(days=1)  # an uploaded file's window moves on once a day
BEHIND = dt.timedelta(days=1)


def _ahead(coach: User) -> dt.timedelta:
    """As far as any of the coach's session types can be booked, and a week more."""
    days = SessionType.objects.filter(coach=coach).aggregate(m=Max("horizon_days"))["m"] or 60
    return dt.timedelta(days=days + 7)


def _read(calendar: BusyCalendar, data: bytes, now: dt.datetime) -> None:
    """Expand the file into busy intervals for the booking window; raises CalendarError."""
    parsed = parse_calendar(data)
    start, end = now - BEHIND, now + _ahead(calendar.coach)
    zone = booking_settings(calendar.coach).time_zone
    intervals = busy_in(parsed, start=start, end=end, zone=zone)
    calendar.data = data.decode("utf-8", errors="replace")
    calendar.events = parsed.events
    calendar.busy = [[int(b.start.timestamp()), int(b.end.timestamp())] for b in intervals]
    calendar.busy_from, calendar.busy_until = start, end
    calendar.read_at = calendar.tried_at = now
    calendar.error = ""


def _fail(calendar: BusyCalendar, message: str, now: dt.datetime) -> None:
    calendar.tried_at = now
    calendar.error = message  # the last good busy times stay as they were


@transaction.atomic
def busy_calendar_add_address(*, coach: User, name: str, url: str) -> BusyCalendar:
    """Keep a secret address; the worker reads it (the caller queues that on commit)."""
    if BusyCalendar.objects.filter(coach=coach).count() >= MAX_CALENDARS:
        raise ValidationError(f"Up to {MAX_CALENDARS} calendars: remove one first.")
    try:
        url = normalise_address(url)
    except FetchError as exc:
        raise ValidationError(str(exc)) from exc
    return BusyCalendar.objects.create(
        coach=coach, name=name.strip()[:100] or "My calendar", url=url, from_address=True
    )


@transaction.atomic
def busy_calendar_upload(
    *, coach: User, name: str, data: bytes, now: dt.datetime | None = None
) -> BusyCalendar:
    if BusyCalendar.objects.filter(coach=coach).count() >= MAX_CALENDARS:
        raise ValidationError(f"Up to {MAX_CALENDARS} calendars: remove one first.")
    if len(data) > MAX_BYTES:
        raise ValidationError("The file is larger than 10 MB: export a shorter range.")
    calendar = BusyCalendar(coach=coach, name=name.strip()[:100] or "Uploaded calendar")
    try:
        _read(calendar, data, now or timezone.now())
    except CalendarError as exc:
        raise ValidationError(str(exc)) from exc
    calendar.save()
    return calendar


def busy_calendar_refresh(*, calendar: BusyCalendar, now: dt.datetime | None = None) -> bool:
    """Read the calendar again; True when it worked. A failure keeps the last good copy and
    notes why (no transaction held open over the network)."""
    now = now or timezone.now()
    try:
        if calendar.from_address:
            data = fetch_calendar(calendar.url, allow_private=settings.HEADWAY_CALENDARS_PRIVATE_OK)
        else:
            data = calendar.data.encode()
        _read(calendar, data, now)
    except (FetchError, CalendarError) as exc:
        _fail(calendar, str(exc), now)
        ok = False
    else:
        ok = True
    fields = ["tried_at", "error"]
    if ok:
        fields += ["data", "events", "busy", "busy_from", "busy_until", "read_at"]
    calendar.save(update_fields=fields)
    return ok


def busy_calendars_due(now: dt.datetime) -> list[int]:
    """Addresses not read for REFRESH, uploads whose window is a day old."""
    return list(
        BusyCalendar.objects.filter(
            Q(from_address=True, tried_at__isnull=True)
            | Q(from_address=True, tried_at__lt=now - REFRESH)
            | Q(from_address=False, read_at__lt=now - UPLOAD_REFRESH)
        ).values_list("pk", flat=True)
    )
