"""The slot finder: availability minus busy times, with buffers, notice, horizon and a
limit per day; daylight-saving weeks in London and New York."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from headway.core.scheduling.slots import (
    Availability,
    DayOverride,
    Interval,
    Rules,
    Window,
    by_day,
    free_slots,
    is_free,
    windows_on,
)

LONDON = ZoneInfo("Europe/London")
T = dt.time
MON_THU = tuple(
    w for day in range(4) for w in (Window(day, T(9), T(12)), Window(day, T(14), T(17, 30)))
)
COACH = Availability("Europe/London", MON_THU)


def at(y: int, m: int, d: int, h: int = 0, mi: int = 0, zone: ZoneInfo = LONDON) -> dt.datetime:
    return dt.datetime(y, m, d, h, mi, tzinfo=zone)


def local_times(slots, zone: ZoneInfo = LONDON) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.start.astimezone(zone).strftime("%a %H:%M") for s in slots]


NOW = at(2026, 12, 6, 12)  # a Sunday noon; Monday 7 December is the first day open


def test_a_day_of_hourly_sessions_on_the_half_hour_grid() -> None:
    rules = Rules(minutes=60, notice=dt.timedelta(hours=1))
    slots = free_slots(COACH, rules, [], NOW, end=at(2026, 12, 8))
    assert local_times(slots) == [
        "Mon 09:00", "Mon 09:30", "Mon 10:00", "Mon 10:30", "Mon 11:00",
        "Mon 14:00", "Mon 14:30", "Mon 15:00", "Mon 15:30", "Mon 16:00", "Mon 16:30",
    ]  # fmt: skip
    assert all(s.start.tzinfo == dt.UTC for s in slots)


def test_busy_times_and_buffers_remove_slots() -> None:
    busy = [Interval(at(2026, 12, 7, 10), at(2026, 12, 7, 10, 30))]
    rules = Rules(minutes=60, buffer_after=15, notice=dt.timedelta(0), step=30)
    slots = free_slots(COACH, rules, busy, NOW, end=at(2026, 12, 7, 13))
    # 09:00 would end at 10:00 and need 15 minutes after: it touches the 10:00 meeting.
    assert local_times(slots) == ["Mon 10:30", "Mon 11:00"]
    before = Rules(minutes=30, buffer_before=30, notice=dt.timedelta(0))
    slots = free_slots(COACH, before, busy, NOW, end=at(2026, 12, 7, 13))
    # 10:30 would need the half hour before it, when the meeting runs; 09:30 ends as it begins.
    assert local_times(slots) == ["Mon 09:00", "Mon 09:30", "Mon 11:00", "Mon 11:30"]


def test_notice_horizon_and_the_limit_per_day() -> None:
    rules = Rules(minutes=60, notice=dt.timedelta(hours=24), horizon_days=2)
    slots = free_slots(COACH, rules, [], at(2026, 12, 7, 10))
    days = {s.start.astimezone(LONDON).date() for s in slots}
    assert min(s.start for s in slots) >= at(2026, 12, 8, 10)
    assert days == {dt.date(2026, 12, 8), dt.date(2026, 12, 9)}
    assert max(s.start for s in slots) < at(2026, 12, 9, 10)
    limited = Rules(minutes=60, notice=dt.timedelta(0), per_day=2)
    slots = free_slots(
        COACH, limited, [], NOW, end=at(2026, 12, 9), booked_per_day={dt.date(2026, 12, 7): 2}
    )
    assert {s.start.astimezone(LONDON).date() for s in slots} == {dt.date(2026, 12, 8)}


def test_overrides_replace_a_days_hours_and_time_off_removes_them() -> None:
    availability = Availability(
        "Europe/London",
        MON_THU,
        overrides=(
            DayOverride(dt.date(2026, 12, 7)),  # a day off
            DayOverride(dt.date(2026, 12, 12), ((T(10), T(11)),)),  # a Saturday morning
        ),
        time_off=(Interval(at(2026, 12, 8), at(2026, 12, 10)),),
    )
    assert windows_on(availability, dt.date(2026, 12, 7)) == ()
    rules = Rules(minutes=60, notice=dt.timedelta(0))
    slots = free_slots(availability, rules, [], NOW, end=at(2026, 12, 13))
    assert local_times(slots) == [
        "Thu 09:00", "Thu 09:30", "Thu 10:00", "Thu 10:30", "Thu 11:00",
        "Thu 14:00", "Thu 14:30", "Thu 15:00", "Thu 15:30", "Thu 16:00", "Thu 16:30",
        "Sat 10:00",
    ]  # fmt: skip


def test_nine_stays_nine_across_the_clock_changes() -> None:
    for zone, before, after in (
        ("Europe/London", dt.date(2026, 3, 27), dt.date(2026, 3, 30)),
        ("Europe/London", dt.date(2026, 10, 23), dt.date(2026, 10, 26)),
        ("America/New_York", dt.date(2026, 3, 6), dt.date(2026, 3, 9)),
        ("America/New_York", dt.date(2026, 10, 30), dt.date(2026, 11, 2)),
    ):
        tz = ZoneInfo(zone)
        every_day = Availability(zone, tuple(Window(d, T(9), T(10)) for d in range(7)))
        rules = Rules(minutes=60, notice=dt.timedelta(0))
        now = dt.datetime.combine(before, T(0), tzinfo=tz)
        slots = free_slots(every_day, rules, [], now, end=now + dt.timedelta(days=4))
        assert [s.start.astimezone(tz).time() for s in slots] == [T(9)] * 4, zone
        offsets = {s.start.astimezone(tz).utcoffset() for s in slots}
        assert len(offsets) == 2, zone  # the same wall clock, on both sides of the change
        assert slots[-1].start.astimezone(tz).date() == after


def test_a_start_the_clocks_skip_is_left_out() -> None:
    night = Availability("Europe/London", (Window(6, T(0, 30), T(3)),))  # Sunday nights
    rules = Rules(minutes=30, notice=dt.timedelta(0))
    now = at(2026, 3, 28)
    slots = free_slots(night, rules, [], now, end=at(2026, 3, 30))
    # 29 March 2026: 01:00-02:00 does not exist in London.
    assert local_times(slots) == ["Sun 00:30", "Sun 02:00", "Sun 02:30"]


def test_grouped_by_the_bookers_day_and_checked_again_before_booking() -> None:
    rules = Rules(minutes=60, notice=dt.timedelta(0))
    slots = free_slots(COACH, rules, [], NOW, end=at(2026, 12, 8))
    days = by_day(slots, "Pacific/Auckland")  # 13 hours ahead: Monday's afternoon is Tuesday
    assert [d.day for d in days] == [dt.date(2026, 12, 7), dt.date(2026, 12, 8)]
    assert is_free(COACH, rules, [], NOW, at(2026, 12, 7, 9))
    assert not is_free(COACH, rules, [], NOW, at(2026, 12, 7, 9, 15))  # off the grid
    busy = [Interval(at(2026, 12, 7, 9, 30), at(2026, 12, 7, 10))]
    assert not is_free(COACH, rules, busy, NOW, at(2026, 12, 7, 9))
    assert not is_free(COACH, rules, [], at(2026, 12, 7, 10), at(2026, 12, 7, 9))  # past


# --- properties ------------------------------------------------------------------------------

ZONES = st.sampled_from(["Europe/London", "America/New_York", "UTC", "Asia/Kolkata"])
quarter = st.integers(0, 95).map(lambda q: T(q // 4, q % 4 * 15))


@st.composite
def windows(draw):  # type: ignore[no-untyped-def]
    out = []
    for _ in range(draw(st.integers(0, 6))):
        a, b = sorted((draw(quarter), draw(quarter)))
        if a != b:
            out.append(Window(draw(st.integers(0, 6)), a, b))
    return tuple(out)


@st.composite
def busy_list(draw, base: dt.datetime):  # type: ignore[no-untyped-def]
    out = []
    for _ in range(draw(st.integers(0, 12))):
        start = base + dt.timedelta(minutes=draw(st.integers(0, 14 * 24 * 60)))
        out.append(Interval(start, start + dt.timedelta(minutes=draw(st.integers(1, 600)))))
    return out


BASE = dt.datetime(2026, 3, 20, tzinfo=dt.UTC)  # two weeks around the spring changes


@settings(max_examples=150, deadline=None)
@given(
    zone=ZONES,
    weekly=windows(),
    busy=busy_list(BASE),
    minutes=st.sampled_from([15, 20, 30, 45, 60, 90]),
    before=st.sampled_from([0, 5, 15]),
    after=st.sampled_from([0, 10, 30]),
    notice_hours=st.integers(0, 48),
    offset=st.integers(0, 3 * 24 * 60),
)
def test_properties(zone, weekly, busy, minutes, before, after, notice_hours, offset) -> None:  # type: ignore[no-untyped-def]
    now = BASE + dt.timedelta(minutes=offset)
    rules = Rules(minutes, before, after, dt.timedelta(hours=notice_hours), horizon_days=10)
    availability = Availability(zone, weekly)
    tz = ZoneInfo(zone)
    for slot in free_slots(availability, rules, busy, now):
        assert slot.end - slot.start == dt.timedelta(minutes=minutes)
        assert now + rules.notice <= slot.start < now + dt.timedelta(days=10)
        padded = (slot.start - dt.timedelta(minutes=before), slot.end + dt.timedelta(minutes=after))
        assert not any(b.start < padded[1] and padded[0] < b.end for b in busy)
        local = slot.start.astimezone(tz)
        inside = False
        for opens, closes in windows_on(availability, local.date()):
            begin = dt.datetime.combine(local.date(), opens, tzinfo=tz)
            end = (
                dt.datetime.combine(local.date(), closes, tzinfo=tz)
                if closes != T(0)
                else (dt.datetime.combine(local.date() + dt.timedelta(days=1), T(0), tzinfo=tz))
            )
            inside |= begin <= local and slot.end.astimezone(tz) <= end
        assert inside, (slot, weekly)


def test_hours_are_read_as_people_write_them() -> None:
    import pytest

    from headway.core.scheduling.slots import HoursError, format_hours, parse_hours

    assert parse_hours("14:00-17:30, 09:00-12:00") == ((T(9), T(12)), (T(14), T(17, 30)))
    assert parse_hours("9-12 and 2pm to 5.30pm") == ((T(9), T(12)), (T(14), T(17, 30)))
    assert parse_hours("12am-12:30am") == ((T(0), T(0, 30)),)
    assert parse_hours("  ") == ()
    assert format_hours(parse_hours("9-12,14-17:30")) == "09:00-12:00, 14:00-17:30"
    for bad, said in (
        ("9", "needs a start and an end"),
        ("12-9", "ends before it starts"),
        ("9-12, 11-13", "overlap"),
        ("25-26", "not a time of day"),
        ("nine-ten", "not a time"),
        ("13pm-2pm", "12-hour clock"),
    ):
        with pytest.raises(HoursError, match=said):
            parse_hours(bad)
