"""Numbers written as words and the date arithmetic behind deadlines.

Shared by the timeframe parser (`timeframes`) and the SMART analysis (`smart`): both
need "two", "a couple of" and "5,000" as numbers, and the deadline rules need month
ends, weeks, seasons, quarters and Easter.

Choices, documented here once:
- A week runs Monday to Sunday, so "this week" ends on Sunday and a weekend is
  Saturday and Sunday.
- Seasons are the northern-hemisphere meteorological ones: spring is March to May,
  summer June to August, autumn September to November, winter December to February.
- Quarters are calendar quarters (Q1 is January to March), not a company's fiscal year.
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange

# fmt: off
UNIT_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Loose amounts: "a few weeks" is read as three so the goal still gets a rough deadline.
LOOSE_AMOUNTS: dict[str, int] = {
    "a": 1, "an": 1, "a single": 1, "single": 1, "a couple of": 2, "couple of": 2,
    "a couple": 2, "a pair of": 2, "a few": 3, "few": 3, "several": 3, "a dozen": 12,
    "dozen": 12, "half a dozen": 6, "a hundred": 100, "a thousand": 1000,
}
# fmt: on

_TENS = "|".join(TENS_WORDS)
_UNITS = "|".join(sorted(UNIT_WORDS, key=len, reverse=True))
NUMBER_WORD = rf"(?:(?:{_TENS})(?:[-\s](?:{'|'.join(list(UNIT_WORDS)[1:10])}))?|{_UNITS})"
NUMBER_WORD_SCALED = rf"{NUMBER_WORD}(?:\s+(?:hundred|thousand))?"
# A count as people write it in a goal: digits, words, or a loose amount.
COUNT = (
    r"(?:\d+(?:[.,]\d+)?|" + NUMBER_WORD_SCALED + r"|half\s+a\s+dozen|a\s+couple(?:\s+of)?|"
    r"couple\s+of|a\s+pair\s+of|a\s+few|few|several|a\s+dozen|a\s+single|a|an)"
)

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sept", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number
MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        ("monday", "mon"),
        ("tuesday", "tues", "tue"),
        ("wednesday", "weds", "wed"),
        ("thursday", "thurs", "thur", "thu"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    ]
):
    for _name in _names:
        WEEKDAYS[_name] = _number
WEEKDAY = r"(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")"
FULL_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

SEASONS: dict[str, tuple[int, int]] = {  # first and last month
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}


def word_set(text: str) -> frozenset[str]:
    """A word list written as one string: easier to read and extend than a list literal."""
    return frozenset(text.split())


def parse_count(text: str) -> float | None:
    """The number in "3", "5,000", "2.5", "twenty-five", "a couple of", "three hundred"."""
    words = re.sub(r"[\s-]+", " ", text.strip().lower())
    if not words:
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", words):
        return float(words.replace(",", ""))
    if words in LOOSE_AMOUNTS:
        return float(LOOSE_AMOUNTS[words])
    total = 0
    current = 0
    for word in words.split():
        if word in UNIT_WORDS:
            current += UNIT_WORDS[word]
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word in {"a", "and"}:
            continue
        else:
            return None
    return float(total + current)


# --- date arithmetic -------------------------------------------------------------------------


def last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, monthrange(year, month)[1])


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def end_of_week(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=6 - day.weekday())


def next_weekday(today: dt.date, weekday: int, *, include_today: bool) -> dt.date:
    ahead = (weekday - today.weekday()) % 7
    if ahead == 0 and not include_today:
        ahead = 7
    return today + dt.timedelta(days=ahead)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def season_bounds(name: str, year: int) -> tuple[dt.date, dt.date]:
    """First and last day of the season that starts in `year`."""
    first, last = SEASONS[name]
    end_year = year + 1 if last < first else year
    return dt.date(year, first, 1), last_day(end_year, last)


def quarter_bounds(quarter: int, year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 3 * quarter - 2, 1), last_day(year, 3 * quarter)
