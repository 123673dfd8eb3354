"""Exports, erasure and the audit log: every change here is one transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.deletion import ProtectedError
from django_tasks_db.models import DBTaskResult

from headway.accounts.mail import send_templated
from headway.accounts.models import User
from headway.engagements.models import Engagement, EngagementKind, Invitation
from headway.meetings.models import NoteRead
from headway.practices.models import IntroRequest, MemberRole, Membership, Practice
from headway.privacy.export import export_data, export_zip
from headway.privacy.models import AuditEvent, AuditKind


def pseudonym(user: User) -> str:
    """A stable id that names no one: the same person gets the same id, nobody can reverse it."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:person:{user.pk}".encode()).hexdigest()
    return f"person-{digest[:10]}"


def _practices_of(user: User) -> list[Practice | None]:
    """The practices that should see an event about this person in their audit log."""
    ids = set(
        Engagement.objects.filter(client=user, practice__isnull=False).values_list(
            "practice_id", flat=True
        )
    ) | set(Membership.objects.filter(user=user).values_list("practice_id", flat=True))
    practices: list[Practice | None] = list(Practice.objects.filter(pk__in=ids))
    return practices or [None]


def _audit_export(user: User) -> None:
    for practice in _practices_of(user):
        AuditEvent.objects.create(
            kind=AuditKind.EXPORT,
            user=user,
            practice=practice,
            subject=pseudonym(user),
            description="Downloaded their own data export",
        )


@transaction.atomic
def account_export(*, user: User) -> bytes:
    """The person's ZIP; the export is written to the audit log of each of their practices."""
    data = export_zip(user)
    _audit_export(user)
    return data


@transaction.atomic
def account_export_json(*, user: User) -> dict[str, Any]:
    """The same export without the files, for the API; audited the same way."""
    data = export_data(user)
    _audit_export(user)
    return data


def erase_blockers(user: User) -> list[str]:
    """Why this account cannot be erased yet, in words the person can act on."""
    problems = []
    for m in Membership.objects.filter(user=user, role=MemberRole.OWNER).select_related("practice"):
        if Membership.objects.filter(practice=m.practice).exclude(user=user).exists():
            problems.append(
                f"You own {m.practice.name}, which has other coaches: make one of them an owner "
                "and leave the practice first."
            )
    coached = Engagement.objects.filter(coach=user).exclude(client=user).count()
    if coached:
        problems.append(
            f"You coach {coached} engagement{'s' if coached != 1 else ''}: they hold your "
            "clients' data, so hand them to another coach or ask the clients to erase theirs first."
        )
    return problems


@transaction.atomic
def account_erase(*, user: User, confirm_email: str) -> str:
    """Delete everything of the person; returns the pseudonymous id left in the audit log.
    With their engagements go the coach's private notes on them; each coach is told, without
    content, that a client erased their data."""
    if confirm_email.strip().lower() != user.email.lower():
        raise ValidationError("Type the email address of this account to confirm.")
    problems = erase_blockers(user)
    if problems:
        raise ValidationError(problems)
    subject = pseudonym(user)
    coached = Engagement.objects.filter(client=user, kind=EngagementKind.COACHED).select_related(
        "coach", "practice"
    )
    notices = [
        (e.coach.email, e.practice.name if e.practice else "", e.created_at.date())
        for e in coached
        if e.coach is not None
    ]
    for practice in _practices_of(user):
        AuditEvent.objects.create(
            kind=AuditKind.ERASURE,
            user=None,
            practice=practice,
            subject=subject,
            description="An account was erased",
        )
    # Rows that carry the person's email or name without pointing at the account.
    IntroRequest.objects.filter(email__iexact=user.email).delete()
    Invitation.objects.filter(email__iexact=user.email).delete()
    Engagement.objects.filter(client__isnull=True, invited_email__iexact=user.email).delete()
    # Queued and delivered emails keep their address and text in the task table.
    DBTaskResult.objects.filter(args_kwargs__icontains=user.email).delete()
    # A coach alone in their practice takes the practice with them.
    for m in Membership.objects.filter(user=user, role=MemberRole.OWNER).select_related("practice"):
        try:
            m.practice.delete()
        except ProtectedError as exc:
            raise ValidationError(
                f"{m.practice.name} still has engagements: they must be closed first."
            ) from exc
    try:
        user.delete()
    except ProtectedError as exc:
        raise ValidationError("Some of your data is still in use by a coach's engagement.") from exc
    for email, practice_name, started in notices:
        send_templated(
            email,
            "privacy_client_erased",
            {"practice_name": practice_name, "started": started},
        )
    return subject


@dataclass(frozen=True)
class AuditRow:
    at: dt.datetime
    kind: str
    kind_label: str
    who: str
    description: str


def audit_log(*, practice: Practice, kind: str = "", person: User | None = None) -> list[AuditRow]:
    """Note reads of the practice's engagements and the practice's audit events, newest first."""
    rows: list[AuditRow] = []
    if kind in ("", AuditKind.NOTE_READ):
        reads = NoteRead.objects.filter(
            note__session__engagement__practice=practice
        ).select_related("user", "note__session")
        if person is not None:
            reads = reads.filter(user=person)
        for r in reads:
            rows.append(
                AuditRow(
                    r.at,
                    AuditKind.NOTE_READ,
                    str(AuditKind.NOTE_READ.label),
                    r.user.name if r.user else "(erased account)",
                    f"Private note of the session on {r.note.session.starts_at:%d %b %Y} "
                    f"(via {r.via})",
                )
            )
    events = AuditEvent.objects.filter(practice=practice).select_related("user")
    if kind:
        events = events.filter(kind=kind)
    if person is not None:
        events = events.filter(user=person)
    for ev in events:
        who = ev.user.name if ev.user else ev.subject
        rows.append(AuditRow(ev.at, ev.kind, ev.get_kind_display(), who, ev.description))
    return sorted(rows, key=lambda r: r.at, reverse=True)


def audit_people(practice: Practice) -> list[User]:
    """Everyone who appears in the practice's audit log, for the filter."""
    ids = set(
        NoteRead.objects.filter(
            note__session__engagement__practice=practice, user__isnull=False
        ).values_list("user_id", flat=True)
    ) | set(
        AuditEvent.objects.filter(practice=practice, user__isnull=False).values_list(
            "user_id", flat=True
        )
    )
    return list(User.objects.filter(pk__in=ids).order_by("name"))
