"""The demo's goals and action plan: Grace, a nurse exploring user research, has two active
goals with dated steps (some done), an if-then plan, and a goal she revised with a reason.

Load after the board (demo_board_load): the goals link to its options where they exist.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from headway.accounts.models import User
from headway.engagements.models import Engagement
from headway.exploration.models import Option
from headway.goals.models import Goal, GoalRevision, Step, StepKind
from headway.goals.services import (
    goal_create,
    goal_update,
    obstacle_add,
    step_add,
    step_set_done,
)

# Days are "days ago"; negative days lie ahead.
GOALS: list[dict[str, Any]] = [
    {
        "first": "Try out user research properly",
        "text": (
            "Run three usability tests of our ward's handover app with nurse colleagues and "
            "write up what I learn as one case study"
        ),
        "reason": "Maya asked how I would know I had tried it properly. Three tests and a write-up is something I can point to.",
        "created": 20,
        "revised": 9,
        "due": -55,
        "confidence": 7,
        "hours": 4,
        "value": "learning",
        "option": "Web and Digital Interface Designers",
        "steps": [
            ("Ask the ward manager if I can test the handover app", StepKind.ACTION, 12, 10),
            ("Two-day usability testing course", StepKind.COURSE, -10, None),
            ("Ask three colleagues for a 30-minute session each", StepKind.ACTION, -21, None),
            ("Write a one-page case study of what I found", StepKind.ACTION, -50, None),
        ],
        "obstacle": (
            "a run of night shifts leaves me too tired to work on it",
            "do one 30-minute task on my first day off and let the rest wait",
        ),
    },
    {
        "text": (
            "Talk with two people who work in health informatics before I choose between it "
            "and user research"
        ),
        "created": 8,
        "due": -30,
        "confidence": 8,
        "hours": 2,
        "value": "helping",
        "option": "Health Informatics Specialists",
        "steps": [
            ("Ask Ana whether she knows anyone in informatics", StepKind.MENTORING, 6, 5),
            ("Email the trust's clinical systems team", StepKind.ACTION, -7, None),
        ],
    },
]


def demo_goals_load(
    engagement: Engagement, *, client: User, ago: Callable[[float], datetime]
) -> None:
    for spec in GOALS:
        option = Option.objects.filter(engagement=engagement, title=spec["option"]).first()
        goal = goal_create(
            engagement=engagement,
            by=client,
            text=spec.get("first", spec["text"]),
            confidence=spec["confidence"],
            hours_per_week=spec["hours"],
            value_key=spec["value"],
            option=option,
            due_on=ago(spec["due"]).date(),
        )
        _at(goal, ago(spec["created"]))
        if "first" in spec:
            goal_update(goal=goal, by=client, fields={"text": spec["text"]}, reason=spec["reason"])
            _at(goal, ago(spec["revised"]))
        for title, kind, due, done in spec["steps"]:
            step = step_add(goal=goal, by=client, title=title, kind=kind, due_on=ago(due).date())
            Step.objects.filter(pk=step.pk).update(created_at=ago(spec["created"] - 1))
            _at(goal, ago(spec["created"] - 1))
            if done is not None:
                step_set_done(step=step, by=client, done=True)
                Step.objects.filter(pk=step.pk).update(done_at=ago(done))
                _at(goal, ago(done))
        if obstacle := spec.get("obstacle"):
            obstacle_add(goal=goal, by=client, obstacle=obstacle[0], plan=obstacle[1])
            _at(goal, ago(spec["created"] - 1))
        Goal.objects.filter(pk=goal.pk).update(created_at=ago(spec["created"]))


def _at(goal: Goal, when: datetime) -> None:
    """Backdate the goal's newest revision, so the history reads as weeks, not seconds."""
    newest = GoalRevision.objects.filter(goal=goal).order_by("-pk").first()
    if newest is not None:
        GoalRevision.objects.filter(pk=newest.pk).update(at=when)
