"""Goals and the action plan: every change the client makes, each one kept as a revision.

Only the client changes goals and plans; the coach reads them. A concluded engagement keeps
its plan as it was. Every change to a goal or its steps and obstacles writes a GoalRevision
with what changed (before and after) and, for edits, why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from headway.accounts.models import User, hash_token, new_token
from headway.core.assessments.values_cards import CARDS_BY_KEY
from headway.core.planning.if_then import IfThen, if_then
from headway.core.planning.plan import revision_diff
from headway.engagements.models import Engagement
from headway.exploration.models import Option
from headway.goals.models import (
    GOALS,
    MAX_ACTIVE_GOALS,
    AccountabilityLink,
    Goal,
    GoalRevision,
    GoalStatus,
    Obstacle,
    Step,
    StepKind,
)

GOAL_FIELDS = ("text", "confidence", "hours_per_week", "value_key", "option", "due_on")
STEP_FIELDS = ("title", "kind", "due_on")
LONGEST_GOAL = 2000
MAX_HOURS = 168  # every hour of the week; anything above is a typing slip
FULL_MESSAGE = (
    f"You have {MAX_ACTIVE_GOALS} active goals already. Focusing on one to three tends to work "
    "best: pause one or let one go to make room, or keep this one as a paused goal for now."
)


def _plan_writes(goal: Goal, by: User) -> None:
    goal.engagement.require_client_write(by, GOALS)
    if goal.status in (GoalStatus.ACHIEVED, GoalStatus.DROPPED):
        raise ValidationError(
            f"This goal is {goal.get_status_display().lower()}: its plan is kept as it was. "
            "Make it active again to change the plan."
        )


def _record(goal: Goal, by: User, changes: dict[str, Any], reason: str = "") -> GoalRevision:
    return GoalRevision.objects.create(goal=goal, by=by, changes=changes, reason=reason.strip())


def _lock(engagement: Engagement) -> None:
    # Two tabs saving goals at once must not both squeeze past the limit of active goals.
    Engagement.objects.select_for_update().filter(pk=engagement.pk).first()


def _room_for_active(engagement: Engagement) -> None:
    if Goal.objects.active().filter(engagement=engagement).count() >= MAX_ACTIVE_GOALS:
        raise ValidationError(FULL_MESSAGE, code="full")


def _clean_goal_fields(engagement: Engagement, fields: Mapping[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in GOAL_FIELDS:
            raise ValidationError(f"Unknown field {name}.")
        if name == "text":
            value = (value or "").strip()
            if not value:
                raise ValidationError("Write your goal in your own words first.")
            if len(value) > LONGEST_GOAL:
                raise ValidationError(
                    f"A goal of a few sentences is easier to hold on to: keep it under "
                    f"{LONGEST_GOAL:,} characters."
                )
        elif name == "confidence" and value is not None and not 1 <= value <= 10:
            raise ValidationError("Confidence is a number from 1 (not at all) to 10 (certain).")
        elif name == "hours_per_week" and value is not None and not 0 <= value <= MAX_HOURS:
            raise ValidationError(f"Hours a week are a number from 0 to {MAX_HOURS}.")
        elif name == "value_key":
            value = value or ""
            if value and value not in CARDS_BY_KEY:
                raise ValidationError(f"There is no value card called {value!r}.")
        elif name == "option" and value is not None and value.engagement_id != engagement.pk:
            raise ValidationError("That option is not on this exploration board.")
        clean[name] = value
    return clean


def _goal_facts(goal: Goal) -> dict[str, Any]:
    """A goal's fields as its revisions record them: the option by its title, which stays
    readable after the option is set aside or deleted."""
    return {
        "text": goal.text,
        "confidence": goal.confidence,
        "hours_per_week": goal.hours_per_week,
        "value": goal.value_key,
        "option": goal.option.title if goal.option else "",
        "due_on": goal.due_on,
    }


def _next_position(queryset: Any) -> int:
    return int(queryset.aggregate(top=Max("position"))["top"] or 0) + 1


# --- goals ---------------------------------------------------------------------------------


@transaction.atomic
def goal_create(
    *,
    engagement: Engagement,
    by: User,
    text: str,
    confidence: int | None = None,
    hours_per_week: int | None = None,
    value_key: str = "",
    option: Option | None = None,
    due_on: dt.date | None = None,
    status: str = GoalStatus.ACTIVE,
) -> Goal:
    """A new goal, active unless the client keeps it paused for now. Saving with parts of
    SMART still missing is fine: the client decides, and the panel keeps asking."""
    engagement.require_client_write(by, GOALS)
    if status not in (GoalStatus.ACTIVE, GoalStatus.PAUSED):
        raise ValidationError("A new goal starts active or paused.")
    fields = _clean_goal_fields(
        engagement,
        {
            "text": text,
            "confidence": confidence,
            "hours_per_week": hours_per_week,
            "value_key": value_key,
            "option": option,
            "due_on": due_on,
        },
    )
    _lock(engagement)
    if status == GoalStatus.ACTIVE:
        _room_for_active(engagement)
    goal = Goal.objects.create(
        engagement=engagement,
        status=status,
        position=_next_position(Goal.objects.filter(engagement=engagement)),
        **fields,
    )
    _record(goal, by, {"created": {"text": goal.text, "status": status}})
    engagement.touch()
    return goal


@transaction.atomic
def goal_update(
    *, goal: Goal, by: User, fields: Mapping[str, Any], reason: str = ""
) -> GoalRevision | None:
    """Change what the goal says or rests on; the revision keeps before, after and why.
    Nothing changed, nothing recorded (None)."""
    goal.engagement.require_client_write(by, GOALS)
    clean = _clean_goal_fields(goal.engagement, fields)
    before = _goal_facts(goal)
    for name, value in clean.items():
        setattr(goal, name, value)
    changes = revision_diff(before, _goal_facts(goal))
    if not changes:
        return None
    goal.save()
    goal.engagement.touch()
    return _record(goal, by, changes, reason)


@transaction.atomic
def goal_set_status(*, goal: Goal, by: User, status: str, reason: str = "") -> GoalRevision | None:
    """Achieved, paused, let go, or active again (if there is room)."""
    goal.engagement.require_client_write(by, GOALS)
    if status not in GoalStatus.values:
        raise ValidationError(f"Unknown status {status!r}.")
    if status == goal.status:
        return None
    if status == GoalStatus.ACTIVE:
        _lock(goal.engagement)
        _room_for_active(goal.engagement)
    before = goal.status
    goal.status = status
    closed = status in (GoalStatus.ACHIEVED, GoalStatus.DROPPED)
    goal.closed_at = timezone.now() if closed else None
    goal.save(update_fields=["status", "closed_at", "updated_at"])
    goal.engagement.touch()
    return _record(goal, by, {"status": [before, status]}, reason)


# --- steps ---------------------------------------------------------------------------------


def _clean_step_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in STEP_FIELDS:
            raise ValidationError(f"Unknown field {name}.")
        if name == "title":
            value = (value or "").strip()
            if not value:
                raise ValidationError(
                    "Name the step, for example “Ask Ana for a 20-minute call about her work”."
                )
            if len(value) > 300:
                raise ValidationError("Keep a step's title under 300 characters.")
        elif name == "kind" and value not in StepKind.values:
            raise ValidationError(f"Unknown kind of step {value!r}.")
        clean[name] = value
    return clean


def _step_facts(step: Step) -> dict[str, Any]:
    return {"title": step.title, "kind": step.kind, "due_on": step.due_on}


@transaction.atomic
def step_add(
    *,
    goal: Goal,
    by: User,
    title: str,
    kind: str = StepKind.ACTION,
    due_on: dt.date | None = None,
    element_id: str = "",
) -> Step:
    _plan_writes(goal, by)
    fields = _clean_step_fields({"title": title, "kind": kind, "due_on": due_on})
    step = Step.objects.create(
        goal=goal,
        element_id=element_id[:20],
        position=_next_position(goal.steps.all()),
        **fields,
    )
    _record(goal, by, {"step": {"action": "added", "title": step.title}})
    goal.save(update_fields=["updated_at"])
    goal.engagement.touch()
    return step


@transaction.atomic
def step_update(
    *, step: Step, by: User, fields: Mapping[str, Any], reason: str = ""
) -> GoalRevision | None:
    goal = step.goal
    _plan_writes(goal, by)
    clean = _clean_step_fields(fields)
    before = _step_facts(step)
    for name, value in clean.items():
        setattr(step, name, value)
    changes = revision_diff(before, _step_facts(step))
    if not changes:
        return None
    step.save()
    goal.save(update_fields=["updated_at"])
    goal.engagement.touch()
    change = {"action": "edited", "title": step.title, "changes": changes}
    return _record(goal, by, {"step": change}, reason)


@transaction.atomic
def step_set_done(*, step: Step, by: User, done: bool) -> Step:
    goal = step.goal
    _plan_writes(goal, by)
    if done == (step.done_at is not None):
        return step
    step.done_at = timezone.now() if done else None
    step.save(update_fields=["done_at"])
    action = "done" if done else "reopened"
    _record(goal, by, {"step": {"action": action, "title": step.title}})
    goal.save(update_fields=["updated_at"])
    goal.engagement.touch()
    return step


@transaction.atomic
def step_delete(*, step: Step, by: User) -> None:
    goal = step.goal
    _plan_writes(goal, by)
    _record(goal, by, {"step": {"action": "deleted", "title": step.title}})
    step.delete()
    goal.save(update_fields=["updated_at"])
    goal.engagement.touch()


@transaction.atomic
def step_add_from_gap(
    *,
    engagement: Engagement,
    by: User,
    goal: Goal | None,
    goal_text: str = "",
    title: str,
    kind: str,
    element_id: str,
) -> Step:
    """A skill gap from transition pathways becomes a step: of a goal the client picks, or
    of a new goal in the client's words (both or neither are saved)."""
    if goal is None:
        if not goal_text.strip():
            raise ValidationError("Pick one of your goals, or write the new goal this step is for.")
        goal = goal_create(engagement=engagement, by=by, text=goal_text)
    elif goal.engagement_id != engagement.pk:
        raise ValidationError("That goal belongs to another engagement.")
    return step_add(goal=goal, by=by, title=title, kind=kind, element_id=element_id)


# --- obstacles -----------------------------------------------------------------------------


def _if_then(obstacle: str, plan: str) -> IfThen:
    """The person's words without the "If" and "then I will" the page shows around them."""
    parts = if_then(obstacle, plan)
    if not parts.obstacle:
        raise ValidationError("Describe what might get in the way: “If …”.")
    if not parts.plan:
        raise ValidationError("Add what you will do when it happens: “…then I will …”.")
    return parts


@transaction.atomic
def obstacle_add(*, goal: Goal, by: User, obstacle: str, plan: str) -> Obstacle:
    """An anticipated obstacle with its if-then plan: "If …, then I will …"."""
    _plan_writes(goal, by)
    parts = _if_then(obstacle, plan)
    item = Obstacle.objects.create(goal=goal, obstacle=parts.obstacle, plan=parts.plan)
    _record(goal, by, {"obstacle": {"action": "added", "text": parts.obstacle}})
    goal.engagement.touch()
    return item


@transaction.atomic
def obstacle_update(*, obstacle: Obstacle, by: User, text: str, plan: str) -> Obstacle:
    """The obstacle or its plan in new words; the history keeps what it said before."""
    goal = obstacle.goal
    _plan_writes(goal, by)
    parts = _if_then(text, plan)
    before = {"obstacle": obstacle.obstacle, "plan": obstacle.plan}
    after = {"obstacle": parts.obstacle, "plan": parts.plan}
    if before == after:
        return obstacle
    obstacle.obstacle, obstacle.plan = parts.obstacle, parts.plan
    obstacle.save(update_fields=["obstacle", "plan"])
    _record(goal, by, {"obstacle": {"action": "edited", "text": parts.obstacle}})
    goal.engagement.touch()
    return obstacle


@transaction.atomic
def obstacle_delete(*, obstacle: Obstacle, by: User) -> None:
    goal = obstacle.goal
    _plan_writes(goal, by)
    _record(goal, by, {"obstacle": {"action": "deleted", "text": obstacle.obstacle}})
    obstacle.delete()
    goal.engagement.touch()


# --- accountability links --------------------------------------------------------------------


@transaction.atomic
def accountability_link_create(
    *, engagement: Engagement, by: User, partner_name: str
) -> tuple[AccountabilityLink, str]:
    """A read-only link to the goals and steps for a partner the client names. The secret is
    returned once, to show; only its hash is stored."""
    engagement.require_client_write(by, GOALS)
    partner_name = partner_name.strip()
    if not partner_name:
        raise ValidationError("Say who the link is for, so you can tell your links apart.")
    raw, token_hash = new_token()
    link = AccountabilityLink.objects.create(
        engagement=engagement, partner_name=partner_name[:120], token_hash=token_hash
    )
    return link, raw


@transaction.atomic
def accountability_link_revoke(*, link: AccountabilityLink, by: User) -> None:
    # Allowed after the engagement concludes too: taking back what was shared never waits.
    if not link.engagement.is_client(by):
        raise ValidationError("Only the client revokes their accountability links.")
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])


def accountability_link_by_token(raw: str) -> AccountabilityLink | None:
    """The live link a partner's URL carries, noting when it was last opened; None for an
    unknown or revoked one."""
    link = (
        AccountabilityLink.objects.select_related("engagement__client")
        .filter(token_hash=hash_token(raw), revoked_at__isnull=True)
        .first()
    )
    if link is not None:
        link.last_seen_at = timezone.now()
        AccountabilityLink.objects.filter(pk=link.pk).update(last_seen_at=link.last_seen_at)
    return link


@transaction.atomic
def goal_revise(
    *,
    goal: Goal,
    by: User,
    fields: Mapping[str, Any],
    status: str | None = None,
    reason: str = "",
) -> None:
    """One edit of a goal that may change its words and its status: both land, or neither."""
    if fields:
        goal_update(goal=goal, by=by, fields=fields, reason=reason)
    if status is not None:
        goal_set_status(goal=goal, by=by, status=status, reason=reason)


@transaction.atomic
def step_edit(*, step: Step, by: User, fields: Mapping[str, Any], done: bool | None = None) -> None:
    """One edit of a step that may change its words and tick it: both land, or neither."""
    if fields:
        step_update(step=step, by=by, fields=fields)
    if done is not None:
        step_set_done(step=step, by=by, done=done)
