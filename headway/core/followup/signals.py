"""Stagnation and burnout signals from a client's check-ins between sessions.

Plain facts in (dates, energies in order, counts of steps), signals out. A signal is never a
verdict about the client: it names what the facts show and offers the coach an open question,
so that the client, who knows their own situation best, can say what is going on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from statistics import fmean

from headway.core.followup.worry import reads_worried

QUIET_DAYS = 14  # two weeks without a check-in: long enough to miss a rhythm of weekly check-ins
RECENT_DAYS = 21  # "lately" for steps: the last three weeks
OVERDUE_STEPS = 2  # one late step is ordinary life; two start to look like a pattern
FALLING_RUN = 3  # a run of this many check-ins, each lower than the one before
MEAN_WINDOW = 3  # the last three against the three before
MEAN_DROP = 2.0  # points on the 1-10 scale
LOW_ENERGY = 3  # at or below, on the 1-10 scale: one such check-in is enough to ask

QUIET = "checkins-quiet"
SLIPPING = "steps-slipping"
ENERGY_FALLING = "energy-falling"
LOW = "energy-low"
WORRIED = "checkin-worried"
# Signals raised by the latest check-in: once the coach acknowledges one, a newer check-in
# has to raise it again (the others follow the calendar and the plan, not a check-in).
FROM_LATEST_CHECK_IN = frozenset({LOW, WORRIED, ENERGY_FALLING})


@dataclass(frozen=True)
class CheckInFacts:
    today: dt.date
    started_on: dt.date  # the day the engagement started: a new one has not missed anything yet
    active: bool  # a paused engagement is not expected to check in
    check_in_dates: tuple[dt.date, ...] = ()  # any order
    energies: tuple[int, ...] = ()  # 1-10, oldest first
    steps_overdue: int = 0  # open steps past their due date
    steps_overdue_recently: int = 0  # open steps that fell due in the last RECENT_DAYS
    steps_done_recently: int = 0  # steps ticked done in the last RECENT_DAYS
    # The latest check-in's own words (progress, obstacles, win), read only to decide whether
    # it sounds worried: never quoted in a signal.
    latest_text: str = ""
    latest_at: dt.datetime | None = None  # when the latest check-in was written


@dataclass(frozen=True)
class Signal:
    code: str
    message: str
    question: str  # an open question for the coach to ask, never a conclusion


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _quiet(facts: CheckInFacts) -> Signal | None:
    if not facts.active:
        return None
    question = "What has made it harder to check in lately, and what would make it easier?"
    if facts.check_in_dates:
        days = (facts.today - max(facts.check_in_dates)).days
        if days >= QUIET_DAYS:
            return Signal(QUIET, f"No check-in for {days} days", question)
        return None
    days = (facts.today - facts.started_on).days
    if days >= QUIET_DAYS:
        return Signal(QUIET, f"No check-in yet, {days} days in", question)
    return None


def _slipping(facts: CheckInFacts) -> Signal | None:
    question = (
        "Which of these steps still matter to you, and what would make the next one "
        "easier to start?"
    )
    if facts.steps_overdue >= OVERDUE_STEPS:
        return Signal(
            SLIPPING, f"{_plural(facts.steps_overdue, 'step')} past their due date", question
        )
    if facts.steps_overdue_recently > facts.steps_done_recently:
        return Signal(
            SLIPPING,
            f"In the last three weeks, {_plural(facts.steps_overdue_recently, 'step')} fell "
            f"due undone and {facts.steps_done_recently} got done",
            question,
        )
    return None


def _falling(energies: tuple[int, ...]) -> bool:
    run = energies[-FALLING_RUN:]
    if len(run) == FALLING_RUN and all(b < a for a, b in zip(run, run[1:], strict=False)):
        return True
    if len(energies) >= 2 * MEAN_WINDOW:
        last = fmean(energies[-MEAN_WINDOW:])
        before = fmean(energies[-2 * MEAN_WINDOW : -MEAN_WINDOW])
        return before - last >= MEAN_DROP
    return False


def _energy_falling(facts: CheckInFacts) -> Signal | None:
    if not _falling(facts.energies):
        return None
    recent = ", ".join(str(e) for e in facts.energies[-FALLING_RUN:])
    return Signal(
        ENERGY_FALLING,
        f"Energy falling across check-ins (lately {recent} out of 10)",
        "What has been taking your energy lately, and what would give some back?",
    )


def _low_energy(facts: CheckInFacts) -> Signal | None:
    # One low check-in is enough to ask: waiting for a second one leaves the client alone
    # with it for another week or two.
    if not facts.energies or facts.energies[-1] > LOW_ENERGY:
        return None
    return Signal(
        LOW,
        f"Latest check-in at energy {facts.energies[-1]}/10",
        "How are you looking after yourself right now, and what would feel like enough "
        "for the next two weeks?",
    )


def _worried(facts: CheckInFacts) -> Signal | None:
    if not reads_worried(facts.latest_text):
        return None
    return Signal(
        WORRIED,
        "Latest check-in sounds worried",
        "What is weighing on you most right now, and what would help with it?",
    )


def checkin_signals(facts: CheckInFacts) -> tuple[Signal, ...]:
    """The signals the facts show, most pressing first."""
    found = (
        _low_energy(facts),
        _worried(facts),
        _energy_falling(facts),
        _slipping(facts),
        _quiet(facts),
    )
    return tuple(s for s in found if s is not None)
