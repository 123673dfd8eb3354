"""Scoped fetches of goals and steps: for the engagement's coach and client, 404 for anyone
else (pages and the API alike)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from headway.engagements.access import get_engagement
from headway.goals.models import Goal, Step


def get_goal(user: Any, pk: int, goal_pk: int) -> Goal:
    """A goal of an engagement the user may see; 404 for anyone else."""
    engagement = get_engagement(user, pk)
    goal = get_object_or_404(
        Goal.objects.select_related("option"), pk=goal_pk, engagement=engagement
    )
    goal.engagement = engagement  # already fetched with its people
    return goal


def get_step(user: Any, pk: int, goal_pk: int, step_pk: int) -> Step:
    """A step of such a goal; 404 for anyone else."""
    goal = get_goal(user, pk, goal_pk)
    step = get_object_or_404(Step, pk=step_pk, goal=goal)
    step.goal = goal
    return step
