"""Patterns for time relative to today: weekdays, "this week", "next month", "in 6 weeks".

Part of the timeframe parser: `timeframes` runs these with the calendar-date rules of
`timeframe_rules` and the routines of `timeframe_routines`.
"""

from __future__ import annotations

import datetime as dt
import re

from headway.core.dates import add_months
from headway.core.smart.calendar_words import (
    COUNT,
    FULL_WEEKDAY,
    WEEKDAY,
    WEEKDAYS,
    end_of_week,
    last_day,
    next_weekday,
    parse_count,
    quarter_bounds,
)
from headway.core.smart.timeframe_rules import (
    MOD,
    OPENS,
    PRE,
    RawSpan,
    Rules,
    next_word,
    place_in_period,
    prev_word,
    rule_into,
    squash,
)

RELATIVE_RULES: Rules = []
rule = rule_into(RELATIVE_RULES)
WEEKDAY_WORDS = " ".join(WEEKDAYS)
DURATION_WORDS = (
    "day days week weeks wk wks fortnight fortnights month months mth mths mo mos year years yr "
    "yrs quarter quarters"
)


# --- weekdays and the calendar around today --------------------------------------------------


@rule(
    r"\b(?:(?P<pre>by|on|before|until|till|due(?:\s+on|\s+by)?|from|starting|after)\s+)?"
    r"(?:(?P<rel>this|next|coming|this\s+coming|the\s+coming|the\s+following|following)\s+)?"
    rf"(?P<wd>{WEEKDAY})(?![\w'])(?P<week>\s+week\b)?",
    needs=WEEKDAY_WORDS,
)
def _weekday(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    name = match["wd"].lower()
    pre, rel = squash(match["pre"] or ""), squash(match["rel"] or "")
    if not re.fullmatch(FULL_WEEKDAY, name) and not (pre or rel):
        return None  # "sat", "sun", "wed" alone are other words
    if prev_word(plain, match.start()) in {"good", "black", "cyber", "casual", "girl"}:
        return None
    weekday = WEEKDAYS[name]
    if rel == "next":
        when = end_of_week(today) + dt.timedelta(days=1 + weekday)
    else:
        when = next_weekday(today, weekday, include_today=rel == "this")
    if match["week"]:
        when += dt.timedelta(days=7)  # "Friday week"
    if pre in OPENS or pre == "starting":
        return RawSpan("window", match.start(), match.end())
    if pre == "before":
        when = max(today, when - dt.timedelta(days=1))
    return RawSpan("deadline", match.start(), match.end(), when)


@rule(
    rf"\b(?:{PRE}\s+)?(?:{MOD}\s*)?(?P<rel>this|next|the\s+next|the\s+following|following|the|"
    r"the\s+current|current)\s+(?P<cal>week|weekend|month|year|quarter|fortnight|day|term|"
    r"semester|financial\s+year|tax\s+year|academic\s+year|school\s+year|calendar\s+year)\b"
    r"(?!')",
    needs="week weekend month year quarter fortnight day term semester",
)
def _calendar(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    pre, mod = squash(match.group("pre") or ""), squash(match.group("mod") or "")
    rel, cal = squash(match["rel"]), squash(match["cal"])
    named_year = cal.endswith(" year") and pre in {"by", "before", "until", "till", "in"}
    if rel == "the" and not mod and cal != "weekend" and not named_year:
        return None  # "employee of the month"
    if rel in {"the next", "the following"} and not mod:
        # "over the next month" is a window from today, not the calendar month after this.
        return (
            _duration_span(match, today, 1.0, cal, f"{pre} the next") if cal != "weekend" else None
        )
    ahead = 1 if rel in {"next", "following"} else 0
    if cal in {"term", "semester"}:
        return RawSpan("window", match.start(), match.end())
    if cal == "day":
        return RawSpan("deadline", match.start(), match.end(), today) if mod else None
    if cal == "weekend":
        sunday = end_of_week(today) + dt.timedelta(days=7 * ahead)
        return _bounded(match, today, sunday - dt.timedelta(days=1), sunday, pre, mod)
    if cal in {"week", "fortnight"}:
        sunday = end_of_week(today) + dt.timedelta(days=7 * ahead)
        return _bounded(match, today, sunday - dt.timedelta(days=6), sunday, pre, mod)
    if cal == "month":
        first = add_months(today.replace(day=1), ahead)
        return _bounded(match, today, first, last_day(first.year, first.month), pre, mod)
    if cal == "quarter":
        quarter = (today.month - 1) // 3 + 1 + ahead
        year = today.year + (quarter - 1) // 4
        first, last = quarter_bounds((quarter - 1) % 4 + 1, year)
        return _bounded(match, today, first, last, pre, mod)
    ends = {"financial year": (4, 1, 3, 31), "tax year": (4, 6, 4, 5)}
    ends |= {"academic year": (8, 1, 7, 31), "school year": (8, 1, 7, 31)}
    sm, sd, em, ed = ends.get(cal, (1, 1, 12, 31))
    end = dt.date(today.year, em, ed)
    if end < today:
        end = dt.date(today.year + 1, em, ed)
    end = end.replace(year=end.year + ahead)
    start = dt.date(end.year - (1 if (sm, sd) > (em, ed) else 0), sm, sd)
    return _bounded(match, today, start, end, pre, mod)


def _bounded(
    match: re.Match[str], today: dt.date, first: dt.date, last: dt.date, pre: str, mod: str
) -> RawSpan:
    placed = place_in_period(first, last, pre, mod)
    if placed is None:
        return RawSpan("window", match.start(), match.end())
    return RawSpan("deadline", match.start(), match.end(), max(placed, today))


@rule(
    r"\b(?:(?:by|before|until|till|for)\s+)?(?:(?P<today>today|tonight|this\s+(?:evening|"
    r"afternoon|morning))|(?P<tomorrow>(?:the\s+day\s+after\s+)?tomorrow(?:\s+(?:morning|"
    r"afternoon|evening|night))?)|(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?(?:day|play|"
    r"business)|eod|cob|eow|eom|eoy|(?P<endof>(?:the\s+)?(?P<cal>week|month|year)[-\s]end|"
    r"(?:the\s+)?end\s+of\s+(?P<cal2>week|month|year)))\b",
    needs="today tonight this tomorrow end close eod cob eow eom eoy",
)
def _near(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    text = squash(match.group(0))
    if match["tomorrow"]:
        days = 2 if "after" in text else 1
        return RawSpan("deadline", match.start(), match.end(), today + dt.timedelta(days=days))
    cal = (
        match["cal"]
        or match["cal2"]
        or {"eow": "week", "eom": "month", "eoy": "year"}.get(text.split()[-1], "")
    )
    if cal == "week":
        when = end_of_week(today)
    elif cal == "month":
        when = last_day(today.year, today.month)
    elif cal == "year":
        when = dt.date(today.year, 12, 31)
    else:
        when = today
    return RawSpan("deadline", match.start(), match.end(), when)


@rule(r"\b(?P<pre>by|before)?\s*this\s+time\s+next\s+(?P<cal>week|month|year)\b", needs="time")
def _this_time_next(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    return _duration_span(match, today, 1.0, match["cal"].lower(), "in")


# --- relative periods ------------------------------------------------------------------------

UNIT = r"(?P<unit>days?|weeks?|wks?|fortnights?|months?|mths?|mos?|years?|yrs?|quarters?)"
# Abbreviations as people type them: "3 mths", "2 wks", "1 yr".
SHORT_UNITS = {"wk": "week", "mth": "month", "mo": "month", "yr": "year"}
DURATION_PRE = (
    r"(?P<pre>(?:in|within|inside|over|for|during|after|under)(?:\s+(?:less\s+than|under|no\s+more"
    r"\s+than|about|around|roughly|approximately|just|the\s+space\s+of|only))?(?:\s+the\s+"
    r"(?:next|coming|following))?|the\s+next|the\s+coming|next)"
)


def _duration_span(
    match: re.Match[str], today: dt.date, amount: float, unit: str, pre: str
) -> RawSpan:
    unit = unit.lower().rstrip("s")
    unit = SHORT_UNITS.get(unit, unit)
    if pre.startswith("after"):
        return RawSpan("window", match.start(), match.end())
    if unit in {"month", "quarter", "year", "financial year", "tax year"} or unit.endswith("year"):
        months = amount * {"month": 1, "quarter": 3}.get(unit, 12)
        if months == int(months):
            when = add_months(today, int(months))
        else:
            when = today + dt.timedelta(days=round(months * 30.44))
    else:
        days = {"day": 1, "week": 7, "fortnight": 14}.get(unit, 1)
        when = today + dt.timedelta(days=round(amount * days))
    # "in 6 weeks" is a deadline and "over the next 90 days" a window; "for 8 weeks" is a
    # length, which bounds a routine ("every day for 8 weeks") but not a one-off ("shadow a
    # nurse for a day" says nothing of when).
    if pre in {"for", "during"}:
        kind = "length"
    elif pre.startswith(("for", "over", "during", "the", "next")):
        kind = "window"
    else:
        kind = "deadline"
    return RawSpan(kind, match.start(), match.end(), max(when, today))


@rule(
    rf"\b{DURATION_PRE}\s+(?P<n>{COUNT})[\s-]*{UNIT}\b(?P<tail>'s|s'|\s+time|\s+from\s+"
    r"(?:now|today))?",
    needs=DURATION_WORDS,
)
def _duration(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    amount = parse_count(match["n"])
    if amount is None:
        return None
    pre = squash(match["pre"])
    following = next_word(plain, match.end())
    if following in {"of", "old", "ago", "experience", "now", "earlier", "before"}:
        return None  # "over 5 years of experience", "for 3 years now"
    if pre == "after" and (
        following in {"in", "at", "as", "with", "on"} or following.endswith("ing")
    ):
        return None  # "after ten years in retail": the client's past
    if pre == "for" and match["unit"].lower().startswith("year"):
        # "after working in retail for 10 years", "I've been a nurse for 12 years": the
        # client's past, not the goal's window (which reads "for the next 2 years").
        clause = re.split(r"[,.;:!?]", plain[max(0, match.start() - 200) : match.start()])[
            -1
        ].lower()
        if amount > 2 or re.search(r"\b(?:been|\w+ed|\w+ing|after)\b", clause):
            return None
    return _duration_span(match, today, amount, match["unit"], pre or "in")


@rule(rf"\b(?P<n>{COUNT})[\s-]*{UNIT}\s+from\s+(?:now|today)\b", needs="now today")
def _from_now(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    amount = parse_count(match["n"])
    return None if amount is None else _duration_span(match, today, amount, match["unit"], "in")
