"""Session review: a transcript the coach uploaded for one of their engagements, its turns
with the codes the classifier gave the coach's, and the summary. The coach's own
development tool: only the engagement's coach sees it. What was said is private, so every
turn's text (and the summary, which quotes it) is encrypted at rest."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from headway.crypto import EncryptedTextField


class Code(models.TextChoices):
    QUESTION = "question", "Question"
    REFLECTION = "reflection", "Reflection"
    INPUT = "input", "Input"
    OTHER = "other", "Other"


class Review(models.Model):
    engagement = models.ForeignKey(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="reviews"
    )
    session = models.ForeignKey(
        "meetings.Session",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviews",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    filename = models.CharField(max_length=200)
    file_format = models.CharField(max_length=10)
    held_on = models.DateField(default=timezone.localdate)  # when the conversation took place
    # The coach's name as the transcript spells it; blank until the coach says which it is.
    coach_speaker = EncryptedTextField(blank=True)
    speakers = EncryptedTextField(blank=True)  # JSON list, in order of first speaking
    summary_json = EncryptedTextField(blank=True)  # core.session_review.ReviewSummary.to_dict
    # Figures only (no words), so trends need no decryption of whole summaries.
    figures = models.JSONField(default=dict, blank=True)
    model_info = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Review {self.pk} of engagement {self.engagement_id}"

    @property
    def is_analysed(self) -> bool:
        return bool(self.coach_speaker)

    @property
    def speaker_list(self) -> list[str]:
        return list(json.loads(self.speakers)) if self.speakers else []

    @property
    def summary(self) -> dict[str, Any]:
        return dict(json.loads(self.summary_json)) if self.summary_json else {}


class Utterance(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="utterances")
    position = models.PositiveIntegerField()
    speaker = EncryptedTextField()
    text = EncryptedTextField()
    code = models.CharField(max_length=10, choices=Code.choices, blank=True)
    subtype = models.CharField(max_length=12, blank=True)
    start = models.FloatField(null=True, blank=True)
    end = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["review", "position"]
        constraints = [
            models.UniqueConstraint(fields=["review", "position"], name="review_utterance_position")
        ]

    def __str__(self) -> str:
        return f"{self.review_id}#{self.position}"
