"""Self-discovery over the API: a client's round trip, what the coach sees, and refusals."""

from __future__ import annotations

import pytest

from headway.core.assessments.riasec_inventory import STATEMENTS
from headway.discovery.models import Assessment
from tests.api.support import send, session_client, token_client

PEOPLE = ["owner", "colleague", "outsider", "client", "other_client", "anonymous"]
HIDDEN = {"colleague": 404, "outsider": 404, "other_client": 404, "anonymous": 401}


def _user(world, role):
    return None if role == "anonymous" else getattr(world, role)


def _ratings() -> dict[str, int]:
    # Likes social and investigative activities, not much else: an "SI" profile.
    return {s.key: {"S": 5, "I": 4, "A": 3}.get(s.key[0].upper(), 1) for s in STATEMENTS}


def test_a_client_takes_the_interests_inventory_and_the_coach_sees_the_result(world):
    client, _ = token_client(world.client)
    base = f"/api/engagements/{world.engagement.pk}/interests"
    started = send(client, "post", base)
    assert started.status_code == 201, started.content
    a = started.json()
    assert a["status"] == "assigned" and a["responses"] == {}
    put = send(client, "put", f"{base}/{a['id']}/responses", {"ratings": _ratings()})
    assert put.status_code == 200 and put.json()["status"] == "in_progress"
    done = send(client, "post", f"{base}/{a['id']}/complete")
    assert done.status_code == 200, done.content
    assert done.json()["result"]["code"].startswith("SI")
    assert done.json()["headline"]

    coach, _ = token_client(world.owner)
    [seen] = send(coach, "get", base).json()
    assert seen["result"]["code"] == done.json()["result"]["code"]
    assert seen["responses"] is None  # the coach sees results, not answers

    hidden = send(client, "put", f"{base}/{a['id']}/sharing", {"shared": False})
    assert hidden.status_code == 200 and hidden.json()["shared_with_coach"] is False
    assert send(coach, "get", base).json() == []
    assert send(coach, "get", f"{base}/{a['id']}").status_code == 404


def test_incomplete_responses_get_a_clear_400_and_stay_saved(world):
    client, _ = token_client(world.client)
    base = f"/api/engagements/{world.engagement.pk}/interests"
    a = send(client, "post", base).json()
    send(client, "put", f"{base}/{a['id']}/responses", {"ratings": {"r01": 5}})
    refused = send(client, "post", f"{base}/{a['id']}/complete")
    assert refused.status_code == 400
    assert refused.json()["detail"]
    assert Assessment.objects.get(pk=a["id"]).responses == {"ratings": {"r01": 5}}


def test_nonsense_responses_are_refused_not_crashed_on(world):
    client, _ = token_client(world.client)
    e = world.engagement.pk
    for kind in ["values", "strengths", "interests", "skills", "readiness"]:
        a = send(client, "post", f"/api/engagements/{e}/{kind}").json()
        for body in ({"ratings": "lots"}, {"ratings": [1, 2]}, {"top": {"x": 1}}, {"x": None}):
            send(client, "put", f"/api/engagements/{e}/{kind}/{a['id']}/responses", body)
            refused = send(client, "post", f"/api/engagements/{e}/{kind}/{a['id']}/complete")
            assert refused.status_code == 400, (kind, body, refused.content)


@pytest.mark.parametrize("role", PEOPLE)
def test_who_may_do_what(world, role):
    e = world.engagement.pk
    caller = session_client(_user(world, role))
    expected_read = {"owner": 200, "client": 200, **HIDDEN}[role]
    assert send(caller, "get", f"/api/engagements/{e}/values").status_code == expected_read
    start = send(caller, "post", f"/api/engagements/{e}/values")
    assert start.status_code == {"owner": 403, "client": 201, **HIDDEN}[role]
    assign = send(caller, "post", f"/api/engagements/{e}/assignments", {"kind": "strengths"})
    assert assign.status_code == {"owner": 201, "client": 403, **HIDDEN}[role]


def test_the_coach_assigns_with_a_due_date(world):
    coach, _ = token_client(world.owner)
    e = world.engagement.pk
    made = send(
        coach,
        "post",
        f"/api/engagements/{e}/assignments",
        {"kind": "values", "due_on": "2099-01-31", "note": "Before we meet"},
    )
    assert made.status_code == 201
    body = made.json()
    assert (body["kind"], body["due_on"], body["assignment_note"]) == (
        "values",
        "2099-01-31",
        "Before we meet",
    )
    assert body["assigned_by"]["email"] == world.owner.email
    late = send(
        coach,
        "post",
        f"/api/engagements/{e}/assignments",
        {"kind": "values", "due_on": "2001-01-01"},
    )
    assert late.status_code == 400 and "today" in late.json()["detail"]


def test_the_journal_is_the_clients(world):
    client, _ = token_client(world.client)
    coach, _ = token_client(world.owner)
    base = f"/api/engagements/{world.engagement.pk}/journal"
    added = send(client, "post", base, {"activity": "Ran a workshop", "energy": 2, "flow": True})
    assert added.status_code == 201, added.content
    assert [x["activity"] for x in send(client, "get", base).json()] == ["Ran a workshop"]
    assert send(coach, "get", base).status_code == 403
    assert send(coach, "post", base, {"activity": "x", "energy": 0}).status_code == 403
    bad = send(client, "post", base, {"activity": "x", "energy": 7})
    assert bad.status_code in (400, 422)
    assert send(coach, "get", f"{base}/patterns").status_code == 403  # private so far
    shared = send(client, "put", f"{base}/sharing", {"shared": True})
    assert shared.json() == {"shared_with_coach": True}
    seen = send(coach, "get", f"{base}/patterns").json()
    assert seen["count"] == 1 and seen["activities"][0]["spellings"] == ["Ran a workshop"]
    assert "note" not in str(seen)
    entry = added.json()["id"]
    assert send(coach, "delete", f"{base}/{entry}").status_code == 403
    assert send(client, "delete", f"{base}/{entry}").status_code == 204
    assert send(client, "get", base).json() == []
