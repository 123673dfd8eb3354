"""Check-ins between sessions: a few lines from the client on what moved, what got in the way,
a win, and their energy; plus the plan's steps they ticked done while checking in."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from headway.crypto import EncryptedTextField
from headway.engagements.models import ClientWork

ENERGY_MIN = 1
ENERGY_MAX = 10
CHECKINS = ClientWork(
    not_client="Check-ins are the client's own: the coach reads them.",
    concluded="This engagement is concluded: its check-ins are kept as they were.",
)


class CheckIn(models.Model):
    engagement = models.ForeignKey(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="check_ins"
    )
    created_at = models.DateTimeField(default=timezone.now)
    energy = models.PositiveSmallIntegerField(
        "Energy (1-10)",
        validators=[MinValueValidator(ENERGY_MIN), MaxValueValidator(ENERGY_MAX)],
    )
    # Encrypted at rest, like the journal: how someone's weeks go is private.
    progress = EncryptedTextField("What moved since last time", blank=True)
    obstacles = EncryptedTextField("What got in the way", blank=True)
    win = EncryptedTextField("A win, however small", blank=True)
    steps_done = models.ManyToManyField("goals.Step", blank=True, related_name="check_ins")

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(energy__gte=ENERGY_MIN) & Q(energy__lte=ENERGY_MAX),
                name="checkin_energy_1_to_10",
            )
        ]

    def __str__(self) -> str:
        return f"Check-in of engagement {self.engagement_id} at {self.created_at:%Y-%m-%d}"
