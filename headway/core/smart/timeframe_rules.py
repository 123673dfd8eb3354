"""The patterns behind `timeframes`: each regex with the function that resolves a match.

A handler returns a `RawSpan`, or None when the words only look like time ("I may",
"a summer internship", "for 5 years in sales"). The resolution rules are documented in
`timeframes`; the calendar arithmetic is in `calendar_words`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from headway.core.dates import add_months
from headway.core.smart.calendar_words import (
    MONTH,
    MONTHS,
    last_day,
    quarter_bounds,
    safe_date,
    season_bounds,
    word_set,
)


@dataclass(frozen=True)
class RawSpan:
    kind: str
    start: int
    end: int
    deadline: dt.date | None = None


Handler = Callable[[re.Match[str], str, dt.date], RawSpan | None]
# A rule: its pattern, its handler, and the words one of which must be in the text for the
# pattern to be worth running ("#" stands for any digit; None runs it always). The check is
# what keeps a goal's analysis well under a millisecond.
Rule = tuple[re.Pattern[str], Handler, frozenset[str] | None]
Rules = list[Rule]


def rule_into(rules: Rules) -> Callable[..., Callable[[Handler], Handler]]:
    """A decorator that adds a handler, with its compiled pattern, to `rules`."""

    def rule(pattern: str, needs: str | None = None) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            words = None if needs is None else frozenset(needs.split())
            rules.append((re.compile(pattern, re.IGNORECASE), handler, words))
            return handler

        return register

    return rule


RULES: Rules = []
rule = rule_into(RULES)


# "by", "until", "before" ... in front of a date; "from" and "after" open a window instead.
PRE = (
    r"(?P<pre>by|on|before|until|till|til|up\s+to|due(?:\s+by|\s+on)?|no\s+later\s+than|"
    r"not\s+later\s+than|in\s+time\s+for|ahead\s+of|prior\s+to|in|during|through|"
    r"throughout|over|from|starting(?:\s+(?:in|from|on))?|after|for|of|around|at)"
)
MOD = (
    r"(?P<mod>(?:the\s+)?(?:very\s+)?(?:end|close)\s+of(?:\s+the)?|(?:the\s+)?(?:start|beginning)"
    r"\s+of(?:\s+the)?|(?:the\s+)?middle\s+of(?:\s+the)?|early|late|mid)"
)
BEFORE = {"before", "ahead of", "prior to"}
OPENS = {"from", "after", "starting", "starting in", "starting from", "starting on"}
YEAR = r"(?P<year>(?:19|20)\d\d)"
MONTH_WORDS = " ".join(MONTHS)
# After a matched date, these words may follow without making it something else.
FOLLOW_OK = word_set(
    "and or to at so then the i i'll we with latest if when but as this next of for a my "
    "eod by before in on"
)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower()) if text else ""


def next_word(plain: str, end: int) -> str:
    found = re.match(r"\s*([a-z']+)", plain[end:], re.IGNORECASE)
    return found.group(1).lower() if found else ""


def prev_word(plain: str, start: int) -> str:
    found = re.search(r"([a-z']+)\s*$", plain[max(0, start - 60) : start], re.IGNORECASE)
    return found.group(1).lower() if found else ""


def place_in_period(
    first: dt.date,
    last: dt.date,
    pre: str,
    mod: str,
    *,
    month_like: bool = False,
) -> dt.date | None:
    """The day a named period (first..last) stands for, given "before", "mid", "end of"."""
    if pre in OPENS:
        return None
    mod = mod.replace("the ", "").replace("very ", "").replace(" of", "").strip()
    if pre in BEFORE and not mod:
        return first - dt.timedelta(days=1)  # "before March": by the last day of February
    span = (last - first).days
    if mod in {"start", "beginning"}:
        day = first
    elif mod == "early":
        day = first + dt.timedelta(days=9 if month_like else span // 3)
    elif mod in {"mid", "middle"}:
        day = first + dt.timedelta(days=14 if month_like else span // 2)
    else:
        # "before the end of Q1" means by the end of Q1, not before Q1 begins.
        return last
    return day - dt.timedelta(days=1) if pre in BEFORE else day


def _named_period(
    match: re.Match[str],
    today: dt.date,
    bounds: Callable[[int], tuple[dt.date, dt.date]],
    *,
    year: int | None,
    rel: str = "",
    month_like: bool = False,
) -> RawSpan:
    pre, mod = squash(match.group("pre") or ""), squash(match.group("mod") or "")
    years = [year] if year is not None else [today.year - 1, today.year, today.year + 1]
    for candidate in years:
        first, last = bounds(candidate)
        if year is None and rel == "next" and first <= today:
            continue
        placed = place_in_period(first, last, pre, mod, month_like=month_like)
        if placed is None:
            return RawSpan("window", match.start(), match.end())
        if year is not None or placed >= today:
            return RawSpan("deadline", match.start(), match.end(), placed)
    first, last = bounds(today.year + 1)
    return RawSpan("deadline", match.start(), match.end(), last)


# --- calendar dates ------------------------------------------------------------------------


def _day_month(
    match: re.Match[str], today: dt.date, day: int, month: int, year: int | None
) -> RawSpan | None:
    pre = squash(match.group("pre") or "")
    if year is not None:
        when = safe_date(year, month, day)
    else:
        when = safe_date(today.year, month, day)
        if when is not None and when < today:
            when = safe_date(today.year + 1, month, day)
    if when is None:
        return None
    if pre in OPENS:
        return RawSpan("window", match.start(), match.end())
    if pre in BEFORE:
        when -= dt.timedelta(days=1)
    return RawSpan("deadline", match.start(), match.end(), when)


@rule(rf"\b(?:{PRE}\s+)?(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})\b", needs="#")
def _iso(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    return _day_month(match, today, int(match["d"]), int(match["m"]), int(match["y"]))


@rule(
    rf"\b(?:{PRE}\s+)?(?:the\s+)?(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})"
    rf"(?:(?P=sep)(?P<y>\d{{4}}|\d{{2}}))?(?![\d/.%]\d|%)",
    needs="#",
)
def _numeric(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    # Without a year ("by 15/04") only after a word such as "by": "24/7" and "7.5" are not dates.
    if match["y"] is None and (
        squash(match.group("pre") or "")
        not in {"by", "on", "before", "until", "till", "due", "due by"}
        or match["sep"] != "/"
    ):
        return None  # "3-4 weeks" is a range, "a score of 7.5" a decimal
    year = None if match["y"] is None else int(match["y"]) + (2000 if len(match["y"]) == 2 else 0)
    a, b = int(match["a"]), int(match["b"])
    day, month = (a, b) if b <= 12 else (b, a)
    if month > 12 or day > 31:
        return None
    return _day_month(match, today, day, month, year)


@rule(
    rf"\b(?:{PRE}\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?P<ord>st|nd|rd|th)?(?:\s+of)?[\s-]+"
    rf"(?P<mon>{MONTH})(?![\w'])(?:,?[\s-]+{YEAR}\b)?",
    needs="#",
)
def _day_first(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    month = MONTHS[match["mon"].lower().rstrip(".")]
    if month == 5 and not (match["ord"] or match["year"] or match.group("pre")):
        return None  # "3 may" is more often a count and a modal verb than a date
    year = int(match["year"]) if match["year"] else None
    return _day_month(match, today, int(match["day"]), month, year)


@rule(
    rf"\b(?:{PRE}\s+)?(?P<mon>{MONTH})[\s-]+(?:the\s+)?(?P<day>\d{{1,2}})(?P<ord>st|nd|rd|th)?"
    rf"(?![\d:/.]\d)\b(?:,?\s+{YEAR}\b)?",
    needs="#",
)
def _month_first(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    month = MONTHS[match["mon"].lower().rstrip(".")]
    if not (match["ord"] or match["year"]):
        # "in March 3 times a week": a count follows the month, not a day.
        following = next_word(plain, match.end())
        if following and following not in FOLLOW_OK:
            return None
        if month == 5 and not match.group("pre"):
            return None
    year = int(match["year"]) if match["year"] else None
    return _day_month(match, today, int(match["day"]), month, year)


@rule(
    rf"\b(?:{PRE}\s+)?(?:{MOD}[\s-]*)?(?:(?P<rel>this|next|this\s+coming|coming)\s+)?"
    rf"(?P<mon>{MONTH})(?![\w'])(?:,?\s+(?:of\s+)?{YEAR}\b)?",
    needs=MONTH_WORDS,
)
def _month(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    if not (match.group("pre") or match.group("mod") or match["rel"] or match["year"]):
        return None  # "March Hare", "I may": a month needs "by", "in", "end of" or a year
    name = match["mon"].lower().rstrip(".")
    short = len(name) <= 3 and not (match["year"] or match["rel"] or match.group("mod"))
    if short and squash(match.group("pre") or "") not in {"by", "in", "until", "till", "before"}:
        return None  # "on Jan", "for Jan": likely a name
    if prev_word(plain, match.start()) in {"i", "we", "you", "they", "it", "which", "that"}:
        return None  # "I may", "it may"
    month = MONTHS[name]
    year = int(match["year"]) if match["year"] else None
    rel = "next" if "next" in squash(match["rel"] or "") else ""
    return _named_period(
        match,
        today,
        lambda y: (dt.date(y, month, 1), last_day(y, month)),
        year=year,
        rel=rel,
        month_like=True,
    )


@rule(
    r"\b(?P<pre>by|on|before|until|till|due\s+on|due\s+by)\s+the\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b"
    r"(?:\s+of\s+(?P<rel>this|next|the)\s+month)?",
    needs="#",
)
def _day_of_month(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    following = next_word(plain, match.end())
    if following and (following in MONTHS or following not in FOLLOW_OK):
        return None
    day = int(match["day"])
    base = add_months(today.replace(day=1), 1) if match["rel"] == "next" else today.replace(day=1)
    for months_ahead in range(3):
        month_start = add_months(base, months_ahead)
        when = safe_date(month_start.year, month_start.month, day)
        if when is not None and when >= today:
            if match["pre"].lower() == "before":
                when -= dt.timedelta(days=1)
            return RawSpan("deadline", match.start(), match.end(), max(when, today))
    return None


@rule(
    rf"\b(?:{PRE}\s+)?(?:{MOD}[\s-]*)?(?:the\s+)?(?:(?P<rel>this|next)\s+)?"
    r"(?:q(?P<q>[1-4])|(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th|last|final)\s+quarter)"
    r"(?:\s*(?:of\s+)?(?:(?P<year>(?:19|20)\d\d\b|'\d\d\b)|(?:the\s+)?(?P<yrel>this|next)\s+year\b))?"
    r"\b",
    needs="q1 q2 q3 q4 quarter",
)
def _quarter(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    words = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4, "final": 4}
    qw = (match["qw"] or "").lower()
    quarter = int(match["q"]) if match["q"] else words.get(qw) or int(qw[0])
    raw_year = match["year"]
    year = None if not raw_year else int(raw_year[-2:]) + 2000 if "'" in raw_year else int(raw_year)
    rel = "next" if (match["rel"] or "").lower() == "next" else ""
    if match["yrel"]:
        year = today.year + (match["yrel"].lower() == "next")
    return _named_period(match, today, lambda y: quarter_bounds(quarter, y), year=year, rel=rel)


@rule(
    rf"\b(?:{PRE}\s+)?(?:{MOD}[\s-]*)?(?:the\s+)?(?:(?P<rel>this|next|this\s+coming|coming)\s+)?"
    rf"(?P<season>spring|summer|autumn|fall|winter)(?:'s)?(?:\s+(?:of\s+)?{YEAR})?\b"
    r"(?!\s+(?:internships?|jobs?|roles?|placements?|programmes?|programs?|schools?|courses?|"
    r"camps?|intake|schemes?|fairs?|party|sales?|collection|clean|cleaning|term|season|reading))",
    needs="spring summer autumn fall winter",
)
def _season(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    if not (match.group("pre") or match.group("mod") or match["rel"] or match["year"]):
        return None
    name = match["season"].lower()
    if name == "fall" and not (match["rel"] or match["year"]):
        pre = squash(match.group("pre") or "")
        if pre not in {"by", "in", "until", "till", "over", "during", "this", "next"}:
            return None
    year = int(match["year"]) if match["year"] else None
    rel = "next" if "next" in squash(match["rel"] or "") else ""
    return _named_period(match, today, lambda y: season_bounds(name, y), year=year, rel=rel)


@rule(
    rf"\b(?:{PRE}\s+)?(?:{MOD}[\s-]*)?(?:the\s+(?:year\s+)?)?{YEAR}\b"
    r"(?!\s*(?:[%£$€]|k\b|,\d|\.\d|(?:pounds|dollars|euros|quid|words|steps|people|members|"
    r"followers|subscribers|views|hours|calories|applications|jobs|contacts|connections|miles|"
    r"km|kilometres|kilometers|characters|users|customers|clients)\b))",
    needs="#",
)
def _year(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    if not (match.group("pre") or match.group("mod")):
        return None
    pre = squash(match.group("pre") or "")
    if pre in {"of", "at", "around", "on"} and not match.group("mod"):
        return None  # "the class of 2019"
    year = int(match["year"])
    return _named_period(match, today, lambda y: (dt.date(y, 1, 1), dt.date(y, 12, 31)), year=year)
