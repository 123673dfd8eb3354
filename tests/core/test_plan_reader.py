"""The plan's open questions speak to the client, or about them by name for their coach."""

from __future__ import annotations

import datetime as dt

from headway.core.planning.plan import (
    CONFIDENCE_QUESTION,
    FIRST_STEP_QUESTION,
    HOURS_QUESTION,
    RAISE_CONFIDENCE_QUESTION,
    RELEVANT_QUESTION,
    achievable_questions,
    first_step_hint,
    relevant_question,
)

TODAY = dt.date(2026, 12, 7)


def test_to_the_client_the_questions_say_you() -> None:
    assert achievable_questions(None, None) == (CONFIDENCE_QUESTION, HOURS_QUESTION)
    assert achievable_questions(4, None) == (RAISE_CONFIDENCE_QUESTION, HOURS_QUESTION)
    assert relevant_question(value_key="", option="") == RELEVANT_QUESTION
    hint = first_step_hint([], today=TODAY)
    assert hint is not None and hint.question == FIRST_STEP_QUESTION


def test_about_the_client_the_questions_use_their_name() -> None:
    assert achievable_questions(None, None, about="Grace") == (
        "How confident is Grace, from 1 to 10, that they will get there?",
        "How many hours a week can Grace give this goal?",
    )
    assert achievable_questions(4, 5, about="Grace") == (
        "What would move Grace's confidence one point higher?",
    )
    assert relevant_question(value_key="", option="", about="Grace") == (
        "Which of Grace's values, or which option they are exploring, does this goal serve?"
    )
    assert relevant_question(value_key="learning", option="", about="Grace") is None
    hint = first_step_hint([], today=TODAY, about="Grace")
    assert hint is not None
    assert hint.reason == "There are no steps in this plan yet."
    assert hint.question == "What is a first step Grace could take this week, in under an hour?"
    questions = [*achievable_questions(None, None, about="Grace"), hint.question]
    assert not any(" you" in q.lower() or "your" in q.lower() for q in questions)
