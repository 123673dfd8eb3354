"""Goals and the action plan over the API: the access battery, and a client's round trip."""

from __future__ import annotations

import pytest

from headway.engagements.models import EngagementStatus
from headway.exploration.services import option_add
from headway.goals.models import Goal, GoalRevision, Step
from headway.goals.services import goal_create, step_add
from tests.api.support import send, session_client, token_client

CLEAR = "Apply for 3 UX research roles by 31 March 2027"


def _user(world, role):
    return None if role == "anonymous" else getattr(world, role)


@pytest.fixture
def goal(world) -> Goal:
    return goal_create(engagement=world.engagement, by=world.client, text=CLEAR)


def base(world) -> str:
    return f"/api/engagements/{world.engagement.pk}/goals"


@pytest.mark.parametrize(
    "role, status",
    [
        ("owner", 200),
        ("client", 200),
        ("colleague", 404),
        ("outsider", 404),
        ("other_client", 404),
        ("anonymous", 401),
    ],
)
def test_reading_goals(world, goal, role, status):
    client = session_client(_user(world, role))
    assert send(client, "get", base(world)).status_code == status
    assert send(client, "get", f"{base(world)}/{goal.pk}").status_code == status
    assert send(client, "get", f"{base(world)}/{goal.pk}/revisions").status_code == status


@pytest.mark.parametrize(
    "role, status",
    [
        ("owner", 403),
        ("client", 201),
        ("colleague", 404),
        ("outsider", 404),
        ("other_client", 404),
        ("anonymous", 401),
    ],
)
def test_setting_a_goal(world, role, status):
    client = session_client(_user(world, role))
    assert send(client, "post", base(world), {"text": CLEAR}).status_code == status
    assert Goal.objects.exists() is (status == 201)


@pytest.mark.parametrize(
    "role, status",
    [("owner", 403), ("client", 201), ("outsider", 404), ("anonymous", 401)],
)
def test_adding_steps_and_obstacles(world, goal, role, status):
    client = session_client(_user(world, role))
    url = f"{base(world)}/{goal.pk}"
    assert send(client, "post", f"{url}/steps", {"title": "Email Ana"}).status_code == status
    obstacle = {"obstacle": "Night shifts", "plan": "Study on Sundays"}
    assert send(client, "post", f"{url}/obstacles", obstacle).status_code == status


def test_a_clients_round_trip_with_a_token(world):
    client, _ = token_client(world.client)
    option = option_add(engagement=world.engagement, by=world.client, title="UX research")
    response = send(
        client,
        "post",
        base(world),
        {"text": "Get into UX", "confidence": 6, "hours_per_week": 5, "option_id": option.pk},
    )
    assert response.status_code == 201, response.content
    made = response.json()
    assert made["status"] == "active" and made["option_id"] == option.pk
    url = f"{base(world)}/{made['id']}"

    response = send(
        client,
        "patch",
        url,
        {"text": CLEAR, "due_on": "2027-03-31", "reason": "Made it concrete with Maya."},
    )
    assert response.status_code == 200, response.content
    assert response.json()["text"] == CLEAR

    step = send(client, "post", f"{url}/steps", {"title": "Email Ana", "kind": "mentoring"})
    assert step.status_code == 201
    step_url = f"{url}/steps/{step.json()['id']}"
    done = send(client, "patch", step_url, {"done": True, "due_on": "2026-06-01"})
    assert done.status_code == 200 and done.json()["done"] is True
    assert done.json()["due_on"] == "2026-06-01"

    read = send(client, "get", url).json()
    assert read["progress"] == {"done": 1, "total": 1, "percent": 100}

    history = send(client, "get", f"{url}/revisions").json()
    edit = next(r for r in history if "text" in r["changes"])
    assert edit["changes"]["text"] == ["Get into UX", CLEAR]
    assert edit["reason"] == "Made it concrete with Maya."
    assert edit["by"]["id"] == world.client.pk

    paused = send(client, "patch", url, {"status": "paused", "reason": "Exams first"})
    assert paused.json()["status"] == "paused"


def test_refusals_are_400_with_the_reason(world, goal):
    client = session_client(world.client)
    for n in range(2):
        goal_create(engagement=world.engagement, by=world.client, text=f"Goal {n}")
    full = send(client, "post", base(world), {"text": "A fourth"})
    assert full.status_code == 400 and "3 active goals" in full.json()["detail"]
    paused = send(client, "post", base(world), {"text": "A fourth", "status": "paused"})
    assert paused.status_code == 201
    empty = send(client, "post", f"{base(world)}/{goal.pk}/steps", {"title": " "})
    assert empty.status_code == 400 and "Name the step" in empty.json()["detail"]
    elsewhere = option_add(engagement=world.other_engagement, by=world.other_client, title="X")
    wrong = send(client, "patch", f"{base(world)}/{goal.pk}", {"option_id": elsewhere.pk})
    assert wrong.status_code == 400


def test_a_failed_patch_changes_nothing(world, goal):
    client = session_client(world.client)
    for n in range(3):
        goal_create(engagement=world.engagement, by=world.client, text=f"P{n}", status="paused")
    for n in range(2):
        goal_create(engagement=world.engagement, by=world.client, text=f"A{n}")
    paused = Goal.objects.get(text="P0")
    response = send(
        client, "patch", f"{base(world)}/{paused.pk}", {"text": "Changed", "status": "active"}
    )
    assert response.status_code == 400
    paused.refresh_from_db()
    assert paused.text == "P0"


def test_a_step_of_another_goal_is_404(world, goal):
    other = goal_create(engagement=world.other_engagement, by=world.other_client, text="Theirs")
    step = step_add(goal=other, by=world.other_client, title="Not yours")
    client = session_client(world.client)
    url = f"{base(world)}/{goal.pk}/steps/{step.pk}"
    assert send(client, "patch", url, {"done": True}).status_code == 404
    assert Step.objects.get(pk=step.pk).done_at is None
    assert send(client, "get", f"{base(world)}/{other.pk}").status_code == 404


def test_a_concluded_engagement_is_read_only(world, goal):
    world.engagement.status = EngagementStatus.CONCLUDED
    world.engagement.save()
    client = session_client(world.client)
    assert send(client, "patch", f"{base(world)}/{goal.pk}", {"text": "X"}).status_code == 403
    assert GoalRevision.objects.filter(goal=goal).count() == 1


def test_checking_a_goal(world):
    client = session_client(world.solo)
    response = send(client, "post", "/api/goals/check", {"text": CLEAR, "today": "2026-05-04"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "specific",
        "measurable",
        "time_bound",
        "findings",
        "questions",
        "deadline",
    }
    assert body["time_bound"] is True
    assert (
        send(session_client(None), "post", "/api/goals/check", {"text": CLEAR}).status_code == 401
    )
