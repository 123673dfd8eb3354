"""If-then plans in the person's own words, without the words the page adds around them.

The page shows "If <obstacle>, then I will <plan>". People often type those words themselves
("If I'm tired", "then I will rest"), which would read "If If I'm tired, then I will then I
will rest". These functions take off what the page adds, and nothing else."""

from __future__ import annotations

import re
from dataclasses import dataclass

# An ellipsis the field labels ("If…", "…then I will") invite people to copy.
_DOTS = r"(?:…|\.{2,})"
_WILL = r"(?:i['’]ll|i\s+will|i\s+shall|i(?![\w'’]))"
_LEADING_IF = re.compile(rf"^\s*{_DOTS}?\s*if\b\s*{_DOTS}?[\s,:;]*", re.IGNORECASE)
_TRAILING_THEN = re.compile(
    rf"(?P<before>\w*)(?P<sep>[\s,;:]*)\bthen(?P<will>\s+{_WILL})?\s*(?P<dots>{_DOTS})?\s*$",
    re.IGNORECASE,
)
_LEADING_THEN = re.compile(
    rf"^\s*{_DOTS}?\s*(?:then\b(?:\s+{_WILL})?|i['’]ll\b|i\s+will\b)[\s,:;]*", re.IGNORECASE
)
# "If I'm tired, then I will rest" typed whole into the first field.
_SPLIT = re.compile(r"[\s,;:]+then\s+(?:i['’]ll|i\s+will)\s+(?=\S)", re.IGNORECASE)
_TAIL = re.compile(r"[\s,;:]+$")
# "…by then", "…until then": a "then" that belongs to the obstacle, not the plan.
_TIME_WORDS = {"by", "until", "till", "since", "from", "before", "after", "back", "even", "just"}


def _without_trailing_then(text: str) -> str:
    found = _TRAILING_THEN.search(text)
    if not found:
        return text
    plain = not (found["will"] or found["dots"] or "," in found["sep"] or ";" in found["sep"])
    if plain and found["before"].lower() in _TIME_WORDS:
        return text
    return text[: found.start("sep")] if found["before"] else text[: found.start()]


@dataclass(frozen=True)
class IfThen:
    obstacle: str  # what follows "If"
    plan: str  # what follows "then I will"


def if_then(obstacle: str, plan: str) -> IfThen:
    """The obstacle and plan without a leading "If", a trailing or leading "then (I will)",
    or the labels' ellipses. A whole plan typed into the first field, with nothing in the
    second, is split at its "then"."""
    when = _LEADING_IF.sub("", obstacle.strip(), count=1)
    then = plan.strip()
    if not then:
        parts = _SPLIT.split(when, maxsplit=1)
        if len(parts) == 2:
            when, then = parts
    when = _TAIL.sub("", _without_trailing_then(when))
    then = _LEADING_THEN.sub("", then, count=1).strip()
    return IfThen(obstacle=when.strip(), plan=then)
