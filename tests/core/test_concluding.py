"""The concluding core: the scale and its scoring, the readiness profile, follow-up dates."""

from __future__ import annotations

import datetime as dt

import pytest

from headway.core.assessments.efficacy import (
    OPEN_DAYS,
    SCALE,
    SCALE_KEYS,
    FollowUpFact,
    Phase,
    ReadinessFacts,
    ScaleError,
    default_phase,
    followup_attention,
    followup_schedule,
    readiness_profile,
    scale_changes,
    score_scale,
    what_changed,
)
from headway.core.dates import add_months
from headway.core.followup.attention import EngagementFacts, attention_items


def _all(value: int) -> dict[str, int]:
    return dict.fromkeys(SCALE_KEYS, value)


def test_the_scale_is_short_and_its_keys_unique() -> None:
    assert 6 <= len(SCALE) <= 8
    assert len(set(SCALE_KEYS)) == len(SCALE)


def test_scoring_averages_to_one_decimal() -> None:
    responses = {**_all(3), "plan": 5, "setbacks": 4}
    result = score_scale(responses)
    assert result.mean == round((3 * 5 + 5 + 4) / 7, 1)
    assert result.rating("plan") == 5
    assert [k for k, _ in result.ratings] == list(SCALE_KEYS)


@pytest.mark.parametrize(
    "responses, message",
    [
        (dict.fromkeys(SCALE_KEYS[1:], 3), "still open"),
        ({**_all(3), "astrology": 2}, "Not a statement"),
        ({**_all(3), "plan": 6}, "from 1 to 5"),
        ({**_all(3), "plan": 0}, "from 1 to 5"),
    ],
)
def test_incomplete_or_out_of_range_answers_are_refused(
    responses: dict[str, int], message: str
) -> None:
    with pytest.raises(ScaleError, match=message):
        score_scale(responses)


def test_the_suggested_phase() -> None:
    assert default_phase(has_goals=False, from_concluding=False) is Phase.START
    assert default_phase(has_goals=True, from_concluding=False) is Phase.MIDDLE
    assert default_phase(has_goals=False, from_concluding=True) is Phase.END


def test_changes_item_by_item() -> None:
    before, after = score_scale(_all(2)), score_scale({**_all(2), "reach-out": 4})
    changes = {c.key: c for c in scale_changes(before, after)}
    assert changes["reach-out"].delta == 2
    assert changes["plan"].delta == 0
    assert scale_changes(None, None) == ()
    assert {c.delta for c in scale_changes(before, None)} == {None}


def test_what_changed_lists_only_what_can_be_compared() -> None:
    changes = what_changed(
        efficacy_before=score_scale(_all(2)),
        efficacy_after=score_scale(_all(4)),
        satisfaction_before=3,
        satisfaction_after=None,
        goals_achieved=1,
        steps_done=5,
        interviews_held=0,
    )
    labels = [c.label for c in changes]
    assert labels[0].startswith("Confidence") and (changes[0].before, changes[0].after) == (
        "2",
        "4",
    )
    assert not any("Satisfaction" in label for label in labels)
    assert "Goals achieved" in labels and "Steps of the plan done" in labels
    assert not any("Conversations" in label for label in labels)


def _facts(**overrides: object) -> ReadinessFacts:
    base: dict[str, object] = {
        "chosen_option": "",
        "active_goals": 0,
        "achieved_goals": 0,
        "goals_with_dated_steps": 0,
        "steps_total": 0,
        "steps_done": 0,
        "interviews_held": 0,
        "partner_links": 0,
        "network_in_own_words": "",
        "efficacy_start": None,
        "efficacy_now": None,
    }
    return ReadinessFacts(**{**base, **overrides})  # type: ignore[arg-type]


def test_an_empty_profile_asks_open_questions_and_judges_nothing() -> None:
    profile = readiness_profile(_facts())
    assert [a.key for a in profile.aspects] == ["clarity", "plans", "network", "confidence"]
    assert all(not a.in_place for a in profile.aspects)
    assert all(q.endswith("?") or "2 minutes" in q for q in profile.questions)
    text = " ".join(profile.questions).lower()
    assert "should" not in text and "not ready" not in text


def test_a_full_profile_names_what_is_in_place() -> None:
    profile = readiness_profile(
        _facts(
            chosen_option="UX research",
            active_goals=1,
            achieved_goals=1,
            goals_with_dated_steps=2,
            steps_total=6,
            steps_done=4,
            interviews_held=2,
            partner_links=1,
            network_in_own_words="Ana, my sister",
            efficacy_start=score_scale(_all(2)),
            efficacy_now=score_scale({**_all(4), "setbacks": 3}),
        )
    )
    aspects = {a.key: a for a in profile.aspects}
    assert "A chosen direction: UX research" in aspects["clarity"].in_place
    assert "4 of 6 steps done" in aspects["plans"].in_place
    assert "2 steps still open" in aspects["plans"].questions[0]
    assert "1 accountability partner" in aspects["network"].in_place
    assert aspects["confidence"].in_place == ("At the start: 2 of 5", "Now: 3.9 of 5")
    assert "keep going when something" in aspects["confidence"].questions[0]


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (dt.date(2025, 1, 15), 3, dt.date(2025, 4, 15)),
        (dt.date(2025, 11, 30), 3, dt.date(2026, 2, 28)),
        (dt.date(2024, 8, 31), 6, dt.date(2025, 2, 28)),
        (dt.date(2023, 8, 31), 6, dt.date(2024, 2, 29)),
        (dt.date(2025, 5, 2), 12, dt.date(2026, 5, 2)),
    ],
)
def test_months_later(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_the_schedule_is_3_6_and_12_months() -> None:
    assert followup_schedule(dt.date(2025, 3, 10)) == (
        (3, dt.date(2025, 6, 10)),
        (6, dt.date(2025, 9, 10)),
        (12, dt.date(2026, 3, 10)),
    )


def _fu(months: int, due: dt.date, **kw: bool) -> FollowUpFact:
    return FollowUpFact(
        months=months,
        due_on=due,
        declined=kw.get("declined", False),
        answered=kw.get("answered", False),
        coach_seen=kw.get("coach_seen", False),
    )


def test_follow_up_attention() -> None:
    due = dt.date(2025, 6, 10)
    assert followup_attention([_fu(3, due)], due - dt.timedelta(days=1)).due is None
    assert followup_attention([_fu(3, due)], due).due == 3
    assert followup_attention([_fu(3, due)], due + dt.timedelta(days=OPEN_DAYS)).due is None
    assert followup_attention([_fu(3, due, declined=True)], due).due is None
    answered = followup_attention([_fu(3, due, answered=True)], due)
    assert (answered.due, answered.answered) == (None, 3)
    seen = followup_attention([_fu(3, due, answered=True, coach_seen=True)], due)
    assert seen.answered is None


def _concluded(**kw: int | None) -> EngagementFacts:
    return EngagementFacts(
        status="concluded",
        self_guided=False,
        days_since_activity=100,
        days_since_invited=None,
        days_in_stage=100,
        agreement_accepted=True,
        agreement_outdated=False,
        intake_submitted=True,
        answers_in_stage=0,
        questions_in_stage=0,
        checklist_done=0,
        checklist_total=0,
        unseen_client_activity=False,
        **kw,  # type: ignore[arg-type]
    )


def test_a_concluded_engagement_needs_attention_only_for_its_follow_ups() -> None:
    assert attention_items(_concluded()) == ()
    (due,) = attention_items(_concluded(followup_due=3))
    assert (due.code, due.message) == ("followup-due", "3-month follow-up due")
    (answered,) = attention_items(_concluded(followup_answered=6))
    assert answered.message == "6-month follow-up answered"
