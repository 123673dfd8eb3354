"""What needs a coach's attention in an engagement, from plain facts about it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from headway.core.followup.signals import FROM_LATEST_CHECK_IN, QUIET, CheckInFacts, checkin_signals

NEW_ANSWERS = "new-answers"
NEW_RESULTS = "new-results"


class Level(StrEnum):
    INFO = "info"
    ACT = "act"


@dataclass(frozen=True)
class EngagementFacts:
    status: str  # invited / active / paused / concluded
    self_guided: bool
    days_since_activity: int
    days_since_invited: int | None
    days_in_stage: int
    agreement_accepted: bool
    agreement_outdated: bool
    intake_submitted: bool
    answers_in_stage: int
    questions_in_stage: int
    checklist_done: int
    checklist_total: int
    unseen_client_activity: bool
    overdue_assessments: int = 0  # assigned by the coach, past their due date, not completed
    new_results: int = 0  # completed, shared results since the coach's last "got it"
    # When the newest answer and shared result came: their flags stay until acknowledged.
    new_answers_at: dt.datetime | None = None
    new_results_at: dt.datetime | None = None
    checkins: CheckInFacts | None = None  # check-ins between sessions, for core/signals.py
    next_session_booked: bool | None = None  # None: not known (sessions not looked at)
    # After the end: the months of a follow-up that is due, and of one answered but not yet read.
    followup_due: int | None = None
    followup_answered: int | None = None
    # Sessions left in the engagement's package; None: no package.
    package_left: int | None = None
    # Days since the planned offsite date, with no offsite begun since; None: not past due.
    offsite_days_late: int | None = None


@dataclass(frozen=True)
class Attention:
    code: str
    message: str
    level: Level
    # When what raised it happened (the latest check-in); None: it cannot be acknowledged, it
    # goes away when its facts change.
    since: dt.datetime | None = None
    question: str = ""  # an open question for the coach to ask, when there is one

    @property
    def can_acknowledge(self) -> bool:
        return self.since is not None


QUIET_DAYS = 14
INVITE_REMINDER_DAYS = 7
LONG_STAGE_DAYS = 42


def checkin_items(checkins: CheckInFacts) -> tuple[Attention, ...]:
    """The check-in signals as attention items: a missed check-in is worth a look; low,
    worried or falling check-ins and slipping steps ask for a talk."""
    return tuple(
        Attention(
            s.code,
            s.message,
            Level.INFO if s.code == QUIET else Level.ACT,
            since=checkins.latest_at if s.code in FROM_LATEST_CHECK_IN else None,
            question=s.question,
        )
        for s in checkin_signals(checkins)
    )


def attention_items(facts: EngagementFacts) -> tuple[Attention, ...]:
    """Short, factual reasons to look at an engagement; the coach decides what to do."""
    if facts.status == "concluded":
        # A concluded engagement comes back to the coach only through its follow-ups.
        after: list[Attention] = []
        if facts.followup_answered is not None:
            n = facts.followup_answered
            after.append(Attention("followup-answered", f"{n}-month follow-up answered", Level.ACT))
        if facts.followup_due is not None:
            n = facts.followup_due
            after.append(Attention("followup-due", f"{n}-month follow-up due", Level.INFO))
        return tuple(after)
    items: list[Attention] = []
    if facts.status == "invited":
        if (
            facts.days_since_invited is not None
            and facts.days_since_invited >= INVITE_REMINDER_DAYS
        ):
            items.append(
                Attention(
                    "invite-pending",
                    f"Invitation not accepted after {facts.days_since_invited} days",
                    Level.ACT,
                )
            )
        else:
            items.append(Attention("invited", "Waiting for the client to accept", Level.INFO))
        return tuple(items)
    if not facts.self_guided and not facts.agreement_accepted:
        items.append(Attention("agreement", "Agreement not accepted yet", Level.ACT))
    elif facts.agreement_outdated:
        items.append(Attention("agreement-new", "A newer agreement awaits acceptance", Level.INFO))
    if not facts.intake_submitted:
        items.append(Attention("intake", "Intake not completed", Level.ACT))
    if facts.status == "active" and facts.days_since_activity >= QUIET_DAYS:
        items.append(
            Attention("quiet", f"No activity for {facts.days_since_activity} days", Level.ACT)
        )
    if facts.unseen_client_activity:
        items.append(
            Attention(NEW_ANSWERS, "New answers to read", Level.INFO, since=facts.new_answers_at)
        )
    if facts.overdue_assessments:
        n = facts.overdue_assessments
        items.append(
            Attention("assessment-overdue", f"{n} assessment{'s'[: n - 1]} past due", Level.ACT)
        )
    if facts.new_results:
        n = facts.new_results
        items.append(
            Attention(
                NEW_RESULTS,
                f"{n} new result{'s'[: n - 1]} shared with you",
                Level.INFO,
                since=facts.new_results_at,
            )
        )
    if facts.status == "active" and not facts.self_guided and facts.next_session_booked is False:
        if facts.package_left:
            # Agreed sessions going unused: worth a word before the package's weeks run out.
            n = facts.package_left
            items.append(
                Attention(
                    "package-unbooked",
                    f"{n} package session{'s'[: n - 1]} left, none booked",
                    Level.ACT,
                )
            )
        else:
            # A nudge, not an alarm: some coaches book one session at a time, after the last.
            items.append(Attention("no-session", "No next session booked", Level.INFO))
    if facts.status == "active" and facts.offsite_days_late is not None:
        # The client may simply have moved it; the coach asks, the cycle is theirs to change.
        n = facts.offsite_days_late
        when = "today" if n == 0 else f"{n} day{'s'[: n - 1]} ago"
        items.append(Attention("offsite-due", f"Offsite was planned for {when}", Level.INFO))
    if facts.checkins is not None:
        items.extend(checkin_items(facts.checkins))
    if (
        facts.checklist_total
        and facts.checklist_done == facts.checklist_total
        and facts.questions_in_stage
    ):
        items.append(
            Attention("stage-ready", "Exit checklist complete: ready to move on?", Level.INFO)
        )
    elif facts.days_in_stage >= LONG_STAGE_DAYS and facts.status == "active":
        items.append(
            Attention("long-stage", f"In this stage for {facts.days_in_stage} days", Level.INFO)
        )
    return tuple(items)


def unacknowledged(
    items: tuple[Attention, ...], acknowledged: Mapping[str, dt.datetime]
) -> tuple[Attention, ...]:
    """The items still to show: a flag stays until the coach says "got it", not until they
    open a page, and comes back when something newer than the acknowledgement raises it."""
    return tuple(
        i
        for i in items
        if i.since is None or i.code not in acknowledged or acknowledged[i.code] < i.since
    )


def needs_action(items: tuple[Attention, ...]) -> bool:
    return any(i.level is Level.ACT for i in items)
