"""Session notes: the coach writes them, private or shared; every read of a private note is
written to the audit log (NoteRead), so a coach can see who read their private notes and when.

A private note is its author's alone: not the client's, and not another coach's. A shared note
is for the coach and the client of the engagement. Only the author changes or deletes a note.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from headway.accounts.models import User
from headway.engagements.models import Engagement
from headway.meetings.models import NoteKind, NoteRead, Session, SessionNote

MAX_TEXT = 20_000
VIA = frozenset({"web", "api", "export"})


def _clean(kind: str, text: str) -> tuple[str, str]:
    if kind not in NoteKind.values:
        raise ValidationError("A note is either private to you or shared with the client.")
    text = text.strip()
    if not text:
        raise ValidationError("Write something first: the note is empty.")
    if len(text) > MAX_TEXT:
        raise ValidationError(f"Keep a note under {MAX_TEXT} characters.")
    return kind, text


def _open(engagement: Engagement) -> None:
    if not engagement.is_open:
        raise ValidationError("This engagement is concluded: its notes are kept as they were.")


def _author_only(note: SessionNote, by: User) -> None:
    # The author must still coach the engagement: a coach who handed it over keeps no pen in it.
    if note.author_id != by.pk or not note.session.engagement.is_coach(by):
        raise ValidationError("Only the coach who wrote a note changes it.")


def visible_notes(*, user: User, session: Session) -> QuerySet[SessionNote]:
    """The notes of a session this person may read, without reading them (no audit row)."""
    qs = SessionNote.objects.filter(session=session).select_related("author")
    engagement = session.engagement
    if engagement.is_coach(user):
        return qs.filter(Q(kind=NoteKind.SHARED) | Q(kind=NoteKind.PRIVATE, author=user))
    if engagement.is_client(user):
        return qs.filter(kind=NoteKind.SHARED)
    return qs.none()


@transaction.atomic
def notes_for(*, user: User, session: Session, via: str = "web") -> list[SessionNote]:
    """The notes of a session for this person, oldest first; each private one is logged as read.

    Call it only when the text is about to be shown or sent: the log records reads, not lists."""
    if via not in VIA:
        raise ValueError(f"Unknown way of reading: {via}")
    notes = list(visible_notes(user=user, session=session))
    now = timezone.now()
    NoteRead.objects.bulk_create(
        NoteRead(note=n, user=user, at=now, via=via) for n in notes if n.kind == NoteKind.PRIVATE
    )
    return notes


@transaction.atomic
def note_add(*, session: Session, by: User, text: str, kind: str = NoteKind.PRIVATE) -> SessionNote:
    engagement = session.engagement
    if not engagement.is_coach(by):
        raise ValidationError("Session notes are the coach's: the client reads the shared ones.")
    _open(engagement)
    kind, text = _clean(kind, text)
    note = SessionNote.objects.create(session=session, author=by, kind=kind, text=text)
    engagement.touch()
    return note


@transaction.atomic
def note_update(*, note: SessionNote, by: User, text: str, kind: str) -> SessionNote:
    _author_only(note, by)
    _open(note.session.engagement)
    note.kind, note.text = _clean(kind, text)
    note.save(update_fields=["kind", "text", "updated_at"])
    return note


@transaction.atomic
def note_delete(*, note: SessionNote, by: User) -> None:
    _author_only(note, by)
    _open(note.session.engagement)
    note.delete()  # its reads go with it: the log is about notes that exist


def note_reads(*, coach: User, engagement: Engagement) -> QuerySet[NoteRead]:
    """The audit log of reads of this coach's private notes in one engagement, newest first."""
    return NoteRead.objects.filter(
        note__author=coach, note__kind=NoteKind.PRIVATE, note__session__engagement=engagement
    ).select_related("user", "note__session")
