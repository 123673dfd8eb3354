"""The action plan in numbers and words: progress through the steps, the first-step hint,
the SMART panel's three parts, the open questions for Achievable and Relevant, and a goal's
revisions told as before-and-after lines.

Pure computation: plain values and frozen dataclasses in and out. Headway asks; it never
rewrites the client's goal or tells them what they should do.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from headway.core.assessments.values_cards import CARDS_BY_KEY
from headway.core.smart.analysis import SmartCheck

FIRST_STEP_QUESTION = "What is a first step you could take this week, in under an hour?"
# The same questions for someone else reading the client's plan (their coach): about the
# client by name, never "you". `{name}` is the client's name.
FIRST_STEP_QUESTION_ABOUT = "What is a first step {name} could take this week, in under an hour?"
# A next step further out than this leaves the first week empty: momentum comes from
# something done soon, so the hint asks for a smaller one.
FIRST_STEP_WINDOW = dt.timedelta(days=14)
# Step titles this long, or with these words, usually describe an outcome, not a step.
LONG_STEP_WORDS = 14
BIG_STEP = re.compile(
    r"\b(complete|completing|finish|finishing|become|becoming|qualify|qualifying|graduate|"
    r"earn|obtain|land|get hired|get a job|find a job|change careers?|retrain|launch|master|"
    r"degree|diploma|masters|phd)\b",
    re.IGNORECASE,
)


# --- progress ------------------------------------------------------------------------------


@dataclass(frozen=True)
class StepFacts:
    """What the plan computations need to know about one step."""

    title: str
    due_on: dt.date | None = None
    done: bool = False


@dataclass(frozen=True)
class Progress:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def label(self) -> str:
        if not self.total:
            return "No steps yet"
        noun = "step" if self.total == 1 else "steps"
        return f"{self.done} of {self.total} {noun} done"


def plan_progress(steps: Iterable[StepFacts]) -> Progress:
    steps = list(steps)
    return Progress(done=sum(1 for s in steps if s.done), total=len(steps))


def plan_order(steps: Sequence[StepFacts]) -> list[int]:
    """Indexes of the steps in the order to show them: dated steps by date, then undated
    ones in the order given (databases disagree on where NULL dates sort)."""
    return sorted(
        range(len(steps)),
        key=lambda i: (steps[i].due_on is None, steps[i].due_on or dt.date.min, i),
    )


def next_step(steps: Sequence[StepFacts]) -> StepFacts | None:
    """The first open step in plan order, or None when every step is done."""
    for i in plan_order(steps):
        if not steps[i].done:
            return steps[i]
    return None


def is_overdue(step: StepFacts, *, today: dt.date) -> bool:
    """Open, with a date before today."""
    return not step.done and step.due_on is not None and step.due_on < today


def past_date_guess(day: dt.date, *, today: dt.date) -> dt.date | None:
    """For a date before today, the date the person more likely meant: the same day and
    month in the first year it is not past (the year is the easiest part to slip on). None
    for today or later, or when no such day comes within a year."""
    if day >= today:
        return None
    for year in (today.year, today.year + 1):
        try:
            guess = day.replace(year=year)
        except ValueError:  # 29 February in a year without one
            continue
        if today <= guess <= today + dt.timedelta(days=366):
            return guess
    return None


# --- the first-step hint ---------------------------------------------------------------------


@dataclass(frozen=True)
class FirstStepHint:
    reason: str  # what Headway noticed, as an observation
    question: str = FIRST_STEP_QUESTION


def sounds_big(title: str) -> bool:
    return len(title.split()) > LONG_STEP_WORDS or BIG_STEP.search(title) is not None


def first_step_hint(
    steps: Sequence[StepFacts], *, today: dt.date, about: str | None = None
) -> FirstStepHint | None:
    """A nudge towards a small first step, when the plan has none in reach this week.

    Nothing is said once every step is done, or while the next open step is small and due
    within two weeks (or undated and small: the client knows when they will do it).
    `about` is the client's name when someone else reads the plan."""
    hint = _first_step_hint(steps, today=today)
    if hint is None or about is None:
        return hint
    return FirstStepHint(hint.reason, FIRST_STEP_QUESTION_ABOUT.format(name=about))


def _first_step_hint(steps: Sequence[StepFacts], *, today: dt.date) -> FirstStepHint | None:
    if not steps:
        return FirstStepHint("There are no steps in this plan yet.")
    upcoming = next_step(steps)
    if upcoming is None:
        return None
    if upcoming.due_on is not None and upcoming.due_on - today > FIRST_STEP_WINDOW:
        weeks = (upcoming.due_on - today).days // 7
        return FirstStepHint(f"The next step, “{upcoming.title}”, is {weeks} weeks away.")
    if sounds_big(upcoming.title):
        return FirstStepHint(f"The next step, “{upcoming.title}”, sounds like a big one.")
    return None


# --- the SMART panel -------------------------------------------------------------------------

PARTS = (("specific", "Specific"), ("measurable", "Measurable"), ("time_bound", "Time-bound"))
PART_OF_FINDING = {
    "action": "specific",
    "object": "specific",
    "quantity": "measurable",
    "done": "measurable",
    "deadline": "time_bound",
    "window": "time_bound",
    "recurrence": "time_bound",
}
# Asked when the analysis says a part is missing but offers no question of its own.
FALLBACK_QUESTIONS = {
    "specific": "What exactly will you do, and about what?",
    "measurable": "How will you know you have done it?",
    "time_bound": "By when would you like to have done it?",
}


@dataclass(frozen=True)
class SmartPart:
    key: str  # "specific", "measurable" or "time_bound"
    name: str
    met: bool
    found: tuple[str, ...]  # the goal's own words this part rests on
    question: str | None  # one open question while the part is missing


@dataclass(frozen=True)
class SmartPanel:
    parts: tuple[SmartPart, ...]  # always the three, in S, M, T order
    more_questions: tuple[str, ...]  # questions the analysis asked that fit no single part
    deadline: dt.date | None

    @property
    def met_count(self) -> int:
        return sum(1 for p in self.parts if p.met)


def smart_panel(check: SmartCheck, *, due_on: dt.date | None = None) -> SmartPanel:
    """The analysis laid out part by part. A due date the client set counts as time-bound
    even when the text names none."""
    met = {
        "specific": check.specific,
        "measurable": check.measurable,
        "time_bound": check.time_bound,
    }
    missing = [key for key, _ in PARTS if not met[key]]
    questions: dict[str, str] = {}
    more: tuple[str, ...] = ()
    if not check.questions:
        questions = {key: FALLBACK_QUESTIONS[key] for key in missing}
    elif len(check.questions) == len(missing):
        # One question per missing part, in S, M, T order (the analysis's contract).
        questions = dict(zip(missing, check.questions, strict=True))
    else:
        more = tuple(check.questions)
    found: dict[str, list[str]] = {key: [] for key, _ in PARTS}
    for finding in check.findings:
        words = finding.text.strip()
        bucket = found[PART_OF_FINDING.get(finding.part, "specific")]
        if words and words not in bucket:
            bucket.append(words)
    if due_on is not None and not met["time_bound"]:
        met["time_bound"] = True
        questions.pop("time_bound", None)
        found["time_bound"].append(f"due {format_day(due_on)}")
    parts = tuple(
        SmartPart(
            key=key,
            name=name,
            met=met[key],
            found=tuple(found[key]),
            question=None if met[key] else questions.get(key),
        )
        for key, name in PARTS
    )
    return SmartPanel(parts=parts, more_questions=more, deadline=check.deadline)


# --- Achievable and Relevant -----------------------------------------------------------------

CONFIDENCE_QUESTION = "How confident are you, from 1 to 10, that you will get there?"
RAISE_CONFIDENCE_QUESTION = "What would move your confidence one point higher?"
HOURS_QUESTION = "How many hours a week can you give this goal?"
RELEVANT_QUESTION = "Which of your values, or which option you are exploring, does this goal serve?"
CONFIDENCE_QUESTION_ABOUT = "How confident is {name}, from 1 to 10, that they will get there?"
RAISE_CONFIDENCE_QUESTION_ABOUT = "What would move {name}'s confidence one point higher?"
HOURS_QUESTION_ABOUT = "How many hours a week can {name} give this goal?"
RELEVANT_QUESTION_ABOUT = (
    "Which of {name}'s values, or which option they are exploring, does this goal serve?"
)
# Below this, people often find the goal slipping; above, a question would only be noise.
CONFIDENT_ENOUGH = 7


def achievable_questions(
    confidence: int | None, hours: int | None, *, about: str | None = None
) -> tuple[str, ...]:
    """Open questions about a goal's confidence and hours; to the client, or about them by
    name (`about`) for someone else reading the plan."""
    asked: list[str] = []
    if confidence is None:
        asked.append(_asked(CONFIDENCE_QUESTION, CONFIDENCE_QUESTION_ABOUT, about))
    elif confidence < CONFIDENT_ENOUGH:
        asked.append(_asked(RAISE_CONFIDENCE_QUESTION, RAISE_CONFIDENCE_QUESTION_ABOUT, about))
    if not hours:
        asked.append(_asked(HOURS_QUESTION, HOURS_QUESTION_ABOUT, about))
    return tuple(asked)


def relevant_question(*, value_key: str, option: str, about: str | None = None) -> str | None:
    if value_key or option:
        return None
    return _asked(RELEVANT_QUESTION, RELEVANT_QUESTION_ABOUT, about)


def _asked(to_client: str, about_client: str, name: str | None) -> str:
    return to_client if name is None else about_client.format(name=name)


# --- revisions ---------------------------------------------------------------------------------

FIELD_LABELS = {
    "text": "Goal",
    "status": "Status",
    "confidence": "Confidence",
    "hours_per_week": "Hours a week",
    "value": "Value it serves",
    "option": "Option it moves forward",
    "due_on": "Due",
    "title": "Title",
    "kind": "Kind",
}
STATUS_WORDS = {"active": "Active", "paused": "Paused", "achieved": "Achieved", "dropped": "Let go"}
KIND_WORDS = {
    "action": "Step",
    "course": "Course",
    "certification": "Certification",
    "mentoring": "Mentoring",
    "volunteering": "Volunteering",
}
STEP_EVENTS = {
    "added": "Step added",
    "done": "Step done",
    "reopened": "Step marked not done",
    "edited": "Step changed",
    "deleted": "Step removed",
}
OBSTACLE_EVENTS = {
    "added": "Obstacle planned for",
    "edited": "If-then plan changed",
    "deleted": "Obstacle removed",
}


@dataclass(frozen=True)
class ChangeLine:
    what: str
    before: str = ""
    after: str = ""


def json_value(value: object) -> object:
    """A field value as a revision stores it: dates as ISO text, the rest as they are."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def revision_diff(
    before: Mapping[str, object], after: Mapping[str, object]
) -> dict[str, list[object]]:
    """{"field": [before, after]} for each field whose value changed, ready to store as JSON.
    Fields missing from `after` are not being changed."""
    return {
        name: [json_value(before.get(name)), json_value(value)]
        for name, value in after.items()
        if json_value(before.get(name)) != json_value(value)
    }


def format_day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def _words(field: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    if field == "status":
        return STATUS_WORDS.get(str(value), str(value))
    if field == "kind":
        return KIND_WORDS.get(str(value), str(value))
    if field == "value":
        card = CARDS_BY_KEY.get(str(value))
        return card.name if card else str(value)
    if field == "due_on":
        try:
            return format_day(dt.date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    if field == "confidence":
        return f"{value} out of 10"
    return str(value)


def _field_lines(changes: Mapping[str, Any], prefix: str = "") -> list[ChangeLine]:
    lines = []
    for field, pair in changes.items():
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            continue
        label = FIELD_LABELS.get(field, field.replace("_", " ").capitalize())
        if prefix:
            label = prefix + label.lower()
        lines.append(ChangeLine(label, _words(field, pair[0]), _words(field, pair[1])))
    return lines


def describe_revision(changes: Mapping[str, Any]) -> tuple[ChangeLine, ...]:
    """A stored revision as lines a person reads: what changed, what it was, what it is now."""
    lines: list[ChangeLine] = []
    for key, change in changes.items():
        if key == "created" and isinstance(change, Mapping):
            lines.append(ChangeLine("Goal written", after=str(change.get("text", ""))))
        elif key == "step" and isinstance(change, Mapping):
            what = STEP_EVENTS.get(str(change.get("action")), "Step changed")
            title = str(change.get("title", ""))
            lines.append(ChangeLine(what, after=title))
            nested = change.get("changes")
            if isinstance(nested, Mapping):
                lines.extend(_field_lines(nested, prefix="Step "))
        elif key == "obstacle" and isinstance(change, Mapping):
            what = OBSTACLE_EVENTS.get(str(change.get("action")), "Obstacle changed")
            lines.append(ChangeLine(what, after=str(change.get("text", ""))))
        else:
            lines.extend(_field_lines({key: change}))
    return tuple(lines)
