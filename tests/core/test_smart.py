from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headway.core.smart.analysis import Finding, SmartCheck, analyse_goal

TODAY = dt.date(2026, 1, 15)
DEV_SET = Path(__file__).parent / "fixtures" / "goals_dev.jsonl"


def check(text: str) -> SmartCheck:
    return analyse_goal(text, today=TODAY)


def found(result: SmartCheck) -> dict[str, str]:
    return {f.part: f.text for f in result.findings}


# --- the examples the feature was built around -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "smt"),
    [
        ("Talk to 3 UX researchers by the end of March", (True, True, True)),
        ("Get better at networking", (False, False, False)),
        ("Finish the Google data analytics certificate within 6 months", (True, True, True)),
        ("Apply to two jobs every week until I have an offer", (True, True, True)),
        ("Decide between teaching and HR by 15/04", (True, True, True)),
        ("Save £5,000 for a runway by December", (True, True, True)),
        ("Learn Python", (True, False, False)),
        ("Update my LinkedIn profile this weekend", (True, True, True)),
        ("Get a job", (False, True, False)),
        ("Get a job as a data analyst by September", (True, True, True)),
        ("Improve my CV", (False, False, False)),
        ("Grow my LinkedIn following to 1,000 by June", (True, True, True)),
        ("Become a UX designer within two years", (True, True, True)),
        ("Be a better manager", (False, False, False)),
        ("Practise Python for 30 minutes every day", (True, True, True)),
        ("Network more", (False, False, False)),
        ("I want to be a nurse", (True, True, False)),
        ("By June, I will have applied to 20 jobs in data", (True, True, True)),
        ("A job as a UX designer by June", (True, True, True)),
        ("Take a course", (False, True, False)),
        ("Get into tech", (False, False, False)),
        ("Meet the March Hare for tea", (True, True, False)),
    ],
)
def test_reads_the_three_parts(text, smt):
    result = check(text)
    assert (result.specific, result.measurable, result.time_bound) == smt


def test_reports_what_it_found():
    result = check("Talk to 3 UX researchers by the end of March")
    assert result.action == "Talk to"
    assert result.object == "3 UX researchers"
    assert result.quantity == "3 UX researchers"
    assert result.deadline == dt.date(2026, 3, 31)
    assert found(result) == {
        "action": "Talk to",
        "object": "3 UX researchers",
        "quantity": "3 UX researchers",
        "deadline": "by the end of March",
    }


def test_reports_done_criteria_and_routines():
    result = check("Apply to two jobs every week until I have an offer")
    assert result.recurrence == "every week"
    assert result.done == "until I have an offer"
    assert result.deadline is None  # a routine with a condition, not a date
    assert found(check("Decide between teaching and HR by 15/04"))["done"] == (
        "Decide between teaching and HR"
    )
    assert check("Finish the Google data analytics certificate within 6 months").deadline == (
        dt.date(2026, 7, 15)
    )
    assert found(check("Study SQL every evening"))["recurrence"] == "every evening"
    assert found(check("Ask for a pay rise at my next review"))["window"] == "at my next review"


def test_money_percentages_and_effort_are_quantities():
    assert check("Save £5,000 by December").quantity == "£5,000"
    assert check("Increase my salary by 20%").quantity == "20%"
    assert check("Spend an hour a day on job applications").quantity == "an hour"
    assert check("Read three books about career change").quantity == "three books"
    assert check("Network twice a week").quantity == "twice a week"
    # A period is not a quantity, nor is a description of the client.
    assert check("Finish the course in 6 weeks").quantity is None
    assert check("Use my 10 years of experience in retail").quantity is None


# --- questions: open, in S, M, T order, never prescriptive, never rewriting -------------------


def test_one_open_question_per_missing_part_in_order():
    result = check("Get better at networking")
    assert len(result.questions) == 3
    assert "what exactly" in result.questions[0]
    assert "count or point to" in result.questions[1]
    assert "By when" in result.questions[2]
    assert check("Talk to 3 UX researchers by the end of March").questions == ()


def test_questions_are_tailored_to_what_was_found():
    (question,) = check("Get a new job by the end of June").questions
    assert "“Get a new job”" in question and "role" in question
    vague = check("Find a mentor soon").questions[-1]
    assert vague.startswith("When you say “soon”")
    assert check("Learn Python").questions[0].startswith("How will you know “Learn Python”")
    assert check("hmm").questions[0] == (
        "What exactly will you do, and what will be different when it is done?"
    )


def test_never_prescribes_and_never_rewrites_the_goal():
    rows = [json.loads(line) for line in DEV_SET.read_text().splitlines() if line.strip()]
    for row in rows:
        result = check(row["text"])
        for question in result.questions:
            assert question.endswith("?")
            assert not re.search(r"\b(you should|you must|you need to|try to)\b", question, re.I)
        for finding in result.findings:
            # Every finding quotes the client's own words.
            assert finding.text in row["text"], (row["text"], finding)


# --- the development set ---------------------------------------------------------------------


def test_development_set_accuracy_holds():
    rows = [json.loads(line) for line in DEV_SET.read_text().splitlines() if line.strip()]
    assert len(rows) >= 150
    for part in ("specific", "measurable", "time_bound"):
        truths = sum(row[part] for row in rows)
        assert 0.3 < truths / len(rows) < 0.75, part  # both answers well represented
        right = sum(getattr(check(row["text"]), part) == row[part] for row in rows)
        assert right / len(rows) >= 0.97, part
    dated = [row for row in rows if "deadline" in row]
    assert all(check(r["text"]).deadline == dt.date.fromisoformat(r["deadline"]) for r in dated)


# --- properties -------------------------------------------------------------------------------

SPECIFIC_GOALS = [
    "Talk to 3 UX researchers",
    "Update my LinkedIn profile",
    "Send my portfolio to 5 agencies",
    "Decide between teaching and HR",
    "Finish the Google data analytics certificate",
    "Get a job as a data analyst",
    "Learn Python",
    "Write a cover letter for the Civic Tech role",
]
DATES = [
    "by 15 March 2027",
    "by the end of April",
    "by 2027-06-30",
    "in 6 weeks",
    "by next Friday",
    "before Christmas",
    "every week",
    "by Q3",
    "this weekend",
    "by 30/09/2027",
]


@given(goal=st.sampled_from(SPECIFIC_GOALS), when=st.sampled_from(DATES))
def test_adding_a_recognised_date_makes_a_goal_time_bound(goal, when):
    before = check(goal)
    after = check(f"{goal} {when}")
    assert after.time_bound
    assert after.specific == before.specific
    assert after.measurable == before.measurable


@settings(max_examples=300)
@given(st.text())
def test_never_raises_and_keeps_its_promises(text):
    result = check(text)
    missing = [not result.specific, not result.measurable, not result.time_bound]
    assert len(result.questions) == sum(missing)
    assert all(isinstance(f, Finding) and f.text and f.text in text for f in result.findings)


@settings(max_examples=200)
@given(
    st.text(
        alphabet=st.characters(codec="ascii", categories=["L", "N", "Zs", "P"]),
        max_size=80,
    )
)
def test_case_does_not_change_the_reading(text):
    lower, upper = check(text.lower()), check(text.upper())
    assert (lower.specific, lower.measurable, lower.time_bound) == (
        upper.specific,
        upper.measurable,
        upper.time_bound,
    )
    assert lower.deadline == upper.deadline


@pytest.mark.parametrize(
    "text", [row["text"] for row in map(json.loads, DEV_SET.read_text().splitlines()[:80])]
)
def test_case_does_not_change_the_reading_of_real_goals(text):
    a, b, c = check(text), check(text.lower()), check(text.upper())
    assert {(r.specific, r.measurable, r.time_bound, r.deadline) for r in (a, b, c)} == {
        (a.specific, a.measurable, a.time_bound, a.deadline)
    }
