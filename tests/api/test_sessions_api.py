"""The sessions API: the coach schedules, moves and cancels; the client reads."""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.utils import timezone

from headway.meetings.models import Session
from tests.api.support import send, session_client, token_client
from tests.helpers import World


def _path(world: World, tail: str = "") -> str:
    return f"/api/engagements/{world.engagement.pk}/sessions{tail}"


def _body(days: int = 9, **extra: object) -> dict[str, object]:
    day = timezone.localdate() + dt.timedelta(days=days)
    return {"date": day.isoformat(), "time": "18:00", "time_zone": "Europe/London", **extra}


def test_coach_schedules_reschedules_and_cancels(
    world: World, django_capture_on_commit_callbacks
) -> None:
    coach, _ = token_client(world.owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = send(coach, "post", _path(world), _body(place="Room 4"))
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["time_zone"] == "Europe/London" and data["sequence"] == 0
    assert data["when"].endswith("18:00–19:00 (Europe/London)")
    assert data["local_start"].startswith(_body()["date"] + "T18:00:00")  # type: ignore[operator]
    assert sorted(m.to[0] for m in mail.outbox) == [world.client.email, world.owner.email]
    assert mail.outbox[0].attachments[0][0] == "invite.ics"

    sid = data["id"]
    moved = send(coach, "post", _path(world, f"/{sid}/reschedule"), _body(days=10))
    assert moved.status_code == 200, moved.content
    assert moved.json()["sequence"] == 1
    cancelled = send(coach, "post", _path(world, f"/{sid}/cancel"), {"reason": "Ill"})
    assert cancelled.json()["status"] == "cancelled"
    assert cancelled.json()["sequence"] == 2

    client = session_client(world.client)
    (listed,) = client.get(_path(world)).json()
    assert listed["cancel_reason"] == "Ill"
    assert client.get(_path(world, f"/{sid}")).status_code == 200


def test_the_client_reads_only_and_strangers_see_nothing(world: World) -> None:
    client, _ = token_client(world.client)
    assert send(client, "post", _path(world), _body()).status_code == 403
    outsider, _ = token_client(world.outsider)
    assert send(outsider, "get", _path(world)).status_code == 404
    assert send(outsider, "post", _path(world), _body()).status_code == 404
    assert not Session.objects.exists()


def test_bad_times_are_refused_in_words(world: World) -> None:
    coach = session_client(world.owner)
    response = send(coach, "post", _path(world), _body(time_zone="Nowhere/Land"))
    assert response.status_code == 400
    assert "time zone" in response.json()["detail"]
    assert send(coach, "post", _path(world), _body(days=-3)).status_code == 400
    assert send(coach, "post", _path(world), _body(duration_minutes=5)).status_code == 422
    assert send(coach, "get", _path(world, "/999999")).status_code == 404
