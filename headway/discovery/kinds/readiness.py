"""Readiness for change, in four steps: where the dissatisfaction comes from, the financial
runway, time and responsibilities, and comfort with uncertainty. The result is a profile and
the open questions it raises, never a verdict. The scoring is `headway.core.assessments.readiness`.

Responses (every key optional while in progress; `score` says what is still missing):

    {
      "ratings": {"work": 0-4, "meaning": 0-4, "people": 0-4, "organisation": 0-4,
                  "pay": 0-4, "hours": 0-4, "commute": 0-4, "growth": 0-4},
          # how much each source adds to the dissatisfaction: 0 not at all .. 4 a great deal
      "same_field": "likely" | "partly" | "unlikely" | "unsure",
          # could another employer or role in the same field answer it?
      "note": "free text",
      "savings": number, "expenses": number,       # savings; essential expenses a month
      "other_income": number,                      # other household income a month (default 0)
      "transition_income": number | null,          # income expected during the change a month
      "runway_skip": false,                        # true: the client keeps the numbers out
      "caring": "none" | "some" | "heavy",
      "hours": number,                             # free hours a week for learning, 0-168
      "training_fit": ["evenings", "weekends", "part_time", "full_time", "on_the_job"],
      "flexibility": "little" | "some" | "lots",
      "uncertainty": {"start_unsettled": 1-5, "lose_sleep": 1-5, "lower_income": 1-5,
                      "known_path": 1-5, "adjust": 1-5, "setbacks": 1-5}
          # 1 strongly disagree .. 5 strongly agree
    }

Amounts are in any one currency; the form accepts "12,500" or "12 500", the API numbers or such
strings. The result keeps months, never the amounts:

    {
      "version": 1,
      "focus": "work" | "context" | "mixed" | "low",
      "work_mean": 0-4, "context_mean": 0-4,
      "ratings": [{"key", "label", "rating": 0-4, "words", "about_the_work": bool}, ...],
      "top_sources": ["pay and benefits", ...],    # rated "a lot" or more, at most three
      "same_field": "...", "same_field_label": "...", "note": "...",
      "runway": {"given": bool, "months": number | null,  # null: not given, or not the limit
                 "band": "short" | "within" | "beyond" | "open" | "not_given",
                 "months_without_transition_income": number | null,
                 "words": "about 4 months", "without_words": "...",  # "" when no months
                 "chart_percent": 0-100},      # the months on an 18-month scale
      "time": {"hours_per_week", "band": "little" | "some" | "more", "caring", "caring_label",
               "training_fit": ["Evenings", ...], "flexibility", "flexibility_label"},
      "uncertainty": {"score": 0-100, "band": "lower" | "middle" | "higher"},
      "questions": [{"topic": "sources" | "runway" | "time" | "uncertainty",
                     "because": "what prompted it", "question": "..."}, ...]
    }
"""

from __future__ import annotations

import math
from typing import Any

from django.core.exceptions import ValidationError
from django.http import QueryDict

from headway.core.assessments import readiness as core
from headway.discovery.kinds import KindSpec, Responses, Result
from headway.discovery.models import Kind

STEPS = ("sources", "runway", "responsibilities", "uncertainty")
STEP_LABELS = {
    "sources": "Where it comes from",
    "runway": "Financial runway",
    "responsibilities": "Time and responsibilities",
    "uncertainty": "Uncertainty",
}
AMOUNTS = {
    "savings": "Savings you could draw on",
    "expenses": "Essential expenses a month",
    "other_income": "Other household income a month",
    "transition_income": "Income you expect during the change, a month",
}
MAX_HOURS = 168  # hours in a week
MAX_NOTE = 2000


def _int_in(value: Any, low: int, high: int) -> int | None:
    """A whole number in [low, high] from form text or JSON, else None."""
    if isinstance(value, str):
        value = value.strip()
        if not value.lstrip("-").isdigit():
            return None
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return None
    return value


def _one_of(value: Any, choices: dict[str, str]) -> bool:
    return isinstance(value, str) and value in choices


def _number(value: Any) -> float | None:
    """A number of zero or more from JSON (a number, or text as people type it)."""
    if isinstance(value, str):
        return core.parse_amount(value)  # ValueError for text that is not a number
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("not a number")
    if not math.isfinite(value) or value < 0 or value > core.MAX_AMOUNT:
        raise ValueError("out of range")
    return float(value)


def apply(responses: Responses, data: QueryDict) -> Responses:
    """Merge one step's form into the responses. Only fields the form carried change: a radio
    group nobody touched posts nothing, and the hidden `*_shown` fields say that a checkbox
    group was on the page (an unticked box posts nothing either)."""
    new = dict(responses)
    posted = {name: str(value) for name, value in data.items()}
    errors: list[str] = []

    def scale(key: str, prefix: str, keys: tuple[str, ...], low: int, high: int) -> None:
        group = dict(new[key]) if isinstance(new.get(key), dict) else {}
        for k in keys:
            if prefix + k in posted:
                value = _int_in(posted[prefix + k], low, high)
                if value is None:
                    errors.append("Choose one of the five answers for each line.")
                else:
                    group[k] = value
        new[key] = group

    scale("ratings", "src_", core.SOURCE_KEYS, 0, core.MAX_RATING)
    scale("uncertainty", "unc_", core.STATEMENT_KEYS, 1, 5)
    for name, choices in (
        ("same_field", core.SAME_FIELD),
        ("caring", core.CARING),
        ("flexibility", core.FLEXIBILITY),
    ):
        if name in posted:
            if posted[name] not in choices:
                errors.append("Choose one of the answers offered.")
            new[name] = posted[name] if posted[name] in choices else new.get(name)
    if "note" in posted:
        new["note"] = posted["note"].strip()[:MAX_NOTE]
    for name, label in AMOUNTS.items():
        if name in posted:
            try:
                new[name] = core.parse_amount(posted[name])
            except ValueError:
                errors.append(f"{label}: write an amount of zero or more, like 12,500.")
    if "runway_shown" in posted:
        new["runway_skip"] = posted.get("runway_skip") == "1"
    if "hours" in posted:
        try:
            new["hours"] = _hours(core.parse_amount(posted["hours"]))
        except ValueError:
            errors.append(f"Hours a week for learning: a number from 0 to {MAX_HOURS}.")
    if "training_shown" in posted:
        chosen = set(data.getlist("training_fit"))
        new["training_fit"] = [k for k in core.TRAINING_FITS if k in chosen]
    if errors:
        raise ValidationError(sorted(set(errors), key=errors.index))
    return new


def _hours(value: float | None) -> float | None:
    if value is not None and value > MAX_HOURS:
        raise ValueError("more hours than a week has")
    return value


def _money(r: dict[str, Any], problems: list[str]) -> core.Money | None:
    skip = r.get("runway_skip", False)
    if not isinstance(skip, bool):
        problems.append("“runway_skip” must be true or false.")
    if skip is True:
        return None
    values: dict[str, float | None] = {}
    for name, label in AMOUNTS.items():
        try:
            values[name] = None if r.get(name) is None else _number(r[name])
        except ValueError:
            problems.append(f"Financial runway: {label.lower()} must be a number of zero or more.")
            return None
    savings, expenses = values["savings"], values["expenses"]
    if savings is None or expenses is None:
        problems.append(
            "Financial runway: add your savings and your essential expenses a month, "
            "or choose to leave the numbers out."
        )
        return None
    return core.Money(savings, expenses, values["other_income"] or 0.0, values["transition_income"])


def answers(responses: Any) -> core.Answers:
    """The responses, checked: a ValidationError lists everything missing or wrong."""
    if not isinstance(responses, dict):
        raise ValidationError("The responses must be a JSON object.")
    r = responses
    problems: list[str] = []
    ratings = r.get("ratings", {})
    if not isinstance(ratings, dict):
        problems.append("“ratings” must be an object of the eight sources, each 0 to 4.")
        ratings = {}
    open_ = [s.label for s in core.SOURCES if s.key not in ratings]
    if open_:
        problems.append(f"Where it comes from: rate every source (still open: {', '.join(open_)}).")
    wrong = [k for k in core.SOURCE_KEYS if k in ratings and _int_in(ratings[k], 0, 4) is None]
    if wrong or any(k not in core.SOURCE_KEYS for k in ratings):
        problems.append(
            "Where it comes from: ratings are whole numbers from 0 to 4 for "
            + ", ".join(core.SOURCE_KEYS)
            + "."
        )
    if not _one_of(r.get("same_field"), core.SAME_FIELD):
        problems.append(
            "Where it comes from: say whether another employer or role in your field could answer it."
        )
    note = r.get("note", "")
    if not isinstance(note, str):
        problems.append("“note” must be text.")
    money = _money(r, problems)
    if not _one_of(r.get("caring"), core.CARING):
        problems.append("Time and responsibilities: say how much caring for others you do.")
    try:
        hours = _hours(_number(r.get("hours", "")))
    except ValueError:
        hours = -1.0
    if hours is None or hours < 0:
        problems.append(
            "Time and responsibilities: add the hours a week you have free for learning (0 is fine)."
        )
    fit = r.get("training_fit", [])
    if not isinstance(fit, list) or not all(_one_of(k, core.TRAINING_FITS) for k in fit):
        problems.append(
            "“training_fit” must be a list drawn from " + ", ".join(core.TRAINING_FITS) + "."
        )
    if not _one_of(r.get("flexibility"), core.FLEXIBILITY):
        problems.append("Time and responsibilities: say how much flexibility you have.")
    agreement = r.get("uncertainty", {})
    if not isinstance(agreement, dict):
        problems.append("“uncertainty” must be an object of the six statements, each 1 to 5.")
        agreement = {}
    unanswered = [
        str(i)
        for i, k in enumerate(core.STATEMENT_KEYS, 1)
        if _int_in(agreement.get(k), 1, 5) is None
    ]
    if unanswered:
        problems.append(
            f"Uncertainty: answer every statement (still open: {', '.join(unanswered)})."
        )
    if problems:
        raise ValidationError(problems)
    return core.Answers(
        ratings={k: int(ratings[k]) for k in core.SOURCE_KEYS},
        same_field=r["same_field"],
        money=money,
        caring=r["caring"],
        hours=float(hours or 0.0),
        training_fit=tuple(k for k in core.TRAINING_FITS if k in fit),
        flexibility=r["flexibility"],
        agreement={k: int(agreement[k]) for k in core.STATEMENT_KEYS},
        note=note.strip(),
    )


def as_result(p: core.Profile, a: core.Answers) -> Result:
    """The JSON-safe result. Labels are stored with the keys so that a stored result reads the
    same however the wording changes later; the amounts are not stored, only the months."""
    months = core.RUNWAY_CHART_MONTHS if p.months is None else p.months
    return {
        "version": 1,
        "focus": p.focus,
        "work_mean": p.work_mean,
        "context_mean": p.context_mean,
        "ratings": [
            {
                "key": s.key,
                "label": s.label[0].upper() + s.label[1:],
                "rating": r,
                "words": core.RATINGS[r],
                "about_the_work": s.about_the_work,
            }
            for s, r in p.ratings
        ],
        "top_sources": [s.label for s, r in sorted(p.ratings, key=lambda x: -x[1]) if r >= 3][:3],
        "same_field": p.same_field,
        "same_field_label": core.SAME_FIELD[p.same_field],
        "note": a.note,
        "runway": {
            "given": p.runway_given,
            "months": p.months,
            "band": p.band,
            "months_without_transition_income": p.months_without_transition_income,
            "words": "" if p.months is None else core.about_months(p.months),
            "without_words": ""
            if p.months_without_transition_income is None
            else core.about_months(p.months_without_transition_income),
            "chart_percent": round(
                min(months, core.RUNWAY_CHART_MONTHS) / core.RUNWAY_CHART_MONTHS * 100, 1
            ),
        },
        "time": {
            "hours_per_week": p.hours,
            "band": p.time_band,
            "caring": a.caring,
            "caring_label": core.CARING[a.caring],
            "training_fit": [core.TRAINING_FITS[k] for k in a.training_fit],
            "flexibility": a.flexibility,
            "flexibility_label": core.FLEXIBILITY[a.flexibility],
        },
        "uncertainty": {"score": p.tolerance, "band": p.tolerance_band},
        "questions": [
            {"topic": q.topic, "because": q.because, "question": q.text} for q in p.questions
        ],
    }


def score(responses: Responses) -> Result:
    a = answers(responses)
    return as_result(core.profile(a), a)


FOCUS = {
    "work": "mostly about the work itself",
    "context": "mostly about the context around the work",
    "mixed": "about the work and its context alike",
    "low": "little dissatisfaction",
}


def _get(result: Result, *path: str) -> Any:
    """A value deep in a stored result, or None: results from older versions may lack it."""
    value: Any = result
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _runway_words(result: Result) -> str:
    if _get(result, "runway", "band") in (None, "not_given"):
        return "not given"
    months = _get(result, "runway", "months")
    if not isinstance(months, int | float):
        return "not the limit"
    return core.about_months(months)


def headline(result: Result) -> str:
    focus = FOCUS.get(str(_get(result, "focus")))
    if focus is None:
        return "Readiness profile"
    return f"{focus[0].upper()}{focus[1:]}; runway {_runway_words(result)}"


def changes(before: Result, after: Result) -> list[str]:
    """What moved between two results: the runway, the focus, the comfort with uncertainty and
    the time for learning."""
    said: list[str] = []
    was, now = _runway_words(before), _runway_words(after)
    if was != now:
        said.append(f"Runway: {was} then, {now} now.")
    focus = [_get(r, "focus") for r in (before, after)]
    if focus[0] != focus[1] and all(f in FOCUS for f in focus):
        said.append(f"The dissatisfaction was {FOCUS[focus[0]]}; now it is {FOCUS[focus[1]]}.")
    scores = [_get(r, "uncertainty", "score") for r in (before, after)]
    if all(isinstance(s, int) for s in scores) and abs(scores[1] - scores[0]) >= 5:
        way = "rose" if scores[1] > scores[0] else "fell"
        said.append(f"Comfort with uncertainty {way} from {scores[0]} to {scores[1]} of 100.")
    hours = [_get(r, "time", "hours_per_week") for r in (before, after)]
    if all(isinstance(h, int | float) for h in hours) and hours[0] != hours[1]:
        said.append(f"Time for learning went from {hours[0]:g} to {hours[1]:g} hours a week.")
    return said


def _options(labels: Any, current: Any, start: int = 0) -> list[dict[str, Any]]:
    """Radio options for the template: value, label, checked."""
    pairs = labels.items() if isinstance(labels, dict) else enumerate(labels, start)
    return [{"value": v, "label": label, "checked": v == current} for v, label in pairs]


def _shown(value: Any) -> str:
    """A stored amount as an input shows it: no grouping, so it reads back the same."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def _preview(r: Responses) -> str:
    """The runway so far, in words, for the runway step."""
    try:
        money = _money(r, [])
        if money is None:
            return ""
        months = core.runway_months(
            money.savings, money.expenses, money.other_income, money.transition_income or 0.0
        )
    except ValueError:
        return ""
    if months is None:
        return "Other income covers these expenses: savings are not what limits the time."
    return f"With what you have saved, that is {core.about_months(months)} of runway."


def context(responses: Responses, step: str) -> dict[str, Any]:
    r = responses
    ratings: dict[str, Any] = r["ratings"] if isinstance(r.get("ratings"), dict) else {}
    agreement: dict[str, Any] = r["uncertainty"] if isinstance(r.get("uncertainty"), dict) else {}
    fit: list[Any] = r["training_fit"] if isinstance(r.get("training_fit"), list) else []
    at = STEPS.index(step) if step in STEPS else 0
    return {
        "steps": [
            {"key": k, "label": STEP_LABELS[k], "number": i + 1, "current": i == at}
            for i, k in enumerate(STEPS)
        ],
        "step_label": STEP_LABELS[STEPS[at]],
        "step_number": at + 1,
        "step_count": len(STEPS),
        "prev_step": STEPS[at - 1] if at else "",
        "next_step": STEPS[at + 1] if at + 1 < len(STEPS) else "",
        "next_label": STEP_LABELS[STEPS[at + 1]] if at + 1 < len(STEPS) else "",
        "sources": [
            {
                "key": s.key,
                "label": s.label[0].upper() + s.label[1:],
                "options": _options(core.RATINGS, ratings.get(s.key)),
            }
            for s in core.SOURCES
        ],
        "same_field_options": _options(core.SAME_FIELD, r.get("same_field")),
        "amounts": [
            {"name": name, "label": label, "value": _shown(r.get(name))}
            for name, label in AMOUNTS.items()
        ],
        "runway_skip": r.get("runway_skip") is True,
        "runway_preview": _preview(r),
        "caring_options": _options(core.CARING, r.get("caring")),
        "hours_value": _shown(r.get("hours")),
        "fit_options": [
            {"value": k, "label": label, "checked": k in fit}
            for k, label in core.TRAINING_FITS.items()
        ],
        "flexibility_options": _options(core.FLEXIBILITY, r.get("flexibility")),
        "statements": [
            {
                "key": st.key,
                "text": st.text,
                "options": _options(core.AGREEMENT, agreement.get(st.key), start=1),
            }
            for st in core.STATEMENTS
        ],
    }


SPEC = KindSpec(
    kind=Kind.READINESS,
    intro=(
        "Where the dissatisfaction comes from, how long your savings could carry a change, "
        "the time you have to learn and how uncertainty sits with you: a profile and the "
        "questions it raises, never a verdict."
    ),
    take_template="discovery/readiness/take.html",
    result_template="discovery/readiness/result.html",
    apply=apply,
    score=score,
    headline=headline,
    context=context,
    changes=changes,
    steps=STEPS,
)

urlpatterns: list[Any] = []
