"""Interests: a RIASEC inventory of 60 everyday activities, scored into a Holland code.

The activities, scale and scoring are in `headway.core.assessments.riasec_inventory`. The client rates
them in five pages of twelve (the steps "1" to "5"); every change autosaves. Finishing
needs all but at most three answered (`MAX_UNANSWERED`), so one activity a person cannot
picture does not block the result; the message on "Finish" says how many are left and on
which pages.

Responses (what the client has entered so far; the API may PUT it whole):

    {"ratings": {"r01": 4, "i01": 2, ...}}

    ratings: statement key -> 1 (strongly dislike), 2 (dislike), 3 (not sure), 4 (like),
    5 (strongly like). Keys are r01..r10, i01..i10, a01..a10, s01..s10, e01..e10,
    c01..c10 (the letter is the RIASEC area).

Result (set once on completion):

    {"scores": {"R": 20, "I": 75, "A": 60, "S": 55, "E": 30, "C": 10},  # 0-100
     "code": "IAS",                 # the three strongest, ties in R-I-A-S-E-C order
     "order": "IASERC",             # all six, strongest first
     "ties": ["AS"],                # groups of equal scores that touch the code
     "differentiation": 65,         # highest minus lowest score
     "flat": false,                 # differentiation under 20: a question, not a verdict
     "consistency": "adjacent",     # the two strongest on the hexagon: adjacent,
                                    # alternate or opposite
     "answered": 59, "total": 60,
     "questions": ["...", ...]}     # open questions the profile raises
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.http import QueryDict

from headway.core.assessments.riasec_inventory import (
    DESCRIPTIONS,
    FLAT_SPREAD,
    LETTERS,
    MAX_UNANSWERED,
    NAMES,
    PAGES,
    SCALE,
    STATEMENTS,
    InventoryError,
    Statement,
    check_ratings,
    profile_changes,
    score_ratings,
    tie_sentences,
)
from headway.discovery.kinds import KindSpec, Responses, Result
from headway.discovery.models import Kind

FIELD = "rate-"  # a posted rating is rate-<statement key>
STEPS = tuple(str(n) for n in range(1, len(PAGES) + 1))
_VALUES = {str(value) for value, _ in SCALE}
_BY_KEY = {s.key: s for s in STATEMENTS}


def _ratings(responses: Responses) -> dict[str, Any]:
    stored = responses.get("ratings")
    return dict(stored) if isinstance(stored, dict) else {}


def apply(responses: Responses, data: QueryDict) -> Responses:
    """Merge posted ratings (rate-<key> = 1-5); a page's post keeps every other answer."""
    ratings = _ratings(responses)
    for name, value in data.items():
        if not name.startswith(FIELD):
            continue
        statement = _BY_KEY.get(name.removeprefix(FIELD))
        if statement is None:
            raise ValidationError(f"There is no activity “{name.removeprefix(FIELD)}” to rate.")
        if value == "":
            continue
        if value not in _VALUES:
            raise ValidationError(f"Choose one of the five answers for “{statement.text}”.")
        ratings[statement.key] = int(value)
    return {**responses, "ratings": ratings}


def score(responses: Responses) -> Result:
    if not isinstance(responses, dict) or "ratings" not in responses:
        raise ValidationError(
            'The responses need "ratings": an object of activity keys and ratings 1-5.'
        )
    try:
        return score_ratings(check_ratings(responses["ratings"])).to_dict()
    except InventoryError as exc:
        raise ValidationError(str(exc)) from exc


def headline(result: Result) -> str:
    return f"Holland code {result.get('code', '?')}"


def changes(before: Result, after: Result) -> list[str]:
    try:
        return list(
            profile_changes(before["scores"], before["code"], after["scores"], after["code"])
        )
    except (KeyError, TypeError):  # a result from an older shape: nothing to compare
        return []


# --- the take page ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    statement: Statement
    value: int | None

    @property
    def field(self) -> str:
        return FIELD + self.statement.key


@dataclass(frozen=True)
class PageLink:
    step: str
    left: int  # unanswered on that page
    current: bool


def context(responses: Responses, step: str) -> dict[str, Any]:
    ratings = _ratings(responses)
    number = STEPS.index(step) if step in STEPS else 0
    answered = sum(1 for s in STATEMENTS if s.key in ratings)
    return {
        "scale": SCALE,
        "rows": [Row(s, ratings.get(s.key)) for s in PAGES[number]],
        "page_links": [
            PageLink(STEPS[i], sum(1 for s in page if s.key not in ratings), i == number)
            for i, page in enumerate(PAGES)
        ],
        "page_number": number + 1,
        "page_count": len(PAGES),
        "answered": answered,
        "total": len(STATEMENTS),
        "percent": round(100 * answered / len(STATEMENTS)),
        "previous_step": STEPS[number - 1] if number > 0 else "",
        "next_step": STEPS[number + 1] if number + 1 < len(STEPS) else "",
        "max_unanswered": MAX_UNANSWERED,
    }


# --- the result -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Area:
    letter: str
    name: str
    description: str
    score: int


@dataclass(frozen=True)
class ResultView:
    """What the result template shows, worked out from the stored result."""

    code: str
    code_areas: tuple[Area, ...]
    other_areas: tuple[Area, ...]
    chart: tuple[tuple[str, int, bool], ...]  # (name, score, in the code), RIASEC order
    ties: tuple[str, ...]
    spread: str
    consistency: str
    questions: tuple[str, ...]
    answered: int
    total: int
    occupations_url: str  # "" when a flat profile has nothing to match


_CONSISTENCY = {
    "adjacent": "sit side by side on the hexagon: they often meet in the same work",
    "alternate": "are one step apart on the hexagon",
    "opposite": "sit across the hexagon from each other, and seldom share one role",
}


def result_view(result: Result, engagement_pk: int | None = None) -> ResultView:
    from headway.onet.explore_views import interests_url  # late: keeps kind loading light

    scores = {c: int(result["scores"][c]) for c in LETTERS}
    order, code = str(result["order"]), str(result["code"])
    areas = [Area(c, NAMES[c], DESCRIPTIONS[c], scores[c]) for c in order]
    spread = int(result["differentiation"])
    if spread < FLAT_SPREAD:
        spread_words = (
            f"Your highest and lowest areas are only {spread} points apart: a fairly even "
            "profile. The questions below ask what that might mean."
        )
    else:
        spread_words = f"Your highest and lowest areas are {spread} points apart."
    url = ""
    if len(set(scores.values())) > 1:
        url = interests_url([scores[c] for c in LETTERS])
        url += f"&e={engagement_pk}" if engagement_pk else ""
    return ResultView(
        code=code,
        code_areas=tuple(areas[:3]),
        other_areas=tuple(areas[3:]),
        chart=tuple((NAMES[c], scores[c], c in code) for c in LETTERS),
        ties=tie_sentences(code, result.get("ties", [])),
        spread=spread_words,
        consistency=f"Your two strongest, {NAMES[order[0]]} and {NAMES[order[1]]}, "
        f"{_CONSISTENCY.get(str(result.get('consistency')), '')}.",
        questions=tuple(result.get("questions", [])),
        answered=int(result.get("answered", 0)),
        total=int(result.get("total", len(STATEMENTS))),
        occupations_url=url,
    )


SPEC = KindSpec(
    kind=Kind.INTERESTS,
    intro="Rate 60 everyday activities by how much you would enjoy them, and see the "
    "interest profile they make: a Holland code and the questions it raises.",
    take_template="discovery/interests/take.html",
    result_template="discovery/interests/result.html",
    apply=apply,
    score=score,
    headline=headline,
    context=context,
    changes=changes,
    steps=STEPS,
)

urlpatterns: list[Any] = []
