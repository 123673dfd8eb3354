"""Access battery cases for session notes, the prep brief and the log of reads (run by
tests/test_views_access.py).

The coach writes notes and reads the brief and the log; the client reads shared notes only and
writes none. A private note does not exist for the client: asking for it is a 404.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.urls import reverse
from django.utils import timezone

from headway.meetings.models import NoteKind, Session, SessionNote
from tests.access import Case, Ctx, hidden


def _session(c: Ctx) -> Session:
    session = Session.objects.filter(engagement=c.world.engagement).first()
    return session or Session.objects.create(
        engagement=c.world.engagement,
        starts_at=timezone.now() + dt.timedelta(days=3),
        created_by=c.world.owner,
    )


def _note(kind: str) -> Callable[[Ctx], SessionNote]:
    def make(c: Ctx) -> SessionNote:
        session = _session(c)
        note = SessionNote.objects.filter(session=session, kind=kind).first()
        return note or SessionNote.objects.create(
            session=session, author=c.world.owner, kind=kind, text=f"A {kind} note"
        )

    return make


def _url(name: str, *extra: Callable[[Ctx], int]) -> Callable[[Ctx], str]:
    return lambda c: reverse(
        name, args=[c.world.engagement.pk, _session(c).pk, *(f(c) for f in extra)]
    )


def _note_url(kind: str) -> Callable[[Ctx], str]:
    return _url("session_note", lambda c: _note(kind)(c).pk)


def _text_is(kind: str, text: str) -> Callable[[Ctx], bool]:
    return lambda c: SessionNote.objects.get(pk=_note(kind)(c).pk).text == text


def _gone(kind: str) -> Callable[[Ctx], bool]:
    # The note is made before the first request: look for any note of this kind left.
    return lambda c: not SessionNote.objects.filter(session=_session(c), kind=kind).exists()


NOTE_CASES = [
    Case(
        "session_brief",
        "coached",
        "get",
        _url("session_brief"),
        hidden(owner=200, client=403),
    ),
    Case(
        "session_notes",
        "coached",
        "get",
        _url("session_notes"),
        hidden(owner=200, client=200),
    ),
    Case(
        "session_notes",
        "coached",
        "post",
        _url("session_notes"),
        hidden(owner=302, client=403),
        data=lambda c: {"text": "Talked about Ana", "kind": NoteKind.SHARED},
        changed=lambda c: SessionNote.objects.filter(session=_session(c)).exists(),
    ),
    Case(
        "session_note",
        "shared",
        "post",
        _note_url(NoteKind.SHARED),
        hidden(owner=302, client=403),
        data=lambda c: {"text": "Edited", "kind": NoteKind.SHARED},
        changed=_text_is(NoteKind.SHARED, "Edited"),
    ),
    Case(
        "session_note",
        "private",
        "post",
        _note_url(NoteKind.PRIVATE),
        hidden(owner=302),  # the client may not even learn that it exists
        data=lambda c: {"text": "Edited", "kind": NoteKind.PRIVATE},
        changed=_text_is(NoteKind.PRIVATE, "Edited"),
    ),
    Case(
        "session_note",
        "delete",
        "post",
        _note_url(NoteKind.PRIVATE),
        hidden(owner=302),
        data=lambda c: {"action": "delete"},
        changed=_gone(NoteKind.PRIVATE),
    ),
    Case(
        "notes_audit",
        "coached",
        "get",
        lambda c: reverse("notes_audit", args=[c.world.engagement.pk]),
        hidden(owner=200, client=403),
    ),
]
