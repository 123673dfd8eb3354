"""The coach's email of what their clients did: one line per client, in counts.

Only kinds and numbers (a check-in's energy is a number on a scale): an email leaves
Headway, so it never carries what anyone wrote, not even a goal's title."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from headway.core.followup.reminders import MORNING

CHECKIN = "check-in"
RESULT = "result"
GOAL = "goal"
GOAL_CLOSED = "goal-closed"
STEP = "step"
STEP_DONE = "step-done"
STEP_OVERDUE = "step-overdue"
DECISION = "decision"
ANSWER = "answer"
REPLY = "reply"

# In the order a line reads: what needs the coach first.
PHRASES: dict[str, tuple[str, str]] = {
    REPLY: ("a reply to you", "{n} replies to you"),
    CHECKIN: ("a check-in", "{n} check-ins"),
    RESULT: ("a result shared", "{n} results shared"),
    DECISION: ("an option chosen in the decision matrix", "{n} options chosen"),
    GOAL: ("a goal added", "{n} goals added"),
    GOAL_CLOSED: ("a goal achieved or let go", "{n} goals achieved or let go"),
    STEP: ("a step added", "{n} steps added"),
    STEP_DONE: ("a step done", "{n} steps done"),
    STEP_OVERDUE: ("a step now overdue", "{n} steps now overdue"),
    ANSWER: ("a question answered", "{n} questions answered"),
}


@dataclass(frozen=True)
class News:
    kind: str
    energy: int | None = None  # a check-in's, 1-10


def _and(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _energies(values: Sequence[int]) -> str:
    if len(values) == 1:
        return f" at energy {values[0]}/10"
    return f" (energy {_and([str(v) for v in values])} of 10)"


def summary(news: Sequence[News]) -> str:
    """ "a reply to you, 2 check-ins (energy 5 and 3 of 10) and a step done"; kinds not
    known here are left out. Empty for no news."""
    counts = Counter(n.kind for n in news)
    parts = []
    for kind, (one, many) in PHRASES.items():
        count = counts[kind]
        if not count:
            continue
        part = one if count == 1 else many.format(n=count)
        if kind == CHECKIN:
            part += _energies([n.energy for n in news if n.kind == CHECKIN and n.energy])
        parts.append(part)
    return _and(parts) if parts else ""


DAILY = "daily"
AS_IT_HAPPENS = "now"
LOOKBACK = dt.timedelta(days=7)  # never more than a week of news in one email


def occasion(mode: str, now: dt.datetime, zone: str, latest: dt.datetime) -> str | None:
    """The key of the email due now, or None: once a day from the coach's morning
    (`day:2026-12-07`), or as it happens, keyed by the newest thing it tells of."""
    if mode == DAILY:
        local = now.astimezone(ZoneInfo(zone))
        return f"day:{local.date().isoformat()}" if local.time() >= MORNING else None
    if mode == AS_IT_HAPPENS:
        return f"at:{latest.astimezone(dt.UTC).isoformat()}"
    return None
