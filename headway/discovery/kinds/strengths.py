"""Strengths: rate 25 strengths, choose a top five, reflect on each, and add the results of
outside instruments (CliftonStrengths, VIA) if the client has them.

The strengths, themes and questions are in `headway.core.assessments.strengths`. Four steps, each a
page: "rate" (every strength 1-5), "top" (choose five from those rated highest), "reflect"
(one question per chosen strength, optional) and "outside" (optional pasted results), then
Finish. Every change autosaves.

Responses (what the client has entered so far; the API may PUT it whole):

    {"ratings": {"curiosity": 4, "listening": 5, ...},   # strength key -> 1-5, all 25
     "top": ["listening", "curiosity", ...],              # five strength keys
     "reflections": {"listening": "At the team day..."},  # strength key -> text, optional
     "clifton": "1. Learner\\n2. Input ...",              # as typed or pasted, optional
     "via": "Curiosity, Honesty, ..."}                    # as typed or pasted, optional

    Ratings: 1 not me, 2 a little, 3 somewhat, 4 mostly, 5 very me. The top five must come
    from the strengths rated highest (4-5, or down to the fifth-highest rating).

Result (set once on completion):

    {"ratings": {...},                                    # as answered
     "top": [{"key", "name", "theme", "rating", "question", "reflection"}, ...5],
     "themes": [{"key", "name", "average", "in_top"}, ...5],  # average rating 1-5
     "clifton": ["Learner", "Input", ...],                # the pasted list, read
     "via": [{"rank": 1, "name": "Curiosity", "known": true, "theme": "thinking"}, ...],
     "questions": ["...", ...]}                           # open questions, including where
                                                          # one's view and VIA differ
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.http import QueryDict

from headway.core.assessments.strengths import (
    BY_KEY,
    RATING_SCALE,
    STRENGTHS,
    THEMES,
    TOP_COUNT,
    Strength,
    StrengthsError,
    Theme,
    candidates,
    check_ratings,
    check_texts,
    score_strengths,
    top_changes,
)
from headway.core.assessments.strengths_outside import LONGEST_TEXT, ViaEntry, parse_list, read_via
from headway.discovery.kinds import KindSpec, Responses, Result
from headway.discovery.models import Kind

STEPS = ("rate", "top", "reflect", "outside")
STEP_LABELS = {
    "rate": "Rate",
    "top": "Choose five",
    "reflect": "Reflect",
    "outside": "Other results",
}
RATE, REFLECT, TOP, TOP_SENT = "rate-", "reflect-", "top", "top_sent"
OUTSIDE = ("clifton", "via")
_VALUES = {str(value) for value, _ in RATING_SCALE}
_LABELS = dict(RATING_SCALE)


def _dict(responses: Responses, name: str) -> dict[str, Any]:
    stored = responses.get(name)
    return dict(stored) if isinstance(stored, dict) else {}


def _top(responses: Responses) -> list[str]:
    stored = responses.get("top")
    return [k for k in stored if k in BY_KEY] if isinstance(stored, list) else []


def _strength(key: str) -> Strength:
    strength = BY_KEY.get(key)
    if strength is None:
        raise ValidationError(f"There is no strength “{key}”.")
    return strength


def apply(responses: Responses, data: QueryDict) -> Responses:
    """Merge what one step posted; fields another step owns are left as they were.

    The top-five form always sends `top_sent`, so unticking every box is told apart from a
    post that carries no top five at all."""
    ratings, reflections = _dict(responses, "ratings"), _dict(responses, "reflections")
    new = dict(responses)
    for name, value in data.items():
        if name.startswith(RATE):
            strength = _strength(name.removeprefix(RATE))
            if value == "":
                continue
            if value not in _VALUES:
                raise ValidationError(f"Choose one of the five answers for {strength.name}.")
            ratings[strength.key] = int(value)
        elif name.startswith(REFLECT):
            strength = _strength(name.removeprefix(REFLECT))
            text = str(value).strip()[:LONGEST_TEXT]
            if text:
                reflections[strength.key] = text
            else:
                reflections.pop(strength.key, None)
    new["ratings"], new["reflections"] = ratings, reflections
    if TOP_SENT in data:
        chosen = list(dict.fromkeys(data.getlist(TOP)))
        for key in chosen:
            _strength(key)
        if len(chosen) > TOP_COUNT:
            raise ValidationError(
                f"Choose five at most: {len(chosen)} are ticked. Untick one to keep the others."
            )
        new["top"] = chosen
    for name in OUTSIDE:
        if name in data:
            new[name] = data.get(name, "").strip()[:LONGEST_TEXT]
    return new


def _text(responses: Responses, name: str) -> str:
    value = responses.get(name, "")
    if not isinstance(value, str):
        raise ValidationError(f'"{name}" must be text: the list as typed or pasted.')
    return value


def score(responses: Responses) -> Result:
    if not isinstance(responses, dict):
        raise ValidationError('The responses must be an object with "ratings" and "top".')
    try:
        ratings = check_ratings(responses.get("ratings", {}))
        reflections = check_texts(responses.get("reflections"), "reflections")
        profile = score_strengths(
            ratings,
            responses.get("top", []),
            reflections,
            _text(responses, "clifton"),
            _text(responses, "via"),
        )
    except StrengthsError as exc:
        raise ValidationError(str(exc)) from exc
    return profile.to_dict()


def _top_names(result: Result) -> list[str]:
    return [str(p["name"]) for p in result["top"]]


def headline(result: Result) -> str:
    try:
        return "Top five: " + ", ".join(_top_names(result))
    except (KeyError, TypeError):
        return "Strengths"


def changes(before: Result, after: Result) -> list[str]:
    try:
        return list(top_changes(_top_names(before), _top_names(after)))
    except (KeyError, TypeError):  # a result from an older shape: nothing to compare
        return []


# --- the take page ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    strength: Strength
    value: int | None = None
    checked: bool = False
    text: str = ""

    @property
    def rating_label(self) -> str:
        return _LABELS.get(self.value or 0, "not rated").lower()


@dataclass(frozen=True)
class StepLink:
    step: str
    label: str
    current: bool


def context(responses: Responses, step: str) -> dict[str, Any]:
    ratings, reflections = _dict(responses, "ratings"), _dict(responses, "reflections")
    ratings = {k: v for k, v in ratings.items() if k in BY_KEY and v in _LABELS}
    top = _top(responses)
    number = STEPS.index(step) if step in STEPS else 0
    shown = [s.key for s in candidates(ratings)]
    shown += [k for k in top if k not in shown]  # a choice no longer rated highly stays visible
    return {
        "steps": [StepLink(s, STEP_LABELS[s], i == number) for i, s in enumerate(STEPS)],
        "step_number": number + 1,
        "step_count": len(STEPS),
        "previous_step": STEPS[number - 1] if number > 0 else "",
        "next_step": STEPS[number + 1] if number + 1 < len(STEPS) else "",
        "scale": RATING_SCALE,
        "groups": [
            (theme, [Row(s, ratings.get(s.key)) for s in STRENGTHS if s.theme == theme.key])
            for theme in THEMES.values()
        ],
        "unrated": sum(1 for s in STRENGTHS if s.key not in ratings),
        "choices": [Row(BY_KEY[k], ratings.get(k), k in top) for k in shown],
        "chosen": len(top),
        "top_count": TOP_COUNT,
        "picks": [Row(BY_KEY[k], ratings.get(k), True, reflections.get(k, "")) for k in top],
        "clifton": responses.get("clifton", "")
        if isinstance(responses.get("clifton"), str)
        else "",
        "via": responses.get("via", "") if isinstance(responses.get("via"), str) else "",
        "clifton_read": parse_list(str(responses.get("clifton", ""))),
        "via_read": read_via(str(responses.get("via", ""))),
    }


# --- the result -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TopView:
    name: str
    theme: str
    rating: str
    question: str
    reflection: str


@dataclass(frozen=True)
class ThemeView:
    theme: Theme
    average: float
    in_top: int


@dataclass(frozen=True)
class ResultView:
    top: tuple[TopView, ...]
    themes: tuple[ThemeView, ...]
    chart: tuple[tuple[str, float, bool], ...]  # (theme, average 1-5, in the top five)
    clifton: tuple[str, ...]
    via_top: tuple[ViaEntry, ...]
    via_rest: tuple[ViaEntry, ...]
    unknown: tuple[str, ...]  # VIA names not recognised
    questions: tuple[str, ...]


def result_view(result: Result) -> ResultView:
    top = tuple(
        TopView(
            str(p["name"]),
            THEMES[p["theme"]].name,
            _LABELS.get(p["rating"], str(p["rating"])),
            str(p["question"]),
            str(p.get("reflection", "")),
        )
        for p in result["top"]
    )
    themes = tuple(
        ThemeView(THEMES[t["key"]], float(t["average"]), int(t["in_top"])) for t in result["themes"]
    )
    via = tuple(
        ViaEntry(int(v["rank"]), str(v["name"]), bool(v["known"]), str(v["theme"]))
        for v in result.get("via", [])
    )
    return ResultView(
        top=top,
        themes=themes,
        chart=tuple((t.theme.name, t.average, t.in_top > 0) for t in themes),
        clifton=tuple(str(c) for c in result.get("clifton", [])),
        via_top=via[:TOP_COUNT],
        via_rest=via[TOP_COUNT:],
        unknown=tuple(v.name for v in via if not v.known),
        questions=tuple(str(q) for q in result.get("questions", [])),
    )


SPEC = KindSpec(
    kind=Kind.STRENGTHS,
    intro="Rate 25 strengths by how much each is you, choose your top five and reflect on "
    "them; add CliftonStrengths or VIA results if you have them.",
    take_template="discovery/strengths/take.html",
    result_template="discovery/strengths/result.html",
    apply=apply,
    score=score,
    headline=headline,
    context=context,
    changes=changes,
    steps=STEPS,
)

urlpatterns: list[Any] = []
