"""Free slots: a coach's weekly availability, date overrides and time off, minus busy times
(their own calendar, sessions already booked), for one session type, as of now.

Pure: frozen dataclasses in, a tuple of slots out; every datetime aware. Choices, and why:

- Availability is kept in the coach's wall-clock time: a 09:00 window is 09:00 local on
  both sides of a daylight-saving change. A start that does not exist that day (the hour
  the clocks skip) is left out; an hour that happens twice uses its first occurrence.
- A date override replaces that date's weekly hours: no windows is a day off, other windows
  are that day's hours (extra or fewer).
- A slot starts on the step grid of the local clock (every 30 minutes by default: 09:00,
  09:30 …) and lies wholly inside one window. With its buffers around it, it must not touch
  a busy interval; buffers may reach outside the window (a coach's break is not a client's).
- Minimum notice and how far ahead one may book count from `now`; the limit per day counts
  sessions already booked that local day.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

MIDNIGHT = dt.time(0)


@dataclass(frozen=True)
class Window:
    """Weekly hours: `weekday` 0 is Monday; an `end` of 00:00 is the end of the day."""

    weekday: int
    start: dt.time
    end: dt.time


@dataclass(frozen=True)
class DayOverride:
    day: dt.date
    windows: tuple[tuple[dt.time, dt.time], ...] = ()  # none: the day off


@dataclass(frozen=True)
class Interval:
    start: dt.datetime
    end: dt.datetime


@dataclass(frozen=True)
class Availability:
    zone: str  # IANA, the coach's
    weekly: tuple[Window, ...]
    overrides: tuple[DayOverride, ...] = ()
    time_off: tuple[Interval, ...] = ()


@dataclass(frozen=True)
class Rules:
    """A session type's booking rules."""

    minutes: int
    buffer_before: int = 0
    buffer_after: int = 0
    notice: dt.timedelta = dt.timedelta(hours=24)
    horizon_days: int = 60
    per_day: int | None = None
    step: int = 30  # minutes between possible starts


@dataclass(frozen=True, order=True)
class Slot:
    start: dt.datetime
    end: dt.datetime


@dataclass(frozen=True)
class Day:
    """One local day of slots, in the zone they are shown in."""

    day: dt.date
    slots: tuple[Slot, ...] = field(default=())


def merge(intervals: Iterable[Interval]) -> tuple[Interval, ...]:
    """Sorted, with overlapping and touching intervals joined."""
    out: list[Interval] = []
    for i in sorted(intervals, key=lambda i: (i.start, i.end)):
        if i.end <= i.start:
            continue
        if out and i.start <= out[-1].end:
            if i.end > out[-1].end:
                out[-1] = Interval(out[-1].start, i.end)
        else:
            out.append(i)
    return tuple(out)


class _Busy:
    """Merged busy intervals, for "does [a, b) touch any?" in O(log n)."""

    def __init__(self, intervals: Iterable[Interval]) -> None:
        self.merged = merge(intervals)
        self.ends = [i.end for i in self.merged]

    def overlaps(self, start: dt.datetime, end: dt.datetime) -> bool:
        index = bisect.bisect_right(self.ends, start)  # the first interval ending after start
        return index < len(self.merged) and self.merged[index].start < end


def _local(day: dt.date, moment: dt.time, zone: ZoneInfo) -> dt.datetime | None:
    """The aware local time, or None when the clocks skip it that day."""
    at = dt.datetime.combine(day, moment, tzinfo=zone)
    back = at.astimezone(dt.UTC).astimezone(zone)
    if (back.date(), back.time()) != (day, moment):
        return None
    return at


def _window_end(day: dt.date, end: dt.time, zone: ZoneInfo) -> dt.datetime:
    if end == MIDNIGHT:
        return dt.datetime.combine(day + dt.timedelta(days=1), MIDNIGHT, tzinfo=zone)
    found = _local(day, end, zone)
    # An end inside the skipped hour: the window ends when the clocks jump.
    return found or dt.datetime.combine(day, end, tzinfo=zone).astimezone(dt.UTC).astimezone(zone)


def windows_on(availability: Availability, day: dt.date) -> tuple[tuple[dt.time, dt.time], ...]:
    for override in availability.overrides:
        if override.day == day:
            return override.windows
    return tuple((w.start, w.end) for w in availability.weekly if w.weekday == day.weekday())


def _starts(day: dt.date, start: dt.time, end: dt.time, rules: Rules, zone: ZoneInfo):  # type: ignore[no-untyped-def]
    """(start, end) of each possible slot in one window, in UTC."""
    closes = _window_end(day, end, zone).astimezone(dt.UTC)
    length = dt.timedelta(minutes=rules.minutes)
    first = start.hour * 60 + start.minute
    first += -first % rules.step  # the first start on the grid, at or after the window opens
    for minutes in range(first, 24 * 60, rules.step):
        at = _local(day, dt.time(minutes // 60, minutes % 60), zone)
        if at is None:
            continue
        begins = at.astimezone(dt.UTC)
        if begins + length > closes:
            break
        yield begins, begins + length


def free_slots(
    availability: Availability,
    rules: Rules,
    busy: Sequence[Interval],
    now: dt.datetime,
    *,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    booked_per_day: Mapping[dt.date, int] | None = None,
) -> tuple[Slot, ...]:
    """Every free slot from `now + notice` (or `start`, if later) until the booking horizon
    (or `end`, if sooner), in time order; starts and ends in UTC."""
    zone = ZoneInfo(availability.zone)
    earliest = max(now + rules.notice, start or now)
    latest = now + dt.timedelta(days=rules.horizon_days)
    if end is not None:
        latest = min(latest, end)
    if latest <= earliest:
        return ()
    blocked = _Busy([*busy, *availability.time_off])
    before = dt.timedelta(minutes=rules.buffer_before)
    after = dt.timedelta(minutes=rules.buffer_after)
    booked = booked_per_day or {}
    found: list[Slot] = []
    day = earliest.astimezone(zone).date()
    last_day = latest.astimezone(zone).date()
    while day <= last_day:
        if rules.per_day is None or booked.get(day, 0) < rules.per_day:
            for opens, closes in windows_on(availability, day):
                for begins, ends in _starts(day, opens, closes, rules, zone):
                    if begins < earliest or begins >= latest:
                        continue
                    if not blocked.overlaps(begins - before, ends + after):
                        found.append(Slot(begins, ends))
        day += dt.timedelta(days=1)
    return tuple(sorted(set(found)))


def by_day(slots: Iterable[Slot], zone: str) -> tuple[Day, ...]:
    """Slots grouped by the local day they start on, in the booker's zone."""
    tz = ZoneInfo(zone)
    days: dict[dt.date, list[Slot]] = {}
    for slot in sorted(slots):
        days.setdefault(slot.start.astimezone(tz).date(), []).append(slot)
    return tuple(Day(d, tuple(s)) for d, s in days.items())


def is_free(
    availability: Availability,
    rules: Rules,
    busy: Sequence[Interval],
    now: dt.datetime,
    start: dt.datetime,
    booked_per_day: Mapping[dt.date, int] | None = None,
) -> bool:
    """Whether a slot starting at `start` may be booked now (the check a booking repeats
    under its lock: the slot may have gone since the page was shown)."""
    window_start = start - dt.timedelta(minutes=1)
    window_end = start + dt.timedelta(minutes=1)
    return any(
        s.start == start
        for s in free_slots(
            availability,
            rules,
            busy,
            now,
            start=window_start,
            end=window_end,
            booked_per_day=booked_per_day,
        )
    )


class HoursError(ValueError):
    """Hours that cannot be read; str() says what to write instead."""


def _clock(text: str) -> dt.time:
    text = text.strip().lower().replace(".", ":")
    suffix = ""
    for mark in ("am", "pm"):
        if text.endswith(mark):
            text, suffix = text[: -len(mark)].strip(), mark
    hours, _, minutes = text.partition(":")
    if not hours.isdigit() or (minutes and not minutes.isdigit()) or len(minutes) not in (0, 2):
        raise HoursError(f"“{text}” is not a time: write it like 09:00 or 14:30.")
    h, m = int(hours), int(minutes or 0)
    if suffix and not 1 <= h <= 12:
        raise HoursError(f"“{text}{suffix}” is not a time on a 12-hour clock.")
    if suffix == "pm" and h != 12:
        h += 12
    if suffix == "am" and h == 12:
        h = 0
    if not (0 <= h <= 23 and 0 <= m <= 59):
        raise HoursError(f"“{text}” is not a time of day: hours go to 23, minutes to 59.")
    return dt.time(h, m)


def parse_hours(text: str) -> tuple[tuple[dt.time, dt.time], ...]:
    """ "09:00-12:00, 14:00-17:30" (or "9-12 and 2pm-5:30pm") into sorted windows; empty text
    is no hours. Windows that overlap or end before they start are refused."""
    text = text.replace("–", "-").replace("—", "-").replace(" to ", "-").replace(" and ", ",")
    windows = []
    for part in (p.strip() for p in text.replace(";", ",").split(",")):
        if not part:
            continue
        if part.count("-") != 1:
            raise HoursError(f"“{part}” needs a start and an end, like 09:00-12:00.")
        a, b = (_clock(x) for x in part.split("-"))
        if b <= a:
            raise HoursError(f"“{part}” ends before it starts.")
        windows.append((a, b))
    windows.sort()
    for (_, end), (start, _) in zip(windows, windows[1:], strict=False):
        if start < end:
            raise HoursError("Two of these windows overlap: join them into one.")
    return tuple(windows)


def format_hours(windows: Iterable[tuple[dt.time, dt.time]]) -> str:
    return ", ".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in windows)
