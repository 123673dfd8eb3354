"""When a goal is due, or how often it happens, read from the words the client wrote.

`find_timeframe(text, today=...)` finds every time expression in a goal and resolves the
ones that name a date to a concrete `deadline`:

- dates: "15 March", "March 15th", "15/03/2027", "2027-03-15", "Mar 2027", "Q2",
  "by summer", "this autumn", "before Christmas", "by 2027";
- relative periods: "in 6 weeks", "within two months", "over the next 90 days",
  "by next Friday", "this weekend", "tomorrow", "next month", "in a fortnight";
- recurring schedules: "every week", "weekly", "twice a week", "each Monday",
  "3 times a week", "2 applications a week" (a routine, so no deadline of its own);
- events with no date: "before my contract ends", "by the time I graduate".

How a date is resolved (the rules the tests pin down):
- Numeric dates are day first, as written in the UK and most of the world: 05/04 is
  5 April. When the first number cannot be a month but the second can be a day the other
  way round (04/25), it is read month first.
- A date without a year is its next occurrence on or after `today`.
- A named period without a day (a month, season, quarter or year) is due on its last day:
  "by December" and "in Q2" mean by 31 December and by 30 June. "before X" is the day
  before X starts; "start of X" its first day; "early" about a third in ("early May" is
  10 May), "mid" the middle ("mid-April" is 15 April), "late" and "end of" the last day.
- "Friday", "by Friday" and "on Friday" are the next Friday after today; "this Friday" can
  be today; "next Friday" is the Friday of next week (weeks run Monday to Sunday).
- "this week", "this weekend" and "next week" end on a Sunday; "next month" is the last
  day of next month, while "in a month" and "over the next month" are a month from today.
- Relative periods are never before today.
- "for 8 weeks" is a length: with a routine ("every day for 8 weeks") it gives the
  deadline; alone ("shadow a nurse for a day") it says how long, not when.
- When a goal gives several dates, the deadline is the latest: the whole goal is due then.
- "soon", "one day" and "regularly" are recorded as vague, so the question can use them,
  but they do not make a goal time-bound.

Words that only look like time are left alone: "5 years of experience", "the March Hare",
"I may apply", "a summer internship", "24/7".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from headway.core.smart.timeframe_relative import RELATIVE_RULES
from headway.core.smart.timeframe_routines import ROUTINE_RULES
from headway.core.smart.timeframe_rules import RULES, RawSpan

BOUND_KINDS = frozenset({"deadline", "window", "recurrence"})
ALL_RULES = [*RULES, *RELATIVE_RULES, *ROUTINE_RULES]


@dataclass(frozen=True)
class TimeSpan:
    # "deadline", "window", "recurrence", "length" ("for 8 weeks": a window only for a
    # routine), "clock" (a time of day) or "vague" ("soon")
    kind: str
    text: str  # the words of the goal, as written
    start: int  # character offsets in the goal
    end: int
    deadline: dt.date | None = None


@dataclass(frozen=True)
class Timeframe:
    spans: tuple[TimeSpan, ...]  # in the order they appear
    deadline: dt.date | None  # the latest date the text names, if any

    @property
    def time_bound(self) -> bool:
        return any(span.kind in BOUND_KINDS for span in self.spans)

    def first(self, kind: str) -> TimeSpan | None:
        return next((span for span in self.spans if span.kind == kind), None)

    @property
    def recurrence(self) -> str | None:
        span = self.first("recurrence")
        return span.text if span else None


_PLAIN = str.maketrans("’‘–—\u00a0", "''-- ")


def _normalise(text: str) -> str:
    # Same length as the input, so offsets stay valid: curly quotes and dashes to plain.
    return text.translate(_PLAIN)


def find_timeframe(text: str, *, today: dt.date) -> Timeframe:
    plain = _normalise(text)
    words = set(re.findall(r"[a-z0-9]+", plain.lower()))
    if any(ch.isdigit() for ch in plain):
        words.add("#")
    candidates: list[tuple[int, RawSpan]] = []
    for order, (pattern, handler, needs) in enumerate(ALL_RULES):
        if needs is not None and needs.isdisjoint(words):
            continue
        for match in pattern.finditer(plain):
            raw = handler(match, plain, today)
            if raw is not None and raw.end > raw.start:
                candidates.append((order, raw))
    # Longest first, then the rule listed first: "twice a week" beats "a week",
    # "by the end of March 2027" beats "March 2027".
    candidates.sort(key=lambda item: (-(item[1].end - item[1].start), item[0], item[1].start))
    chosen: list[RawSpan] = []
    taken = bytearray(len(plain))  # linear in the text, however many candidates there are
    for _, raw in candidates:
        if not any(taken[raw.start : raw.end]):
            chosen.append(raw)
            taken[raw.start : raw.end] = b"\x01" * (raw.end - raw.start)
    chosen.sort(key=lambda raw: raw.start)
    spans = tuple(
        TimeSpan(raw.kind, text[raw.start : raw.end].strip(), raw.start, raw.end, raw.deadline)
        for raw in chosen
    )
    if not any(span.kind == "recurrence" for span in spans):
        spans = tuple(
            TimeSpan(s.kind, s.text, s.start, s.end, None) if s.kind == "length" else s
            for s in spans
        )
    dates = [span.deadline for span in spans if span.deadline is not None]
    return Timeframe(spans=spans, deadline=max(dates) if dates else None)


def parse_deadline(text: str, *, today: dt.date) -> dt.date | None:
    """The deadline a phrase gives ("by the end of March" -> 31 March), or None."""
    return find_timeframe(text, today=today).deadline


def mask(text: str, spans: tuple[TimeSpan, ...]) -> str:
    """The text with its time expressions blanked out (same length, so offsets hold)."""
    chars = list(text)
    for span in spans:
        for index in range(span.start, min(span.end, len(chars))):
            chars[index] = " "
    return "".join(chars)
