"""Is this question open? A hint for the questions a coach writes into a coaching model's
stage, from the same classifier that codes a coach's turns in a session review.

Each question is read on its own, as a coach's turn with nothing said before or after it: a
stage question is asked fresh. The hint is a suggestion; the coach's wording stays theirs."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

from headway.core.classifier import Model, classify_conversation, load_model

COACH = "coach"
OPEN_INVITE = "an open one (What..., How...) invites the client to explore"


class Reading(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    STATEMENT = "statement"  # a reflection: it says, it does not ask
    INPUT = "input"  # information, advice or options
    UNCLEAR = "unclear"  # the classifier's "other": not yet a question


MESSAGES = {
    Reading.OPEN: "Reads as an open question.",
    Reading.CLOSED: f"Reads as a closed (yes/no) question: {OPEN_INVITE}.",
    Reading.STATEMENT: f"Reads as a statement rather than a question: {OPEN_INVITE}.",
    Reading.INPUT: (
        "Reads as information or advice rather than a question: an open question "
        "(What..., How...) leaves the answer to the client."
    ),
    Reading.UNCLEAR: f"Does not read as a question yet: {OPEN_INVITE}.",
}


@dataclass(frozen=True)
class QuestionHint:
    text: str
    reading: Reading
    changed: bool  # new or reworded since the stage was last saved

    @property
    def is_open(self) -> bool:
        return self.reading is Reading.OPEN

    @property
    def message(self) -> str:
        return MESSAGES[self.reading]


@dataclass(frozen=True)
class QuestionPanel:
    hints: tuple[QuestionHint, ...]

    @property
    def open_count(self) -> int:
        return sum(h.is_open for h in self.hints)

    @property
    def shown(self) -> tuple[QuestionHint, ...]:
        """What the panel lists: every new or reworded question, and any other that does not
        read as open."""
        return tuple(h for h in self.hints if h.changed or not h.is_open)

    @property
    def to_reconsider(self) -> tuple[QuestionHint, ...]:
        """The new or reworded questions that do not read as open: worth a second look."""
        return tuple(h for h in self.hints if h.changed and not h.is_open)


def reading_of(text: str, model: Model | None = None) -> Reading:
    """How the classifier codes the question as a coach's turn of its own."""
    (coded,) = classify_conversation([COACH], [text], COACH, model)
    if coded.code == "question":
        return Reading.CLOSED if coded.subtype == "closed" else Reading.OPEN
    if coded.code == "reflection":
        return Reading.STATEMENT
    if coded.code == "input":
        return Reading.INPUT
    return Reading.UNCLEAR


def question_panel(
    questions: Sequence[str], saved: Collection[str] = (), model: Model | None = None
) -> QuestionPanel:
    """A hint for each non-empty question; `saved` are the texts the stage has now, so a
    question not among them is new or reworded."""
    model = model or load_model()
    kept = {s.strip() for s in saved}
    return QuestionPanel(
        tuple(
            QuestionHint(text=q, reading=reading_of(q, model), changed=q not in kept)
            for q in (line.strip() for line in questions)
            if q
        )
    )
