"""Busy times from a coach's own calendar file (headway.core.scheduling.busy_ics)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headway.core.scheduling.busy_ics import (
    Busy,
    CalendarError,
    busy_in,
    busy_intervals,
    event_count,
    parse_calendar,
)

FIXTURES = Path(__file__).parent / "fixtures" / "busy"
UTC = dt.UTC


def read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def spans(result: tuple[Busy, ...]) -> list[tuple[dt.datetime, dt.datetime]]:
    return [(b.start, b.end) for b in result]


def busy(name: str, start: dt.datetime, end: dt.datetime, zone: str = "UTC"):
    return spans(busy_intervals(read(name), start=start, end=end, zone=zone))


def test_weekly_meeting_with_exdate_moved_and_cancelled_instances():
    got = busy("weekly.ics", at(2026, 1, 1), at(2026, 4, 1))
    assert got == [
        (at(2026, 1, 5, 10), at(2026, 1, 5, 11)),
        (at(2026, 1, 12, 10), at(2026, 1, 12, 11)),
        # 19 January is an EXDATE; 26 January moved to Tuesday afternoon
        (at(2026, 1, 27, 14), at(2026, 1, 27, 15)),
        # 2 February cancelled; COUNT=8 ends the series on 23 February
        (at(2026, 2, 9, 10), at(2026, 2, 9, 11)),
        (at(2026, 2, 16, 10), at(2026, 2, 16, 11)),
        (at(2026, 2, 23, 10), at(2026, 2, 23, 11)),
    ]
    assert event_count(read("weekly.ics")) == 3


def test_all_day_events_block_whole_days_in_the_coachs_zone():
    got = busy("allday.ics", at(2026, 1, 1), at(2026, 2, 1), zone="America/New_York")
    assert got == [
        # DTEND is exclusive: 7 and 8 January, midnight to midnight in New York
        (at(2026, 1, 7, 5), at(2026, 1, 9, 5)),
        # no DTEND: one day
        (at(2026, 1, 12, 5), at(2026, 1, 13, 5)),
    ]


def test_free_cancelled_and_zero_length_events_do_not_make_the_coach_busy():
    assert busy("transparent.ics", at(2026, 1, 1), at(2026, 2, 1)) == [
        (at(2026, 1, 7, 15), at(2026, 1, 7, 16))
    ]
    assert event_count(read("transparent.ics")) == 4


def test_floating_times_are_read_in_the_coachs_zone():
    start, end = at(2026, 7, 1), at(2026, 8, 1)
    assert busy("floating.ics", start, end, zone="Europe/Berlin") == [
        (at(2026, 7, 7, 7), at(2026, 7, 7, 8))
    ]
    assert busy("floating.ics", start, end, zone="America/New_York") == [
        (at(2026, 7, 7, 13), at(2026, 7, 7, 14))
    ]


def test_weekly_meeting_stays_at_nine_local_across_both_dst_changes():
    got = busy("dst.ics", at(2026, 3, 18), at(2026, 4, 3), zone="Asia/Tokyo")
    assert got == [
        (at(2026, 3, 19, 9), at(2026, 3, 19, 10)),  # GMT
        (at(2026, 3, 26, 9), at(2026, 3, 26, 10)),
        (at(2026, 4, 2, 8), at(2026, 4, 2, 9)),  # BST from 29 March
    ]
    got = busy("dst.ics", at(2026, 10, 20), at(2026, 11, 1), zone="Asia/Tokyo")
    assert got == [
        (at(2026, 10, 22, 8), at(2026, 10, 22, 9)),  # BST
        (at(2026, 10, 29, 9), at(2026, 10, 29, 10)),  # GMT from 25 October
    ]


def test_clipped_to_the_range_and_merged():
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
        b"BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260105T090000Z\r\nDTEND:20260105T100000Z\r\n"
        b"END:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20260105T100000Z\r\nDTEND:20260105T103000Z\r\n"
        b"END:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:c\r\nDTSTART:20260105T101500Z\r\nDURATION:PT1H\r\n"
        b"END:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:d\r\nDTSTART:20260105T120000Z\r\nDTEND:20260105T130000Z\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    got = busy_intervals(data, start=at(2026, 1, 5, 9, 30), end=at(2026, 1, 5, 12, 30), zone="UTC")
    assert spans(got) == [
        (at(2026, 1, 5, 9, 30), at(2026, 1, 5, 11, 15)),
        (at(2026, 1, 5, 12), at(2026, 1, 5, 12, 30)),
    ]
    assert all(b.start.tzinfo is UTC and b.end.tzinfo is UTC for b in got)


def test_parsed_calendar_answers_again_the_same():
    calendar = parse_calendar(read("weekly.ics"))
    assert calendar.events == 3
    first = busy_in(calendar, start=at(2026, 1, 1), end=at(2026, 3, 1), zone="UTC")
    again = busy_in(calendar, start=at(2026, 1, 1), end=at(2026, 3, 1), zone="UTC")
    assert first == again and len(first) == 6


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The calendar file is empty: there are no events in it."),
        (b"  \r\n", "The calendar file is empty: there are no events in it."),
        (
            b"<html><body>Sign in</body></html>",
            "This file is not an iCalendar calendar (it should begin with BEGIN:VCALENDAR).",
        ),
        (bytes(range(256)) * 4, "This file is not an iCalendar calendar (it looks like"),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:notadate\r\nEND:VCALENDAR\r\n",
            "This calendar file is damaged and cannot be read.",
        ),
    ],
)
def test_bad_files_raise_a_clear_calendar_error(data, message):
    with pytest.raises(CalendarError) as info:
        busy_intervals(data, start=at(2026, 1, 1), end=at(2026, 2, 1), zone="UTC")
    assert str(info.value).startswith(message)


def test_empty_and_broken_fixtures():
    with pytest.raises(CalendarError, match="empty"):
        event_count(read("empty.ics"))
    with pytest.raises(CalendarError) as info:
        busy("broken.ics", at(2026, 1, 1), at(2026, 2, 1))
    assert str(info.value) == (
        "A repeating event in this calendar has a repeat rule that cannot be read "
        "(FREQ=SOMETIMES;BYDAY=XX). Open it in your calendar app and save its repeat again, "
        "or delete it."
    )


MIXED = b"".join(read(name) for name in ("weekly.ics", "allday.ics", "dst.ics"))
PARSED = parse_calendar(MIXED)
# Hypothesis takes naive bounds and makes each value aware with the given zone.
moments = st.datetimes(
    min_value=dt.datetime(2025, 12, 1),  # noqa: DTZ001 - naive by Hypothesis's contract
    max_value=dt.datetime(2026, 12, 1),  # noqa: DTZ001 - naive by Hypothesis's contract
    timezones=st.just(UTC),
)


@settings(max_examples=60, deadline=None)
@given(
    a=moments,
    b=moments,
    zone=st.sampled_from(["UTC", "Europe/London", "America/New_York", "Pacific/Kiritimati"]),
)
def test_intervals_lie_in_the_range_sorted_and_disjoint(a, b, zone):
    start, end = min(a, b), max(a, b)
    got = busy_in(PARSED, start=start, end=end, zone=zone)
    for one in got:
        assert start <= one.start < one.end <= end
    for first, second in zip(got, got[1:], strict=False):
        assert first.end < second.start  # adjacent ones would have been merged
    # Asking in two halves gives the same busy time as asking once.
    middle = start + (end - start) / 2
    halves = busy_in(PARSED, start=start, end=middle, zone=zone) + busy_in(
        PARSED, start=middle, end=end, zone=zone
    )
    assert sum((x.end - x.start for x in halves), dt.timedelta()) == sum(
        (x.end - x.start for x in got), dt.timedelta()
    )


def test_an_event_with_a_broken_duration_is_left_out_not_an_error():
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
        b"BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260105T090000Z\r\nDURATION:forever\r\n"
        b"END:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20260106T090000Z\r\nDURATION:PT30M\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    got = busy_intervals(data, start=at(2026, 1, 1), end=at(2026, 2, 1), zone="UTC")
    assert spans(got) == [(at(2026, 1, 6, 9), at(2026, 1, 6, 9, 30))]


def test_busy_instances_of_a_free_series_still_count():
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
        b"BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260105T090000Z\r\nDTEND:20260105T100000Z\r\n"
        b"RRULE:FREQ=DAILY;COUNT=3\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:a\r\nRECURRENCE-ID:20260106T090000Z\r\n"
        b"DTSTART:20260106T120000Z\r\nDTEND:20260106T130000Z\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n"
    )
    got = busy_intervals(data, start=at(2026, 1, 1), end=at(2026, 2, 1), zone="UTC")
    assert spans(got) == [(at(2026, 1, 6, 12), at(2026, 1, 6, 13))]
