"""Check-in signals from plain facts (no Django), and how they reach the coach's attention."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from headway.core.followup.attention import EngagementFacts, Level, attention_items, unacknowledged
from headway.core.followup.signals import (
    ENERGY_FALLING,
    LOW,
    QUIET,
    QUIET_DAYS,
    SLIPPING,
    WORRIED,
    CheckInFacts,
    checkin_signals,
)

TODAY = dt.date(2025, 3, 31)


def facts(**changes: Any) -> CheckInFacts:
    """An active engagement a month in, with a check-in yesterday and steady energy."""
    base = CheckInFacts(
        today=TODAY,
        started_on=TODAY - dt.timedelta(days=30),
        active=True,
        check_in_dates=(TODAY - dt.timedelta(days=1),),
        energies=(6, 6, 6),
    )
    return dataclasses.replace(base, **changes)


def codes(f: CheckInFacts) -> set[str]:
    return {s.code for s in checkin_signals(f)}


def test_a_steady_engagement_shows_nothing() -> None:
    assert checkin_signals(facts()) == ()


def test_quiet_after_two_weeks_since_the_last_check_in() -> None:
    last = TODAY - dt.timedelta(days=QUIET_DAYS)
    (signal,) = checkin_signals(facts(check_in_dates=(last - dt.timedelta(days=9), last)))
    assert signal.code == QUIET
    assert signal.message == f"No check-in for {QUIET_DAYS} days"
    assert signal.question.endswith("?")
    assert codes(facts(check_in_dates=(last + dt.timedelta(days=1),))) == set()


def test_quiet_when_never_checked_in_after_two_weeks() -> None:
    new = facts(check_in_dates=(), energies=(), started_on=TODAY - dt.timedelta(days=13))
    assert codes(new) == set()
    older = dataclasses.replace(new, started_on=TODAY - dt.timedelta(days=20))
    assert [s.message for s in checkin_signals(older)] == ["No check-in yet, 20 days in"]


def test_a_paused_engagement_is_not_quiet() -> None:
    assert codes(facts(active=False, check_in_dates=(), energies=())) == set()


def test_slipping_from_two_overdue_steps() -> None:
    assert codes(facts(steps_overdue=1)) == set()
    (signal,) = checkin_signals(facts(steps_overdue=2))
    assert (signal.code, signal.message) == (SLIPPING, "2 steps past their due date")


def test_slipping_when_more_fell_due_than_got_done_lately() -> None:
    assert codes(facts(steps_overdue=1, steps_overdue_recently=1, steps_done_recently=1)) == set()
    f = facts(steps_overdue=1, steps_overdue_recently=1, steps_done_recently=0)
    assert codes(f) == {SLIPPING}


def test_energy_falling_three_in_a_row() -> None:
    (signal,) = checkin_signals(facts(energies=(8, 6, 4)))
    assert signal.code == ENERGY_FALLING
    assert "8, 6, 4" in signal.message
    assert signal.question == (
        "What has been taking your energy lately, and what would give some back?"
    )
    assert codes(facts(energies=(8, 6, 6))) == set()


def test_energy_falling_by_the_mean_of_three() -> None:
    # Not a strict run, but the last three average 2 points under the three before.
    assert codes(facts(energies=(8, 7, 8, 5, 6, 6))) == {ENERGY_FALLING}
    assert codes(facts(energies=(8, 7, 8, 6, 6, 6))) == set()


def test_a_single_low_check_in_is_flagged() -> None:
    (signal,) = checkin_signals(facts(energies=(3,)))
    assert (signal.code, signal.message) == (LOW, "Latest check-in at energy 3/10")
    assert signal.question.endswith("?")
    assert codes(facts(energies=(6, 3, 3))) == {LOW}
    assert codes(facts(energies=(4,))) == set()
    assert codes(facts(energies=(2, 4))) == set()  # only the latest counts


def test_a_worried_check_in_is_flagged_without_quoting_it() -> None:
    text = "Worried I'll stall... not sure we can afford a pay cut"
    (signal,) = checkin_signals(facts(latest_text=text))
    assert (signal.code, signal.message) == (WORRIED, "Latest check-in sounds worried")
    assert signal.question.startswith("What") and signal.question.endswith("?")
    assert "stall" not in signal.message + signal.question
    assert codes(facts(latest_text="Not worried: the interviews went well")) == set()


def test_acknowledged_check_in_flags_stay_hidden_until_a_newer_check_in() -> None:
    written = dt.datetime(2025, 3, 30, 9, tzinfo=dt.UTC)
    base = EngagementFacts(
        status="active",
        self_guided=False,
        days_since_activity=1,
        days_since_invited=None,
        days_in_stage=3,
        agreement_accepted=True,
        agreement_outdated=False,
        intake_submitted=False,
        answers_in_stage=0,
        questions_in_stage=10,
        checklist_done=0,
        checklist_total=4,
        unseen_client_activity=False,
        checkins=facts(energies=(3,), latest_at=written),
    )
    items = attention_items(base)
    low = next(i for i in items if i.code == LOW)
    assert low.can_acknowledge and low.since == written and low.question
    later = written + dt.timedelta(hours=1)
    codes_left = {i.code for i in unacknowledged(items, {LOW: later, "intake": later})}
    assert codes_left == {"intake"}  # the intake goes when it is done, not when acknowledged
    earlier = written - dt.timedelta(hours=1)
    assert LOW in {i.code for i in unacknowledged(items, {LOW: earlier})}


def test_attention_maps_signals_to_levels() -> None:
    base = EngagementFacts(
        status="active",
        self_guided=False,
        days_since_activity=1,
        days_since_invited=None,
        days_in_stage=3,
        agreement_accepted=True,
        agreement_outdated=False,
        intake_submitted=True,
        answers_in_stage=2,
        questions_in_stage=10,
        checklist_done=1,
        checklist_total=4,
        unseen_client_activity=False,
    )
    assert attention_items(base) == ()  # old callers: no check-in facts, no check-in items
    f = facts(energies=(8, 6, 4), check_in_dates=(TODAY - dt.timedelta(days=15),))
    items = {i.code: i.level for i in attention_items(dataclasses.replace(base, checkins=f))}
    assert items == {ENERGY_FALLING: Level.ACT, QUIET: Level.INFO}
    concluded = dataclasses.replace(base, status="concluded", checkins=f)
    assert attention_items(concluded) == ()


# --- properties ----------------------------------------------------------------------------

energy = st.integers(min_value=1, max_value=10)
histories = st.lists(energy, max_size=12).map(tuple)


@given(days=st.integers(min_value=0, max_value=QUIET_DAYS - 1), active=st.booleans())
def test_nothing_right_after_starting(days: int, active: bool) -> None:
    start = TODAY - dt.timedelta(days=days)
    f = CheckInFacts(today=TODAY, started_on=start, active=active)
    assert checkin_signals(f) == ()


@given(energies=histories, overdue=st.integers(0, 5), done=st.integers(0, 5))
def test_every_signal_asks_an_open_question(
    energies: tuple[int, ...], overdue: int, done: int
) -> None:
    f = facts(
        energies=energies,
        steps_overdue=overdue,
        steps_overdue_recently=overdue,
        steps_done_recently=done,
        check_in_dates=(),
    )
    for s in checkin_signals(f):
        assert s.question.endswith("?") and s.question.split()[0] in {"What", "How", "Which"}
        assert s.message


@given(st.lists(energy, min_size=3, max_size=12, unique=True))
def test_a_falling_run_is_always_flagged(values: list[int]) -> None:
    energies = tuple(sorted(values, reverse=True))
    assert ENERGY_FALLING in codes(facts(energies=energies))


@given(st.lists(energy, max_size=12))
def test_energy_that_never_falls_is_never_flagged(values: list[int]) -> None:
    energies = tuple(sorted(values))
    assert ENERGY_FALLING not in codes(facts(energies=energies))


@given(days=st.integers(0, 60), more=st.integers(0, 30))
def test_quiet_stays_quiet_as_days_pass(days: int, more: int) -> None:
    last = (TODAY - dt.timedelta(days=days),)
    before = facts(check_in_dates=last)
    later = dataclasses.replace(before, today=TODAY + dt.timedelta(days=more))
    assert (QUIET in codes(before)) <= (QUIET in codes(later))


@given(overdue=st.integers(0, 10), recent=st.integers(0, 10), done=st.integers(0, 10))
def test_more_overdue_steps_never_hide_slipping(overdue: int, recent: int, done: int) -> None:
    f = facts(steps_overdue=overdue, steps_overdue_recently=recent, steps_done_recently=done)
    worse = dataclasses.replace(f, steps_overdue=overdue + 1, steps_overdue_recently=recent + 1)
    assert (SLIPPING in codes(f)) <= (SLIPPING in codes(worse))
