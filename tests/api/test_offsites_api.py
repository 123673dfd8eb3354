"""The career offsite API: the rhythm, a whole offsite through the API, priorities becoming
goals or kept for later, shared resources marked used and useful."""

from __future__ import annotations

import pytest

from headway.offsites.models import Offsite, OffsiteStatus, ResourceKind
from headway.offsites.resource_services import resource_add, resource_share
from tests.api.support import send, session_client, token_client
from tests.helpers import World


def _path(world: World, tail: str = "offsites") -> str:
    return f"/api/engagements/{world.engagement.pk}/{tail}"


def test_a_self_guided_offsite_from_start_to_goal(world: World) -> None:
    client, _ = token_client(world.client)
    cycle = send(client, "put", _path(world, "offsite-cycle"), {"priorities": 2}).json()
    assert cycle["summary"] == "Every 3 months, 3 hours, up to 2 things for the next 3 months."
    started = send(client, "post", _path(world), {"mode": "self_guided"})
    assert started.status_code == 201, started.content
    oid = started.json()["id"]
    base = _path(world, f"offsites/{oid}")
    for key, text in [
        ("proud", "The repairs process"),
        ("priority-1", "Lead the strategy refresh by 31 March"),
        ("priority-2", "Find a mentor"),
    ]:
        assert send(client, "put", f"{base}/answers/{key}", {"text": text}).status_code == 200
    assert send(client, "put", f"{base}/answers/nope", {"text": "x"}).status_code == 400
    paused = send(client, "post", f"{base}/clock", {"action": "pause"}).json()
    assert paused["status"] == "paused"
    moved = send(client, "post", f"{base}/clock", {"action": "move", "section": "insights"})
    assert moved.json()["section"] == "insights" and moved.json()["status"] == "running"
    refused = send(client, "post", f"{base}/complete")
    assert refused.status_code == 400 and "insights" in refused.json()["detail"]
    send(client, "put", f"{base}/answers/insights", {"text": "Structure energises me"})
    done = send(client, "post", f"{base}/complete").json()
    assert done["status"] == "completed"
    first, second = done["priorities"]
    assert first["text"] == "Lead the strategy refresh by 31 March"

    coach = session_client(world.owner)
    goal = send(coach, "post", f"{base}/priorities/{first['id']}/goal", {})
    assert goal.status_code == 403
    goal = send(client, "post", f"{base}/priorities/{first['id']}/goal", {})
    assert goal.status_code == 201, goal.content
    assert goal.json()["goal"]["due_on"].endswith("-03-31")  # from the SMART analysis
    assert goal.json()["smart"] is not None
    later = send(client, "put", f"{base}/priorities/{second['id']}", {"path": "later"})
    assert later.json()["path"] == "later"
    listed = coach.get(_path(world)).json()
    assert [p["path"] for p in listed[0]["priorities"]] == ["goal", "later"]
    assert coach.get(_path(world, "offsite-cycle")).json()["next_on"] is not None


def test_the_coach_writes_only_a_facilitated_offsite(world: World) -> None:
    coach = session_client(world.owner)
    assert send(coach, "post", _path(world), {"mode": "self_guided"}).status_code == 403
    started = send(coach, "post", _path(world), {"mode": "facilitated"})
    assert started.status_code == 201
    oid = started.json()["id"]
    answer = send(coach, "put", _path(world, f"offsites/{oid}/answers/proud"), {"text": "x"})
    assert answer.status_code == 200
    Offsite.objects.filter(pk=oid).update(mode="self_guided")
    answer = send(coach, "put", _path(world, f"offsites/{oid}/answers/proud"), {"text": "y"})
    assert answer.status_code == 403
    assert Offsite.objects.get(pk=oid).status == OffsiteStatus.RUNNING


def test_a_self_guided_journey_has_no_facilitated_offsites(world: World) -> None:
    solo = session_client(world.solo)
    path = f"/api/engagements/{world.solo_engagement.pk}/offsites"
    refused = send(solo, "post", path, {"mode": "facilitated"})
    assert refused.status_code == 400 and "needs a coach" in refused.json()["detail"]


@pytest.mark.parametrize(
    "role, read, mark",
    [
        ("owner", 200, 403),
        ("client", 200, 200),
        ("colleague", 404, 404),
        ("other_client", 404, 404),
        ("anonymous", 401, 401),
    ],
)
def test_shared_resources(world: World, role: str, read: int, mark: int) -> None:
    resource = resource_add(
        owner=world.owner,
        kind=ResourceKind.LINK,
        title="Designing your life",
        url="https://example.org/dyl",
        themes=["values"],
    )
    shared = resource_share(resource=resource, engagement=world.engagement, by=world.owner)
    browser = session_client(world.battery()[role])
    response = browser.get(_path(world, "resources"))
    assert response.status_code == read
    if read == 200:
        (item,) = response.json()
        assert (item["title"], item["themes"], item["used"]) == (
            "Designing your life",
            ["values"],
            False,
        )
    body = {"used": True, "useful": True}
    marked = send(browser, "put", _path(world, f"resources/{shared.pk}"), body)
    assert marked.status_code == mark
    shared.refresh_from_db()
    assert (shared.useful is True) is (mark == 200)
