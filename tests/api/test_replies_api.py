"""The replies API: the coach and the client talk under what the client did; nobody else
sees there is a conversation, and a result taken back takes its conversation from the coach."""

from __future__ import annotations

from django.utils import timezone

from headway.checkins.services import checkin_add
from headway.discovery.models import Assessment, Kind
from headway.replies.models import Reply
from tests.api.support import send, session_client, token_client
from tests.helpers import World


def _path(world: World) -> str:
    return f"/api/engagements/{world.engagement.pk}/replies"


def test_the_coach_writes_under_a_check_in_and_the_client_reads_and_answers(world: World) -> None:
    check_in = checkin_add(engagement=world.engagement, by=world.client, energy=3)
    coach, _ = token_client(world.owner)
    body = {"target": "check-in", "target_id": check_in.pk, "text": "What would help?"}
    response = send(coach, "post", _path(world), body)
    assert response.status_code == 201, response.content
    assert response.json()["mine"] is True

    client = session_client(world.client)
    send(client, "post", _path(world), {**body, "text": "A call with Ana."})
    listed = client.get(_path(world) + f"?target=check-in&target_id={check_in.pk}").json()
    assert [(r["author"], r["mine"], r["text"]) for r in listed] == [
        ("Olivia Owner", False, "What would help?"),
        ("Cleo Client", True, "A call with Ana."),
    ]
    assert client.get(_path(world) + "?target=goal").json() == []


def test_strangers_bad_targets_and_empty_words_are_refused(world: World) -> None:
    check_in = checkin_add(engagement=world.engagement, by=world.client, energy=3)
    body = {"target": "check-in", "target_id": check_in.pk, "text": "Hello"}
    assert send(session_client(world.colleague), "post", _path(world), body).status_code == 404
    assert session_client(world.colleague).get(_path(world)).status_code == 404
    owner = session_client(world.owner)
    assert send(owner, "post", _path(world), {**body, "target_id": 999_999}).status_code == 404
    assert send(owner, "post", _path(world), {**body, "target": "journal"}).status_code == 422
    assert send(owner, "post", _path(world), {**body, "text": "  "}).status_code == 400
    assert not Reply.objects.exists()


def test_a_result_taken_back_takes_its_conversation_from_the_coach(world: World) -> None:
    result = Assessment.objects.create(
        engagement=world.engagement, kind=Kind.READINESS, completed_at=timezone.now(), result={}
    )
    owner = session_client(world.owner)
    body = {"target": "result", "target_id": result.pk, "text": "What stands out?"}
    assert send(owner, "post", _path(world), body).status_code == 201
    result.shared_with_coach = False
    result.save()
    assert owner.get(_path(world)).json() == []
    assert send(owner, "post", _path(world), body).status_code == 404
    assert len(session_client(world.client).get(_path(world)).json()) == 1
