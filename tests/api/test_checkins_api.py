"""The check-ins API: the client writes, the coach reads; both see the signals."""

from __future__ import annotations

import pytest

from headway.checkins.models import CheckIn
from headway.goals.services import goal_create, step_add
from tests.api.support import send, session_client, token_client
from tests.helpers import World


def _path(world: World, tail: str = "check-ins") -> str:
    return f"/api/engagements/{world.engagement.pk}/{tail}"


def test_client_checks_in_and_coach_reads(world: World) -> None:
    goal = goal_create(engagement=world.engagement, by=world.client, text="Try UX research")
    step = step_add(goal=goal, by=world.client, title="Call Ana")
    client, _ = token_client(world.client)
    body = {"energy": 7, "win": "Asked Ana", "steps_done": [step.pk]}
    response = send(client, "post", _path(world), body)
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["energy"], data["win"], data["steps_done"]) == (7, "Asked Ana", [step.pk])
    step.refresh_from_db()
    assert step.done_at is not None

    coach = session_client(world.owner)
    (listed,) = coach.get(_path(world)).json()
    assert listed["win"] == "Asked Ana"


@pytest.mark.parametrize(
    "body, status",
    [
        ({"energy": 0}, 422),
        ({"energy": 11}, 422),
        ({"energy": 5, "steps_done": [999_999]}, 400),
        ({"energy": 5, "steps_done": [2**75]}, 422),  # was a 500: no database int holds it
    ],
)
def test_bad_check_ins_are_refused(world: World, body: dict, status: int) -> None:
    response = send(session_client(world.client), "post", _path(world), body)
    assert response.status_code == status
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(
    "role, read, write",
    [
        ("owner", 200, 403),
        ("client", 200, 201),
        ("colleague", 404, 404),
        ("outsider", 404, 404),
        ("other_client", 404, 404),
        ("anonymous", 401, 401),
    ],
)
def test_access(world: World, role: str, read: int, write: int) -> None:
    user = world.battery()[role]
    browser = session_client(user)
    assert browser.get(_path(world)).status_code == read
    assert browser.get(_path(world, "signals")).status_code == read
    assert send(browser, "post", _path(world), {"energy": 5}).status_code == write
    assert CheckIn.objects.exists() is (write == 201)


def test_signals_with_their_questions(world: World) -> None:
    client = session_client(world.client)
    for energy in (8, 6, 4):
        assert send(client, "post", _path(world), {"energy": energy}).status_code == 201
    for user in (world.owner, world.client):
        (signal,) = session_client(user).get(_path(world, "signals")).json()
        assert signal["code"] == "energy-falling"
        assert signal["question"].startswith("What has been taking your energy")
