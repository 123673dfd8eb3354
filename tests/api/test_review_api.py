"""The session review API: upload a transcript, read it coded, choose the coach, delete."""

from __future__ import annotations

import pytest

from headway.review.models import Review
from tests.api.support import send, session_client, token_client
from tests.helpers import World
from tests.review.fixtures import VTT

pytestmark = pytest.mark.django_db


def test_upload_read_list_and_delete_with_a_token(world: World):
    client, _ = token_client(world.owner)
    base = f"/api/engagements/{world.engagement.pk}/reviews"
    created = send(
        client, "post", base, {"filename": "s1.vtt", "content": VTT, "coach": "olivia owner"}
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["coach"] == "Olivia Owner" and body["analysed"]
    assert [u["speaker"] for u in body["utterances"]][:2] == ["Olivia Owner", "Clara Client"]
    assert body["utterances"][1]["code"] is None
    assert body["utterances"][6]["code"] == "input" and body["utterances"][6]["subtype"] == "advice"
    assert body["summary"]["advice"][0]["reframes"]
    listed = client.get(base).json()
    assert [r["id"] for r in listed] == [body["id"]]
    assert client.get(f"{base}/{body['id']}").json()["utterances"] == body["utterances"]
    assert send(client, "delete", f"{base}/{body['id']}").status_code == 204
    assert not Review.objects.exists()


def test_choose_the_coach_afterwards_and_errors_say_why(world: World):
    client = session_client(world.owner)
    base = f"/api/engagements/{world.engagement.pk}/reviews"
    created = send(client, "post", base, {"filename": "s1.vtt", "content": VTT}).json()
    assert not created["analysed"] and created["speakers"] == ["Olivia Owner", "Clara Client"]
    bad = send(client, "post", f"{base}/{created['id']}/coach", {"speaker": "Zed"})
    assert bad.status_code == 400 and "Nobody called 'Zed'" in bad.json()["detail"]
    good = send(client, "post", f"{base}/{created['id']}/coach", {"speaker": "Clara Client"})
    assert good.status_code == 200 and good.json()["utterances"][0]["code"] is None
    broken = send(client, "post", base, {"filename": "x.vtt", "content": "not a transcript"})
    assert broken.status_code == 400 and "WEBVTT" in broken.json()["detail"]
