"""Replies: a short conversation between a coach and their client under one thing the client
did (a check-in, a goal, a step of a goal, a result they share). The exploration board keeps
its own comments; everything else talks here, through one model and one template."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from headway.crypto import EncryptedTextField

if TYPE_CHECKING:
    from headway.checkins.models import CheckIn
    from headway.discovery.models import Assessment
    from headway.goals.models import Goal, Step

REPLY_MAX = 2000


class Target(models.TextChoices):
    """What a reply is about; the value is the URL segment, so it never changes."""

    CHECK_IN = "check-in", "check-in"
    GOAL = "goal", "goal"
    STEP = "step", "step"
    RESULT = "result", "result"


# The nullable foreign key each target fills; exactly one is set on every row.
TARGET_FIELDS: dict[Target, str] = {
    Target.CHECK_IN: "check_in",
    Target.GOAL: "goal",
    Target.STEP: "step",
    Target.RESULT: "assessment",
}


def _only(field: str) -> Q:
    q = Q(**{f"{field}__isnull": False})
    for other in TARGET_FIELDS.values():
        if other != field:
            q &= Q(**{f"{other}__isnull": True})
    return q


class ReplyQuerySet(models.QuerySet["Reply"]):
    def with_author(self) -> ReplyQuerySet:
        return self.select_related("author")


class Reply(models.Model):
    engagement = models.ForeignKey(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="replies"
    )
    check_in = models.ForeignKey(
        "checkins.CheckIn", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    goal = models.ForeignKey(
        "goals.Goal", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    step = models.ForeignKey(
        "goals.Step", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    assessment = models.ForeignKey(
        "discovery.Assessment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # As private as what it answers.
    text = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now)

    objects = ReplyQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=_only("check_in") | _only("goal") | _only("step") | _only("assessment"),
                name="reply_exactly_one_target",
            )
        ]
        indexes = [models.Index(fields=["engagement", "created_at"])]

    def __str__(self) -> str:
        return f"Reply about a {self.target.label} of engagement {self.engagement_id}"

    @property
    def about(self) -> CheckIn | Goal | Step | Assessment:
        """The check-in, goal, step or result (select_related them for a list)."""
        found = self.check_in or self.goal or self.step or self.assessment
        assert found is not None, "a reply always has a target (a database constraint)"
        return found

    @property
    def target(self) -> Target:
        for target, field in TARGET_FIELDS.items():
            if getattr(self, f"{field}_id") is not None:
                return target
        raise ValueError("A reply without a target")
