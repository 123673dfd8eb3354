from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headway.core.dates import add_months
from headway.core.smart.analysis import analyse_goal
from headway.core.smart.calendar_words import easter, parse_count
from headway.core.smart.timeframes import find_timeframe, mask, parse_deadline

TODAY = dt.date(2026, 1, 15)  # a Thursday
D = dt.date


def deadline(text: str, today: dt.date = TODAY) -> dt.date | None:
    return parse_deadline(text, today=today)


# --- dates, relative periods and named periods -----------------------------------------------

ABSOLUTE = [
    ("by 15 March", D(2026, 3, 15)),
    ("by the 15th of March", D(2026, 3, 15)),
    ("on March 15th", D(2026, 3, 15)),
    ("by March 15, 2027", D(2027, 3, 15)),
    ("by 15/03/2027", D(2027, 3, 15)),
    ("by 15/03", D(2026, 3, 15)),
    ("by 5/4", D(2026, 4, 5)),  # day first
    ("by 04/25/2026", D(2026, 4, 25)),  # month first only when day first cannot be
    ("by 15.03.2027", D(2027, 3, 15)),
    ("by 15-03-27", D(2027, 3, 15)),
    ("by 2027-03-15", D(2027, 3, 15)),
    ("due 2026-06-01", D(2026, 6, 1)),
    ("in Mar 2027", D(2027, 3, 31)),
    ("March 2027", D(2027, 3, 31)),
    ("by the end of March", D(2026, 3, 31)),
    ("end of Feb", D(2026, 2, 28)),
    ("by mid-April", D(2026, 4, 15)),
    ("by early May", D(2026, 5, 10)),
    ("by late June", D(2026, 6, 30)),
    ("by the start of September", D(2026, 9, 1)),
    ("before March", D(2026, 2, 28)),
    ("by December", D(2026, 12, 31)),
    ("in January", D(2026, 1, 31)),  # this month, still to come
    ("by 10 January", D(2027, 1, 10)),  # already past this year
    ("in Q2", D(2026, 6, 30)),
    ("by the end of Q3", D(2026, 9, 30)),
    ("Q1 2027", D(2027, 3, 31)),
    ("in the first quarter of next year", D(2027, 3, 31)),
    ("by summer", D(2026, 8, 31)),
    ("this autumn", D(2026, 11, 30)),
    ("by the fall", D(2026, 11, 30)),
    ("this winter", D(2026, 2, 28)),  # the winter we are in
    ("by spring 2027", D(2027, 5, 31)),
    ("before Christmas", D(2026, 12, 24)),
    ("by Christmas", D(2026, 12, 25)),
    ("by Easter", D(2026, 4, 5)),
    ("by 2027", D(2027, 12, 31)),
    ("by the end of 2026", D(2026, 12, 31)),
    ("before 2028", D(2027, 12, 31)),
    ("by the end of the financial year", D(2026, 3, 31)),
]

RELATIVE = [
    ("in 6 weeks", D(2026, 2, 26)),
    ("within two months", D(2026, 3, 15)),
    ("over the next 90 days", D(2026, 4, 15)),
    ("in the next three months", D(2026, 4, 15)),
    ("in a fortnight", D(2026, 1, 29)),
    ("in 6 weeks' time", D(2026, 2, 26)),
    ("6 weeks from now", D(2026, 2, 26)),
    ("within a year", D(2027, 1, 15)),
    ("in 1.5 years", D(2027, 7, 15)),
    ("within 3 mths", D(2026, 4, 15)),
    ("in the next couple of weeks", D(2026, 1, 29)),
    ("by next Friday", D(2026, 1, 23)),  # the Friday of next week
    ("by Friday", D(2026, 1, 16)),
    ("on Monday", D(2026, 1, 19)),
    ("this Thursday", D(2026, 1, 15)),  # today
    ("by Thursday", D(2026, 1, 22)),  # the next one after today
    ("this weekend", D(2026, 1, 18)),
    ("at the weekend", D(2026, 1, 18)),
    ("this week", D(2026, 1, 18)),
    ("by next week", D(2026, 1, 25)),
    ("by the end of the week", D(2026, 1, 18)),
    ("tomorrow", D(2026, 1, 16)),
    ("today", D(2026, 1, 15)),
    ("tonight", D(2026, 1, 15)),
    ("by the end of the month", D(2026, 1, 31)),
    ("next month", D(2026, 2, 28)),
    ("by the end of next month", D(2026, 2, 28)),
    ("over the next month", D(2026, 2, 15)),
    ("this quarter", D(2026, 3, 31)),
    ("by the end of the year", D(2026, 12, 31)),
    ("this year", D(2026, 12, 31)),
    ("next year", D(2027, 12, 31)),
    ("this time next year", D(2027, 1, 15)),
    ("by the 20th", D(2026, 1, 20)),
    ("by the 3rd", D(2026, 2, 3)),
    ("by EOW", D(2026, 1, 18)),
    ("by 5pm", D(2026, 1, 15)),
    ("in the new year", D(2027, 1, 31)),
]


@pytest.mark.parametrize(("phrase", "expected"), ABSOLUTE + RELATIVE)
def test_deadline_phrasings(phrase, expected):
    assert deadline(phrase) == expected
    # The same phrase inside a goal, and in capitals, resolves the same way.
    assert deadline(f"Update my CV {phrase}") == expected
    assert deadline(phrase.upper()) == expected


def test_named_periods_roll_over_to_next_year_once_past():
    late = D(2026, 11, 20)
    assert deadline("by March", late) == D(2027, 3, 31)
    assert deadline("by summer", late) == D(2027, 8, 31)
    assert deadline("in Q2", late) == D(2027, 6, 30)
    assert deadline("this winter", late) == D(2027, 2, 28)


def test_several_dates_give_the_latest():
    assert deadline("Update my CV by Friday and apply to 5 jobs by the end of March") == D(
        2026, 3, 31
    )


@pytest.mark.parametrize(
    "text",
    [
        "I have 5 years of experience in sales",
        "After working in retail for 10 years, move into HR",
        "Meet the March Hare",
        "I may apply to 3 jobs",
        "Apply for a summer internship",
        "Be available 24/7",
        "Get an IELTS score of 7.5",
        "Learn Python 3",
        "Save 2000 pounds",
        "Go to the spring clean-up",
        "Read the book Four Thousand Weeks",
        "Shadow a nurse for a day",  # a length, not a when
        "Cut my outgoings by £300 a month",  # the unit of an amount, not a routine
        "Call Jan about her job",
        "Read 3 books about Good Friday",
        "Learn more about my options soon",
        "Practise interview answers regularly",
    ],
)
def test_words_that_only_look_like_time(text):
    frame = find_timeframe(text, today=TODAY)
    assert not frame.time_bound, frame.spans
    assert frame.deadline is None


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [
        ("Apply to two jobs every week", "every week"),
        ("Update my CV weekly", "weekly"),
        ("Network twice a week", "twice a week"),
        ("Go running each Monday", "each Monday"),
        ("Practise every other day", "every other day"),
        ("Study daily", "daily"),
        ("Send 5 applications per month", "per month"),
        ("Go to the gym 3 times a week", "3 times a week"),
        ("Apply to 2 jobs a week", "a week"),
        ("Study on Mondays and Thursdays", "on Mondays and Thursdays"),
        ("Volunteer every Saturday", "every Saturday"),
        ("apply for 2x jobs/week", "/week"),
        ("Meet my mentor once a month", "once a month"),
        ("Write every two weeks", "every two weeks"),
    ],
)
def test_recurring_schedules(text, recurrence):
    frame = find_timeframe(text, today=TODAY)
    assert frame.time_bound
    assert frame.recurrence == recurrence
    assert frame.deadline is None  # a pure routine has no due date


def test_a_routine_with_a_length_or_an_end_has_a_deadline():
    frame = find_timeframe("Practise every day for 8 weeks", today=TODAY)
    assert frame.recurrence == "every day"
    assert frame.deadline == D(2026, 3, 12)
    assert deadline("Apply to 2 jobs a week until March") == D(2026, 3, 31)


@pytest.mark.parametrize(
    "text",
    [
        "before I turn 40",
        "by the time I graduate",
        "before my contract ends",
        "at my next review",
        "during my notice period",
        "by the end of my probation",
        "before handing in my notice",
        "by half-term",
        "Be a senior developer by 30",
    ],
)
def test_events_bound_a_goal_without_a_date(text):
    frame = find_timeframe(text, today=TODAY)
    assert frame.time_bound
    assert frame.deadline is None


def test_vague_time_words_are_recorded_but_do_not_bound():
    frame = find_timeframe("Find a new direction soon", today=TODAY)
    assert not frame.time_bound
    assert frame.first("vague") is not None and frame.first("vague").text == "soon"


def test_spans_keep_the_clients_words_and_offsets():
    text = "Talk to 3 UX researchers by the end of March"
    frame = find_timeframe(text, today=TODAY)
    (span,) = frame.spans
    assert span.text == "by the end of March" == text[span.start : span.end]
    assert mask(text, frame.spans) == "Talk to 3 UX researchers" + " " * 20
    assert len(mask(text, frame.spans)) == len(text)


# --- the arithmetic ---------------------------------------------------------------------------


def test_counts_and_calendar_helpers():
    assert parse_count("twenty-five") == 25
    assert parse_count("a couple of") == 2
    assert parse_count("5,000") == 5000
    assert parse_count("three hundred") == 300
    assert parse_count("lots") is None
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert easter(2026) == D(2026, 4, 5)
    assert easter(2027) == D(2027, 3, 28)


# --- properties -------------------------------------------------------------------------------

days = st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31))
amounts = st.integers(min_value=1, max_value=36)
units = st.sampled_from(["day", "week", "fortnight", "month", "year"])
openers = st.sampled_from(["in", "within", "over the next", "in the next", "inside"])


@given(today=days, n=amounts, unit=units, opener=openers)
def test_relative_periods_are_never_before_today(today, n, unit, opener):
    phrase = f"{opener} {n} {unit}{'s' if n > 1 else ''}"
    found = deadline(phrase, today)
    assert found is not None and found >= today


@given(
    today=days,
    phrase=st.sampled_from(
        [
            "tomorrow",
            "this weekend",
            "next week",
            "by Friday",
            "by next Monday",
            "next month",
            "by the end of the year",
            "this quarter",
            "by summer",
            "before Christmas",
            "by the end of March",
            "by 15/04",
            "in a fortnight",
        ]
    ),
)
def test_relative_and_yearless_dates_are_never_before_today(today, phrase):
    found = deadline(phrase, today)
    assert found is not None and today <= found <= today + dt.timedelta(days=800)


@settings(max_examples=300)
@given(st.text())
def test_never_raises_and_offsets_are_sound(text):
    frame = find_timeframe(text, today=TODAY)
    for span in frame.spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.text == text[span.start : span.end].strip()
    starts = [span.start for span in frame.spans]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(frame.spans, frame.spans[1:], strict=False))


@pytest.mark.parametrize(
    "phrase, due",
    [
        ("before the end of Q1", dt.date(2027, 3, 31)),
        ("before the end of March", dt.date(2027, 3, 31)),
        ("before March", dt.date(2027, 2, 28)),
        ("before mid-April", dt.date(2027, 4, 14)),
    ],
)
def test_before_a_part_of_a_period_is_due_within_it(phrase: str, due: dt.date) -> None:
    # Found by hand: "before the end of Q1" once resolved to the day before Q1 began.
    check = analyse_goal(
        f"Hold five informational interviews {phrase}", today=dt.date(2026, 11, 22)
    )
    assert check.deadline == due
