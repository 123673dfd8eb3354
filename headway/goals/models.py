"""Planning: goals with their steps, obstacles and revisions, and accountability links.

The tables keep the names they had when these models lived in the planning app."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from headway.core.planning.if_then import IfThen, if_then
from headway.engagements.models import ClientWork

# Goals and plans are the client's own; the coach reads them and comments.
GOALS = ClientWork(
    not_client="Only the client changes goals and plans: the coach reads them.",
    concluded="This engagement is concluded: its goals are kept as they were.",
)


class GoalStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    PAUSED = "paused", "Paused"
    ACHIEVED = "achieved", "Achieved"
    DROPPED = "dropped", "Let go"


MAX_ACTIVE_GOALS = 3  # one to three goals keep the focus; more spread the client thin


class GoalQuerySet(models.QuerySet["Goal"]):
    def active(self) -> GoalQuerySet:
        return self.filter(status=GoalStatus.ACTIVE)


class Goal(models.Model):
    engagement = models.ForeignKey(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="goals"
    )
    text = models.TextField("My goal")
    status = models.CharField(max_length=10, choices=GoalStatus.choices, default="active")
    confidence = models.PositiveSmallIntegerField(null=True, blank=True)  # 1-10
    hours_per_week = models.PositiveSmallIntegerField(null=True, blank=True)
    # Relevant: the value (card key) or the board option the goal serves.
    value_key = models.CharField(max_length=40, blank=True)
    option = models.ForeignKey(
        "exploration.Option", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_on = models.DateField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = GoalQuerySet.as_manager()

    class Meta:
        db_table = "planning_goal"
        ordering = ["position", "created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class GoalRevision(models.Model):
    """One change to a goal or its plan: what changed (before and after) and why."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="revisions")
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # {"field": [before, after], ...}, or {"step": {...}} for a change to the plan.
    changes = models.JSONField(default=dict)
    reason = models.TextField(blank=True)

    class Meta:
        db_table = "planning_goalrevision"
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"Revision of {self.goal} at {self.at:%Y-%m-%d}"


class StepKind(models.TextChoices):
    ACTION = "action", "Step"
    COURSE = "course", "Course"
    CERTIFICATION = "certification", "Certification"
    MENTORING = "mentoring", "Mentoring"
    VOLUNTEERING = "volunteering", "Volunteering"


class Step(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=StepKind.choices, default="action")
    due_on = models.DateField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    # An O*NET skill or knowledge element the step closes a gap in (from transition pathways).
    element_id = models.CharField(max_length=20, blank=True)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "planning_step"
        ordering = ["position", "due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class Obstacle(models.Model):
    """An anticipated obstacle and the if-then plan for it."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="obstacles")
    obstacle = models.TextField("If…")
    plan = models.TextField("…then I will")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "planning_obstacle"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.obstacle[:60]

    @property
    def if_then(self) -> IfThen:
        """As the page shows it: plans saved before the page took off a typed "If" or
        "then I will" read without them too."""
        return if_then(self.obstacle, self.plan)


class AccountabilityLink(models.Model):
    """A revocable, read-only link to the goals and steps, for a partner the client names."""

    engagement = models.ForeignKey(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="accountability_links"
    )
    partner_name = models.CharField(max_length=120)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "planning_accountabilitylink"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Accountability link for {self.partner_name}"
