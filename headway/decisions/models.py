"""The decision matrix: the options from the board weighed against criteria from the client's
values, strengths and circumstances, a score per cell, the gut's pull and each option's risks.

The tables keep the names they had when these models lived in the planning app."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from headway.engagements.models import ClientWork

# The matrix is the client's own weighing; the coach reads it.
DECISIONS = ClientWork(
    not_client="Only the client changes the decision matrix: the coach reads it.",
    concluded="This engagement is concluded: the matrix is kept as it was.",
)


class DecisionMatrix(models.Model):
    """One per engagement: the options from the board weighed against what matters."""

    engagement = models.OneToOneField(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="decision_matrix"
    )
    chosen = models.ForeignKey(
        "MatrixOption", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    chosen_at = models.DateTimeField(null=True, blank=True)
    choice_reason = models.TextField("Why this one", blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "planning_decisionmatrix"

    def __str__(self) -> str:
        return f"Decision matrix of {self.engagement}"


class CriterionSource(models.TextChoices):
    VALUE = "value", "One of my top values"
    STRENGTH = "strength", "One of my strengths"
    LIFESTYLE = "lifestyle", "Lifestyle"
    RESPONSIBILITIES = "responsibilities", "Responsibilities"
    FINANCES = "finances", "Finances"
    RISK = "risk", "Risk"
    OWN = "own", "My own"


class Criterion(models.Model):
    matrix = models.ForeignKey(DecisionMatrix, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(max_length=120)
    source = models.CharField(max_length=20, choices=CriterionSource.choices, default="own")
    # The value card or strength key the criterion came from, so a retaken sort can be matched.
    source_key = models.CharField(max_length=40, blank=True)
    weight = models.PositiveSmallIntegerField(default=1)  # 1 (normal) to 5 (matters most)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "planning_criterion"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class MatrixOption(models.Model):
    matrix = models.ForeignKey(DecisionMatrix, on_delete=models.CASCADE, related_name="options")
    board_option = models.ForeignKey(
        "exploration.Option", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=200)
    gut = models.PositiveSmallIntegerField(null=True, blank=True)  # the pull, 1-10
    position = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "planning_matrixoption"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class Score(models.Model):
    option = models.ForeignKey(MatrixOption, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField()  # 1-10

    class Meta:
        db_table = "planning_score"
        constraints = [
            models.UniqueConstraint(fields=["option", "criterion"], name="one_score_per_cell")
        ]

    def __str__(self) -> str:
        return f"{self.option} / {self.criterion}: {self.value}"


class Risk(models.Model):
    option = models.ForeignKey(MatrixOption, on_delete=models.CASCADE, related_name="risks")
    risk = models.TextField("Risk or barrier")
    mitigation = models.TextField("What I could do about it", blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "planning_risk"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.risk[:60]
