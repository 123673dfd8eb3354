"""Concluding an engagement: the self-efficacy scale's answers by phase, the conclusion with
its closing reflection, the client's insights in their own words, and the follow-ups offered
at 3, 6 and 12 months."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from headway.core.assessments.efficacy import PHASE_LABELS, Phase
from headway.crypto import EncryptedTextField
from headway.engagements.models import ClientWork

ENERGY_MIN = 1
ENERGY_MAX = 10
# What a client writes in concluding stays theirs to add to after the engagement ends.
EFFICACY = ClientWork(
    not_client="Self-efficacy ratings are the client's own: the coach reads them."
)
INSIGHTS = ClientWork(not_client="Insights are the client's own: the coach reads them.")
FOLLOWUPS = ClientWork(not_client="Follow-ups are the client's own: the coach reads them.")


class EfficacyPhase(models.TextChoices):
    START = Phase.START.value, PHASE_LABELS[Phase.START]
    MIDDLE = Phase.MIDDLE.value, PHASE_LABELS[Phase.MIDDLE]
    END = Phase.END.value, PHASE_LABELS[Phase.END]


class EfficacyRating(models.Model):
    """One taking of the scale; the latest in each phase is the one that counts."""

    engagement = models.ForeignKey(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="efficacy_ratings"
    )
    phase = models.CharField(max_length=6, choices=EfficacyPhase.choices)
    responses = models.JSONField(default=dict)  # {item key: 1-5}
    mean = models.FloatField()
    taken_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-taken_at", "-pk"]

    def __str__(self) -> str:
        return f"Self-efficacy ({self.phase}) of engagement {self.engagement_id}"


class Conclusion(models.Model):
    engagement = models.OneToOneField(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="conclusion"
    )
    concluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    concluded_at = models.DateTimeField(default=timezone.now)
    # Written for the client: it appears in their celebration summary.
    reflection = EncryptedTextField("A closing reflection", blank=True)

    def __str__(self) -> str:
        return f"Conclusion of engagement {self.engagement_id}"


class Insight(models.Model):
    """The client's own words at the end: written by them, read by their coach."""

    engagement = models.OneToOneField(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="insight"
    )
    learned = EncryptedTextField("What I learned", blank=True)
    changed = EncryptedTextField("What changed", blank=True)
    network = EncryptedTextField("Who I can turn to from here", blank=True)
    satisfaction_now = models.PositiveSmallIntegerField(
        "Satisfaction with your work today (1-10)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Insights of engagement {self.engagement_id}"


class FollowUp(models.Model):
    """A check-in offered after the end; the client may decline it, and change their mind."""

    engagement = models.ForeignKey(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="followups"
    )
    months = models.PositiveSmallIntegerField()  # after the conclusion: 3, 6 or 12
    due_on = models.DateField()
    declined_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    how = EncryptedTextField("How are things?", blank=True)
    happened = EncryptedTextField("What happened since we finished?", blank=True)
    next = EncryptedTextField("What's next?", blank=True)
    energy = models.PositiveSmallIntegerField(
        "Energy (1-10)",
        null=True,
        blank=True,
        validators=[MinValueValidator(ENERGY_MIN), MaxValueValidator(ENERGY_MAX)],
    )
    coach_seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["months"]
        constraints = [
            models.UniqueConstraint(fields=["engagement", "months"], name="one_followup_per_month"),
            models.CheckConstraint(
                condition=Q(energy__isnull=True)
                | (Q(energy__gte=ENERGY_MIN) & Q(energy__lte=ENERGY_MAX)),
                name="followup_energy_1_to_10",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.months}-month follow-up of engagement {self.engagement_id}"

    @property
    def label(self) -> str:
        return f"{self.months}-month follow-up"
