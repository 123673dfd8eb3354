"""The career offsite: its cycle (how often, how long, how many things, for how long), the
agenda of one offsite in our own words, the highlights since the last one and the history
side by side.

Pure computation: plain values in, frozen dataclasses out. The default rhythm is the
model's own: every three months, three hours, up to three things for the next three months.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from headway.core.assessments.energy import Entry, find_patterns
from headway.core.dates import add_months

# --- the cycle -------------------------------------------------------------------------------

DEFAULT_EVERY_MONTHS = 3
DEFAULT_MINUTES = 180
DEFAULT_PRIORITIES = 3
DEFAULT_HORIZON_MONTHS = 3
EVERY_MONTHS = range(1, 13)
MINUTES = range(30, 8 * 60 + 1)  # half an hour to a working day
PRIORITIES = range(1, 6)
HORIZON_MONTHS = range(1, 13)


@dataclass(frozen=True)
class Cycle:
    every_months: int = DEFAULT_EVERY_MONTHS
    minutes: int = DEFAULT_MINUTES
    priorities: int = DEFAULT_PRIORITIES
    horizon_months: int = DEFAULT_HORIZON_MONTHS

    def problems(self) -> list[str]:
        """What is out of range, in words a person can act on; empty when all is well."""
        found = []
        if self.every_months not in EVERY_MONTHS:
            found.append("An offsite comes round every 1 to 12 months.")
        if self.minutes not in MINUTES:
            found.append("An offsite lasts from 30 minutes to 8 hours.")
        if self.priorities not in PRIORITIES:
            found.append("Choose between 1 and 5 things to leave with.")
        if self.horizon_months not in HORIZON_MONTHS:
            found.append("The things you leave with are for the next 1 to 12 months.")
        return found

    @property
    def summary(self) -> str:
        hours, rest = divmod(self.minutes, 60)
        length = _duration(hours, rest)
        things = "thing" if self.priorities == 1 else "things"
        return (
            f"Every {_months(self.every_months)}, {length}, up to {self.priorities} {things} "
            f"for the next {_months(self.horizon_months)}."
        )


def _months(n: int) -> str:
    return "month" if n == 1 else f"{n} months"


def _duration(hours: int, minutes: int) -> str:
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if minutes:
        parts.append(f"{minutes} minutes")
    return " and ".join(parts)


def minutes_words(minutes: int) -> str:
    """90 -> "1 hour and 30 minutes"; 0 -> "under a minute"."""
    hours, rest = divmod(max(0, minutes), 60)
    return _duration(hours, rest) or "under a minute"


def next_offsite_on(ended_on: dt.date, cycle: Cycle) -> dt.date:
    """The next offsite, one cycle after the one that just ended."""
    return add_months(ended_on, cycle.every_months)


def horizon_end(ended_on: dt.date, cycle: Cycle) -> dt.date:
    """The day the things chosen at an offsite are meant to be done by."""
    return add_months(ended_on, cycle.horizon_months)


# --- the agenda ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prompt:
    key: str  # stable: answers are stored under it
    text: str
    hint: str = ""


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    purpose: str
    share: int  # its part of the block, out of the SHARES total
    prompts: tuple[Prompt, ...] = ()
    shows: str = ""  # what the page puts beside it: "look-back", "highlights", "priorities"


INSIGHTS_KEY = "insights"
PRIORITY_PREFIX = "priority-"


def priority_key(n: int) -> str:
    return f"{PRIORITY_PREFIX}{n}"


SECTIONS: tuple[Section, ...] = (
    Section(
        "arrive",
        "Arrive",
        "Put the everyday down. Phone away, door shut or a long walk ahead: this block is yours.",
        5,
        (
            Prompt("arrive-state", "How are you arriving today, in a few words?"),
            Prompt(
                "arrive-hope", "What would make these hours feel well spent when you look back?"
            ),
        ),
    ),
    Section(
        "look-back",
        "Look back",
        "What became of what you chose last time, and what happened that nobody planned.",
        15,
        (
            Prompt(
                "look-back-priorities",
                "Looking at what you chose last time: what moved, what stalled, and what "
                "stopped mattering?",
                "No marks out of ten: just what happened and what you notice about it.",
            ),
            Prompt(
                "look-back-unplanned",
                "What happened since then that you did not plan, and what did it ask of you?",
            ),
        ),
        shows="look-back",
    ),
    Section(
        "values-energy",
        "Values and energy",
        "What your values and your energy journal have been saying since the last offsite.",
        20,
        (
            Prompt(
                "values-lived",
                "Which of your values did your days honour lately, and which went quiet?",
            ),
            Prompt(
                "energy-noticed",
                "Looking at what gave and took your energy: what do you notice, and what "
                "surprises you?",
            ),
        ),
        shows="highlights",
    ),
    Section(
        "discover",
        "What is true about you now",
        "Self-discovery before any goal: who you are at work these days, in your own words.",
        25,
        (
            Prompt("proud", "What are you proudest of from this period, and why that?"),
            Prompt("let-down", "What let you down, and what did it show you about yourself?"),
            Prompt(
                "curious", "What keeps pulling at your curiosity that you have not made room for?"
            ),
            Prompt(
                "becoming",
                "Who are you becoming in your work, and how do you feel about that?",
            ),
        ),
    ),
    Section(
        "insights",
        "Insights",
        "Gather what you discovered before choosing anything to do about it.",
        15,
        (
            Prompt(
                INSIGHTS_KEY,
                "What did you discover about yourself today?",
                "A few lines, in your words. This is the heart of the offsite: the things you "
                "choose next grow out of it.",
            ),
        ),
    ),
    Section(
        "priorities",
        "A few things for the next period",
        "Optional: the things that would make the coming months feel well spent. Each can become "
        "a goal, or stay with you to think over before your next conversation.",
        15,
        (
            Prompt(
                "more-less",
                "What do you want more of, and less of, in the coming months?",
            ),
            Prompt(
                "making-room",
                "What will you stop, or say no to, to make room for what you chose?",
            ),
        ),
        shows="priorities",
    ),
    Section(
        "close",
        "Close",
        "A last look before you go back, and a date for the next one.",
        5,
        (Prompt("closing", "What do you want to remember from today when the week gets busy?"),),
    ),
)
SHARES = sum(s.share for s in SECTIONS)
SECTION_KEYS = tuple(s.key for s in SECTIONS)


@dataclass(frozen=True)
class AgendaItem:
    section: Section
    minutes: int  # suggested, from the block's length


def agenda(minutes: int) -> tuple[AgendaItem, ...]:
    """The sections with suggested minutes that add up to the block (rounded to 5 minutes
    where the block allows it; the largest section takes up the rounding)."""
    step = 5 if minutes >= 5 * len(SECTIONS) else 1
    suggested = [max(step, round(minutes * s.share / SHARES / step) * step) for s in SECTIONS]
    largest = max(range(len(SECTIONS)), key=lambda i: SECTIONS[i].share)
    suggested[largest] += minutes - sum(suggested)
    return tuple(AgendaItem(s, m) for s, m in zip(SECTIONS, suggested, strict=True))


def section(key: str) -> Section | None:
    return next((s for s in SECTIONS if s.key == key), None)


def next_section(key: str) -> Section | None:
    if key not in SECTION_KEYS:
        return SECTIONS[0]
    index = SECTION_KEYS.index(key)
    return SECTIONS[index + 1] if index + 1 < len(SECTIONS) else None


def answer_keys(priorities: int) -> tuple[str, ...]:
    """Every key a worksheet stores: the prompts, then the priority slots."""
    prompts = tuple(p.key for s in SECTIONS for p in s.prompts)
    return prompts + tuple(priority_key(n) for n in range(1, priorities + 1))


def clock(seconds: int) -> str:
    """Elapsed time as "1:05:09" or "12:03"."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


# --- highlights since the last offsite -------------------------------------------------------


@dataclass(frozen=True)
class ValuesFacts:
    top: tuple[str, ...]  # names, most important first
    low_alignment: tuple[str, ...] = ()  # top values the work honours little
    completed_on: dt.date | None = None


@dataclass(frozen=True)
class Highlights:
    lines: tuple[str, ...]
    energising: tuple[str, ...] = ()
    draining: tuple[str, ...] = ()
    flow: tuple[str, ...] = ()
    entries: int = 0
    mean_energy: float | None = None


def highlights(
    *,
    since: dt.date | None,
    today: dt.date,
    values_now: ValuesFacts | None,
    values_then: ValuesFacts | None,
    journal: Sequence[Entry],
) -> Highlights:
    """What the values and the energy journal show since `since` (the last offsite), as
    statements of fact; the questions are the worksheet's, not ours."""
    lines: list[str] = []
    if values_now is not None and values_now.top:
        lines.append(f"Your top values: {', '.join(values_now.top[:5])}.")
        if values_then is not None and values_then.top and values_then.top != values_now.top:
            came = [v for v in values_now.top[:5] if v not in values_then.top[:5]]
            went = [v for v in values_then.top[:5] if v not in values_now.top[:5]]
            if came:
                lines.append(f"New in your top five since last time: {', '.join(came)}.")
            if went:
                lines.append(f"No longer in your top five: {', '.join(went)}.")
        if values_now.low_alignment:
            lines.append(
                "Top values your work honours little, as you rated it: "
                f"{', '.join(values_now.low_alignment)}."
            )
    recent = [e for e in journal if since is None or e.occurred_on >= since]
    if not recent:
        lines.append(
            "No energy journal entries since the last offsite."
            if since
            else "No energy journal entries yet."
        )
        return Highlights(tuple(lines))
    patterns = find_patterns(sorted(recent, key=lambda e: e.occurred_on, reverse=True), today=today)
    period = "since the last offsite" if since else "so far"
    lines.append(f"{patterns.count} energy journal entries {period}.")
    return Highlights(
        lines=tuple(lines),
        energising=tuple(a.label for a in patterns.energising),
        draining=tuple(a.label for a in patterns.draining),
        flow=tuple(a.label for a in patterns.flow),
        entries=patterns.count,
        mean_energy=patterns.mean_energy,
    )


def energy_words(mean: float | None) -> str:
    """The journal's mean energy (-2..+2) in words."""
    if mean is None:
        return "no entries"
    if mean >= 1:
        return "mostly energised"
    if mean > 0.25:
        return "a little energised on the whole"
    if mean >= -0.25:
        return "balanced"
    if mean > -1:
        return "a little drained on the whole"
    return "mostly drained"


# --- history ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """One offsite as history keeps it; `held_on` None is "now"."""

    held_on: dt.date | None
    insights: str = ""
    priorities: tuple[str, ...] = ()
    values_top: tuple[str, ...] = ()
    energy_mean: float | None = None
    energising: tuple[str, ...] = ()
    draining: tuple[str, ...] = ()


@dataclass(frozen=True)
class Column:
    label: str
    snapshot: Snapshot
    energy: str
    values_changes: tuple[str, ...] = field(default=())


def compare(snapshots: Sequence[Snapshot], now: Snapshot | None) -> tuple[Column, ...]:
    """Offsites oldest first, then "now", each with what changed in the values since the
    column before."""
    ordered = sorted(snapshots, key=lambda s: s.held_on or dt.date.max)
    if now is not None:
        ordered.append(now)
    columns = []
    before: Snapshot | None = None
    for snap in ordered:
        changes: list[str] = []
        if before is not None and before.values_top and snap.values_top:
            came = [v for v in snap.values_top if v not in before.values_top]
            went = [v for v in before.values_top if v not in snap.values_top]
            changes += [f"New: {v}" for v in came] + [f"Gone: {v}" for v in went]
        label = "Now" if snap.held_on is None else f"{snap.held_on.day} {snap.held_on:%B %Y}"
        columns.append(Column(label, snap, energy_words(snap.energy_mean), tuple(changes)))
        before = snap
    return tuple(columns)
