"""The coach's prep brief for a session, from plain facts about the time since the last one.

Facts in (goals with their steps, check-ins, what the client wants to talk about, the last and
the next session), a brief out: steps done since the last session, due before the next one and
overdue; wins to celebrate; the latest check-ins and how energy moves; obstacles reported. Like
the signals, the brief describes and never judges: the session is where the client explains.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from statistics import fmean

LATEST_CHECKINS = 5  # enough to see a pattern, few enough to read before a session
TREND_POINTS = 6  # the energies the trend word is read from, newest last
TREND_SHIFT = 1.5  # points on the 1-10 scale between the older and the newer half
SWING = 4  # a spread this wide, with no clear direction, reads as up and down

RISING = "rising"
FALLING = "falling"
STEADY = "steady"
UP_AND_DOWN = "up and down"
TOO_FEW = "not enough check-ins to tell"


@dataclass(frozen=True)
class StepFact:
    title: str
    due_on: dt.date | None = None
    done_at: dt.datetime | None = None


@dataclass(frozen=True)
class GoalFact:
    text: str
    steps: tuple[StepFact, ...] = ()


@dataclass(frozen=True)
class CheckInFact:
    at: dt.datetime
    energy: int  # 1-10
    progress: str = ""
    obstacles: str = ""
    win: str = ""


@dataclass(frozen=True)
class ObstacleFact:
    """An obstacle the client wrote down in the plan (an if-then), with the goal it is for."""

    at: dt.datetime
    goal: str
    obstacle: str
    plan: str = ""


@dataclass(frozen=True)
class BriefFacts:
    now: dt.datetime
    until: dt.datetime  # the session the brief prepares
    since: dt.datetime | None = None  # the session before it; None for the first one
    goals: tuple[GoalFact, ...] = ()
    check_ins: tuple[CheckInFact, ...] = ()  # any order
    plan_obstacles: tuple[ObstacleFact, ...] = ()
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoalBrief:
    goal: str
    done: tuple[StepFact, ...]  # since the last session
    due: tuple[StepFact, ...]  # open, due from today up to the session's day
    overdue: tuple[StepFact, ...]  # open, due before today

    @property
    def is_quiet(self) -> bool:
        return not (self.done or self.due or self.overdue)


@dataclass(frozen=True)
class Dated:
    at: dt.datetime
    text: str


@dataclass(frozen=True)
class EnergyTrend:
    word: str
    values: tuple[int, ...]  # oldest first


@dataclass(frozen=True)
class Brief:
    since: dt.datetime | None
    until: dt.datetime
    goals: tuple[GoalBrief, ...]
    wins: tuple[Dated, ...]  # oldest first
    latest: tuple[CheckInFact, ...]  # newest first
    energy: EnergyTrend
    obstacles: tuple[Dated, ...]  # reported in check-ins, oldest first
    plan_obstacles: tuple[ObstacleFact, ...]  # added to the plan in the period
    topics: tuple[str, ...]
    check_ins_in_period: int


def _in_period(at: dt.datetime, since: dt.datetime | None, until: dt.datetime) -> bool:
    # The session's own start closes the period: what comes after belongs to the next brief.
    return (since is None or at >= since) and at < until


def energy_trend(values: tuple[int, ...]) -> EnergyTrend:
    """A word for how energy moves across check-ins (oldest first), read from the last few.

    The newer half against the older half, so one odd week does not set the word alone."""
    recent = values[-TREND_POINTS:]
    if len(recent) < 2:
        return EnergyTrend(TOO_FEW, recent)
    half = len(recent) // 2
    shift = fmean(recent[-half:]) - fmean(recent[:half])
    if shift >= TREND_SHIFT:
        return EnergyTrend(RISING, recent)
    if shift <= -TREND_SHIFT:
        return EnergyTrend(FALLING, recent)
    if max(recent) - min(recent) >= SWING:
        return EnergyTrend(UP_AND_DOWN, recent)
    return EnergyTrend(STEADY, recent)


def _goal_brief(goal: GoalFact, facts: BriefFacts, today: dt.date) -> GoalBrief:
    done, due, overdue = [], [], []
    for step in goal.steps:
        if step.done_at is not None:
            if _in_period(step.done_at, facts.since, facts.until):
                done.append(step)
        elif step.due_on is not None:
            if step.due_on < today:
                overdue.append(step)
            elif step.due_on <= facts.until.date():
                due.append(step)

    def by_due(s: StepFact) -> dt.date:
        return s.due_on or dt.date.max

    return GoalBrief(
        goal=goal.text,
        done=tuple(sorted(done, key=lambda s: s.done_at or facts.until)),
        due=tuple(sorted(due, key=by_due)),
        overdue=tuple(sorted(overdue, key=by_due)),
    )


def build_brief(facts: BriefFacts) -> Brief:
    # `until` and `now` are compared as dates in the caller's zone: pass both in local time.
    today = facts.now.date()
    ordered = sorted(facts.check_ins, key=lambda c: c.at)
    period = [c for c in ordered if _in_period(c.at, facts.since, facts.until)]
    before_session = [c for c in ordered if c.at < facts.until]
    return Brief(
        since=facts.since,
        until=facts.until,
        goals=tuple(_goal_brief(g, facts, today) for g in facts.goals),
        wins=tuple(Dated(c.at, c.win.strip()) for c in period if c.win.strip()),
        latest=tuple(reversed(before_session[-LATEST_CHECKINS:])),
        energy=energy_trend(tuple(c.energy for c in before_session)),
        obstacles=tuple(Dated(c.at, c.obstacles.strip()) for c in period if c.obstacles.strip()),
        plan_obstacles=tuple(
            sorted(
                (o for o in facts.plan_obstacles if _in_period(o.at, facts.since, facts.until)),
                key=lambda o: o.at,
            )
        ),
        topics=tuple(t.strip() for t in facts.topics if t.strip()),
        check_ins_in_period=len(period),
    )
