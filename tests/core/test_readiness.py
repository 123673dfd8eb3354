from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headway.core.assessments.readiness import (
    MAX_AMOUNT,
    SOURCE_KEYS,
    STATEMENT_KEYS,
    Answers,
    Money,
    about_months,
    focus_of,
    parse_amount,
    profile,
    runway_band,
    runway_months,
    time_band,
    tolerance_band,
    tolerance_of,
)

amounts = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)


def answers(**changes: object) -> Answers:
    base: dict[str, object] = {
        "ratings": dict.fromkeys(SOURCE_KEYS, 2),
        "same_field": "unlikely",
        "money": Money(savings=12_000, expenses=3_000),
        "caring": "none",
        "hours": 5.0,
        "training_fit": ("evenings",),
        "flexibility": "some",
        "agreement": dict.fromkeys(STATEMENT_KEYS, 3),
    }
    return Answers(**{**base, **changes})  # type: ignore[arg-type]


# --- amounts as people type them ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12500", 12500),
        ("12,500", 12500),
        ("12 500", 12500),
        ("12\u00a0500", 12500),
        ("12'500", 12500),
        ("12.500,50", 12500.5),
        ("1,250,000.75", 1250000.75),
        ("12,50,000", 1250000),
        ("$2,100", 2100),
        ("€ 3.000", 3000),
        ("900 CHF", 900),
        ("EUR 900", 900),
        ("12,5", 12.5),
        ("12.50", 12.5),
        ("0", 0),
        ("0.125", 0.12),
    ],
)
def test_amounts_parse_in_the_ways_people_write_them(text: str, value: float) -> None:
    assert parse_amount(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "   "])
def test_a_blank_amount_is_none(text: str) -> None:
    assert parse_amount(text) is None


@pytest.mark.parametrize("text", ["abc", "-5", "12k", "1.2.3", "1,250,5", "1e6", "9" * 14])
def test_what_is_not_an_amount_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_amount(text)


@given(st.integers(min_value=0, max_value=10**11))
def test_grouped_whole_numbers_read_back_the_same(n: int) -> None:
    assert parse_amount(f"{n:,}") == n
    assert parse_amount(f"{n:,}".replace(",", " ")) == n
    assert parse_amount(f"{n:,}".replace(",", ".")) == n


@given(st.text(max_size=20))
def test_parsing_never_fails_except_with_value_error(text: str) -> None:
    try:
        value = parse_amount(text)
    except ValueError:
        return
    assert value is None or (math.isfinite(value) and 0 <= value <= MAX_AMOUNT)


# --- runway arithmetic ------------------------------------------------------------------------


def test_runway_is_savings_over_what_they_must_cover_each_month() -> None:
    assert runway_months(12_000, 3_000) == 4
    assert runway_months(12_000, 3_000, other_income=1_000) == 6
    assert runway_months(12_000, 3_000, 1_000, transition_income=1_000) == 12


def test_when_other_income_covers_the_expenses_runway_is_not_the_limit() -> None:
    assert runway_months(5_000, 2_000, other_income=2_000) is None
    assert runway_months(5_000, 2_000, other_income=3_500) is None
    assert runway_months(0, 0) is None
    assert runway_months(5_000, 2_000, other_income=1_999.5) is None  # rounding, not a cost


def test_runway_bands_against_the_six_to_twelve_months_a_change_takes() -> None:
    assert runway_band(None) == "open"
    assert runway_band(0) == "short"
    assert runway_band(5.9) == "short"
    assert runway_band(6) == "within"
    assert runway_band(12) == "within"
    assert runway_band(12.1) == "beyond"


def test_months_in_words() -> None:
    assert about_months(0.3) == "less than a month"
    assert about_months(1.2) == "about 1 month"
    assert about_months(4.5) == "about 5 months"


@given(amounts, amounts, amounts, amounts, amounts)
def test_runway_never_divides_by_zero_and_is_never_negative(s, e, o, t, extra) -> None:
    months = runway_months(s, e, o, t)
    assert months is None or (math.isfinite(months) and months >= 0)


@given(amounts, amounts, amounts, amounts)
def test_runway_grows_with_savings(s, more, e, o) -> None:
    before, after = runway_months(s, e, o), runway_months(s + more, e, o)
    assert (before is None) == (after is None)
    if before is not None and after is not None:
        assert after >= before


@given(amounts, amounts, amounts, amounts)
def test_runway_shrinks_as_expenses_grow_and_lengthens_with_other_income(s, e, more, o) -> None:
    def length(m: float | None) -> float:
        return math.inf if m is None else m

    assert length(runway_months(s, e + more, o)) <= length(runway_months(s, e, o))
    assert length(runway_months(s, e, o + more)) >= length(runway_months(s, e, o))


@pytest.mark.parametrize("bad", [-1.0, math.nan, math.inf])
def test_runway_refuses_impossible_amounts(bad: float) -> None:
    with pytest.raises(ValueError):
        runway_months(bad, 1000)
    with pytest.raises(ValueError):
        runway_months(1000, bad)


# --- the profile -----------------------------------------------------------------------------


def test_focus_follows_the_gap_between_the_work_and_its_context() -> None:
    ratings = dict.fromkeys(SOURCE_KEYS, 1) | {"pay": 4, "commute": 3, "hours": 3}
    assert focus_of(ratings)[2] == "context"
    assert focus_of(dict.fromkeys(SOURCE_KEYS, 1) | {"work": 4, "meaning": 3})[2] == "work"
    assert focus_of(dict.fromkeys(SOURCE_KEYS, 3))[2] == "mixed"
    assert focus_of(dict.fromkeys(SOURCE_KEYS, 1))[2] == "low"


def test_tolerance_flips_the_reversed_statements() -> None:
    agree_all = dict.fromkeys(STATEMENT_KEYS, 5)
    assert tolerance_of(agree_all) == 50  # half the statements point each way
    comfortable = {"start_unsettled": 5, "lower_income": 5, "adjust": 5} | {
        "lose_sleep": 1,
        "known_path": 1,
        "setbacks": 1,
    }
    assert tolerance_of(comfortable) == 100
    assert tolerance_band(20) == "lower" and tolerance_band(50) == "middle"
    assert tolerance_band(80) == "higher"


@given(st.fixed_dictionaries({k: st.integers(1, 5) for k in STATEMENT_KEYS}))
def test_tolerance_stays_between_0_and_100(agreement: dict[str, int]) -> None:
    assert 0 <= tolerance_of(agreement) <= 100


def test_time_bands() -> None:
    assert [time_band(h) for h in (0, 2.5, 3, 7.5, 8, 40)] == [
        "little",
        "little",
        "some",
        "some",
        "more",
        "more",
    ]


def test_a_context_heavy_profile_asks_what_would_need_to_change_where_you_are() -> None:
    p = profile(
        answers(
            ratings=dict.fromkeys(SOURCE_KEYS, 1) | {"pay": 4, "hours": 3},
            same_field="likely",
        )
    )
    assert p.focus == "context"
    first, second = p.questions[:2]
    assert (
        first.because == "You rate pay and benefits, and hours and workload above the work itself."
    )
    assert first.text == "What would need to change where you are for this to be enough?"
    assert second.topic == "sources" and "another employer" in second.because


def test_a_short_runway_raises_the_question_of_lengthening_it() -> None:
    p = profile(answers(money=Money(savings=12_000, expenses=3_000)))
    assert (p.months, p.band) == (4.0, "short")
    runway = [q for q in p.questions if q.topic == "runway"]
    assert (
        runway[0].because == "Your runway covers about 4 months of the 6-12 a change often takes."
    )
    assert runway[0].text == "What could lengthen it, or shorten the change?"


def test_expected_income_is_shown_with_what_rests_on_it() -> None:
    p = profile(answers(money=Money(12_000, 3_000, transition_income=1_500)))
    assert (p.months, p.months_without_transition_income) == (8.0, 4.0)
    assert any("income you expect" in q.because for q in p.questions)


def test_no_numbers_and_no_limit_are_both_respected() -> None:
    kept_back = profile(answers(money=None))
    assert kept_back.band == "not_given" and kept_back.months is None
    assert "chose not to put numbers" in kept_back.questions[1].because
    covered = profile(answers(money=Money(1_000, 2_000, other_income=2_500)))
    assert covered.band == "open" and covered.months is None


def test_combined_situations_raise_their_own_questions() -> None:
    p = profile(
        answers(
            money=Money(6_000, 3_000),
            caring="heavy",
            flexibility="little",
            training_fit=("full_time",),
            agreement=dict.fromkeys(STATEMENT_KEYS, 1)
            | {"lose_sleep": 5, "known_path": 5, "setbacks": 5},
        )
    )
    becauses = " ".join(q.because for q in p.questions)
    assert "full-time study" in becauses
    assert "a lot of caring and little flexibility" in becauses
    assert "lower comfort with uncertainty meets a shorter runway" in becauses


VERDICTS = ("you are ready", "not ready", "you should", "you must", "you need to")


@given(
    ratings=st.fixed_dictionaries({k: st.integers(0, 4) for k in SOURCE_KEYS}),
    same_field=st.sampled_from(["likely", "partly", "unlikely", "unsure"]),
    money=st.none() | st.builds(Money, amounts, amounts, amounts, st.none() | amounts),
    caring=st.sampled_from(["none", "some", "heavy"]),
    hours=st.floats(0, 168),
    fit=st.lists(st.sampled_from(["evenings", "full_time", "on_the_job"]), unique=True),
    agreement=st.fixed_dictionaries({k: st.integers(1, 5) for k in STATEMENT_KEYS}),
)
def test_every_profile_asks_open_questions_and_gives_no_verdict(
    ratings, same_field, money, caring, hours, fit, agreement
) -> None:
    p = profile(
        answers(
            ratings=ratings,
            same_field=same_field,
            money=money,
            caring=caring,
            hours=hours,
            training_fit=tuple(fit),
            agreement=agreement,
        )
    )
    assert {q.topic for q in p.questions} == {"sources", "runway", "time", "uncertainty"}
    for q in p.questions:
        assert q.text.endswith("?") and q.because.endswith(".")
        assert not any(v in (q.because + q.text).lower() for v in VERDICTS)
        assert "{" not in q.because
