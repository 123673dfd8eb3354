"""Self-discovery workflows: assign, start, autosave, complete, share; the energy journal."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from headway.accounts.mail import absolute, send_templated
from headway.accounts.models import User
from headway.discovery.kinds import spec
from headway.discovery.models import (
    ASSESSMENTS,
    JOURNAL,
    Assessment,
    Energy,
    JournalEntry,
    JournalSharing,
    Kind,
)
from headway.engagements.models import Engagement


@transaction.atomic
def assessment_assign(
    *,
    engagement: Engagement,
    by: User,
    kind: str,
    due_on: dt.date | None = None,
    note: str = "",
) -> Assessment:
    """The coach asks the client to take an assessment, perhaps by a date.

    An open one of the same kind gets the new due date rather than a second copy."""
    if not engagement.is_coach(by):
        raise ValidationError("Only the coach of this engagement assigns assessments.")
    if not engagement.is_open:
        raise ValidationError(ASSESSMENTS.concluded)
    kind = Kind(kind)
    if due_on is not None and due_on < timezone.localdate():
        raise ValidationError("Choose a due date from today on.")
    note = note.strip()
    existing = engagement.assessments.open().of_kind(kind).first()
    if existing is not None:
        existing.assigned_by, existing.due_on = by, due_on
        existing.assignment_note = note
        existing.save(update_fields=["assigned_by", "due_on", "assignment_note", "updated_at"])
        assessment: Assessment = existing
    else:
        assessment = Assessment.objects.create(
            engagement=engagement, kind=kind, assigned_by=by, due_on=due_on, assignment_note=note
        )
        engagement.touch()
    _tell_client(assessment, by)
    return assessment


def _tell_client(assessment: Assessment, coach: User) -> None:
    client = assessment.engagement.client
    if client is None:
        return  # still invited: the assessment waits on their journey when they join
    send_templated(
        client.email,
        "assessment_assigned",
        {
            "client": client,
            "coach": coach,
            "kind": assessment.kind_in_sentence,
            "due_on": assessment.due_on,
            "note": assessment.assignment_note,
            "link": absolute(
                reverse("discovery_kind", args=[assessment.engagement_id, assessment.kind])
            ),
        },
    )


@transaction.atomic
def assessment_start(*, engagement: Engagement, by: User, kind: str) -> Assessment:
    """The open assessment of this kind (assigned or half done), or a new one: a retake."""
    engagement.require_client_write(by, ASSESSMENTS)
    kind = Kind(kind)
    existing = engagement.assessments.open().of_kind(kind).first()
    if existing is not None:
        return existing
    previous = engagement.assessments.completed().of_kind(kind).first()
    return Assessment.objects.create(
        engagement=engagement,
        kind=kind,
        # A retake keeps the sharing choice the client made last time.
        shared_with_coach=previous.shared_with_coach if previous else True,
    )


def _writable(assessment: Assessment, by: User) -> None:
    assessment.engagement.require_client_write(by, ASSESSMENTS)
    if assessment.is_completed:
        raise ValidationError("This result is complete. Start a retake to answer again.")


@transaction.atomic
def assessment_save(
    *, assessment: Assessment, by: User, data: QueryDict, step: str = ""
) -> Assessment:
    """Merge what the client just entered into the saved responses (every change autosaves);
    `step`, one of the kind's steps, is where the client goes on, kept for their return."""
    _writable(assessment, by)
    kind_spec = spec(assessment.kind)
    assessment.responses = kind_spec.apply(dict(assessment.responses), data)
    assessment.started_at = assessment.started_at or timezone.now()
    fields = ["responses", "started_at", "updated_at"]
    if step and step in kind_spec.steps:
        assessment.step = step
        fields.append("step")
    assessment.save(update_fields=fields)
    assessment.engagement.touch()
    return assessment


@transaction.atomic
def assessment_set_responses(
    *, assessment: Assessment, by: User, responses: dict[str, Any]
) -> Assessment:
    """Replace the responses whole (the API's PUT); they are checked when scored."""
    _writable(assessment, by)
    assessment.responses = responses
    assessment.started_at = assessment.started_at or timezone.now()
    assessment.save(update_fields=["responses", "started_at", "updated_at"])
    return assessment


@transaction.atomic
def assessment_complete(*, assessment: Assessment, by: User) -> Assessment:
    _writable(assessment, by)
    assessment.result = spec(assessment.kind).score(dict(assessment.responses))
    now = timezone.now()
    assessment.started_at = assessment.started_at or now
    assessment.completed_at = now
    assessment.save(update_fields=["result", "started_at", "completed_at", "updated_at"])
    assessment.engagement.touch()
    return assessment


@transaction.atomic
def assessment_set_sharing(*, assessment: Assessment, by: User, shared: bool) -> Assessment:
    if not assessment.engagement.is_client(by):
        raise ValidationError("Only the client decides who sees their results.")
    assessment.shared_with_coach = shared
    assessment.save(update_fields=["shared_with_coach", "updated_at"])
    return assessment


@transaction.atomic
def assessment_discard(*, assessment: Assessment, by: User) -> None:
    """Throw away an unfinished retake; completed results stay in the history."""
    _writable(assessment, by)
    assessment.delete()


# --- the energy journal -----------------------------------------------------------------------


@transaction.atomic
def journal_add(
    *,
    engagement: Engagement,
    by: User,
    activity: str,
    energy: int,
    flow: bool = False,
    note: str = "",
    occurred_on: dt.date | None = None,
) -> JournalEntry:
    engagement.require_client_write(by, JOURNAL)
    activity = activity.strip()
    if not activity:
        raise ValidationError("Say in a few words what you did.")
    if energy not in Energy.values:
        # The form and the API offer only these; a caller passing anything else would
        # otherwise store a value the weekly patterns cannot read.
        raise ValidationError("Energy is from -2 (drained) to 2 (energised).")
    occurred_on = occurred_on or timezone.localdate()
    if occurred_on > timezone.localdate():
        raise ValidationError("The journal is for what already happened: choose today or earlier.")
    entry = JournalEntry.objects.create(
        engagement=engagement,
        activity=activity[:200],
        energy=energy,
        flow=flow,
        note=note.strip(),
        occurred_on=occurred_on,
    )
    engagement.touch()
    return entry


@transaction.atomic
def journal_delete(*, entry: JournalEntry, by: User) -> None:
    entry.engagement.require_client_write(by, JOURNAL)
    entry.delete()


@transaction.atomic
def journal_set_sharing(*, engagement: Engagement, by: User, shared: bool) -> JournalSharing:
    if not engagement.is_client(by):
        raise ValidationError("Only the client decides who sees their journal.")
    sharing, _ = JournalSharing.objects.get_or_create(engagement=engagement)
    sharing.shared_with_coach = shared
    sharing.changed_at = timezone.now()
    sharing.save()
    return sharing


def journal_shared(engagement: Engagement) -> bool:
    sharing = JournalSharing.objects.filter(engagement=engagement).first()
    return bool(sharing and sharing.shared_with_coach)
