"""Patterns for routines, holidays, events, times of day and vague time words.

The calendar-date patterns are in `timeframe_rules`; `timeframes` runs both lists.
"""

from __future__ import annotations

import datetime as dt
import re

from headway.core.smart.calendar_words import COUNT, FULL_WEEKDAY, WEEKDAY, easter, word_set
from headway.core.smart.timeframe_rules import RawSpan, Rules, rule_into

ROUTINE_RULES: Rules = []
rule = rule_into(ROUTINE_RULES)

PERIOD_WORDS = (
    "day morning afternoon evening night weekday weekend week fortnight month quarter year term "
    "semester lunchtime lunch workday working"
)
PERIOD = (
    r"(?:day|morning|afternoon|evening|night|weekday|weekend|week|fortnight|month|quarter|"
    r"year|term|semester|lunchtime|lunch\s+break|working\s+day|workday)"
)


def _span(kind: str, match: re.Match[str], deadline: dt.date | None = None) -> RawSpan:
    return RawSpan(kind, match.start(), match.end(), deadline)


def _routine(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    return _span("recurrence", match)


# --- routines --------------------------------------------------------------------------------

rule(
    rf"\b(?:every|each)\s+(?:single\s+|other\s+|second\s+|alternate\s+|working\s+)?"
    rf"(?:{COUNT}\s+)?(?:{PERIOD}|{FULL_WEEKDAY}|{WEEKDAY})s?\b"
    rf"(?:\s*(?:,|and|&|or)\s*(?:{FULL_WEEKDAY})s?\b)*",
    needs="every each",
)(_routine)

rule(
    r"\b(?:daily|weekly|fortnightly|monthly|nightly|quarterly|yearly|annually|bi-?weekly|"
    r"bi-?monthly|semi-?monthly|twice-?weekly|twice-?monthly)\b",
    needs="daily weekly fortnightly monthly nightly quarterly yearly annually biweekly bimonthly semimonthly",
)(_routine)

# "everyday" is also an adjective ("everyday tasks"): a routine only at the end of a phrase.
rule(
    r"\beveryday\b(?=\s*(?:$|[,.;!?)]|(?:and|for|until|till|before|from|at|in|on|this|next|so|"
    r"to|with|without|after|during|of)\b))",
    needs="everyday",
)(_routine)

rule(
    rf"\b(?:once|twice|thrice|{COUNT}\s*(?:times|x))(?:\s+or\s+(?:twice|{COUNT}\s+times))?"
    rf"\s+(?:a|an|per|each|every|a\s+single|in\s+a)\s+{PERIOD}\b",
    needs="once twice thrice times #",
)(_routine)

rule(
    rf"\b(?:once|twice|{COUNT}\s+times)\s+(?:daily|weekly|fortnightly|monthly|yearly)\b",
    needs="once twice times",
)(_routine)

rule(
    rf"\b(?:(?:on|at|during|most|all|every)\s+)?(?:{FULL_WEEKDAY})s\b"
    rf"(?:\s*(?:,|and|&|or)\s*(?:{FULL_WEEKDAY})s\b)*",
    needs="mondays tuesdays wednesdays thursdays fridays saturdays sundays",
)(_routine)

rule(
    r"\b(?:on|at|during|over|most|all|every)\s+(?:the\s+)?(?:weekends|weekdays|weeknights|"
    r"week\s+nights|working\s+days|workdays)\b",
    needs="weekends weekdays weeknights nights days workdays",
)(_routine)

# "2x jobs/week", "3 hrs/day"
rule(
    r"(?<=\w)\s*/\s*(?:day|week|wk|fortnight|month|mth|year|yr|weekday|morning|evening)\b",
    needs="day week wk fortnight month mth year yr weekday morning evening",
)(_routine)

# A rate: "2 applications a week", "10 hours per week", "an hour a day".
_NOT_BEFORE_RATE = word_set(
    "in within for over after take took taking takes spend spent spending than about around "
    "just only of half once twice times every each one like full whole entire single nearly "
    "almost least most under a the another this that next last per"
)
_NOT_AFTER_RATE = word_set("off of or 's later ago long away before earlier out early late after")


@rule(rf"\b(?P<p>per|a|an)\s+{PERIOD}\b", needs=PERIOD_WORDS)
def _rate(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    previous = re.search(
        r"([a-z0-9']+)\W*$", plain[max(0, match.start() - 60) : match.start()], re.I
    )
    following = re.match(r"\s*('s|[a-z']+)", plain[match.end() :], re.IGNORECASE)
    if following and following.group(1).lower() in _NOT_AFTER_RATE:
        return None
    if re.match(r"\s*from\s+(?:now|today|tomorrow|then)\b", plain[match.end() :], re.IGNORECASE):
        return None  # "a week from now" is a date
    if match["p"].lower() == "per":
        return _span("recurrence", match)
    if previous is None or previous.group(1).lower() in _NOT_BEFORE_RATE:
        return None
    before = plain[max(0, match.start() - 60) : match.start()].rstrip()
    if re.search(
        r"(?:[£$€]\s?\d[\d,.]*\s?(?:k|m)?|\d\s?(?:k|pounds|dollars|euros|quid))$", before, re.I
    ):
        return None  # "£300 a month", "£40k a year": the unit of an amount, not a routine
    return _span("recurrence", match)


# --- holidays ------------------------------------------------------------------------------

HOLIDAY_PRE = (
    r"(?P<pre>by|before|until|till|for|at|over|around|ahead\s+of|in\s+time\s+for|after|from|"
    r"prior\s+to)"
)


@rule(
    rf"\b{HOLIDAY_PRE}\s+(?:the\s+)?(?P<hol>christmas(?:\s+(?:day|eve|holidays?|break))?|xmas|"
    r"new\s+year'?s?(?:\s+(?:day|eve))?|the\s+new\s+year|easter(?:\s+(?:holidays?|break|sunday|"
    r"weekend))?|thanksgiving|halloween|valentine'?s(?:\s+day)?|holidays|summer\s+holidays?|"
    r"summer\s+break|half[-\s]term|bank\s+holiday)\b",
    needs="christmas xmas new easter thanksgiving halloween valentine valentines holidays holiday summer half bank",
)
def _holiday(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    pre = re.sub(r"\s+", " ", match["pre"].lower())
    name = re.sub(r"\s+", " ", match["hol"].lower())
    if pre in {"after", "from"}:
        return _span("window", match)

    def on(year: int) -> dt.date | None:
        if name.startswith(("christmas", "xmas")) or name == "holidays":
            # The Christmas holidays and "the holidays" start on Christmas Eve.
            eve = name.endswith(("eve", "holidays", "holiday", "break"))
            return dt.date(year, 12, 24 if eve else 25)
        if name.startswith(("new year", "the new year")):
            return dt.date(year, 12, 31) if name.endswith("eve") else dt.date(year + 1, 1, 1)
        if name.startswith("easter"):
            return easter(year)
        if name == "thanksgiving":  # the fourth Thursday of November
            first = dt.date(year, 11, 1)
            return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
        if name == "halloween":
            return dt.date(year, 10, 31)
        if name.startswith("valentine"):
            return dt.date(year, 2, 14)
        return None  # school holidays and bank holidays move about: no date

    when = on(today.year)
    if when is None:
        return _span("window", match)
    if pre in {"before", "ahead of", "prior to"}:
        when -= dt.timedelta(days=1)
    if when < today:
        later = on(today.year + 1)
        when = later - dt.timedelta(days=1) if later and pre == "before" else later
    return _span("deadline", match, when)


@rule(r"\bin\s+the\s+new\s+year\b", needs="new")
def _new_year(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    return _span("deadline", match, dt.date(today.year + 1, 1, 31))


# --- events without a date -------------------------------------------------------------------

EVENT = (
    r"(?:birthday|wedding|graduation|exams?|finals|deadline|interview|appraisal|review|"
    r"probation(?:ary\s+period)?|notice(?:\s+period)?|contract|leave|sabbatical|holidays?|"
    r"vacation|trip|move|relocation|start\s+date|first\s+day|last\s+day|leaving\s+date|"
    r"redundancy|course|degree|bootcamp|programme|program|placement|internship|visa|lease|"
    r"tenancy|retirement|due\s+date|baby|renewal|conference|session|meeting|one-to-one|"
    r"check-in|results|return|launch|year\s+end|mortgage|funding)"
)
EVENT_WORDS = " ".join(re.findall(r"[a-z]+", EVENT))

rule(
    r"\b(?:by|before|until|till|ahead\s+of|prior\s+to|in\s+time\s+for|during)\s+"
    r"(?:my|our|the|his|her|their)\s+(?:next\s+|upcoming\s+|first\s+|final\s+|current\s+|"
    rf"new\s+|annual\s+)?(?:[a-z]+[\s-])?{EVENT}\b",
    needs=EVENT_WORDS,
)(lambda match, plain, today: _span("window", match))

# "at our team meeting" could be any of them; "at my next review" is one in the diary.
rule(
    r"\b(?:at|in)\s+(?:my|our|the)\s+(?:next|upcoming|first|final|annual)\s+(?:[a-z]+[\s-])?"
    rf"(?:{EVENT}|1:1|1-1|121|one\s+to\s+one)(?!\w)",
    needs="next upcoming first final annual",
)(lambda match, plain, today: _span("window", match))

rule(
    r"\b(?:by|before|until|till|at|for)\s+(?:the\s+)?(?:end|start|beginning|close)\s+of\s+"
    r"(?:my|our|the|this|his|her)\s+(?!(?:week|weekend|month|year|quarter|day|fortnight|"
    r"spring|summer|autumn|fall|winter|decade|current)\b)[a-z]+(?:\s+(?:period|year|term|leave|"
    r"contract|course|programme|program|placement|date))?\b",
    needs="end start beginning close",
)(lambda match, plain, today: _span("window", match))

rule(
    r"\bby\s+the\s+time\s+(?:i|i'm|we|we're|my|the|our)\b(?:\s+[a-z']+)?(?:\s+\d{2}\b)?|"
    r"\b(?:before|until|till)\s+(?:i|we)\s+(?:turn|graduate|start|finish|leave|"
    r"go|move|return|retire|qualify|hand\s+in|get\s+back|am|'m|have\s+to|need\s+to|relocate|"
    r"begin|switch|change|lose|run\s+out)\b(?:\s+\d{2}\b)?|\bbefore\s+(?:i|we)\s+[a-z']+\b"
    r"(?:\s+\d{2}\b)?|\b(?:before|ahead\s+of|prior\s+to)\s+(?:my|our)\s+(?:[a-z-]+\s+)?[a-z-]+\b",
    needs="before time until till",
)(lambda match, plain, today: _span("window", match))

rule(
    r"\b(?:before|ahead\s+of|prior\s+to)\s+(?:handing|starting|leaving|going|moving|quitting|"
    r"finishing|graduating|returning|switching|resigning|retiring|taking|signing|accepting)\b"
    r"(?:\s+(?:in|on|up|back|my|the|a|an|to|off|for)\b)*(?:\s+[a-z-]+)?",
    needs="before ahead prior",
)(lambda match, plain, today: _span("window", match))


@rule(r"\b(?:by|before)\s+(?P<age>[2-7]\d)\b(?!\s*(?:%|percent|per\b|[a-z£$€]))", needs="#")
def _age(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    # "be a senior developer by 30": an age, when the goal is about being or becoming.
    if re.search(r"\b(?:be|become|becoming|being|am|i'm|turn)\b", plain, re.IGNORECASE):
        return _span("window", match)
    return None


rule(
    r"\b(?:by|before)\s+(?:the\s+)?age\s+(?:of\s+)?\d{2}\b|\bbefore\s+turning\s+\d{2}\b|"
    r"\bby\s+(?:my\s+)?\d{2}(?:st|nd|rd|th)\s+birthday\b",
    needs="age turning birthday",
)(lambda match, plain, today: _span("window", match))


# --- times of day and vague words ------------------------------------------------------------


@rule(
    r"\b(?:(?P<pre>by|before|until|till|at|from)\s+)?(?:\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|"
    r"p\.m\.)|\d{1,2}:\d\d\b|noon|midday|midnight)",
    needs="# noon midday midnight",
)
def _clock(match: re.Match[str], plain: str, today: dt.date) -> RawSpan | None:
    if (match["pre"] or "").lower() in {"by", "before", "until", "till"}:
        return _span("deadline", match, today)
    return _span("clock", match)


rule(
    r"\b(?:soon|sooner|someday|some\s+day|one\s+day|eventually|in\s+the\s+(?:near\s+|distant\s+)?"
    r"future|at\s+some\s+point|sometime|asap|as\s+soon\s+as\s+(?:possible|i\s+can)|"
    r"when\s+i\s+(?:can|have\s+(?:the\s+)?time)|in\s+due\s+course|later(?:\s+on)?|regularly|"
    r"often|more\s+often|consistently|frequently|from\s+time\s+to\s+time|occasionally|now\s+and"
    r"\s+then|every\s+so\s+often|(?:in|over|during)\s+the\s+(?:next|coming)\s+(?:days|weeks|months|"
    r"years)|ongoing|going\s+forward|from\s+now\s+on|over\s+time|in\s+the\s+long\s+run|"
    r"long[-\s]term|short[-\s]term|this\s+season|at\s+some\s+stage|before\s+long|when\s+possible|"
    r"when\s+i'?m\s+ready|more\s+regularly|more\s+consistently|routinely|habitually)\b",
    needs=None,
)(lambda match, plain, today: _span("vague", match))
