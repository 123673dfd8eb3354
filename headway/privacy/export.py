"""The person's export: everything about them as JSON, plus the files shared with them.

Built by walking each engagement's related rows generically, so a new app's data is in the
export without a change here. Left out on purpose: the coach's private session notes (the
coach's working notes, not the client's), the audit log of note reads, the coach's session
reviews, and secrets (token hashes, password hashes).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from headway.accounts.models import User
from headway.engagements.models import Engagement
from headway.meetings.models import NoteKind, SessionNote
from headway.offsites.models import SharedResource

README = """Your Headway export
===================

headway-export.json holds your account and every engagement you are the client of (or run
self-guided): stage history, intake, answers, assessments and their results, the journal,
the exploration board, decisions, goals, steps, obstacles, revisions, check-ins, sessions
with their shared notes and topics, insights, follow-ups, offsites and priorities. Private
text is decrypted: it is yours.

Not included: your coach's private session notes. They are the coach's working notes, not
a record of you; they are deleted with your engagement if you erase your data. The coach's
session reviews and the audit log of who read which note are not included either.

files/ holds the files your coach shared with you.
"""

# Models whose rows are not the client's: the coach's working material and the audit log.
SKIPPED_MODELS = {
    "meetings.noteread",
    "review.review",
    "review.utterance",
    "privacy.auditevent",
}
SECRET_FIELDS = {"token_hash", "key_hash", "password"}
MAX_DEPTH = 4


def _value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, memoryview | bytes):
        return None
    return value


def row(obj: models.Model) -> dict[str, Any]:
    """One row's own columns (foreign keys as ids), private text decrypted by its field."""
    out: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.name in SECRET_FIELDS:
            continue
        key = field.attname
        out[key] = _value(getattr(obj, key))
    return out


def _children(obj: models.Model, depth: int, seen: set[str]) -> dict[str, Any]:
    """The rows that point at `obj` (reverse foreign keys and one-to-ones), recursively."""
    out: dict[str, Any] = {}
    if depth >= MAX_DEPTH:
        return out
    for rel in obj._meta.related_objects:
        related = rel.related_model
        label = related._meta.label_lower
        if label in SKIPPED_MODELS or label in seen or not rel.field.concrete:
            continue
        if rel.many_to_many:
            continue
        qs = related._default_manager.filter(**{rel.field.name: obj})
        if related is SessionNote:
            qs = qs.filter(kind=NoteKind.SHARED)
        rows = []
        for child in qs.order_by("pk"):
            data = row(child)
            nested = _children(child, depth + 1, seen | {label})
            if nested:
                data["related"] = nested
            rows.append(data)
        if rows:
            out[label] = rows
    return out


def engagement_data(engagement: Engagement) -> dict[str, Any]:
    data = row(engagement)
    data["practice_name"] = engagement.practice.name if engagement.practice else None
    data["coach_name"] = engagement.coach.name if engagement.coach else None
    data["stage_name"] = engagement.stage.name
    data["related"] = _children(engagement, 0, {"engagements.engagement"})
    return data


def coach_data(user: User) -> dict[str, Any]:
    """A coach's own account data: practices, own models, profile, library. The notes they
    wrote are theirs too, but not their clients' engagements (those belong to the clients)."""
    from headway.coaching.models import CoachingModel
    from headway.offsites.models import Resource
    from headway.practices.models import CoachProfile, Membership

    memberships = Membership.objects.filter(user=user).select_related("practice")
    practices = [m.practice for m in memberships]
    notes = SessionNote.objects.filter(author=user).select_related("session")
    profile = CoachProfile.objects.filter(user=user).first()
    return {
        "memberships": [row(m) for m in memberships],
        "practices": [row(p) for p in practices],
        "models": [
            row(m) for m in CoachingModel.objects.filter(practice__in=practices).order_by("pk")
        ],
        "profile": row(profile) if profile else None,
        "resources": [row(r) for r in Resource.objects.filter(owner=user)],
        "notes_written": [row(n) for n in notes.order_by("pk")],
    }


def export_data(user: User) -> dict[str, Any]:
    account = row(user)
    account.pop("is_superuser", None)
    engagements = (
        Engagement.objects.filter(client=user)
        .select_related("practice", "coach", "stage")
        .order_by("pk")
    )
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "account": account,
        "engagements": [engagement_data(e) for e in engagements],
        "consent_events": [row(c) for c in user.consent_events.all()],
        "not_included": (
            "Your coach's private session notes: the coach's working notes, not a record of you."
        ),
    }
    if user.is_coach:
        data["coach"] = coach_data(user)
    return data


def export_zip(user: User) -> bytes:
    """The ZIP: README.txt, headway-export.json and files/ (resources shared with them)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("README.txt", README)
        z.writestr(
            "headway-export.json",
            json.dumps(export_data(user), indent=2, ensure_ascii=False, default=str),
        )
        shares = SharedResource.objects.filter(engagement__client=user).select_related("resource")
        written: set[str] = set()
        for share in shares:
            resource = share.resource
            if not resource.file:
                continue
            base = resource.file_name or (resource.file.name or "file").split("/")[-1]
            name = f"files/{resource.pk}-{base.replace('/', '_')}"
            if name in written:
                continue
            try:
                with resource.file.open("rb") as f:
                    z.writestr(name, f.read())
            except OSError:
                continue  # a file gone from disk: the JSON still names it
            written.add(name)
    return buffer.getvalue()


__all__ = ["README", "export_data", "export_zip"]
