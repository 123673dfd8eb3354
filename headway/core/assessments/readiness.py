"""Readiness for change: where the dissatisfaction comes from, the financial runway, the time
there is for learning and the comfort with uncertainty, turned into a profile and the open
questions it raises.

Never a verdict: nothing here says "ready" or "not ready". Each finding comes with the question
it raises and what prompted it, so the client, the expert on their own life, decides what it
means. The wording is our own.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Source:
    key: str
    label: str  # reads mid-sentence: "You rate pay and benefits above ..."
    about_the_work: bool  # the work itself, or the context around it


SOURCES = (
    Source("work", "the work itself", True),
    Source("meaning", "meaning and fit with my values", True),
    Source("people", "the people or my manager", False),
    Source("organisation", "the organisation and how it is run", False),
    Source("pay", "pay and benefits", False),
    Source("hours", "hours and workload", False),
    Source("commute", "commute or location", False),
    Source("growth", "room to learn and grow", False),
)
SOURCE_KEYS = tuple(s.key for s in SOURCES)
RATINGS = ("Not at all", "A little", "Somewhat", "A lot", "A great deal")  # 0..4
MAX_RATING = len(RATINGS) - 1

SAME_FIELD = {
    "likely": "Probably yes",
    "partly": "Partly",
    "unlikely": "Probably not",
    "unsure": "I am not sure",
}
CARING = {"none": "None", "some": "Some", "heavy": "A lot"}
TRAINING_FITS = {
    "evenings": "Evenings",
    "weekends": "Weekends",
    "part_time": "Part-time study alongside work",
    "full_time": "A spell of full-time study",
    "on_the_job": "Learning on the job or through an employer",
}
FLEXIBILITY = {"little": "Little", "some": "Some", "lots": "A lot"}


@dataclass(frozen=True)
class Statement:
    key: str
    text: str
    reverse: bool  # agreeing means less comfort with uncertainty


STATEMENTS = (
    Statement("start_unsettled", "I can start something before every detail is settled.", False),
    Statement("lose_sleep", "Not knowing how a plan will turn out keeps me awake at night.", True),
    Statement(
        "lower_income", "I would accept a lower income for a while for the right direction.", False
    ),
    Statement("known_path", "I prefer a known path, even one I like less, to an open one.", True),
    Statement("adjust", "When plans change, I adjust without much distress.", False),
    Statement("setbacks", "A setback tends to stop me for a long time.", True),
)
STATEMENT_KEYS = tuple(s.key for s in STATEMENTS)
AGREEMENT = ("Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree")  # 1..5

# A change of direction often takes six to twelve months; the runway is set against that.
CHANGE_MONTHS = (6, 12)
# Below one unit of currency a month, what is left is rounding, not a cost savings must carry.
NEGLIGIBLE_BURN = 1.0
RUNWAY_CHART_MONTHS = 18  # the runway bar's scale; longer runways sit at its end
MAX_AMOUNT = 1e12  # far beyond any household's numbers; keeps the arithmetic finite
# The gap between the work and its context, on the 0-4 scale, that tips the focus one way.
FOCUS_GAP = 0.75


# --- numbers ---------------------------------------------------------------------------------

# Spaces, apostrophes and underscores only ever group digits ("12 500", "12'500").
_SPACING = re.compile(r"[\s\u00a0\u202f'’_]")
# Digits grouped by a separator (thousands, or the Indian lakh grouping "12,50,000"), or not
# grouped at all; then perhaps decimals after the other separator. A leading group never starts
# with 0, so "0.125" reads as a decimal.
_NUMBER = re.compile(
    r"(?P<int>[1-9]\d{0,2}(?:(?P<sep>[.,])\d{2,3})*(?P=sep)\d{3}|[1-9]\d{0,2}(?P<sep1>[.,])\d{3}|\d+)"
    r"(?:(?P<dec>[.,])(?P<frac>\d+))?"
)
_CODE = re.compile(r"^[A-Z]{3}|[A-Z]{3}$")  # EUR 12 500, 12 500 CHF


def _strip_currency(text: str) -> str:
    text = _CODE.sub("", text)
    while text and unicodedata.category(text[0]) == "Sc":
        text = text[1:]
    while text and unicodedata.category(text[-1]) == "Sc":
        text = text[:-1]
    return text


def parse_amount(text: str) -> float | None:
    """A sum of money as people type it, in any currency: "12,500", "12 500", "12.500,50",
    "$2,100.75", "EUR 900". Blank is None. A separator before a group of exactly three digits
    groups thousands, otherwise it marks decimals. Raises ValueError for anything else."""
    raw = _strip_currency(_SPACING.sub("", text))
    if not raw:
        if text.strip():
            raise ValueError("not a number")
        return None
    if "-" in raw:
        raise ValueError("negative")
    match = _NUMBER.fullmatch(raw)
    if match is None:
        raise ValueError("not a number")
    grouping = match["sep"] or match["sep1"]
    if grouping and match["dec"] == grouping:
        raise ValueError("not a number")  # "1,250,5": the same mark cannot do both jobs
    whole = re.sub(r"[.,]", "", match["int"])
    value = float(f"{whole}.{match['frac']}" if match["frac"] else whole)
    if value > MAX_AMOUNT:
        raise ValueError("too large")
    return round(value, 2)


def _amount(value: float) -> float:
    if not math.isfinite(value) or value < 0 or value > MAX_AMOUNT:
        raise ValueError("amounts are finite, zero or more")
    return value


def net_burn(expenses: float, other_income: float = 0.0, transition_income: float = 0.0) -> float:
    """What savings must cover each month: essential expenses less the income that keeps coming."""
    return _amount(expenses) - _amount(other_income) - _amount(transition_income)


def runway_months(
    savings: float, expenses: float, other_income: float = 0.0, transition_income: float = 0.0
) -> float | None:
    """Months the savings last; None when other income covers the expenses, so that the runway
    is not what limits the time a change can take."""
    burn = net_burn(expenses, other_income, transition_income)
    if burn < NEGLIGIBLE_BURN:
        return None
    return _amount(savings) / burn


def runway_band(months: float | None) -> str:
    """Against the 6-12 months a change often takes: short, within, beyond; open when None."""
    if months is None:
        return "open"
    if months < CHANGE_MONTHS[0]:
        return "short"
    return "within" if months <= CHANGE_MONTHS[1] else "beyond"


def about_months(months: float) -> str:
    whole = int(months + 0.5)
    if whole < 1:
        return "less than a month"
    return "about 1 month" if whole == 1 else f"about {whole} months"


# --- the profile ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Money:
    savings: float
    expenses: float
    other_income: float = 0.0
    transition_income: float | None = None  # optional: income expected during the change


@dataclass(frozen=True)
class Answers:
    ratings: Mapping[str, int]  # every SOURCE_KEYS key, 0..4
    same_field: str  # a SAME_FIELD key
    money: Money | None  # None: the client chose not to put numbers on it
    caring: str  # a CARING key
    hours: float  # free hours a week for learning
    training_fit: tuple[str, ...]  # TRAINING_FITS keys
    flexibility: str  # a FLEXIBILITY key
    agreement: Mapping[str, int]  # every STATEMENT_KEYS key, 1..5
    note: str = ""


@dataclass(frozen=True)
class Question:
    topic: str  # sources, runway, time, uncertainty
    because: str  # what in the answers prompted it
    text: str


@dataclass(frozen=True)
class Profile:
    ratings: tuple[tuple[Source, int], ...]
    work_mean: float
    context_mean: float
    focus: str  # work, context, mixed, low
    same_field: str
    runway_given: bool
    months: float | None
    band: str  # short, within, beyond, open; not_given when the client kept the numbers back
    months_without_transition_income: float | None
    hours: float
    time_band: str  # little, some, more
    tolerance: int  # 0-100
    tolerance_band: str  # lower, middle, higher
    questions: tuple[Question, ...]


def focus_of(ratings: Mapping[str, int]) -> tuple[float, float, str]:
    """The mean rating of the work itself and of its context, and which way the gap tips."""
    work = [ratings[s.key] for s in SOURCES if s.about_the_work]
    context = [ratings[s.key] for s in SOURCES if not s.about_the_work]
    work_mean, context_mean = sum(work) / len(work), sum(context) / len(context)
    if max(ratings[k] for k in SOURCE_KEYS) <= 1:
        focus = "low"
    elif work_mean - context_mean >= FOCUS_GAP:
        focus = "work"
    elif context_mean - work_mean >= FOCUS_GAP:
        focus = "context"
    else:
        focus = "mixed"
    return round(work_mean, 2), round(context_mean, 2), focus


def tolerance_of(agreement: Mapping[str, int]) -> int:
    """Comfort with uncertainty from 0 to 100: the mean of the statements, reversed ones flipped."""
    keyed = [(6 - agreement[s.key]) if s.reverse else agreement[s.key] for s in STATEMENTS]
    return round((sum(keyed) / len(keyed) - 1) / 4 * 100)


def tolerance_band(score: int) -> str:
    return "lower" if score < 40 else "higher" if score > 60 else "middle"


def time_band(hours: float) -> str:
    return "little" if hours < 3 else "some" if hours < 8 else "more"


def _join(labels: Sequence[str]) -> str:
    # A serial comma: the labels have "and" in them ("pay and benefits, and hours and workload").
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + ", and " + labels[-1]


# Each question with what prompts it, keyed "<topic>.<situation>"; {fields} come from the
# profile. Open questions only: they ask, they never tell the client what to do.
QUESTIONS: dict[str, tuple[str, str]] = {
    "sources.context": (
        "You rate {context_top} above the work itself.",
        "What would need to change where you are for this to be enough?",
    ),
    "sources.context_mean": (
        "The context around the work weighs more than the work itself.",
        "What would need to change where you are for this to be enough?",
    ),
    "sources.elsewhere": (
        "You think another employer or role in your field could answer some of it.",
        "Which employers or roles would you look at first, and what would you ask them?",
    ),
    "sources.work": (
        "The work itself weighs most in what you rate.",
        "What kind of work would you like to be doing instead, and what draws you to it?",
    ),
    "sources.work_elsewhere": (
        "You rate the work itself highly, yet think your field elsewhere could answer it.",
        "What would be different about the work in another role or organisation?",
    ),
    "sources.mixed": (
        "The work itself and the context around it weigh about the same.",
        "If only one of them could change, which would you choose, and why?",
    ),
    "sources.low": (
        "You rate no source of dissatisfaction highly.",
        "What draws you towards a change: something you would move to, rather than away from?",
    ),
    "sources.unsure": (
        "You are not sure whether another employer in your field would answer it.",
        "Who works elsewhere in your field and could tell you what it is like there?",
    ),
    "runway.not_given": (
        "You chose not to put numbers on your runway.",
        "When the time is right, who could help you look at how long you could carry a change?",
    ),
    "runway.open": (
        "Other income covers your essential monthly expenses.",
        "If money is not what sets the pace, what does?",
    ),
    "runway.short": (
        "Your runway covers {span} of the 6-12 a change often takes.",
        "What could lengthen it, or shorten the change?",
    ),
    "runway.within": (
        "Your runway covers {span}, inside the 6-12 a change often takes.",
        "How would you know, partway through, whether to keep going or adjust?",
    ),
    "runway.beyond": (
        "Your runway covers {span}, more than the 6-12 a change often takes.",
        "How much of it would you be willing to use, and what would you keep back?",
    ),
    "runway.rests_on_income": (
        "Without the income you expect during the change, the runway is {plain}.",
        "How sure is that income, and what if it comes later than you hope?",
    ),
    "time.little": (
        "You have {hours} free for learning{caring}.",
        "What kind of learning fits in that time, and what could you set down to make room?",
    ),
    "time.some": (
        "You have {hours} free for learning{caring}.",
        "Which learning would make the most of those hours?",
    ),
    "time.more": (
        "You have {hours} free for learning{caring}.",
        "What would you most like to learn first with that time?",
    ),
    "time.no_fit": (
        "You did not choose a way to fit training in.",
        "Which ways of learning have worked for you before?",
    ),
    "time.full_time": (
        "A spell of full-time study is among your options, with a runway of {span}.",
        "How might study and income fit together?",
    ),
    "time.load": (
        "You describe a lot of caring and little flexibility.",
        "Who could share some of the load while you change, and what would you ask of them?",
    ),
    "uncertainty.lower": (
        "You describe a lower comfort with uncertainty ({tolerance} of 100).",
        "What would make the next step feel safer: a small experiment, a fallback, more information?",
    ),
    "uncertainty.middle": (
        "Your comfort with uncertainty sits in the middle ({tolerance} of 100).",
        "Which uncertainties feel manageable to you, and which do not?",
    ),
    "uncertainty.higher": (
        "You describe a higher comfort with uncertainty ({tolerance} of 100).",
        "What would tell you it is time to pause or change course?",
    ),
    "uncertainty.short_runway": (
        "A lower comfort with uncertainty meets a shorter runway.",
        "What is the smallest step that would teach you something without putting much at risk?",
    ),
}


def _situations(p: Profile, a: Answers) -> list[str]:
    """Which questions the profile raises, in the order of the steps."""
    keys = []
    elsewhere = p.same_field in ("likely", "partly")
    if p.focus == "context":
        top = any(not s.about_the_work and r >= 3 for s, r in p.ratings)
        keys += ["sources.context" if top else "sources.context_mean"]
        keys += ["sources.elsewhere"] if elsewhere else []
    elif p.focus == "work":
        keys += ["sources.work"] + (["sources.work_elsewhere"] if elsewhere else [])
    else:
        keys += [f"sources.{p.focus}"]
    keys += ["sources.unsure"] if p.same_field == "unsure" else []
    keys += [f"runway.{p.band}"]
    plain = p.months_without_transition_income
    if plain is not None and p.months is not None and plain < CHANGE_MONTHS[0] <= p.months:
        keys += ["runway.rests_on_income"]
    keys += [f"time.{p.time_band}"]
    keys += [] if a.training_fit else ["time.no_fit"]
    keys += ["time.full_time"] if "full_time" in a.training_fit and p.band == "short" else []
    keys += ["time.load"] if a.caring == "heavy" and a.flexibility == "little" else []
    keys += [f"uncertainty.{p.tolerance_band}"]
    if p.tolerance_band == "lower" and p.band == "short":
        keys += ["uncertainty.short_runway"]
    return keys


def questions_for(p: Profile, a: Answers) -> tuple[Question, ...]:
    strongest_first = sorted(p.ratings, key=lambda rated: -rated[1])
    context_top = [s.label for s, r in strongest_first if not s.about_the_work and r >= 3]
    fields = {
        "context_top": _join(context_top[:3]) if context_top else "",
        "span": about_months(p.months) if p.months is not None else "",
        "plain": about_months(p.months_without_transition_income or 0.0),
        "hours": f"about {p.hours:g} hour{'' if p.hours == 1 else 's'} a week",
        "caring": " alongside caring for others" if a.caring != "none" else "",
        "tolerance": p.tolerance,
    }
    asked = []
    for key in _situations(p, a):
        because, text = QUESTIONS[key]
        asked.append(Question(key.split(".")[0], because.format(**fields), text))
    return tuple(asked)


def profile(a: Answers) -> Profile:
    work_mean, context_mean, focus = focus_of(a.ratings)
    months: float | None = None
    plain: float | None = None
    band = "not_given"
    if a.money is not None:
        m = a.money
        months = runway_months(m.savings, m.expenses, m.other_income, m.transition_income or 0.0)
        if m.transition_income and months is not None:
            # The same runway without the expected income: how much rests on it.
            plain = runway_months(m.savings, m.expenses, m.other_income)
        band = runway_band(months)
    score = tolerance_of(a.agreement)
    p = Profile(
        ratings=tuple((s, a.ratings[s.key]) for s in SOURCES),
        work_mean=work_mean,
        context_mean=context_mean,
        focus=focus,
        same_field=a.same_field,
        runway_given=a.money is not None,
        months=None if months is None else round(months, 1),
        band=band,
        months_without_transition_income=None if plain is None else round(plain, 1),
        hours=a.hours,
        time_band=time_band(a.hours),
        tolerance=score,
        tolerance_band=tolerance_band(score),
        questions=(),
    )
    return replace(p, questions=questions_for(p, a))
