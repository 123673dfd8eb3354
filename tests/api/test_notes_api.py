"""The session notes API: the coach writes, private reads are logged with via="api", the client
gets the shared notes only; the prep brief is the coach's."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from headway.checkins.services import checkin_add
from headway.meetings.models import NoteRead, Session, SessionNote, SessionTopic
from tests.api.support import send, session_client, token_client
from tests.helpers import World


@pytest.fixture
def session(world: World) -> Session:
    return Session.objects.create(
        engagement=world.engagement,
        starts_at=timezone.now() + dt.timedelta(days=2),
        created_by=world.owner,
    )


def _path(world: World, session: Session, tail: str = "notes") -> str:
    return f"/api/engagements/{world.engagement.pk}/sessions/{session.pk}/{tail}"


def test_coach_writes_and_reads_are_audited(world: World, session: Session) -> None:
    coach, _ = token_client(world.owner)
    mine = send(coach, "post", _path(world, session), {"text": "Hesitant", "kind": "private"})
    assert mine.status_code == 201, mine.content
    assert mine.json()["kind"] == "private" and mine.json()["mine"] is True
    shared = send(coach, "post", _path(world, session), {"text": "Homework", "kind": "shared"})
    assert shared.status_code == 201
    assert not NoteRead.objects.exists()

    listed = coach.get(_path(world, session)).json()
    assert [n["text"] for n in listed] == ["Hesitant", "Homework"]
    (read,) = NoteRead.objects.all()
    assert (read.note_id, read.user, read.via) == (mine.json()["id"], world.owner, "api")

    seen = session_client(world.client).get(_path(world, session))
    assert [n["text"] for n in seen.json()] == ["Homework"]
    assert "Hesitant" not in seen.content.decode()
    assert NoteRead.objects.count() == 1


@pytest.mark.parametrize(
    "body", [{"text": "  "}, {"text": "x", "kind": "public"}, {"kind": "shared"}]
)
def test_bad_notes_are_refused(world: World, session: Session, body: dict) -> None:
    response = send(session_client(world.owner), "post", _path(world, session), body)
    assert response.status_code in (400, 422)
    assert not SessionNote.objects.exists()


@pytest.mark.parametrize(
    "role, read, write, brief",
    [
        ("owner", 200, 201, 200),
        ("client", 200, 403, 403),
        ("colleague", 404, 404, 404),
        ("outsider", 404, 404, 404),
        ("other_client", 404, 404, 404),
        ("anonymous", 401, 401, 401),
    ],
)
def test_access(
    world: World, session: Session, role: str, read: int, write: int, brief: int
) -> None:
    browser = session_client(world.battery()[role])
    assert browser.get(_path(world, session)).status_code == read
    body = {"text": "A note", "kind": "shared"}
    assert send(browser, "post", _path(world, session), body).status_code == write
    assert SessionNote.objects.exists() is (write == 201)
    assert browser.get(_path(world, session, "brief")).status_code == brief


def test_brief(world: World, session: Session) -> None:
    checkin_add(engagement=world.engagement, by=world.client, energy=6, win="Met Ana")
    SessionTopic.objects.create(session=session, by=world.client, text="Pay")
    data = session_client(world.owner).get(_path(world, session, "brief")).json()
    assert data["topics"] == ["Pay"]
    assert [w["text"] for w in data["wins"]] == ["Met Ana"]
    assert data["energy"] == {"word": "not enough check-ins to tell", "values": [6]}
    assert data["since"] is None and data["check_ins_since"] == 1
