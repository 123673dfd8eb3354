"""The prep brief from plain facts (no Django)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from headway.core.followup.brief import (
    FALLING,
    LATEST_CHECKINS,
    RISING,
    STEADY,
    TOO_FEW,
    UP_AND_DOWN,
    BriefFacts,
    CheckInFact,
    GoalFact,
    ObstacleFact,
    StepFact,
    build_brief,
    energy_trend,
)

NOW = dt.datetime(2025, 3, 10, 9, 0, tzinfo=dt.UTC)
LAST = dt.datetime(2025, 3, 3, 10, 0, tzinfo=dt.UTC)
NEXT = dt.datetime(2025, 3, 14, 10, 0, tzinfo=dt.UTC)


def day(n: int) -> dt.datetime:
    """n days after the last session, at noon."""
    return LAST + dt.timedelta(days=n, hours=2)


def test_steps_done_due_and_overdue() -> None:
    steps = (
        StepFact("Done before the last session", done_at=LAST - dt.timedelta(days=1)),
        StepFact("Called Ana", done_at=day(2)),
        StepFact("Read the job ad", due_on=dt.date(2025, 3, 8)),
        StepFact("Update CV", due_on=dt.date(2025, 3, 14)),
        StepFact("Due today", due_on=NOW.date()),
        StepFact("Later", due_on=dt.date(2025, 4, 1)),
        StepFact("Whenever"),
    )
    brief = build_brief(BriefFacts(now=NOW, until=NEXT, since=LAST, goals=(GoalFact("UX", steps),)))
    (goal,) = brief.goals
    assert [s.title for s in goal.done] == ["Called Ana"]
    assert [s.title for s in goal.due] == ["Due today", "Update CV"]
    assert [s.title for s in goal.overdue] == ["Read the job ad"]
    assert not goal.is_quiet


def test_first_session_counts_everything_done_so_far() -> None:
    steps = (StepFact("Long ago", done_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC)),)
    brief = build_brief(BriefFacts(now=NOW, until=NEXT, goals=(GoalFact("UX", steps),)))
    assert [s.title for s in brief.goals[0].done] == ["Long ago"]
    assert brief.since is None


def test_wins_obstacles_and_topics_come_from_the_period_only() -> None:
    check_ins = (
        CheckInFact(day(-2), 5, win="Before", obstacles="Old worry"),
        CheckInFact(day(4), 6, win="  Asked for a call ", obstacles="Tired"),
        CheckInFact(day(1), 7, win="", obstacles=""),
        CheckInFact(NEXT + dt.timedelta(hours=1), 9, win="After the session"),
    )
    plan = (
        ObstacleFact(day(-3), "UX", "too busy"),
        ObstacleFact(day(3), "UX", "I get anxious", "I write down one question"),
    )
    facts = BriefFacts(
        now=NOW,
        until=NEXT,
        since=LAST,
        check_ins=check_ins,
        plan_obstacles=plan,
        topics=("Money worries", "  "),
    )
    brief = build_brief(facts)
    assert [w.text for w in brief.wins] == ["Asked for a call"]
    assert [o.text for o in brief.obstacles] == ["Tired"]
    assert [o.obstacle for o in brief.plan_obstacles] == ["I get anxious"]
    assert brief.topics == ("Money worries",)
    assert brief.check_ins_in_period == 2
    # The latest check-ins reach back before the period, never past the session.
    assert [c.energy for c in brief.latest] == [6, 7, 5]
    assert brief.energy.values == (5, 7, 6)


def test_latest_is_capped() -> None:
    check_ins = tuple(CheckInFact(day(i), 5) for i in range(LATEST_CHECKINS + 3))
    brief = build_brief(
        BriefFacts(now=NOW, until=NEXT + dt.timedelta(days=30), check_ins=check_ins)
    )
    assert len(brief.latest) == LATEST_CHECKINS
    assert brief.latest[0].at == check_ins[-1].at


def test_trend_words() -> None:
    assert energy_trend(()).word == TOO_FEW
    assert energy_trend((5,)).word == TOO_FEW
    assert energy_trend((3, 4, 6, 7)).word == RISING
    assert energy_trend((8, 6, 4)).word == FALLING
    assert energy_trend((6, 6, 7, 6)).word == STEADY
    assert energy_trend((2, 8, 2, 8)).word == UP_AND_DOWN


energies = st.lists(st.integers(min_value=1, max_value=10), max_size=12).map(tuple)


@given(energies)
def test_trend_reverses_with_time(values: tuple[int, ...]) -> None:
    """Read backwards, rising becomes falling and the other words stay (over the same window)."""
    window = values[-6:]
    forward = energy_trend(window).word
    backward = energy_trend(tuple(reversed(window))).word
    swap = {RISING: FALLING, FALLING: RISING}
    assert backward == swap.get(forward, forward)


@given(st.integers(min_value=1, max_value=10), st.integers(min_value=2, max_value=12))
def test_the_same_energy_every_time_is_steady(energy: int, n: int) -> None:
    assert energy_trend((energy,) * n).word == STEADY


@given(energies)
def test_trend_values_are_the_latest_few(values: tuple[int, ...]) -> None:
    trend = energy_trend(values)
    assert trend.values == values[len(values) - len(trend.values) :]
    assert len(trend.values) == min(len(values), 6)
