"""A step dated in the past is asked about (the client decides), and shown as overdue."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from headway.goals.models import Goal, Step
from headway.goals.services import goal_create, step_add
from tests.helpers import World


def _goal(world: World) -> Goal:
    return goal_create(
        engagement=world.engagement, by=world.client, text="Apply for 3 UX roles by 31 March 2027"
    )


def _url(world: World, goal: Goal, name: str, *extra: int) -> str:
    return reverse(name, args=[world.engagement.pk, goal.pk, *extra])


def _day(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def _short(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def test_a_past_date_is_asked_about_and_nothing_is_saved_yet(world):
    goal = _goal(world)
    client = world.login(world.client)
    past = _day(-3)
    meant = past.replace(year=past.year + 1)
    data = {"title": "Email Ana", "kind": "action", "due_on": past.isoformat()}
    html = client.post(_url(world, goal, "goal_step_add"), data).content.decode()
    assert f"{_short(past)} is in the past. Did you mean {_short(meant)}?" in html
    assert f'name="past" value="{meant.isoformat()}"' in html
    assert f"Save anyway, with {_short(past)}" in html
    assert not Step.objects.exists()

    # The client means the date they typed.
    response = client.post(_url(world, goal, "goal_step_add"), {**data, "past": "keep"})
    assert response.status_code == 302
    assert Step.objects.get().due_on == past


def test_the_guessed_date_is_saved_when_chosen(world):
    goal = _goal(world)
    client = world.login(world.client)
    past = _day(-3)
    meant = past.replace(year=past.year + 1)
    data = {"title": "Email Ana", "kind": "action", "due_on": past.isoformat()}
    client.post(_url(world, goal, "goal_step_add"), {**data, "past": meant.isoformat()})
    assert Step.objects.get().due_on == meant


def test_today_and_later_are_not_asked_about(world):
    goal = _goal(world)
    client = world.login(world.client)
    for days in (0, 5):
        data = {"title": f"Step {days}", "kind": "action", "due_on": _day(days).isoformat()}
        assert client.post(_url(world, goal, "goal_step_add"), data).status_code == 302
    assert Step.objects.count() == 2


def test_editing_a_step_asks_only_about_a_new_past_date(world):
    goal = _goal(world)
    step = step_add(goal=goal, by=world.client, title="Email Ana", due_on=_day(-10))
    client = world.login(world.client)
    edit = _url(world, goal, "goal_step_edit", step.pk)
    # The date as it was: a new title saves without the question.
    data = {"title": "Email Ana and Sam", "kind": "action", "due_on": _day(-10).isoformat()}
    assert client.post(edit, data).status_code == 302
    # A new date in the past is asked about, in the step's own edit form.
    html = client.post(edit, {**data, "due_on": _day(-2).isoformat()}).content.decode()
    assert "is in the past" in html and "Save anyway" in html
    step.refresh_from_db()
    assert step.due_on == _day(-10)


def test_open_steps_dated_before_today_are_marked_overdue(world):
    goal = _goal(world)
    step_add(goal=goal, by=world.client, title="Late one", due_on=_day(-1))
    step_add(goal=goal, by=world.client, title="Due today", due_on=_day(0))
    html = world.login(world.owner).get(_url(world, goal, "goal_detail")).content.decode()
    assert html.count('<span class="badge act">overdue</span>') == 1
    late = html.index("Late one")
    assert html.index("overdue", late) < html.index("Due today")
