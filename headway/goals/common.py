"""What the goals pages share: scoped fetches, who may write, and each goal as a page shows
it (its SMART panel, progress, steps in plan order, the first-step hint and the questions for
Achievable and Relevant)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.http import HttpRequest
from django.utils import timezone

from headway.accounts.http import current_user
from headway.core.assessments.values_cards import CARDS_BY_KEY
from headway.core.planning.plan import (
    ChangeLine,
    FirstStepHint,
    Progress,
    SmartPanel,
    StepFacts,
    achievable_questions,
    describe_revision,
    first_step_hint,
    is_overdue,
    plan_order,
    plan_progress,
    relevant_question,
    smart_panel,
)
from headway.core.smart.analysis import SmartCheck, analyse_goal
from headway.engagements.models import Engagement
from headway.goals.models import Goal, GoalRevision, GoalStatus, Step

TEMPLATES = "goals/"

log = logging.getLogger(__name__)


def reader_about(engagement: Engagement, request: HttpRequest) -> str | None:
    """None when the client reads their own plan ("you"); else the client's first name, for
    pages that speak about them ("Grace's confidence")."""
    if engagement.is_client(current_user(request)):
        return None
    client = engagement.client
    return (client.get_short_name() if client else "") or engagement.client_name


def nav_of(engagement: Engagement, request: HttpRequest) -> str:
    return "dashboard" if engagement.is_coach(current_user(request)) else "journey"


def today() -> dt.date:
    return timezone.localdate()


def analyse(text: str, *, on: dt.date | None = None) -> SmartCheck | None:
    """The SMART analysis, or None when there are no words yet or it fails: the analysis is
    a help, and a slip in it must never keep the client from their goals."""
    if not text.strip():
        return None
    try:
        return analyse_goal(text, today=on or today())
    except Exception:
        log.exception("The SMART analysis failed on a goal's text")
        return None


def step_facts(step: Step) -> StepFacts:
    return StepFacts(title=step.title, due_on=step.due_on, done=step.done_at is not None)


def ordered_steps(steps: list[Step]) -> list[Step]:
    return [steps[i] for i in plan_order([step_facts(s) for s in steps])]


def value_name(key: str) -> str:
    card = CARDS_BY_KEY.get(key)
    return card.name if card else key


@dataclass(frozen=True)
class GoalView:
    """One goal as the pages show it."""

    goal: Goal
    panel: SmartPanel | None  # None when the analysis could not read the goal
    progress: Progress
    steps: list[Step]  # in plan order
    hint: FirstStepHint | None
    achievable: tuple[str, ...]
    relevant: str | None
    value: str  # the name of the value it serves, or ""
    overdue: frozenset[int] = frozenset()  # pks of open steps dated before today

    @property
    def is_active(self) -> bool:
        return self.goal.status == GoalStatus.ACTIVE


def goal_view(goal: Goal, *, on: dt.date | None = None, about: str | None = None) -> GoalView:
    """Needs the goal's steps (prefetch them for a list) and its option. `about` is the
    client's name when someone else (the coach) reads: the questions speak of them."""
    on = on or today()
    steps = list(goal.steps.all())
    check = analyse(goal.text, on=on)
    facts = [step_facts(s) for s in steps]
    active = goal.status == GoalStatus.ACTIVE
    hint = first_step_hint(facts, today=on, about=about) if active else None
    return GoalView(
        goal=goal,
        panel=smart_panel(check, due_on=goal.due_on) if check else None,
        progress=plan_progress(facts),
        steps=ordered_steps(steps),
        hint=hint,
        achievable=achievable_questions(goal.confidence, goal.hours_per_week, about=about),
        relevant=relevant_question(
            value_key=goal.value_key,
            option=goal.option.title if goal.option else "",
            about=about,
        ),
        value=value_name(goal.value_key) if goal.value_key else "",
        overdue=frozenset(
            s.pk for s, f in zip(steps, facts, strict=True) if is_overdue(f, today=on)
        ),
    )


@dataclass(frozen=True)
class RevisionView:
    revision: GoalRevision
    lines: tuple[ChangeLine, ...]


def revision_views(goal: Goal) -> list[RevisionView]:
    return [
        RevisionView(r, describe_revision(r.changes)) for r in goal.revisions.select_related("by")
    ]


def panel_for(text: str, due_on: dt.date | None) -> SmartPanel | None:
    """The SMART panel of a goal being written, or None before there are words to read."""
    check = analyse(text)
    return smart_panel(check, due_on=due_on) if check else None


def auto_due(text: str, due_on: str, due_auto: str) -> str | None:
    """The due date the analysis fills in, or None to leave the field alone.

    The field is the analysis's to fill only while it is empty or still holds the date the
    analysis put there (`due_auto`); a date the client typed is theirs."""
    if due_on and due_on != due_auto:
        return None
    check = analyse(text)
    found = check.deadline.isoformat() if check and check.deadline else ""
    return None if found == due_on else found


def parse_day(raw: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return None
