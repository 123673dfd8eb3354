"""Busy times read from a coach's own calendar: the .ics file behind a "secret address"
(Google Calendar, Outlook, Apple Calendar) or an uploaded export.

Pure: bytes in, busy intervals (aware, UTC) out, or a CalendarError whose message a coach can
act on. Recurring events are expanded by `recurring-ical-events` (RRULE, RDATE, EXDATE,
RECURRENCE-ID overrides); this module only decides what counts as busy and turns the
calendar's three kinds of time (with a zone, floating, whole days) into UTC.

Speed: a booking page asks about the same few weeks of the same calendars over and over, so
`parse_calendar` does the slow part once and the returned `Calendar` remembers the merged busy
times of each block of days it has been asked about (per zone). `busy_intervals` is the
one-shot form for a caller that keeps nothing.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
import recurring_ical_events
import x_wr_timezone
from icalendar.cal.component import Component

MAX_BYTES = 10 * 1024 * 1024  # a busy personal calendar of ten years is about 5 MB
UTC = dt.UTC
# Blocks of days whose busy times are remembered; a 60-day question touches three or four.
BLOCK_DAYS = 28
_BLOCK = dt.timedelta(days=BLOCK_DAYS)
_EPOCH = dt.datetime(1970, 1, 5, tzinfo=UTC)  # a Monday, so blocks start on Mondays
# Floating and all-day times are placed before the coach's zone is known; no zone is more
# than 14 hours from UTC, so a day either side catches every one of them.
_SLACK = dt.timedelta(days=1)
# Fixed events longer than this are checked for every block instead of being filed by block.
_LONG = dt.timedelta(days=BLOCK_DAYS * 2)
# Remembered blocks per calendar (per zone); a year either side of today is about 30.
_MAX_CACHED = 512


@dataclass(frozen=True)
class Busy:
    start: dt.datetime  # aware, UTC
    end: dt.datetime  # aware, UTC, > start


class CalendarError(ValueError):
    """A file that cannot be read as a calendar; str() is a clear sentence for the coach."""


Time = dt.date | dt.datetime  # a calendar value: a day, a floating time or a time with a zone
_Spans = tuple[tuple[dt.datetime, dt.datetime], ...]
_Filled = dict[int, _Spans]


@dataclass(frozen=True)
class _Fixed:
    """A one-off event, as the file gives it (not yet in any zone)."""

    start: Time
    end: Time


@dataclass(frozen=True, eq=False)
class Calendar:
    """A parsed calendar, ready to be asked for busy times many times.

    `events` is the number of VEVENTs in the file ("42 events read"). The block cache is the
    one mutable part: it only ever holds what the immutable fields already determine.
    """

    events: int
    _fixed: dict[int, tuple[_Fixed, ...]] = field(repr=False)  # block index -> events
    _long: tuple[_Fixed, ...] = field(repr=False)
    _query: Any = field(repr=False)  # recurring_ical_events.CalendarQuery, or None
    _cache: dict[tuple[str, int], _Spans] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


def busy_intervals(
    data: bytes, *, start: dt.datetime, end: dt.datetime, zone: str
) -> tuple[Busy, ...]:
    """Busy times in [start, end) from the bytes of an .ics file: sorted, merged, clipped."""
    return busy_in(parse_calendar(data), start=start, end=end, zone=zone)


def event_count(data: bytes) -> int:
    """VEVENTs in the file (for "42 events read")."""
    return len(_read(data).walk("VEVENT"))


def parse_calendar(data: bytes) -> Calendar:
    """Read an .ics file once; keep the result to ask `busy_in` many times."""
    cal = _read(data)
    try:
        return _prepare(cal)
    except CalendarError:
        raise
    except Exception as exc:  # a property broken in a way not foreseen: still the coach's file
        raise _library_error(exc) from exc


def _prepare(cal: icalendar.Calendar) -> Calendar:
    events = cal.walk("VEVENT")
    groups: dict[str, list[Component]] = defaultdict(list)
    for n, event in enumerate(events):
        # A missing UID is against the standard but common in hand-made files: each such
        # event stands alone.
        groups[str(event.get("UID", f"no-uid-{n}"))].append(event)
    fixed: dict[int, list[_Fixed]] = defaultdict(list)
    long: list[_Fixed] = []
    recurring = icalendar.Calendar()
    has_recurring = False
    for group in groups.values():
        if len(group) == 1 and "RRULE" not in group[0] and "RDATE" not in group[0]:
            one = _fixed_event(group[0])
            if one is None:
                continue
            lo, hi = _rough_span(one.start), _rough_span(one.end)
            if hi - lo > _LONG:
                long.append(one)
            else:
                for block in range(_block_of(lo - _SLACK), _block_of(hi + _SLACK) + 1):
                    fixed[block].append(one)
            continue
        for event in group:
            if not _is_busy(event):
                # Not left out: left out, an override would give the original instance back.
                # With no length, its instances are dropped like any zero-length event.
                _make_empty(event)
            recurring.add_component(event)
            has_recurring = True
    query = None
    if has_recurring:
        try:
            query = recurring_ical_events.CalendarQuery(recurring)
        except Exception as exc:  # the library raises many kinds; the coach needs one
            raise _library_error(exc) from exc
    return Calendar(
        events=len(events),
        _fixed={k: tuple(v) for k, v in fixed.items()},
        _long=tuple(long),
        _query=query,
    )


def busy_in(
    calendar: Calendar, *, start: dt.datetime, end: dt.datetime, zone: str
) -> tuple[Busy, ...]:
    """Busy times in [start, end) (aware datetimes): sorted, overlapping and adjacent ones
    merged, clipped to the range. `zone` is the coach's IANA zone, for floating times and
    all-day events."""
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("start and end must be aware datetimes")
    tz = _zone(zone)
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    if end <= start:
        return ()
    blocks = range(_block_of(start), _block_of(end - dt.timedelta(microseconds=1)) + 1)
    known = {b: calendar._cache.get((zone, b)) for b in blocks}
    missing = [b for b, found in known.items() if found is None]
    if missing:
        # One walk of the repeat rules for all the missing blocks: each walk starts from the
        # series' first instance, whatever span it is asked for.
        known.update(_fill(calendar, range(missing[0], missing[-1] + 1), zone, tz))
    spans: list[tuple[dt.datetime, dt.datetime]] = []
    for block in blocks:
        for s, e in known[block] or ():
            s, e = max(s, start), min(e, end)
            if s >= e:
                continue
            # Blocks arrive in order and each is merged, so only the last one can touch.
            if spans and s <= spans[-1][1]:
                if e > spans[-1][1]:
                    spans[-1] = (spans[-1][0], e)
            else:
                spans.append((s, e))
    return tuple(Busy(s, e) for s, e in spans)


# Reading the file ----------------------------------------------------------------------


def _read(data: bytes) -> icalendar.Calendar:
    if len(data) > MAX_BYTES:
        raise CalendarError(
            f"The calendar file is {len(data) / 1e6:.1f} MB; files up to "
            f"{MAX_BYTES // (1024 * 1024)} MB can be read."
        )
    if not data.strip():
        raise CalendarError("The calendar file is empty: there are no events in it.")
    if b"\x00" in data:
        raise CalendarError(
            "This file is not an iCalendar calendar (it looks like a binary file; it should "
            "be text beginning with BEGIN:VCALENDAR)."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Old Outlook exports are sometimes Windows-1252; every byte means something there.
        text = data.decode("cp1252", errors="replace")
    if not text.lstrip().upper().startswith("BEGIN:VCALENDAR"):
        raise CalendarError(
            "This file is not an iCalendar calendar (it should begin with BEGIN:VCALENDAR)."
        )
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except Exception as exc:  # icalendar raises ValueError, KeyError, IndexError, ...
        raise CalendarError(
            "This calendar file is damaged and cannot be read. Export it again from your "
            "calendar app, or copy its secret address again."
        ) from exc
    if not calendars:  # it begins like a calendar, but icalendar found none complete
        raise CalendarError(
            "This calendar file is damaged and cannot be read. Export it again from your "
            "calendar app, or copy its secret address again."
        )
    cal = calendars[0]
    for more in calendars[1:]:  # some exports put each calendar in its own VCALENDAR
        for component in more.subcomponents:
            cal.add_component(component)
    if cal.get("CALSCALE", "GREGORIAN").upper() != "GREGORIAN":
        raise CalendarError("Only Gregorian calendars can be read.")
    try:
        # Google writes times in UTC and names the calendar's zone in X-WR-TIMEZONE; floating
        # times in such a file mean that zone, not the coach's.
        standard: icalendar.Calendar = x_wr_timezone.to_standard(cal)  # the library is untyped
        return standard
    except Exception as exc:
        raise _library_error(exc) from exc


def _is_busy(event: Component) -> bool:
    transp = str(event.get("TRANSP", "OPAQUE")).upper()
    status = str(event.get("STATUS", "")).upper()
    return transp != "TRANSPARENT" and status != "CANCELLED"


def _make_empty(event: Component) -> None:
    start = _time(event, "DTSTART")
    if start is None:
        return
    event.pop("DURATION", None)
    event["DTEND"] = icalendar.vDDDTypes(start)


def _value(event: Component, name: str) -> Time | dt.timedelta | None:
    """The property's value, or None when it is missing or broken (icalendar keeps a value
    it cannot read and raises only when it is used)."""
    try:
        value = getattr(event.get(name), "dt", None)
    except Exception:
        return None
    return value if isinstance(value, dt.date | dt.timedelta) else None


def _time(event: Component, name: str) -> Time | None:
    value = _value(event, name)
    return value if isinstance(value, dt.date) else None


def _fixed_event(event: Component) -> _Fixed | None:
    """A one-off event that makes the coach busy, or None."""
    if not _is_busy(event):
        return None
    start = _time(event, "DTSTART")
    if start is None:
        return None
    end = _time(event, "DTEND")
    if end is None:
        duration = _value(event, "DURATION")
        if isinstance(duration, dt.timedelta):
            if not isinstance(start, dt.datetime) and duration % dt.timedelta(days=1):
                start = dt.datetime.combine(start, dt.time())  # a day plus hours: floating
            end = start + duration
        elif isinstance(start, dt.datetime):
            return None  # a moment, not a stretch of time
        else:
            end = start + dt.timedelta(days=1)  # an all-day event with no end is one day
    if _rough_span(end) <= _rough_span(start):
        return None
    return _Fixed(start, end)


def _rough_span(value: Time) -> dt.datetime:
    """UTC for times with a zone; floating times and days as if they were UTC (wrong by at
    most 14 hours, which _SLACK covers)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            return value.astimezone(UTC)
        return value.replace(tzinfo=UTC)
    return dt.datetime(value.year, value.month, value.day, tzinfo=UTC)


def _to_utc(value: Time, tz: dt.tzinfo) -> dt.datetime:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=tz)
        return value.astimezone(UTC)
    # A whole day runs from midnight to midnight where the coach is.
    return dt.datetime(value.year, value.month, value.day, tzinfo=tz).astimezone(UTC)


def _zone(zone: str) -> dt.tzinfo:
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {zone!r}") from exc


def _library_error(exc: Exception) -> CalendarError:
    text = str(exc)
    if "rrule" in text.lower() or isinstance(exc, recurring_ical_events.BadRuleStringFormat):
        rule = getattr(exc, "rule", "")
        rule = rule.replace("\\", "") if isinstance(rule, str) else ""  # the file's escaping
        shown = f" ({rule})" if isinstance(rule, str) and rule else ""
        return CalendarError(
            f"A repeating event in this calendar has a repeat rule that cannot be read{shown}. "
            "Open it in your calendar app and save its repeat again, or delete it."
        )
    if isinstance(exc, recurring_ical_events.PeriodEndBeforeStart):
        return CalendarError(
            "An event in this calendar ends before it starts. Correct it in your calendar app."
        )
    return CalendarError(
        "This calendar has an event that cannot be read. Export it again from your calendar "
        "app, or copy its secret address again."
    )


# Blocks --------------------------------------------------------------------------------


def _block_of(moment: dt.datetime) -> int:
    return (moment - _EPOCH) // _BLOCK


def _fill(calendar: Calendar, blocks: range, zone: str, tz: dt.tzinfo) -> _Filled:
    """The merged busy times of each block, computed and remembered for `zone`."""
    first = _EPOCH + blocks.start * _BLOCK
    last = _EPOCH + blocks.stop * _BLOCK
    per_block: dict[int, list[tuple[Time, Time]]] = {b: [] for b in blocks}
    for b in blocks:
        per_block[b].extend((f.start, f.end) for f in calendar._fixed.get(b, ()))
        per_block[b].extend((f.start, f.end) for f in calendar._long)
    occurrences: list[tuple[Time, Time]] = []
    if calendar._query is not None:
        try:
            for series in calendar._query.series:
                for occurrence in series.between(first - _SLACK, last + _SLACK):
                    occurrences.append((occurrence.start, occurrence.end))
        except Exception as exc:  # a bad rule can surface only when it is expanded
            raise _library_error(exc) from exc
    spans: dict[int, list[tuple[dt.datetime, dt.datetime]]] = {b: [] for b in blocks}
    for b in blocks:
        for s_raw, e_raw in per_block[b]:
            spans[b].append((_to_utc(s_raw, tz), _to_utc(e_raw, tz)))
    for s_raw, e_raw in occurrences:
        s, e = _to_utc(s_raw, tz), _to_utc(e_raw, tz)
        for b in range(max(_block_of(s), blocks.start), min(_block_of(e), blocks.stop - 1) + 1):
            spans[b].append((s, e))
    filled = {}
    for b in blocks:
        lo = _EPOCH + b * _BLOCK
        hi = lo + _BLOCK
        clipped = [(max(s, lo), min(e, hi)) for s, e in spans[b]]
        filled[b] = _merge([(s, e) for s, e in clipped if s < e])
    with calendar._lock:
        if len(calendar._cache) + len(blocks) > _MAX_CACHED:
            calendar._cache.clear()
        calendar._cache.update(((zone, b), merged) for b, merged in filled.items())
    return filled


def _merge(spans: list[tuple[dt.datetime, dt.datetime]]) -> _Spans:
    spans.sort()
    out: list[tuple[dt.datetime, dt.datetime]] = []
    for s, e in spans:
        if out and s <= out[-1][1]:  # overlapping or adjacent: one stretch of busy time
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return tuple(out)


__all__ = [
    "BLOCK_DAYS",
    "Busy",
    "Calendar",
    "CalendarError",
    "busy_in",
    "busy_intervals",
    "event_count",
    "parse_calendar",
]
