"""The concluding API: the scale, readiness, the conclusion, insights, the celebration
summary and the follow-ups."""

from __future__ import annotations

import pytest
from django.utils import timezone

from headway.concluding.models import FollowUp
from headway.core.assessments.efficacy import SCALE_KEYS
from headway.meetings.models import SessionNote
from tests.api.support import send, session_client, token_client
from tests.helpers import World

pytestmark = pytest.mark.django_db


def _path(world: World, tail: str) -> str:
    return f"/api/engagements/{world.engagement.pk}/{tail}"


def test_the_whole_ending_through_the_api(world: World) -> None:
    client, _ = token_client(world.client)
    coach, _ = token_client(world.owner)
    scale = {"responses": dict.fromkeys(SCALE_KEYS, 2)}
    first = send(client, "post", _path(world, "self-efficacy"), scale)
    assert first.status_code == 201 and first.json()["phase"] == "start"
    later = {"responses": dict.fromkeys(SCALE_KEYS, 4), "phase": "end"}
    assert send(client, "post", _path(world, "self-efficacy"), later).json()["mean"] == 4
    assert [r["phase"] for r in coach.get(_path(world, "self-efficacy")).json()] == ["end", "start"]

    readiness = coach.get(_path(world, "conclusion/readiness")).json()
    confidence = next(a for a in readiness["aspects"] if a["key"] == "confidence")
    assert confidence["in_place"] == ["At the start: 2 of 5", "Now: 4 of 5"]
    assert len(readiness["scale"]) == len(SCALE_KEYS)

    words = {"learned": "I can ask for help", "satisfaction_now": 7}
    assert send(client, "put", _path(world, "insights"), words).status_code == 200
    assert coach.get(_path(world, "insights")).json()["learned"] == "I can ask for help"

    assert send(client, "post", _path(world, "conclusion"), {}).status_code == 403
    done = send(coach, "post", _path(world, "conclusion"), {"reflection": "Onwards"})
    assert done.status_code == 201, done.content
    again = send(coach, "post", _path(world, "conclusion"), {})
    assert again.status_code == 400 and "already concluded" in again.json()["detail"]

    summary = client.get(_path(world, "celebration")).json()
    assert summary["insights"]["learned"] == "I can ask for help"
    assert summary["closing_reflection"] == "Onwards"
    assert summary["what_changed"][0]["before"] == "2"
    assert summary["timeline"][-1]["what"] == "Concluded"

    fus = client.get(_path(world, "follow-ups")).json()
    assert [f["months"] for f in fus] == [3, 6, 12] and not any(f["open"] for f in fus)
    twelve = fus[-1]["id"]
    declined = send(
        client, "put", _path(world, f"follow-ups/{twelve}/declined"), {"declined": True}
    )
    assert declined.json()["declined_at"] is not None
    three = fus[0]["id"]
    early = send(client, "post", _path(world, f"follow-ups/{three}/answer"), {"energy": 7})
    assert early.status_code == 400 and "opens on" in early.json()["detail"]
    FollowUp.objects.filter(pk=three).update(due_on=timezone.localdate())
    answer = {"energy": 7, "how": "Settling in"}
    answered = send(client, "post", _path(world, f"follow-ups/{three}/answer"), answer)
    assert answered.status_code == 200 and answered.json()["how"] == "Settling in"
    assert (
        send(coach, "post", _path(world, f"follow-ups/{three}/answer"), answer).status_code == 403
    )


def test_the_summary_leaves_out_private_notes(world: World) -> None:
    assert not SessionNote.objects.exists()  # the API summary is built from shared data only
    response = session_client(world.client).get(_path(world, "celebration"))
    assert response.status_code == 200
    assert set(response.json()) == {
        "concluded_at",
        "timeline",
        "what_changed",
        "confidence",
        "goals_achieved",
        "insights",
        "closing_reflection",
    }


@pytest.mark.parametrize(
    "role, read, write_client, write_coach",
    [
        ("owner", 200, 403, 201),
        ("client", 200, 201, 403),
        ("colleague", 404, 404, 404),
        ("outsider", 404, 404, 404),
        ("other_client", 404, 404, 404),
        ("anonymous", 401, 401, 401),
    ],
)
def test_access(world: World, role: str, read: int, write_client: int, write_coach: int) -> None:
    browser = session_client(world.battery()[role])
    for tail in ("self-efficacy", "conclusion/readiness", "insights", "celebration", "follow-ups"):
        assert browser.get(_path(world, tail)).status_code == read, tail
    scale = {"responses": dict.fromkeys(SCALE_KEYS, 3)}
    assert send(browser, "post", _path(world, "self-efficacy"), scale).status_code == write_client
    assert send(browser, "post", _path(world, "conclusion"), {}).status_code == write_coach


def test_follow_up_writes_are_the_clients(world: World) -> None:
    send(session_client(world.owner), "post", _path(world, "conclusion"), {})
    fu = FollowUp.objects.get(months=3)
    path = _path(world, f"follow-ups/{fu.pk}/declined")
    for role, status in [("owner", 403), ("colleague", 404), ("client", 200)]:
        browser = session_client(world.battery()[role])
        assert send(browser, "put", path, {"declined": True}).status_code == status, role
    other = f"/api/engagements/{world.other_engagement.pk}/follow-ups/{fu.pk}/declined"
    assert (
        send(session_client(world.other_client), "put", other, {"declined": True}).status_code
        == 404
    )
