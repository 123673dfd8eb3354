"""Session notes: encrypted at rest, private ones audited on every read and never shown to the
client; and the prep brief page, for the coach only."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from headway.checkins.services import checkin_add
from headway.engagements.models import Engagement, EngagementStatus
from headway.goals.services import goal_create, step_add
from headway.meetings.models import NoteKind, NoteRead, Session, SessionNote, SessionTopic
from headway.meetings.note_services import note_add, note_delete, note_update, notes_for
from tests.helpers import World

PRIVATE = "Seems to fear the pay cut more than she says"
SHARED = "Next: two informational interviews by Friday"


def _session(e: Engagement, days: int = 3) -> Session:
    return Session.objects.create(
        engagement=e, starts_at=timezone.now() + dt.timedelta(days=days), created_by=e.coach
    )


@pytest.fixture
def noted(world: World) -> tuple[Session, SessionNote, SessionNote]:
    session = _session(world.engagement)
    private = note_add(session=session, by=world.owner, text=PRIVATE, kind=NoteKind.PRIVATE)
    shared = note_add(session=session, by=world.owner, text=SHARED, kind=NoteKind.SHARED)
    return session, private, shared


def _notes_url(session: Session) -> str:
    return reverse("session_notes", args=[session.engagement_id, session.pk])


def test_the_raw_database_holds_no_readable_note_text(noted) -> None:
    session, _, _ = noted
    SessionTopic.objects.create(session=session, text="Money worries")
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM meetings_sessionnote")
        stored = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT text FROM meetings_sessiontopic")
        stored += [row[0] for row in cursor.fetchall()]
    assert len(stored) == 3
    for value in stored:
        assert value.startswith("hw1:")
        for secret in (PRIVATE, SHARED, "Money", "pay cut", "interviews"):
            assert secret not in value
    assert SessionNote.objects.get(kind=NoteKind.PRIVATE).text == PRIVATE


def test_every_private_note_read_is_logged(world: World, noted) -> None:
    session, private, shared = noted
    assert not NoteRead.objects.exists()  # writing is not reading
    notes = notes_for(user=world.owner, session=session)
    assert [n.text for n in notes] == [PRIVATE, SHARED]
    (read,) = NoteRead.objects.all()
    assert (read.note, read.user, read.via) == (private, world.owner, "web")

    coach = world.login(world.owner)
    assert PRIVATE in coach.get(_notes_url(session)).content.decode()
    assert NoteRead.objects.filter(note=private).count() == 2
    notes_for(user=world.client, session=session)  # the client reads no private note
    assert NoteRead.objects.filter(note=shared).count() == 0
    assert NoteRead.objects.count() == 2

    audit = coach.get(reverse("notes_audit", args=[world.engagement.pk])).content.decode()
    assert "Web page" in audit and "Olivia Owner" in audit
    assert PRIVATE not in audit  # the log shows reads, not the notes
    assert NoteRead.objects.count() == 2  # ... so looking at it is no read


def test_the_client_never_sees_a_private_note(world: World, noted) -> None:
    session, private, _ = noted
    client = world.login(world.client)
    e = world.engagement
    pages = [
        _notes_url(session),
        reverse("engagement_detail", args=[e.pk]),
        reverse("checkins", args=[e.pk]),
        f"/api/engagements/{e.pk}/sessions/{session.pk}/notes",
        f"/api/engagements/{e.pk}",
    ]
    # The scheduling pages, built alongside these, where they are in place.
    for name, args in [("sessions", [e.pk]), ("session_detail", [e.pk, session.pk])]:
        with contextlib.suppress(NoReverseMatch):
            pages.append(reverse(name, args=args))
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert PRIVATE not in response.content.decode(), url
    assert SHARED in client.get(_notes_url(session)).content.decode()
    for url in [
        reverse("session_brief", args=[e.pk, session.pk]),
        reverse("notes_audit", args=[e.pk]),
    ]:
        assert client.get(url).status_code == 403
    note_url = reverse("session_note", args=[e.pk, session.pk, private.pk])
    assert client.post(note_url, {"action": "delete"}).status_code == 404
    assert SessionNote.objects.filter(pk=private.pk).exists()


@pytest.mark.parametrize("role", ["colleague", "outsider", "other_client"])
def test_other_people_get_404(world: World, noted, role: str) -> None:
    session, private, _ = noted
    browser = world.login(world.battery()[role])
    e = world.engagement
    for url in [
        _notes_url(session),
        reverse("session_brief", args=[e.pk, session.pk]),
        reverse("notes_audit", args=[e.pk]),
        f"/api/engagements/{e.pk}/sessions/{session.pk}/notes",
        f"/api/engagements/{e.pk}/sessions/{session.pk}/brief",
    ]:
        assert browser.get(url).status_code == 404, url
    assert browser.post(_notes_url(session), {"text": "x", "kind": "shared"}).status_code == 404
    assert not NoteRead.objects.exists()


def test_a_session_of_another_engagement_is_404(world: World) -> None:
    other = _session(world.other_engagement)
    url = reverse("session_notes", args=[world.engagement.pk, other.pk])
    assert world.login(world.owner).get(url).status_code == 404


def test_coach_adds_edits_shares_and_deletes(world: World) -> None:
    session = _session(world.engagement)
    coach = world.login(world.owner)
    response = coach.post(_notes_url(session), {"text": "First thoughts", "kind": "private"})
    assert response.status_code == 302
    note = SessionNote.objects.get()
    url = reverse("session_note", args=[world.engagement.pk, session.pk, note.pk])
    coach.post(url, {"text": "Now for both of us", "kind": "shared"})
    note.refresh_from_db()
    assert (note.kind, note.text) == (NoteKind.SHARED, "Now for both of us")
    assert (
        "Now for both of us" in world.login(world.client).get(_notes_url(session)).content.decode()
    )
    coach.post(url, {"action": "delete"})
    assert not SessionNote.objects.exists()


def test_services_refuse(world: World, noted) -> None:
    session, private, _ = noted
    with pytest.raises(ValidationError):
        note_add(session=session, by=world.client, text="Mine", kind=NoteKind.SHARED)
    with pytest.raises(ValidationError):
        note_add(session=session, by=world.owner, text="   ")
    with pytest.raises(ValidationError):
        note_add(session=session, by=world.owner, text="x", kind="public")
    with pytest.raises(ValidationError):
        note_update(note=private, by=world.client, text="x", kind=NoteKind.SHARED)
    with pytest.raises(ValidationError):
        note_delete(note=private, by=world.colleague)
    Engagement.objects.filter(pk=world.engagement.pk).update(status=EngagementStatus.CONCLUDED)
    session.engagement.refresh_from_db()
    with pytest.raises(ValidationError):
        note_add(session=session, by=world.owner, text="Late")
    with pytest.raises(ValueError):
        notes_for(user=world.owner, session=session, via="carrier pigeon")


def test_the_brief_page(world: World) -> None:
    e = world.engagement
    Session.objects.create(
        engagement=e, starts_at=timezone.now() - dt.timedelta(days=7), created_by=world.owner
    )
    upcoming = _session(e)
    goal = goal_create(engagement=e, by=world.client, text="Try UX research")
    done = step_add(goal=goal, by=world.client, title="Call Ana")
    step_add(goal=goal, by=world.client, title="Read two job ads", due_on=timezone.localdate())
    checkin_add(
        engagement=e,
        by=world.client,
        energy=4,
        win="Called Ana",
        obstacles="Long days",
        steps=[done],
    )
    SessionTopic.objects.create(session=upcoming, by=world.client, text="Money worries")
    page = world.login(world.owner).get(reverse("session_brief", args=[e.pk, upcoming.pk]))
    html = page.content.decode()
    for text in ["Money worries", "Called Ana", "Long days", "Read two job ads", "Due before"]:
        assert text in html, text
    assert "not enough check-ins to tell" in html
