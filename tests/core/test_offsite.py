"""The offsite's cycle, agenda, highlights and history, without a database."""

from __future__ import annotations

import datetime as dt

import pytest

from headway.core.assessments.energy import Entry
from headway.core.dates import add_months
from headway.core.planning.offsite import (
    SECTIONS,
    Cycle,
    Snapshot,
    ValuesFacts,
    agenda,
    answer_keys,
    clock,
    compare,
    highlights,
    horizon_end,
    next_offsite_on,
    next_section,
)


def test_the_default_rhythm_is_three_three_three_three() -> None:
    cycle = Cycle()
    assert (cycle.every_months, cycle.minutes, cycle.priorities, cycle.horizon_months) == (
        3,
        180,
        3,
        3,
    )
    assert cycle.summary == "Every 3 months, 3 hours, up to 3 things for the next 3 months."
    assert cycle.problems() == []


def test_a_changed_cycle_reads_as_written_and_out_of_range_is_explained() -> None:
    assert Cycle(1, 90, 1, 6).summary == (
        "Every month, 1 hour and 30 minutes, up to 1 thing for the next 6 months."
    )
    problems = Cycle(0, 20, 9, 13).problems()
    assert len(problems) == 4
    assert "every 1 to 12 months" in problems[0]


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2027, 11, 30), 3, dt.date(2028, 2, 29)),
        (dt.date(2026, 10, 15), 3, dt.date(2027, 1, 15)),
        (dt.date(2026, 3, 1), 12, dt.date(2027, 3, 1)),
    ],
)
def test_months_are_calendar_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_the_next_offsite_and_the_horizon_follow_the_cycle() -> None:
    ended = dt.date(2026, 12, 3)
    cycle = Cycle(every_months=4, horizon_months=2)
    assert next_offsite_on(ended, cycle) == dt.date(2027, 4, 3)
    assert horizon_end(ended, cycle) == dt.date(2027, 2, 3)


@pytest.mark.parametrize("minutes", [30, 45, 90, 180, 240, 480])
def test_the_agenda_fills_the_block_exactly(minutes: int) -> None:
    items = agenda(minutes)
    assert [i.section.key for i in items] == [s.key for s in SECTIONS]
    assert sum(i.minutes for i in items) == minutes
    assert all(i.minutes > 0 for i in items)


def test_three_hours_in_five_minute_steps() -> None:
    assert [i.minutes for i in agenda(180)] == [10, 25, 35, 50, 25, 25, 10]


def test_insights_come_before_priorities_and_prompts_ask_open_questions() -> None:
    keys = [s.key for s in SECTIONS]
    assert keys.index("insights") < keys.index("priorities")
    for s in SECTIONS:
        for p in s.prompts:
            assert p.text.endswith("?"), p.key
            assert "you should" not in p.text.lower()
    assert answer_keys(2)[-2:] == ("priority-1", "priority-2")
    assert len(set(answer_keys(5))) == len(answer_keys(5))


def test_sections_follow_each_other() -> None:
    assert next_section("") == SECTIONS[0]
    assert next_section("arrive") == SECTIONS[1]
    assert next_section("close") is None


def test_clock() -> None:
    assert clock(0) == "0:00"
    assert clock(725) == "12:05"
    assert clock(3909) == "1:05:09"


def _entry(days_ago: int, activity: str, energy: int, flow: bool = False) -> Entry:
    return Entry(dt.date(2026, 12, 3) - dt.timedelta(days=days_ago), activity, energy, flow)


def test_highlights_since_the_last_offsite() -> None:
    journal = [
        _entry(2, "Visiting a scheme", 2, True),
        _entry(9, "Visiting schemes", 2),
        _entry(5, "Finance meeting", -2),
        _entry(12, "Finance meetings", -1),
        _entry(200, "Old thing", 2),  # before the last offsite: not counted
    ]
    found = highlights(
        since=dt.date(2026, 9, 1),
        today=dt.date(2026, 12, 3),
        values_now=ValuesFacts(("Impact", "Autonomy", "Learning"), low_alignment=("Autonomy",)),
        values_then=ValuesFacts(("Impact", "Security", "Learning")),
        journal=journal,
    )
    assert found.entries == 4
    assert found.energising == ("Visiting a scheme",)
    assert found.draining == ("Finance meeting",)
    assert found.flow == ("Visiting a scheme",)
    assert "Your top values: Impact, Autonomy, Learning." in found.lines
    assert "New in your top five since last time: Autonomy." in found.lines
    assert "No longer in your top five: Security." in found.lines
    assert any("honours little" in line and "Autonomy" in line for line in found.lines)


def test_highlights_with_nothing_yet() -> None:
    found = highlights(
        since=None, today=dt.date(2026, 12, 3), values_now=None, values_then=None, journal=[]
    )
    assert found.lines == ("No energy journal entries yet.",)
    assert found.mean_energy is None


def test_history_side_by_side_oldest_first_then_now() -> None:
    first = Snapshot(
        dt.date(2026, 6, 1), "I like fixing", ("Mentor",), ("Impact", "Security"), -0.5
    )
    second = Snapshot(dt.date(2026, 9, 1), "Strategy", ("Lead",), ("Impact", "Autonomy"), 0.6)
    now = Snapshot(None, values_top=("Impact", "Autonomy"), energy_mean=1.2)
    columns = compare([second, first], now)
    assert [c.label for c in columns] == ["1 June 2026", "1 September 2026", "Now"]
    assert columns[1].values_changes == ("New: Autonomy", "Gone: Security")
    assert columns[2].values_changes == ()
    assert [c.energy for c in columns] == [
        "a little drained on the whole",
        "a little energised on the whole",
        "mostly energised",
    ]


def test_minutes_in_words() -> None:
    from headway.core.planning.offsite import minutes_words

    assert minutes_words(185) == "3 hours and 5 minutes"
    assert minutes_words(45) == "45 minutes"
    assert minutes_words(0) == "under a minute"
