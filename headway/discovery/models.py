"""Self-discovery: the assessments a client takes (values, strengths, interests, skills,
readiness) and the energy journal.

Every assessment kind stores the same way: the client's responses as they go (autosaved, so
closing the tab loses nothing) and, once completed, the scored result, frozen so that a later
retake can be compared with it. The scoring itself lives in `headway.core`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from headway.crypto import EncryptedTextField
from headway.engagements.models import ClientWork

# Self-discovery is the client's own work; the coach assigns, reads what is shared, and asks.
ASSESSMENTS = ClientWork(
    not_client="Only the client takes their assessments.",
    concluded="This engagement is concluded: its results are kept as they were.",
)
JOURNAL = ClientWork(
    not_client="The journal is the client's own: the coach sees shared patterns.",
    concluded="This engagement is concluded: the journal is kept as it was.",
)


class Kind(models.TextChoices):
    # The values double as URL and API path words: they never change.
    VALUES = "values", "Values card sort"
    STRENGTHS = "strengths", "Strengths"
    INTERESTS = "interests", "Interests (RIASEC)"
    SKILLS = "skills", "Motivated skills"
    READINESS = "readiness", "Readiness for change"


# The coaching-model tool key (core/tools.py) of each kind.
TOOL_KEYS = {
    Kind.VALUES: "values_sort",
    Kind.STRENGTHS: "strengths",
    Kind.INTERESTS: "interests",
    Kind.SKILLS: "motivated_skills",
    Kind.READINESS: "readiness",
}


class AssessmentStatus(models.TextChoices):
    ASSIGNED = "assigned", "Assigned"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"


class AssessmentQuerySet(models.QuerySet["Assessment"]):
    def completed(self) -> AssessmentQuerySet:
        return self.filter(completed_at__isnull=False)

    def open(self) -> AssessmentQuerySet:
        return self.filter(completed_at__isnull=True)

    def of_kind(self, kind: str) -> AssessmentQuerySet:
        return self.filter(kind=kind)

    def seen_by_coach(self) -> AssessmentQuerySet:
        """What the coach may read: completed results the client shares."""
        return self.completed().filter(shared_with_coach=True)


class Assessment(models.Model):
    engagement = models.ForeignKey(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="assessments"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # What the client has entered so far, in the kind's own shape (see discovery/kinds/).
    responses = models.JSONField(default=dict, blank=True)
    # The step of a several-step kind the client moved to last, so a return resumes there.
    step = models.CharField(max_length=20, blank=True)
    # The scored result, set once on completion and never recomputed: a later change to the
    # scoring must not rewrite what the client saw.
    result = models.JSONField(null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_on = models.DateField(null=True, blank=True)
    assignment_note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    # Inside an engagement the coach sees results by default; the client can switch it off.
    shared_with_coach = models.BooleanField(default=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["engagement", "kind", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.status_label})"

    def get_absolute_url(self) -> str:
        return reverse("assessment", args=[self.engagement_id, self.kind, self.pk])

    @property
    def status(self) -> AssessmentStatus:
        if self.completed_at is not None:
            return AssessmentStatus.COMPLETED
        if self.started_at is not None:
            return AssessmentStatus.IN_PROGRESS
        return AssessmentStatus.ASSIGNED

    @property
    def status_label(self) -> str:
        return str(self.status.label)

    @property
    def kind_in_sentence(self) -> str:
        """The kind's name inside a sentence: "your interests (RIASEC) result". Only the
        first letter is lowered; an acronym keeps its capitals."""
        label = str(self.get_kind_display())
        return label[:1].lower() + label[1:]

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None

    def is_overdue(self, today: object = None) -> bool:
        today = today or timezone.localdate()
        return self.due_on is not None and not self.is_completed and self.due_on < today  # type: ignore[operator]


class Energy(models.IntegerChoices):
    DRAINED = -2, "Drained"
    A_BIT_DRAINED = -1, "A bit drained"
    NEUTRAL = 0, "Neither"
    A_BIT_ENERGISED = 1, "A bit energised"
    ENERGISED = 2, "Energised"


class JournalEntry(models.Model):
    """One quick energy-and-flow entry: what I did, how it left me, did time fly."""

    engagement = models.ForeignKey(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="journal_entries"
    )
    occurred_on = models.DateField(default=timezone.localdate)
    # Encrypted at rest, like the note: what someone did and how it felt is private.
    activity = EncryptedTextField("What I did")
    energy = models.SmallIntegerField(choices=Energy.choices)
    flow = models.BooleanField("I lost track of time", default=False)
    note = EncryptedTextField("Anything else", blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-occurred_on", "-created_at"]

    def __str__(self) -> str:
        return f"{self.occurred_on}: {self.activity}"


class JournalSharing(models.Model):
    """A journal is private by default: the client chooses to show its patterns to the coach."""

    engagement = models.OneToOneField(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="journal_sharing"
    )
    shared_with_coach = models.BooleanField(default=False)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return "shared" if self.shared_with_coach else "private"
