"""If-then plans: the page's "If" and "then I will" are not repeated, and a plan can be edited."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from headway.goals.models import Goal, Obstacle
from headway.goals.services import goal_create, obstacle_add, obstacle_update
from tests.helpers import World


def _goal(world: World) -> Goal:
    return goal_create(
        engagement=world.engagement, by=world.client, text="Apply for 3 UX roles by 31 March 2027"
    )


def _url(world: World, goal: Goal, name: str, *extra: int) -> str:
    return reverse(name, args=[world.engagement.pk, goal.pk, *extra])


def test_typed_if_and_then_are_not_repeated_on_the_page(world):
    goal = _goal(world)
    client = world.login(world.client)
    client.post(
        _url(world, goal, "goal_obstacle_add"),
        {"obstacle": "If I'm tired", "plan": "then I will rest for ten minutes"},
    )
    obstacle = Obstacle.objects.get(goal=goal)
    assert (obstacle.obstacle, obstacle.plan) == ("I'm tired", "rest for ten minutes")
    html = client.get(_url(world, goal, "goal_detail")).content.decode()
    shown = "<strong>If</strong> I&#x27;m tired, <strong>then I will</strong> rest for ten minutes"
    assert shown in html
    assert "If</strong> If" not in html and "then I will</strong> then" not in html


def test_plans_saved_before_read_without_the_repeat(world):
    goal = _goal(world)
    # Written straight to the table, as plans saved before the words were taken off.
    Obstacle.objects.create(goal=goal, obstacle="If it rains,", plan="then I will read")
    html = world.login(world.owner).get(_url(world, goal, "goal_detail"))
    assert (
        "<strong>If</strong> it rains, <strong>then I will</strong> read" in html.content.decode()
    )


def test_only_the_words_of_the_page_empty_fields_are_refused(world):
    goal = _goal(world)
    with pytest.raises(ValidationError, match="might get in the way"):
        obstacle_add(goal=goal, by=world.client, obstacle="If", plan="rest")
    with pytest.raises(ValidationError, match="then I will"):
        obstacle_add(goal=goal, by=world.client, obstacle="I'm tired", plan="then I will")


def test_the_client_edits_an_if_then_plan_and_the_history_keeps_it(world):
    goal = _goal(world)
    obstacle = obstacle_add(goal=goal, by=world.client, obstacle="Night shifts", plan="Sundays")
    client = world.login(world.client)
    html = client.get(_url(world, goal, "goal_detail")).content.decode()
    edit = _url(world, goal, "goal_obstacle_edit", obstacle.pk)
    assert f'action="{edit}"' in html
    assert f'id="obstacle-{obstacle.pk}-obstacle"' in html

    response = client.post(
        edit, {"obstacle": "If night shifts run late", "plan": "I'll study on Sunday morning"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#obstacle-{obstacle.pk}")
    obstacle.refresh_from_db()
    assert (obstacle.obstacle, obstacle.plan) == (
        "night shifts run late",
        "study on Sunday morning",
    )
    assert goal.revisions.first().changes == {
        "obstacle": {"action": "edited", "text": "night shifts run late"}
    }
    html = client.get(_url(world, goal, "goal_detail")).content.decode()
    assert "If-then plan changed" in html

    # Nothing in a field: the page comes back with the edit open and the words kept.
    html = client.post(edit, {"obstacle": "Rain", "plan": ""}).content.decode()
    assert "errorlist" in html and "\nRain</textarea>" in html
    obstacle.refresh_from_db()
    assert obstacle.obstacle == "night shifts run late"


def test_the_same_words_make_no_revision(world):
    goal = _goal(world)
    obstacle = obstacle_add(goal=goal, by=world.client, obstacle="Rain", plan="read")
    count = goal.revisions.count()
    obstacle_update(obstacle=obstacle, by=world.client, text="If Rain", plan="then I will read")
    assert goal.revisions.count() == count


def test_the_coach_reads_the_plan_but_cannot_edit_it(world):
    goal = _goal(world)
    obstacle = obstacle_add(goal=goal, by=world.client, obstacle="Rain", plan="read")
    coach = world.login(world.owner)
    html = coach.get(_url(world, goal, "goal_detail")).content.decode()
    assert "goal_obstacle_edit" not in html and "obstacle-edit" not in html
    with pytest.raises(ValidationError, match="Only the client"):
        obstacle_update(obstacle=obstacle, by=world.owner, text="Snow", plan="read")
