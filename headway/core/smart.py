"""SMART analysis of a goal as the client writes it (interface; the analysis lands with it).

`analyse_goal(text, today=...)` tells which of Specific, Measurable and Time-bound the text
meets, what it found for each, and one open question for each missing part. It never
rewrites the goal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    part: str  # "action", "object", "quantity", "done", "deadline", "window", "recurrence"
    text: str  # the words of the goal it rests on


@dataclass(frozen=True)
class SmartCheck:
    specific: bool
    measurable: bool
    time_bound: bool
    findings: tuple[Finding, ...]
    questions: tuple[str, ...]  # one open question per missing part, in S, M, T order
    deadline: dt.date | None  # the date the goal is due by, when the text gives one


def analyse_goal(text: str, *, today: dt.date) -> SmartCheck:
    words = text.split()
    return SmartCheck(
        specific=len(words) >= 4,
        measurable=any(w.isdigit() for w in words),
        time_bound=" by " in f" {text.lower()} ",
        findings=(),
        questions=(),
        deadline=None,
    )
