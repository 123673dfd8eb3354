from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from headway.core.planning.plan import (
    CONFIDENCE_QUESTION,
    FALLBACK_QUESTIONS,
    FIRST_STEP_QUESTION,
    HOURS_QUESTION,
    RAISE_CONFIDENCE_QUESTION,
    RELEVANT_QUESTION,
    ChangeLine,
    StepFacts,
    achievable_questions,
    describe_revision,
    first_step_hint,
    next_step,
    plan_order,
    plan_progress,
    relevant_question,
    revision_diff,
    smart_panel,
    sounds_big,
)
from headway.core.smart.analysis import Finding, SmartCheck

TODAY = dt.date(2026, 5, 4)

days = st.integers(min_value=-60, max_value=400).map(lambda n: TODAY + dt.timedelta(days=n))
steps = st.lists(
    st.builds(
        StepFacts,
        title=st.text(max_size=40),
        due_on=st.none() | days,
        done=st.booleans(),
    ),
    max_size=12,
)


def check(s=False, m=False, t=False, findings=(), questions=(), deadline=None) -> SmartCheck:
    return SmartCheck(
        specific=s,
        measurable=m,
        time_bound=t,
        findings=tuple(findings),
        questions=tuple(questions),
        deadline=deadline,
    )


# --- progress ------------------------------------------------------------------------------


def test_progress_counts_done_steps():
    p = plan_progress([StepFacts("a", done=True), StepFacts("b"), StepFacts("c", done=True)])
    assert (p.done, p.total, p.percent) == (2, 3, 67)
    assert p.label == "2 of 3 steps done"


def test_an_empty_plan_has_no_progress_and_says_so():
    p = plan_progress([])
    assert (p.done, p.total, p.percent) == (0, 0, 0)
    assert p.label == "No steps yet"
    assert plan_progress([StepFacts("a")]).label == "0 of 1 step done"


@given(steps)
def test_progress_stays_in_bounds(plan):
    p = plan_progress(plan)
    assert 0 <= p.done <= p.total == len(plan)
    assert 0 <= p.percent <= 100
    assert (p.percent == 100) == (p.total > 0 and p.done == p.total)


@given(steps)
def test_plan_order_is_a_permutation_with_dated_steps_first_by_date(plan):
    order = plan_order(plan)
    assert sorted(order) == list(range(len(plan)))
    dated = [plan[i].due_on for i in order if plan[i].due_on is not None]
    assert dated == sorted(dated)  # type: ignore[type-var]
    seen_undated = False
    for i in order:
        if plan[i].due_on is None:
            seen_undated = True
        else:
            assert not seen_undated


@given(steps)
def test_next_step_is_open_and_none_only_when_all_done(plan):
    step = next_step(plan)
    if all(s.done for s in plan):
        assert step is None
    else:
        assert step is not None and not step.done


# --- first-step hint -----------------------------------------------------------------------


def test_an_empty_plan_asks_for_a_first_step():
    hint = first_step_hint([], today=TODAY)
    assert hint is not None and hint.question == FIRST_STEP_QUESTION


def test_a_far_away_next_step_asks_for_something_sooner():
    far = StepFacts("Email Ana", due_on=TODAY + dt.timedelta(days=35))
    hint = first_step_hint([far], today=TODAY)
    assert hint is not None
    assert "5 weeks" in hint.reason and "Email Ana" in hint.reason
    assert hint.question == FIRST_STEP_QUESTION


def test_a_big_sounding_next_step_asks_for_a_smaller_one():
    big = StepFacts("Complete a UX certificate", due_on=TODAY + dt.timedelta(days=3))
    hint = first_step_hint([big], today=TODAY)
    assert hint is not None and "big" in hint.reason


def test_a_small_soon_step_needs_no_hint_even_after_a_far_one():
    plan = [
        StepFacts("Build a portfolio site", due_on=TODAY + dt.timedelta(days=90)),
        StepFacts("Email Ana", due_on=TODAY + dt.timedelta(days=2)),
    ]
    assert first_step_hint(plan, today=TODAY) is None
    assert first_step_hint([StepFacts("Call Sam")], today=TODAY) is None


def test_a_finished_plan_needs_no_hint():
    assert first_step_hint([StepFacts("Email Ana", done=True)], today=TODAY) is None


def test_what_sounds_big():
    assert sounds_big("Get a job in UX")
    assert sounds_big("Finish the degree")
    assert sounds_big(" ".join(["word"] * 20))
    assert not sounds_big("Read one article on usability testing")


@given(steps)
def test_a_hint_always_asks_the_same_open_question(plan):
    hint = first_step_hint(plan, today=TODAY)
    if hint is not None:
        assert hint.question.endswith("?")
        assert "should" not in hint.reason.lower()


# --- the SMART panel -----------------------------------------------------------------------


def test_the_panel_has_the_three_parts_in_order():
    panel = smart_panel(check())
    assert [p.name for p in panel.parts] == ["Specific", "Measurable", "Time-bound"]


def test_questions_go_with_the_missing_parts_in_order():
    panel = smart_panel(check(s=True, questions=["How many?", "By when?"]))
    assert [p.question for p in panel.parts] == [None, "How many?", "By when?"]
    assert panel.more_questions == ()


def test_without_questions_of_its_own_the_panel_asks_ours():
    panel = smart_panel(check(m=True))
    assert panel.parts[0].question == FALLBACK_QUESTIONS["specific"]
    assert panel.parts[1].question is None


def test_questions_that_fit_no_part_are_still_shown():
    panel = smart_panel(check(questions=["One?", "Two?", "Three?", "Four?"]))
    assert panel.more_questions == ("One?", "Two?", "Three?", "Four?")


def test_findings_land_under_their_part():
    panel = smart_panel(
        check(
            s=True,
            t=True,
            findings=[
                Finding("action", "apply"),
                Finding("object", "UX roles"),
                Finding("deadline", "by 31 March 2027"),
                Finding("quantity", "three"),
            ],
            questions=["How will you know?"],
        )
    )
    specific, measurable, time_bound = panel.parts
    assert specific.found == ("apply", "UX roles")
    assert measurable.found == ("three",)
    assert time_bound.found == ("by 31 March 2027",)


def test_a_due_date_makes_a_goal_time_bound():
    panel = smart_panel(check(s=True, m=True, questions=["By when?"]), due_on=dt.date(2027, 3, 31))
    assert panel.parts[2].met and panel.parts[2].question is None
    assert panel.parts[2].found == ("due 31 Mar 2027",)
    assert panel.met_count == 3


@given(st.booleans(), st.booleans(), st.booleans(), st.lists(st.text(max_size=10), max_size=4))
def test_met_parts_never_ask(s, m, t, questions):
    panel = smart_panel(check(s, m, t, questions=questions))
    for part in panel.parts:
        if part.met:
            assert part.question is None
    assert panel.met_count == sum([s, m, t])


# --- Achievable and Relevant ----------------------------------------------------------------


def test_achievable_questions():
    assert achievable_questions(None, None) == (CONFIDENCE_QUESTION, HOURS_QUESTION)
    assert achievable_questions(4, 5) == (RAISE_CONFIDENCE_QUESTION,)
    assert achievable_questions(8, 5) == ()


def test_relevant_question():
    assert relevant_question(value_key="", option="") == RELEVANT_QUESTION
    assert relevant_question(value_key="learning", option="") is None
    assert relevant_question(value_key="", option="UX research") is None


# --- revisions -----------------------------------------------------------------------------


def test_revision_diff_keeps_only_changes_as_json():
    before = {"text": "a", "confidence": 5, "due_on": dt.date(2027, 1, 1)}
    after = {"text": "b", "confidence": 5, "due_on": dt.date(2027, 2, 1)}
    assert revision_diff(before, after) == {
        "text": ["a", "b"],
        "due_on": ["2027-01-01", "2027-02-01"],
    }


values = st.one_of(st.none(), st.integers(0, 10), st.text(max_size=5), days)
facts = st.dictionaries(st.sampled_from(["text", "confidence", "due_on", "value"]), values)


@given(facts, facts)
def test_revision_diff_is_empty_for_no_change_and_names_what_changed(before, after):
    assert revision_diff(before, before) == {}
    diff = revision_diff(before, after)
    assert set(diff) <= set(after)
    for old, new in diff.values():
        assert old != new


def test_describe_field_changes():
    lines = describe_revision(
        {
            "text": ["Find a job", "Apply for 3 UX roles"],
            "status": ["active", "dropped"],
            "value": ["", "learning"],
            "due_on": ["2027-03-31", None],
            "confidence": [5, 7],
        }
    )
    assert lines == (
        ChangeLine("Goal", "Find a job", "Apply for 3 UX roles"),
        ChangeLine("Status", "Active", "Let go"),
        ChangeLine("Value it serves", "", "Learning"),
        ChangeLine("Due", "31 Mar 2027", ""),
        ChangeLine("Confidence", "5 out of 10", "7 out of 10"),
    )


def test_describe_plan_events():
    assert describe_revision({"created": {"text": "Apply"}}) == (
        ChangeLine("Goal written", after="Apply"),
    )
    assert describe_revision({"step": {"action": "done", "title": "Email Ana"}}) == (
        ChangeLine("Step done", after="Email Ana"),
    )
    edited = describe_revision(
        {"step": {"action": "edited", "title": "B", "changes": {"title": ["A", "B"]}}}
    )
    assert edited == (ChangeLine("Step changed", after="B"), ChangeLine("Step title", "A", "B"))
    assert describe_revision({"obstacle": {"action": "added", "text": "Night shifts"}}) == (
        ChangeLine("Obstacle planned for", after="Night shifts"),
    )


@given(st.dictionaries(st.text(max_size=8), st.none() | st.text(max_size=8) | st.lists(values)))
def test_describe_never_fails_on_odd_stored_changes(changes):
    assert isinstance(describe_revision(changes), tuple)
