"""A step dated in the past: overdue when open, and the date the person more likely meant."""

from __future__ import annotations

import datetime as dt

import pytest

from headway.core.planning.plan import StepFacts, is_overdue, past_date_guess

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("due_on", "done", "overdue"),
    [
        (dt.date(2026, 12, 6), False, True),
        (dt.date(2026, 12, 6), True, False),  # done: never overdue
        (TODAY, False, False),  # due today is not late yet
        (dt.date(2027, 1, 1), False, False),
        (None, False, False),
    ],
)
def test_overdue_is_open_and_dated_before_today(due_on, done, overdue) -> None:
    assert is_overdue(StepFacts("Email Ana", due_on=due_on, done=done), today=TODAY) is overdue


@pytest.mark.parametrize(
    ("day", "guess"),
    [
        (dt.date(2026, 12, 20), None),  # not past
        (TODAY, None),
        (dt.date(2026, 1, 15), dt.date(2027, 1, 15)),  # the year slipped
        (dt.date(2025, 12, 20), dt.date(2026, 12, 20)),  # last year's date, this year
        (dt.date(2020, 12, 1), dt.date(2027, 12, 1)),
        (dt.date(2024, 2, 29), None),  # no 29 February within the year
    ],
)
def test_the_guess_is_the_same_day_in_the_first_year_not_past(day, guess) -> None:
    assert past_date_guess(day, today=TODAY) == guess


def test_a_leap_day_is_guessed_when_the_year_has_one() -> None:
    assert past_date_guess(dt.date(2024, 2, 29), today=dt.date(2027, 6, 1)) == dt.date(2028, 2, 29)
