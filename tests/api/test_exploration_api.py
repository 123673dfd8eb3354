"""The exploration board over the API: the access battery, and a client's round trip."""

from __future__ import annotations

import pytest

from headway.exploration.models import Comment, Option
from headway.exploration.services import option_add
from headway.onet.models import Occupation
from tests.api.support import send, session_client, token_client

PEOPLE = ["owner", "colleague", "outsider", "client", "other_client", "anonymous"]


def _user(world, role):
    return None if role == "anonymous" else getattr(world, role)


@pytest.fixture
def option(world) -> Option:
    return option_add(engagement=world.engagement, by=world.client, title="UX research")


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
def test_reading_the_board(world, option, role, status):
    client = session_client(_user(world, role))
    e = world.engagement.pk
    assert send(client, "get", f"/api/engagements/{e}/board").status_code == status
    assert send(client, "get", f"/api/engagements/{e}/board/{option.pk}").status_code == status


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
def test_adding_an_option(world, role, status):
    client = session_client(_user(world, role))
    response = send(
        client, "post", f"/api/engagements/{world.engagement.pk}/board", {"title": "Teach"}
    )
    assert response.status_code == status
    assert Option.objects.filter(title="Teach").exists() is (status == 201)


@pytest.mark.parametrize(
    "role, status",
    [
        ("owner", 201),
        ("client", 201),
        ("colleague", 404),
        ("outsider", 404),
        ("other_client", 404),
        ("anonymous", 401),
    ],
)
def test_commenting(world, option, role, status):
    client = session_client(_user(world, role))
    url = f"/api/engagements/{world.engagement.pk}/board/{option.pk}/comments"
    assert send(client, "post", url, {"text": "What did you learn?"}).status_code == status
    assert Comment.objects.exists() is (status == 201)


def test_an_option_of_another_board_is_404(world, option):
    client = session_client(world.other_client)
    url = f"/api/engagements/{world.other_engagement.pk}/board/{option.pk}"
    assert send(client, "get", url).status_code == 404


def test_client_round_trip_with_a_token(world, db):
    Occupation.objects.create(
        code="15-1255.00", title="Web and Digital Interface Designers", description=""
    )
    client, _ = token_client(world.client)
    base = f"/api/engagements/{world.engagement.pk}/board"
    created = send(client, "post", base, {"occupation_code": "15-1255.00"})
    assert (
        created.status_code == 201
        and created.json()["title"] == "Web and Digital Interface Designers"
    )
    option_id = created.json()["id"]
    notes = send(
        client, "patch", f"{base}/{option_id}", {"duties": "Design flows", "concerns": "Pay"}
    )
    assert notes.json()["duties"] == "Design flows" and notes.json()["concerns"] == "Pay"
    interview = send(
        client, "post", f"{base}/{option_id}/interviews", {"person": "Ana", "held_on": "2026-11-20"}
    )
    assert interview.status_code == 201
    experiment = send(
        client,
        "post",
        f"{base}/{option_id}/experiments",
        {
            "kind": "shadowing",
            "description": "A day",
            "starts_on": "2026-12-02",
            "ends_on": "2026-12-01",
        },
    )
    assert experiment.status_code == 400 and "end date" in experiment.json()["detail"]
    board = send(client, "get", base).json()
    assert board[0]["interviews"][0]["person"] == "Ana" and board[0]["experiments"] == []
    unknown = send(client, "post", base, {"occupation_code": "00-0000.00"})
    assert unknown.status_code == 400
