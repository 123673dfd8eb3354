"""Offsite writes: the cycle, starting an offsite, saving its worksheet field by field, its
clock, completing it (insights first, then the priorities) and what becomes of each
priority. Also the facts the worksheet shows: the last offsite's outcome and the values and
energy highlights since, each only to those allowed to see them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from headway.accounts.models import User
from headway.core.assessments.energy import Entry
from headway.core.assessments.values import ValuesResult
from headway.core.planning import offsite as core
from headway.discovery.models import Assessment, JournalEntry, Kind
from headway.discovery.services import journal_shared
from headway.engagements.models import Engagement
from headway.goals.models import Goal
from headway.goals.services import goal_create
from headway.offsites.models import (
    Mode,
    Offsite,
    OffsiteAnswer,
    OffsiteCycle,
    OffsiteStatus,
    Priority,
    PriorityPath,
)

MAX_TEXT = 8000
LOW_ALIGNMENT = 2  # "a little" or "not at all": a top value the work honours little


def cycle_of(engagement: Engagement) -> OffsiteCycle:
    cycle, _ = OffsiteCycle.objects.get_or_create(engagement=engagement)
    return cycle


def _open(engagement: Engagement) -> None:
    if not engagement.is_open:
        raise ValidationError("This engagement is concluded: its offsites are kept to read.")


def _party(engagement: Engagement, by: User) -> None:
    if not (engagement.is_client(by) or engagement.is_coach(by)):
        raise ValidationError("Only the client and their coach work on offsites.")


@transaction.atomic
def cycle_update(
    *,
    engagement: Engagement,
    by: User,
    every_months: int,
    minutes: int,
    priorities: int,
    horizon_months: int,
    mode: str,
    next_on: dt.date | None,
) -> OffsiteCycle:
    """The rhythm is agreed between client and coach, so either may set it."""
    _open(engagement)
    _party(engagement, by)
    problems = core.Cycle(every_months, minutes, priorities, horizon_months).problems()
    if problems:
        raise ValidationError(" ".join(problems))
    if mode == Mode.FACILITATED and engagement.is_self_guided:
        raise ValidationError("A facilitated offsite needs a coach: invite one first.")
    cycle = cycle_of(engagement)
    cycle.every_months, cycle.minutes = every_months, minutes
    cycle.priorities, cycle.horizon_months = priorities, horizon_months
    cycle.mode, cycle.next_on = mode, next_on
    cycle.save()
    return cycle


def open_offsite(engagement: Engagement) -> Offsite | None:
    return engagement.offsites.exclude(status=OffsiteStatus.COMPLETED).first()


def may_start(engagement: Engagement, user: User, mode: str) -> bool:
    if not engagement.is_open:
        return False
    if mode == Mode.FACILITATED:
        return not engagement.is_self_guided and (
            engagement.is_client(user) or engagement.is_coach(user)
        )
    return engagement.is_client(user)


@transaction.atomic
def offsite_start(*, engagement: Engagement, by: User, mode: str) -> Offsite:
    _open(engagement)
    if mode not in Mode.values:
        raise ValidationError("Choose self-guided or facilitated.")
    if not may_start(engagement, by, mode):
        if mode == Mode.FACILITATED and engagement.is_self_guided:
            raise ValidationError("A facilitated offsite needs a coach: invite one first.")
        raise ValidationError("A self-guided offsite is the client's own to start.")
    if open_offsite(engagement) is not None:
        raise ValidationError("An offsite is already under way: carry on with that one.")
    cycle = cycle_of(engagement)
    offsite = Offsite.objects.create(
        engagement=engagement,
        mode=mode,
        minutes=cycle.minutes,
        priorities_max=cycle.priorities,
        horizon_months=cycle.horizon_months,
        started_by=by,
        running_since=timezone.now(),
    )
    engagement.touch()
    return offsite


def may_write(offsite: Offsite, user: User) -> bool:
    """The client writes their offsite; the coach too when they facilitate it."""
    e = offsite.engagement
    if offsite.is_completed or not e.is_open:
        return False
    return e.is_client(user) or (offsite.mode == Mode.FACILITATED and e.is_coach(user))


def _writes(offsite: Offsite, by: User) -> None:
    if offsite.is_completed:
        raise ValidationError("This offsite is complete: its worksheet is kept as it was.")
    _open(offsite.engagement)
    if not may_write(offsite, by):
        raise ValidationError("This self-guided offsite is the client's: the coach reads it.")


def _locked(offsite: Offsite) -> Offsite:
    """The offsite row, locked for this transaction: versions are counted one at a time."""
    fresh = Offsite.objects.select_for_update().get(pk=offsite.pk)
    fresh.engagement = offsite.engagement
    return fresh


def answers_of(offsite: Offsite) -> dict[str, OffsiteAnswer]:
    return {a.key: a for a in offsite.answers.select_related("updated_by")}


@transaction.atomic
def answers_save(*, offsite: Offsite, by: User, texts: Mapping[str, str]) -> int:
    """Save the given fields (the others stay as they are, whoever wrote them last); returns
    the offsite's version after the save. Unchanged text is not a change."""
    _writes(offsite, by)
    allowed = set(core.answer_keys(offsite.priorities_max))
    unknown = sorted(set(texts) - allowed)
    if unknown:
        raise ValidationError(f"This worksheet has no field {unknown[0]!r}.")
    if any(len(t) > MAX_TEXT for t in texts.values()):
        raise ValidationError(f"Keep each answer under {MAX_TEXT} characters.")
    locked = _locked(offsite)
    current = answers_of(locked)
    for key, text in texts.items():
        row = current.get(key)
        if row is not None and row.text == text:
            continue
        locked.version += 1
        if row is None:
            row = OffsiteAnswer(offsite=locked, key=key)
        row.text, row.version, row.updated_by = text, locked.version, by
        row.save()
    locked.save(update_fields=["version", "updated_at"])
    offsite.version = locked.version
    return locked.version


def _fold(offsite: Offsite, now: dt.datetime) -> None:
    """Add the running time to the current section and stop the clock."""
    if offsite.running_since is not None:
        elapsed = dict(offsite.elapsed or {})
        elapsed[offsite.section] = offsite.seconds_in(offsite.section, now)
        offsite.elapsed, offsite.running_since = elapsed, None


class ClockAction:
    PAUSE, RESUME, MOVE = "pause", "resume", "move"


@transaction.atomic
def offsite_clock(*, offsite: Offsite, by: User, action: str, section: str = "") -> Offsite:
    """Pause, resume, or move on to a section (the clock keeps running, or starts)."""
    _writes(offsite, by)
    locked = _locked(offsite)
    now = timezone.now()
    if action == ClockAction.PAUSE:
        _fold(locked, now)
        locked.status = OffsiteStatus.PAUSED
    elif action == ClockAction.RESUME:
        if locked.running_since is None:
            locked.running_since = now
        locked.status = OffsiteStatus.RUNNING
    elif action == ClockAction.MOVE:
        if section not in core.SECTION_KEYS:
            raise ValidationError("That section is not on this offsite's agenda.")
        _fold(locked, now)
        locked.section = section
        locked.running_since = now
        locked.status = OffsiteStatus.RUNNING
    else:
        raise ValidationError("Pause, resume or move on to a section.")
    locked.version += 1
    locked.save()
    return locked


# --- what the worksheet shows ------------------------------------------------------------------


def _values_assessment(engagement: Engagement, *, for_coach: bool) -> Assessment | None:
    done = Assessment.objects.completed().of_kind(Kind.VALUES).filter(engagement=engagement)
    if for_coach:
        done = done.filter(shared_with_coach=True)
    return done.order_by("-completed_at").first()


def values_facts(engagement: Engagement, *, for_coach: bool) -> core.ValuesFacts | None:
    found = _values_assessment(engagement, for_coach=for_coach)
    if found is None or not found.result:
        return None
    result = ValuesResult.from_dict(found.result)
    assert found.completed_at is not None
    return core.ValuesFacts(
        top=tuple(v.name for v in result.top),
        low_alignment=tuple(v.name for v in result.top[:5] if 0 < v.alignment <= LOW_ALIGNMENT),
        completed_on=timezone.localdate(found.completed_at),
    )


def journal_entries(engagement: Engagement, *, for_coach: bool) -> list[Entry]:
    """The energy journal, private unless the client shares it with the coach."""
    if for_coach and not journal_shared(engagement):
        return []
    rows = JournalEntry.objects.filter(engagement=engagement)
    return [Entry(r.occurred_on, r.activity, int(r.energy), r.flow) for r in rows]


def previous_offsite(offsite: Offsite) -> Offsite | None:
    return (
        Offsite.objects.filter(
            engagement=offsite.engagement_id,
            status=OffsiteStatus.COMPLETED,
            started_at__lt=offsite.started_at,
        )
        .order_by("-completed_at")
        .first()
    )


def _values_then(previous: Offsite | None, *, for_coach: bool) -> core.ValuesFacts | None:
    snap = previous.snapshot if previous else {}
    if not snap.get("values_top") or (for_coach and not snap.get("values_shared")):
        return None
    return core.ValuesFacts(top=tuple(snap["values_top"]))


def highlights_for(offsite: Offsite, user: User) -> core.Highlights:
    e = offsite.engagement
    for_coach = not e.is_client(user)
    previous = previous_offsite(offsite)
    return core.highlights(
        since=previous.held_on if previous else None,
        today=timezone.localdate(),
        values_now=values_facts(e, for_coach=for_coach),
        values_then=_values_then(previous, for_coach=for_coach),
        journal=journal_entries(e, for_coach=for_coach),
    )


def _snapshot(offsite: Offsite) -> dict[str, Any]:
    e = offsite.engagement
    values = _values_assessment(e, for_coach=False)
    facts = values_facts(e, for_coach=False)
    previous = previous_offsite(offsite)
    since = previous.held_on if previous else None
    found = core.highlights(
        since=since,
        today=timezone.localdate(),
        values_now=facts,
        values_then=None,
        journal=journal_entries(e, for_coach=False),
    )
    return {
        "values_top": list(facts.top[:5]) if facts else [],
        "values_shared": bool(values and values.shared_with_coach),
        "energy_mean": found.mean_energy,
        "energy_entries": found.entries,
        "energising": list(found.energising),
        "draining": list(found.draining),
    }


@transaction.atomic
def offsite_complete(*, offsite: Offsite, by: User) -> Offsite:
    """Insights first: an offsite ends with what the client discovered; the priorities are
    optional, up to the number the cycle allows. The next offsite goes in the calendar."""
    _writes(offsite, by)
    locked = _locked(offsite)
    answers = answers_of(locked)
    insights = answers.get(core.INSIGHTS_KEY)
    if insights is None or not insights.text.strip():
        raise ValidationError(
            "Write down what you discovered about yourself first: the insights are what an "
            "offsite ends with, before any priorities."
        )
    texts = [
        answers[k].text.strip()
        for k in (core.priority_key(n) for n in range(1, locked.priorities_max + 1))
        if k in answers and answers[k].text.strip()
    ]
    now = timezone.now()
    _fold(locked, now)
    locked.status, locked.completed_at = OffsiteStatus.COMPLETED, now
    locked.snapshot = _snapshot(locked)
    locked.version += 1
    locked.save()
    for position, text in enumerate(texts, start=1):
        Priority.objects.create(offsite=locked, position=position, text=text)
    cycle = cycle_of(locked.engagement)
    cycle.next_on = core.next_offsite_on(timezone.localdate(now), cycle.spec)
    cycle.save(update_fields=["next_on", "updated_at"])
    locked.engagement.touch()
    return locked


def _client_decides(priority: Priority, by: User) -> None:
    e = priority.offsite.engagement
    _open(e)
    if not e.is_client(by):
        raise ValidationError("What becomes of a priority is the client's to decide.")


@transaction.atomic
def priority_set_later(*, priority: Priority, by: User) -> Priority:
    _client_decides(priority, by)
    if priority.path == PriorityPath.GOAL:
        raise ValidationError("This priority is already a goal.")
    priority.path = PriorityPath.LATER
    priority.save(update_fields=["path"])
    return priority


@transaction.atomic
def priority_make_goal(*, priority: Priority, by: User, fields: Mapping[str, Any]) -> Goal:
    """The priority becomes a goal through the SMART goal coach's own service."""
    _client_decides(priority, by)
    if priority.goal_id is not None:
        raise ValidationError("This priority is already a goal.")
    goal = goal_create(engagement=priority.offsite.engagement, by=by, **fields)
    priority.goal, priority.path = goal, PriorityPath.GOAL
    priority.save(update_fields=["goal", "path"])
    return goal
