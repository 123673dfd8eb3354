"""SMART goals and the action plan: services, pages, the skill-gap step and the partner link."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from headway.core.smart.analysis import Finding, SmartCheck
from headway.engagements.models import EngagementStatus
from headway.exploration.services import option_add
from headway.goals import common as goal_common
from headway.goals.models import AccountabilityLink, Goal, GoalRevision, GoalStatus, Step, StepKind
from headway.goals.services import (
    FULL_MESSAGE,
    accountability_link_by_token,
    accountability_link_create,
    accountability_link_revoke,
    goal_create,
    goal_set_status,
    goal_update,
    obstacle_add,
    step_add,
    step_add_from_gap,
    step_delete,
    step_set_done,
    step_update,
)
from tests.helpers import World

VAGUE = "Get into UX"
CLEAR = "Apply for 3 UX research roles by 31 March 2027"


def _goal(world: World, text: str = CLEAR, **kw) -> Goal:
    return goal_create(engagement=world.engagement, by=world.client, text=text, **kw)


def _in_a_month() -> str:
    return (timezone.localdate() + dt.timedelta(days=30)).isoformat()


def _conclude(world: World) -> None:
    world.engagement.status = EngagementStatus.CONCLUDED
    world.engagement.save()


def fake_analysis(monkeypatch, **kw) -> None:
    """A fixed analysis, to test what the pages do with one (not what the analysis says)."""
    result = SmartCheck(
        specific=kw.get("specific", False),
        measurable=kw.get("measurable", False),
        time_bound=kw.get("time_bound", False),
        findings=tuple(kw.get("findings", ())),
        questions=tuple(kw.get("questions", ())),
        deadline=kw.get("deadline"),
    )
    monkeypatch.setattr(goal_common, "analyse_goal", lambda text, today: result)


def page(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


# --- services ------------------------------------------------------------------------------


def test_a_new_goal_is_active_and_its_history_begins(world):
    goal = _goal(world, confidence=7, hours_per_week=4, value_key="learning")
    assert goal.status == GoalStatus.ACTIVE
    revision = goal.revisions.get()
    assert revision.changes["created"]["text"] == CLEAR
    assert revision.by == world.client


def test_only_the_client_writes_and_not_once_concluded(world):
    with pytest.raises(ValidationError, match="Only the client"):
        goal_create(engagement=world.engagement, by=world.owner, text=CLEAR)
    goal = _goal(world)
    _conclude(world)
    with pytest.raises(ValidationError, match="concluded"):
        goal_create(engagement=world.engagement, by=world.client, text=CLEAR)
    with pytest.raises(ValidationError, match="concluded"):
        step_add(goal=goal, by=world.client, title="Email Ana")


def test_bad_fields_are_refused_with_a_reason(world):
    with pytest.raises(ValidationError, match="own words"):
        _goal(world, text="   ")
    with pytest.raises(ValidationError, match="1 .* 10"):
        _goal(world, confidence=11)
    with pytest.raises(ValidationError, match="value card"):
        _goal(world, value_key="nope")
    elsewhere = option_add(engagement=world.other_engagement, by=world.other_client, title="X")
    with pytest.raises(ValidationError, match="not on this exploration board"):
        _goal(world, option=elsewhere)
    assert not Goal.objects.exists()


def test_a_fourth_active_goal_is_refused_but_may_wait_paused(world):
    for n in range(3):
        _goal(world, text=f"Goal {n}")
    with pytest.raises(ValidationError) as refused:
        _goal(world, text="One more")
    assert refused.value.messages == [FULL_MESSAGE]
    paused = _goal(world, text="One more", status=GoalStatus.PAUSED)
    assert paused.status == GoalStatus.PAUSED
    with pytest.raises(ValidationError, match="pause one"):
        goal_set_status(goal=paused, by=world.client, status=GoalStatus.ACTIVE)
    first = Goal.objects.first()
    goal_set_status(goal=first, by=world.client, status=GoalStatus.ACHIEVED, reason="Done!")
    goal_set_status(goal=paused, by=world.client, status=GoalStatus.ACTIVE)
    first.refresh_from_db()
    assert first.closed_at is not None
    assert first.revisions.first().changes == {"status": ["active", "achieved"]}
    assert first.revisions.first().reason == "Done!"


def test_an_edit_keeps_before_after_and_why(world):
    goal = _goal(world, text=VAGUE)
    option = option_add(engagement=world.engagement, by=world.client, title="UX research")
    revision = goal_update(
        goal=goal,
        by=world.client,
        fields={"text": CLEAR, "option": option, "due_on": dt.date(2027, 3, 31)},
        reason="Ana said junior roles open in spring.",
    )
    assert revision is not None
    assert revision.changes == {
        "text": [VAGUE, CLEAR],
        "option": ["", "UX research"],
        "due_on": [None, "2027-03-31"],
    }
    assert revision.reason == "Ana said junior roles open in spring."
    assert goal_update(goal=goal, by=world.client, fields={"text": CLEAR}) is None


def test_steps_and_obstacles_write_the_history(world):
    goal = _goal(world)
    step = step_add(goal=goal, by=world.client, title="Email Ana", kind=StepKind.MENTORING)
    step_set_done(step=step, by=world.client, done=True)
    step_set_done(step=step, by=world.client, done=True)  # no change, no revision
    step_update(step=step, by=world.client, fields={"title": "Email Ana and Sam"})
    step_set_done(step=step, by=world.client, done=False)
    obstacle_add(goal=goal, by=world.client, obstacle="Night shifts", plan="Study on Sundays")
    step_delete(step=step, by=world.client)
    actions = [
        next(iter(r.changes.values())).get("action")
        for r in GoalRevision.objects.filter(goal=goal).order_by("pk")
    ]
    assert actions == [None, "added", "done", "edited", "reopened", "added", "deleted"]
    with pytest.raises(ValidationError, match="then I will"):
        obstacle_add(goal=goal, by=world.client, obstacle="Rain", plan=" ")
    with pytest.raises(ValidationError, match="Name the step"):
        step_add(goal=goal, by=world.client, title="")


def test_a_closed_goal_keeps_its_plan(world):
    goal = _goal(world)
    goal_set_status(goal=goal, by=world.client, status=GoalStatus.DROPPED)
    with pytest.raises(ValidationError, match="let go"):
        step_add(goal=goal, by=world.client, title="Email Ana")


def test_a_gap_becomes_a_step_of_a_new_goal_or_neither(world):
    with pytest.raises(ValidationError, match="Pick one of your goals"):
        step_add_from_gap(
            engagement=world.engagement,
            by=world.client,
            goal=None,
            title="Find a course in Biology",
            kind=StepKind.COURSE,
            element_id="2.C.4.d",
        )
    step = step_add_from_gap(
        engagement=world.engagement,
        by=world.client,
        goal=None,
        goal_text="Move into health research",
        title="Find a course in Biology",
        kind=StepKind.COURSE,
        element_id="2.C.4.d",
    )
    assert step.element_id == "2.C.4.d" and step.goal.text == "Move into health research"


def test_an_accountability_link_keeps_only_the_hash(world):
    link, raw = accountability_link_create(
        engagement=world.engagement, by=world.client, partner_name="Kofi"
    )
    assert raw not in link.token_hash
    assert not AccountabilityLink.objects.filter(token_hash=raw).exists()
    found = accountability_link_by_token(raw)
    assert found == link and found.last_seen_at is not None
    with pytest.raises(ValidationError):
        accountability_link_create(engagement=world.engagement, by=world.owner, partner_name="X")
    _conclude(world)
    world.engagement.refresh_from_db()
    link.engagement = world.engagement
    accountability_link_revoke(link=link, by=world.client)  # taking it back always works
    assert accountability_link_by_token(raw) is None
    assert accountability_link_by_token("unknown") is None


# --- the goals page ------------------------------------------------------------------------


def goals_url(world: World) -> str:
    return reverse("goals", args=[world.engagement.pk])


@pytest.mark.parametrize(
    "role, status",
    [("owner", 200), ("client", 200), ("colleague", 404), ("outsider", 404), ("other_client", 404)],
)
def test_who_sees_the_goals_page(world, role, status):
    _goal(world)
    response = world.login(getattr(world, role)).get(goals_url(world))
    assert response.status_code == status
    if status == 200:
        assert "Apply for 3 UX research roles" in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(world):
    assert Client().get(goals_url(world)).status_code == 302


def test_the_coach_reads_but_may_not_write(world):
    goal = _goal(world)
    coach = world.login(world.owner)
    html = page(coach.get(goals_url(world)))
    assert "Save my goal" not in html and "Create a link" not in html
    assert coach.post(goals_url(world), {"text": CLEAR}).status_code == 403
    url = reverse("goal_step_add", args=[world.engagement.pk, goal.pk])
    assert coach.post(url, {"title": "X", "kind": "action"}).status_code == 403
    html = page(coach.get(reverse("goal_detail", args=[world.engagement.pk, goal.pk])))
    assert "Revise this goal" not in html and "Add a step" not in html


def test_the_panel_lists_the_three_parts_and_its_questions(world, monkeypatch):
    fake_analysis(
        monkeypatch,
        specific=True,
        findings=[Finding("action", "apply")],
        questions=["How will you know you got there?", "When would you like it done?"],
    )
    html = page(world.login(world.client).post(goals_url(world), {"text": VAGUE, "check": "1"}))
    for part in ("Specific", "Measurable", "Time-bound"):
        assert part in html
    assert "How will you know you got there?" in html
    assert "When would you like it done?" in html
    assert "“apply”" in html
    assert VAGUE in html  # the text stays in the form, unchanged
    assert not Goal.objects.exists()  # checking saves nothing


def test_a_goal_with_a_date_reads_time_bound(world):
    client = world.login(world.client)
    html = page(client.post(goals_url(world), {"text": CLEAR, "check": "1"}))
    assert re.search(r'class="smart-part met" data-part="time_bound"', html)


def test_the_htmx_check_returns_the_panel_and_fills_an_empty_due_date(world, monkeypatch):
    fake_analysis(monkeypatch, time_bound=True, deadline=dt.date(2027, 3, 31))
    client = world.login(world.client)
    url = reverse("goal_check", args=[world.engagement.pk])
    htmx = {"HX-Request": "true"}
    html = page(client.post(url, {"text": CLEAR, "due_on": "", "due_auto": ""}, headers=htmx))
    assert "Time-bound" in html
    assert 'hx-swap-oob="true"' in html and 'value="2027-03-31"' in html
    # A date the client typed is theirs: the analysis leaves it alone.
    html = page(client.post(url, {"text": CLEAR, "due_on": "2027-05-01"}, headers=htmx))
    assert "hx-swap-oob" not in html
    assert world.login(world.owner).post(url, {"text": CLEAR}).status_code == 403


def test_saving_a_goal_fills_the_due_date_from_its_words(world, monkeypatch):
    fake_analysis(monkeypatch, time_bound=True, deadline=dt.date(2027, 3, 31))
    client = world.login(world.client)
    response = client.post(
        goals_url(world),
        {"text": CLEAR, "confidence": "7", "hours_per_week": "5", "value_key": ""},
    )
    goal = Goal.objects.get()
    assert response.url == reverse("goal_detail", args=[world.engagement.pk, goal.pk])
    assert goal.due_on == dt.date(2027, 3, 31)
    assert (goal.confidence, goal.hours_per_week) == (7, 5)


def test_a_goal_with_missing_parts_saves_and_the_panel_keeps_asking(world):
    client = world.login(world.client)
    client.post(goals_url(world), {"text": VAGUE})
    goal = Goal.objects.get()
    html = page(client.get(reverse("goal_detail", args=[world.engagement.pk, goal.pk])))
    assert 'class="smart-part open"' in html
    assert goal.text == VAGUE  # never rewritten


def test_bad_input_keeps_what_was_typed(world):
    client = world.login(world.client)
    html = page(client.post(goals_url(world), {"text": VAGUE, "hours_per_week": "900"}))
    assert VAGUE in html and "errorlist" in html
    assert not Goal.objects.exists()


def test_the_fourth_active_goal_is_refused_with_a_way_out(world):
    for n in range(3):
        _goal(world, text=f"Goal number {n}")
    client = world.login(world.client)
    html = page(client.get(goals_url(world)))
    assert "full plate" in html
    html = page(client.post(goals_url(world), {"text": "One more goal"}))
    assert "3 active goals already" in html
    assert "One more goal" in html  # nothing lost
    assert html.count("Let it go") == 3 and "Keep it as a paused goal" in html
    client.post(goals_url(world), {"text": "One more goal", "keep_paused": "1"})
    assert Goal.objects.get(text="One more goal").status == GoalStatus.PAUSED


def test_values_and_options_are_offered_for_relevance(world):
    option_add(engagement=world.engagement, by=world.client, title="UX research")
    world.engagement.assessments.create(
        kind="values",
        result={"top": [{"key": "learning", "name": "Learning"}]},
        completed_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    html = page(world.login(world.client).get(goals_url(world)))
    assert '<option value="learning">Learning</option>' in html
    assert "UX research</option>" in html


# --- one goal's page -----------------------------------------------------------------------


def goal_url(world: World, goal: Goal, name: str = "goal_detail", *extra: int) -> str:
    return reverse(name, args=[world.engagement.pk, goal.pk, *extra])


def test_an_edit_with_a_reason_shows_in_the_history(world):
    goal = _goal(world, text=VAGUE)
    client = world.login(world.client)
    response = client.post(
        goal_url(world, goal), {"text": CLEAR, "reason": "Talked it through with Maya."}
    )
    assert response.status_code == 302
    html = page(client.get(goal_url(world, goal)))
    assert "Talked it through with Maya." in html
    assert f"was “{VAGUE}”" in html
    goal.refresh_from_db()
    assert goal.text == CLEAR


def test_the_checklist_round_trip(world):
    goal = _goal(world)
    client = world.login(world.client)
    client.post(
        goal_url(world, goal, "goal_step_add"),
        {"title": "Email Ana", "kind": "mentoring", "due_on": _in_a_month()},
    )
    client.post(
        goal_url(world, goal, "goal_step_add"), {"title": "Read a UX book", "kind": "action"}
    )
    step = Step.objects.get(title="Email Ana")
    client.post(goal_url(world, goal, "goal_step_done", step.pk), {"done": "1"})
    html = page(client.get(goal_url(world, goal)))
    assert "1 of 2 steps done" in html
    assert 'aria-valuenow="1"' in html
    client.post(
        goal_url(world, goal, "goal_step_edit", step.pk),
        {"title": "Email Ana Ribeiro", "kind": "mentoring", "due_on": ""},
    )
    step.refresh_from_db()
    assert step.title == "Email Ana Ribeiro" and step.due_on is None
    client.post(goal_url(world, goal, "goal_step_delete", step.pk))
    assert not Step.objects.filter(pk=step.pk).exists()
    html = page(client.get(goal_url(world, goal)))
    assert "Step removed" in html and "Step done" in html


def test_an_empty_step_title_says_what_is_missing(world):
    goal = _goal(world)
    html = page(
        world.login(world.client).post(goal_url(world, goal, "goal_step_add"), {"title": ""})
    )
    assert "errorlist" in html and not Step.objects.exists()


def test_the_first_step_hint_asks_for_something_small(world):
    goal = _goal(world)
    step_add(goal=goal, by=world.client, title="Get a job in UX")
    html = page(world.login(world.client).get(goal_url(world, goal)))
    assert "What is a first step you could take this week, in under an hour?" in html


def test_obstacles_with_if_then_plans(world):
    goal = _goal(world)
    client = world.login(world.client)
    client.post(
        goal_url(world, goal, "goal_obstacle_add"),
        {"obstacle": "a night shift leaves me too tired", "plan": "do 20 minutes on Sunday"},
    )
    html = page(client.get(goal_url(world, goal)))
    assert "a night shift leaves me too tired" in html and "do 20 minutes on Sunday" in html
    html = page(client.post(goal_url(world, goal, "goal_obstacle_add"), {"obstacle": "rain"}))
    assert "rain" in html and "errorlist" in html


def test_status_changes_from_the_goal_page(world):
    goal = _goal(world)
    client = world.login(world.client)
    client.post(goal_url(world, goal, "goal_status"), {"status": "paused", "reason": "Exams"})
    goal.refresh_from_db()
    assert goal.status == GoalStatus.PAUSED
    assert goal.revisions.first().reason == "Exams"


def test_another_engagements_goal_is_404(world):
    goal = goal_create(engagement=world.other_engagement, by=world.other_client, text="Not yours")
    client = world.login(world.client)
    url = reverse("goal_detail", args=[world.engagement.pk, goal.pk])
    assert client.get(url).status_code == 404


def test_a_concluded_engagement_is_read_only(world):
    goal = _goal(world)
    _conclude(world)
    client = world.login(world.client)
    html = page(client.get(goal_url(world, goal)))
    assert "Revise this goal" not in html and "Add a step" not in html
    assert client.post(goals_url(world), {"text": CLEAR}).status_code == 403
