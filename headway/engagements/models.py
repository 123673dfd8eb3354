from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from headway.core.followup.attention import NEW_ANSWERS, NEW_RESULTS
from headway.core.followup.signals import ENERGY_FALLING, LOW, WORRIED


class EngagementKind(models.TextChoices):
    COACHED = "coached", "With a coach"
    SELF_GUIDED = "self_guided", "Self-guided"


class EngagementStatus(models.TextChoices):
    INVITED = "invited", "Invited"
    ACTIVE = "active", "Active"
    PAUSED = "paused", "Paused"
    CONCLUDED = "concluded", "Concluded"


@dataclass(frozen=True)
class ClientWork:
    """How one domain words its refusals of a write to the client's own work."""

    not_client: str
    concluded: str = "This engagement is concluded: it is kept as it was."


class ClientWriteRefused(ValidationError, PermissionDenied):
    """Someone other than the client changed the client's own work, or it was concluded.

    Both at once on purpose: a service's callers show it like any refused change (a
    ValidationError), and a view or API handler that lets it through answers 403.
    """


# The client's own words on the journey: the coach reads them.
ANSWERS = ClientWork(not_client="Only the client answers the questions.")
INTAKE = ClientWork(not_client="Only the client fills in the intake.")


class EngagementQuerySet(models.QuerySet["Engagement"]):
    def visible_to(self, user: Any) -> EngagementQuerySet:
        """Only the coach and the client of an engagement ever see it."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(coach=user) | Q(client=user))

    def coached_by(self, user: Any) -> EngagementQuerySet:
        return self.filter(coach=user)

    def of_client(self, user: Any) -> EngagementQuerySet:
        return self.filter(client=user)

    def open(self) -> EngagementQuerySet:
        return self.exclude(status=EngagementStatus.CONCLUDED)


class Engagement(models.Model):
    kind = models.CharField(max_length=12, choices=EngagementKind.choices)
    status = models.CharField(
        max_length=10, choices=EngagementStatus.choices, default=EngagementStatus.ACTIVE
    )
    practice = models.ForeignKey(
        "practices.Practice",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="engagements",
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coached_engagements",
    )
    client = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="client_engagements",
    )
    invited_name = models.CharField(max_length=150, blank=True)
    invited_email = models.EmailField(blank=True)
    model_version = models.ForeignKey(
        "coaching.ModelVersion", on_delete=models.PROTECT, related_name="engagements"
    )
    stage = models.ForeignKey("coaching.Stage", on_delete=models.PROTECT, related_name="+")
    checklist_done = models.JSONField(default=dict, blank=True)  # {stage_key: [item index, ...]}
    continued_in = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="continued_from"
    )
    created_at = models.DateTimeField(default=timezone.now)
    concluded_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(default=timezone.now)
    coach_seen_at = models.DateTimeField(null=True, blank=True)
    # The start of the coach's previous visit: "since you last looked" counts from here, so
    # that reloading the page (which moves coach_seen_at) does not empty the list.
    coach_prev_seen_at = models.DateTimeField(null=True, blank=True)

    objects = EngagementQuerySet.as_manager()

    class Meta:
        ordering = ["-last_activity_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="self_guided") | Q(coach__isnull=False),
                name="coached_engagement_has_coach",
            )
        ]

    def __str__(self) -> str:
        return f"{self.client_name} — {self.model_version.model.name}"

    def get_absolute_url(self) -> str:
        return reverse("engagement_detail", args=[self.pk])

    @property
    def client_name(self) -> str:
        if self.client is not None:
            return self.client.name or self.client.email
        return self.invited_name or self.invited_email

    @property
    def is_self_guided(self) -> bool:
        return self.kind == EngagementKind.SELF_GUIDED

    def is_coach(self, user: Any) -> bool:
        return self.coach_id is not None and self.coach_id == user.pk

    def is_client(self, user: Any) -> bool:
        return self.client_id is not None and self.client_id == user.pk

    @property
    def is_open(self) -> bool:
        """Not concluded: the work in it can still change."""
        return self.status != EngagementStatus.CONCLUDED

    def client_may_write(self, user: Any) -> bool:
        """The rule that protects the client's work: only they change it, and only while open."""
        return self.is_client(user) and self.is_open

    def require_client(self, user: Any, work: ClientWork) -> None:
        """Refuse anyone but the client (for what stays theirs after the engagement ends)."""
        if not self.is_client(user):
            raise ClientWriteRefused(work.not_client)

    def require_client_write(self, user: Any, work: ClientWork) -> None:
        """Refuse anyone but the client, and everyone once the engagement is concluded."""
        self.require_client(user, work)
        if not self.is_open:
            raise ClientWriteRefused(work.concluded)

    def can_move_stage(self, user: Any) -> bool:
        # The coach leads the stage in a coached engagement; a self-guided client leads their own.
        return self.is_coach(user) or (self.is_self_guided and self.is_client(user))

    def can_change_status(self, user: Any) -> bool:
        # Pausing or concluding is the coach's call, or a self-guided client's own.
        return self.is_coach(user) or (self.is_self_guided and self.is_client(user))

    def touch(self) -> None:
        self.last_activity_at = timezone.now()
        self.save(update_fields=["last_activity_at"])

    def done_items(self, stage_key: str) -> list[int]:
        return list(self.checklist_done.get(stage_key, []))


class Invitation(models.Model):
    """A coach's emailed invitation to a client (or a self-guided client's to a coach)."""

    class Direction(models.TextChoices):
        COACH_TO_CLIENT = "coach_to_client", "Coach invites client"
        CLIENT_TO_COACH = "client_to_coach", "Client invites coach"

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="invitations")
    direction = models.CharField(max_length=16, choices=Direction.choices)
    email = models.EmailField()
    message = models.TextField(blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation to {self.email} ({self.get_direction_display()})"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.declined_at is None


class StageTransition(models.Model):
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="transitions")
    from_stage = models.ForeignKey(
        "coaching.Stage", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    to_stage = models.ForeignKey("coaching.Stage", on_delete=models.PROTECT, related_name="+")
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    moved_at = models.DateTimeField(default=timezone.now)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-moved_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.engagement_id}: to {self.to_stage_id} at {self.moved_at:%Y-%m-%d}"


class StatusChange(models.Model):
    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(max_length=10, choices=EngagementStatus.choices)
    to_status = models.CharField(max_length=10, choices=EngagementStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.engagement_id}: {self.from_status} to {self.to_status}"


class AgreementAcceptance(models.Model):
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="acceptances")
    agreement = models.ForeignKey("practices.Agreement", on_delete=models.PROTECT, related_name="+")
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    accepted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-accepted_at"]

    def __str__(self) -> str:
        return f"{self.engagement_id} accepted agreement {self.agreement_id}"


class Stance(models.TextChoices):
    CURIOUS = "curious", "Just curious what else is out there"
    EXPLORING = "exploring", "Exploring options seriously"
    DECIDED = "decided", "Decided to change, unsure what to"
    MOVING = "moving", "Actively moving towards something specific"
    READY = "ready", "Ready to resign tomorrow"


SATISFACTION_RANGE = "Choose a number from 1 (not at all) to 10 (completely)."


class Intake(models.Model):
    """Where the client stands today: the current career state."""

    engagement = models.OneToOneField(Engagement, on_delete=models.CASCADE, related_name="intake")
    current_role = models.CharField("Current role", max_length=200, blank=True)
    field = models.CharField("Field or industry", max_length=200, blank=True)
    years_in_field = models.PositiveSmallIntegerField("Years in this field", null=True, blank=True)
    satisfaction = models.PositiveSmallIntegerField(
        "Satisfaction with your work today (1-10)",
        null=True,
        blank=True,
        # The validators also give the form's number field its min and max: 0 is not offered.
        validators=[
            MinValueValidator(1, SATISFACTION_RANGE),
            MaxValueValidator(10, SATISFACTION_RANGE),
        ],
    )
    change_prompt = models.TextField("What prompts the change now?", blank=True)
    stance = models.CharField("Where you stand", max_length=10, choices=Stance.choices, blank=True)
    constraints = models.TextField(
        "Constraints (money, location, family, health, time)", blank=True
    )
    hopes = models.TextField("What you want from coaching", blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Intake of engagement {self.engagement_id}"

    @property
    def is_complete(self) -> bool:
        return self.submitted_at is not None


class Answer(models.Model):
    """A client's answer to a stage question. The question's key and text are kept,
    so an answer survives model edits and can follow the client to another engagement."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        "coaching.StageQuestion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answers",
    )
    stage_key = models.SlugField(max_length=80)
    question_key = models.SlugField(max_length=80)
    question_text = models.TextField()
    text = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["stage_key", "question_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "stage_key", "question_key"], name="one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.stage_key}/{self.question_key}"


class FlagCode(models.TextChoices):
    """The flags a coach can acknowledge: those a check-in raises (core/signals.py), and
    new answers and results to read."""

    ENERGY_LOW = LOW, "Low energy in the latest check-in"
    WORRIED_WORDS = WORRIED, "The latest check-in sounds worried"
    ENERGY_FALLING_ = ENERGY_FALLING, "Energy falling across check-ins"
    ANSWERS = NEW_ANSWERS, "New answers to read"
    RESULTS = NEW_RESULTS, "New results shared"


class FlagAcknowledgement(models.Model):
    """The coach's "got it" on a flag: it hides the flag until something newer raises it
    again. Opening a page is not acknowledging: a flag seen in passing still needs a look."""

    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="acknowledgements"
    )
    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    code = models.CharField(max_length=40, choices=FlagCode.choices)
    acknowledged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "coach", "code"], name="one_acknowledgement_per_flag"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} of engagement {self.engagement_id} at {self.acknowledged_at:%Y-%m-%d}"
