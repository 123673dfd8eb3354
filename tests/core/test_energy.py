from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headway.core.assessments.energy import (
    Entry,
    activity_key,
    find_patterns,
    week_chart,
    week_start,
)

TODAY = dt.date(2026, 3, 19)  # a Thursday


def entry(activity: str, energy: int, days_ago: int = 0, flow: bool = False) -> Entry:
    return Entry(TODAY - dt.timedelta(days=days_ago), activity, energy, flow)


@pytest.mark.parametrize(
    "spellings",
    [
        ("client call", "Client calls", "  calls with clients ", "CLIENT CALL!"),
        ("Meetings", "meeting", "a meeting"),
        ("Reading studies", "reading study"),
        ("coaching classes", "Coaching class"),
        ("lunches", "lunch"),
    ],
)
def test_spellings_of_one_activity_share_a_key(spellings: tuple[str, ...]) -> None:
    assert len({activity_key(s) for s in spellings}) == 1


def test_different_activities_keep_different_keys() -> None:
    keys = {activity_key(s) for s in ("client call", "team call", "client workshop", "Status")}
    assert len(keys) == 4


def test_an_activity_of_filler_words_still_has_a_key() -> None:
    assert activity_key("  The  ") == "the"


def test_weeks_start_on_monday() -> None:
    assert week_start(TODAY) == dt.date(2026, 3, 16)
    assert week_start(dt.date(2026, 3, 16)) == dt.date(2026, 3, 16)


def test_energy_outside_the_scale_is_refused() -> None:
    with pytest.raises(ValueError):
        Entry(TODAY, "x", 3, False)


def test_patterns_group_average_and_rank_activities() -> None:
    entries = [
        entry("Client calls", 2, 0, flow=True),
        entry("client call", 1, 1),
        entry("Calls with clients", 2, 2, flow=True),
        entry("Expense reports", -2, 3),
        entry("expense report", -1, 4),
        entry("Team lunch", 2, 5),  # once: not yet a pattern
        entry("Status meeting", 0, 6),
        entry("status meetings", 0, 7),
    ]
    p = find_patterns(entries, today=TODAY)
    assert p.count == 8 and p.flow_count == 2
    assert p.mean_energy == pytest.approx(4 / 8)
    calls = p.activities[0]
    assert calls.label == "Client calls"  # ties go to the first spelling seen (newest first)
    assert set(calls.spellings) == {"Client calls", "client call", "Calls with clients"}
    assert (calls.count, calls.mean_energy, calls.flow_count) == (3, pytest.approx(5 / 3), 2)
    assert [a.label for a in p.energising] == ["Client calls"]
    assert [a.label for a in p.draining] == ["Expense reports"]
    assert [a.label for a in p.flow] == ["Client calls"]
    assert "Team lunch" not in [a.label for a in p.energising]  # one entry is not a pattern


def test_the_most_used_spelling_names_the_group() -> None:
    p = find_patterns(
        [entry("client call", 1), entry("Client Calls", 1), entry("Client Calls", 1)], today=TODAY
    )
    assert p.activities[0].label == "Client Calls"


def test_weeks_cover_the_last_ten_including_empty_ones() -> None:
    entries = [entry("a", 2, 0), entry("b", -2, 1), entry("c", 1, 14), entry("old", 2, 400)]
    p = find_patterns(entries, today=TODAY)
    assert len(p.weeks) == 10
    assert p.weeks[-1].starts_on == dt.date(2026, 3, 16)
    assert p.weeks[0].starts_on == dt.date(2026, 1, 12)
    assert (p.weeks[-1].count, p.weeks[-1].mean_energy) == (2, 0.0)
    assert p.weeks[-2].count == 0 and p.weeks[-2].mean_energy is None
    assert p.weeks[-3].mean_energy == 1.0
    assert sum(w.count for w in p.weeks) == 3  # last year's entry counts for activities only
    assert p.count == 4


def test_an_empty_journal_has_empty_patterns() -> None:
    p = find_patterns([], today=TODAY)
    assert p.count == 0 and p.mean_energy is None and p.activities == ()
    assert len(p.weeks) == 10 and all(w.count == 0 for w in p.weeks)


def test_the_chart_draws_energised_weeks_up_and_drained_weeks_down() -> None:
    p = find_patterns(
        [entry("a", 2, 0), entry("b", -1, 7), entry("c", 0, 14)], today=TODAY, weeks=4
    )
    chart = week_chart(p.weeks)
    empty, neutral, drained, energised = chart.bars
    assert empty.height == 0
    assert neutral.height == 2.0  # a sliver: recorded, not empty
    assert drained.y == chart.zero_y and not drained.positive
    assert energised.y + energised.height == chart.zero_y and energised.positive
    assert energised.height == pytest.approx(2 * drained.height)
    assert energised.labelled and not drained.labelled  # every other week, the latest always
    assert [v for v, _ in chart.ticks] == [2, 1, 0, -1, -2]


entries_strategy = st.lists(
    st.builds(
        Entry,
        st.dates(min_value=dt.date(2025, 1, 1), max_value=TODAY),
        st.sampled_from(["Client call", "client calls", "Writing", "writing", "Admin", "x y"]),
        st.integers(-2, 2),
        st.booleans(),
    ),
    max_size=60,
)


@given(entries_strategy)
def test_patterns_account_for_every_entry(entries: list[Entry]) -> None:
    p = find_patterns(entries, today=TODAY)
    assert sum(a.count for a in p.activities) == len(entries)
    assert sum(a.flow_count for a in p.activities) == p.flow_count
    for a in p.activities:
        assert -2 <= a.mean_energy <= 2 and 0 <= a.flow_share <= 1
    assert all(a.mean_energy > 0 and a.count >= p.min_count for a in p.energising)
    assert all(a.mean_energy < 0 and a.count >= p.min_count for a in p.draining)
    assert {a.key for a in p.energising}.isdisjoint(a.key for a in p.draining)
    assert len({activity_key(a.label) for a in p.activities}) == len(p.activities)


@given(entries_strategy)
def test_chart_bars_stay_inside_the_chart(entries: list[Entry]) -> None:
    chart = week_chart(find_patterns(entries, today=TODAY).weeks)
    for b in chart.bars:
        assert chart.plot_left <= b.x and b.x + chart.bar_width <= chart.width
        assert b.centre + 20 <= chart.width  # room for half a date label such as "16 Nov"
        assert b.y >= 0 and b.y + b.height <= chart.label_y
