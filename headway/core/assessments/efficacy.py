"""Concluding an engagement: a short career self-efficacy scale, the readiness-to-conclude
profile and the open questions it raises, the follow-up schedule, and what changed.

The scale's items are our own words: how confident someone feels about the tasks a career
change asks of them, rated 1 (not at all confident) to 5 (completely confident). It is taken
at the start, the middle and the end of an engagement; the latest answer in each phase counts.
Nothing here is a verdict: the profile shows what is there and asks about what is not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from headway.core.dates import add_months

RATING_MIN = 1
RATING_MAX = 5
RATING_LABELS = {
    1: "Not at all confident",
    2: "A little confident",
    3: "Fairly confident",
    4: "Very confident",
    5: "Completely confident",
}


@dataclass(frozen=True)
class ScaleItem:
    key: str  # never changes once published: answers are stored by it
    text: str


SCALE: tuple[ScaleItem, ...] = (
    ScaleItem("find-information", "Find out what a kind of work involves day to day"),
    ScaleItem("know-myself", "Say what I want and do not want from my work"),
    ScaleItem("choose", "Choose between options that each have something going for them"),
    ScaleItem("plan", "Make a plan with concrete steps towards the work I want"),
    ScaleItem("reach-out", "Reach out to people who can tell me about the work or open doors"),
    ScaleItem("setbacks", "Keep going when something does not work out the first time"),
    ScaleItem("present", "Explain to others what I bring and why I am making this change"),
)
SCALE_KEYS = tuple(item.key for item in SCALE)


class Phase(StrEnum):
    START = "start"
    MIDDLE = "middle"
    END = "end"


PHASE_LABELS = {
    Phase.START: "At the start",
    Phase.MIDDLE: "Along the way",
    Phase.END: "At the end",
}


class ScaleError(ValueError):
    """The answers do not make a complete scale; the message says what is missing."""


@dataclass(frozen=True)
class ScaleResult:
    ratings: tuple[tuple[str, int], ...]  # in the scale's order
    mean: float  # 1-5, one decimal

    def rating(self, key: str) -> int | None:
        return dict(self.ratings).get(key)


def score_scale(responses: Mapping[str, int]) -> ScaleResult:
    """Every item rated 1-5, or a ScaleError naming what is not."""
    missing = [item.text for item in SCALE if item.key not in responses]
    if missing:
        raise ScaleError(f"Rate every statement; still open: {missing[0]}.")
    unknown = sorted(set(responses) - set(SCALE_KEYS))
    if unknown:
        raise ScaleError(f"Not a statement of this scale: {unknown[0]}.")
    ratings = []
    for item in SCALE:
        value = responses[item.key]
        if not RATING_MIN <= value <= RATING_MAX:
            raise ScaleError(f"Ratings go from {RATING_MIN} to {RATING_MAX}.")
        ratings.append((item.key, value))
    mean = round(sum(v for _, v in ratings) / len(ratings), 1)
    return ScaleResult(ratings=tuple(ratings), mean=mean)


def default_phase(*, has_goals: bool, from_concluding: bool) -> Phase:
    """The phase to suggest: the client may pick another. Before any goal is set the journey
    is at its start; taken from the concluding page it is the end; otherwise along the way."""
    if from_concluding:
        return Phase.END
    return Phase.MIDDLE if has_goals else Phase.START


# --- what changed ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemChange:
    key: str
    text: str
    before: int | None
    after: int | None

    @property
    def delta(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def scale_changes(before: ScaleResult | None, after: ScaleResult | None) -> tuple[ItemChange, ...]:
    """Item by item, the first rating against the latest; empty when neither exists."""
    if before is None and after is None:
        return ()
    return tuple(
        ItemChange(
            key=item.key,
            text=item.text,
            before=before.rating(item.key) if before else None,
            after=after.rating(item.key) if after else None,
        )
        for item in SCALE
    )


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


def what_changed(
    *,
    efficacy_before: ScaleResult | None,
    efficacy_after: ScaleResult | None,
    satisfaction_before: int | None,
    satisfaction_after: int | None,
    goals_achieved: int,
    steps_done: int,
    interviews_held: int,
) -> tuple[Change, ...]:
    """The before-and-after lines of the celebration summary, in plain words."""
    changes: list[Change] = []
    if efficacy_before is not None and efficacy_after is not None:
        changes.append(
            Change(
                "Confidence with the tasks of a career change (average, 1-5)",
                f"{efficacy_before.mean:g}",
                f"{efficacy_after.mean:g}",
            )
        )
    if satisfaction_before is not None and satisfaction_after is not None:
        changes.append(
            Change(
                "Satisfaction with work (1-10)", str(satisfaction_before), str(satisfaction_after)
            )
        )
    if goals_achieved:
        changes.append(Change("Goals achieved", "0", str(goals_achieved)))
    if steps_done:
        changes.append(Change("Steps of the plan done", "0", str(steps_done)))
    if interviews_held:
        changes.append(
            Change("Conversations with people doing the work", "0", str(interviews_held))
        )
    return tuple(changes)


# --- readiness to conclude -------------------------------------------------------------------


@dataclass(frozen=True)
class ReadinessFacts:
    chosen_option: str  # the decision matrix's choice, "" when none
    active_goals: int
    achieved_goals: int
    goals_with_dated_steps: int
    steps_total: int
    steps_done: int
    interviews_held: int
    partner_links: int  # accountability partners with a live link
    network_in_own_words: str  # the client's own answer: who they can turn to
    efficacy_start: ScaleResult | None
    efficacy_now: ScaleResult | None  # the latest of end, then middle


@dataclass(frozen=True)
class Aspect:
    key: str
    label: str
    in_place: tuple[str, ...]  # what is there, as facts
    questions: tuple[str, ...]  # open questions about what is not, or about what next


@dataclass(frozen=True)
class ReadinessProfile:
    aspects: tuple[Aspect, ...]

    @property
    def questions(self) -> tuple[str, ...]:
        return tuple(q for a in self.aspects for q in a.questions)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def readiness_profile(facts: ReadinessFacts) -> ReadinessProfile:
    """Clarity, plans, network and confidence: what is in place and what is worth asking."""
    clarity: list[str] = []
    clarity_q: list[str] = []
    if facts.chosen_option:
        clarity.append(f"A chosen direction: {facts.chosen_option}")
    if facts.active_goals or facts.achieved_goals:
        clarity.append(
            f"{_plural(facts.active_goals, 'active goal')}, {facts.achieved_goals} achieved"
        )
    if not clarity:
        clarity_q.append("How would you describe the direction you are heading in now?")
    else:
        clarity_q.append("How settled does this direction feel, and what would unsettle it?")

    plans: list[str] = []
    plans_q: list[str] = []
    if facts.goals_with_dated_steps:
        plans.append(f"{_plural(facts.goals_with_dated_steps, 'goal')} with dated steps")
    if facts.steps_total:
        plans.append(f"{facts.steps_done} of {_plural(facts.steps_total, 'step')} done")
    open_steps = facts.steps_total - facts.steps_done
    if not facts.goals_with_dated_steps:
        plans_q.append("What are the next few steps, and when will you take them?")
    elif open_steps:
        plans_q.append(
            f"With {_plural(open_steps, 'step')} still open, what will keep them moving "
            "once the sessions end?"
        )
    else:
        plans_q.append("Every step is done: what comes after this plan?")

    network: list[str] = []
    network_q: list[str] = []
    if facts.interviews_held:
        network.append(f"{_plural(facts.interviews_held, 'informational interview')} held")
    if facts.partner_links:
        network.append(f"{_plural(facts.partner_links, 'accountability partner')}")
    if facts.network_in_own_words.strip():
        network.append("Your own words on who you can turn to")
    if not network:
        network_q.append("Who will you turn to for encouragement, advice or introductions?")
    elif not facts.partner_links:
        network_q.append("Who could keep you company on the plan, now that the sessions end?")
    else:
        network_q.append("Who else could open a door, and how will you keep in touch?")

    confidence: list[str] = []
    confidence_q: list[str] = []
    start, now = facts.efficacy_start, facts.efficacy_now
    if start is not None:
        confidence.append(f"At the start: {start.mean:g} of 5")
    if now is not None:
        confidence.append(f"Now: {now.mean:g} of 5")
    if start is None and now is None:
        confidence_q.append(
            "How confident do you feel about the tasks ahead? The scale takes 2 minutes."
        )
    elif now is None:
        confidence_q.append("How does the scale look today, compared with the start?")
    else:
        lowest = min(now.ratings, key=lambda kv: kv[1])
        text = next(item.text for item in SCALE if item.key == lowest[0]).lower()
        confidence_q.append(f"What would help you feel more confident to {text}?")
    return ReadinessProfile(
        aspects=(
            Aspect("clarity", "Clarity", tuple(clarity), tuple(clarity_q)),
            Aspect("plans", "Plans", tuple(plans), tuple(plans_q)),
            Aspect("network", "Network", tuple(network), tuple(network_q)),
            Aspect("confidence", "Confidence", tuple(confidence), tuple(confidence_q)),
        )
    )


# --- follow-ups ------------------------------------------------------------------------------

FOLLOWUP_MONTHS = (3, 6, 12)
OPEN_DAYS = 60  # a follow-up stays open this long after its date, then quietly lapses


def followup_schedule(concluded_on: dt.date) -> tuple[tuple[int, dt.date], ...]:
    return tuple((m, add_months(concluded_on, m)) for m in FOLLOWUP_MONTHS)


@dataclass(frozen=True)
class FollowUpFact:
    months: int
    due_on: dt.date
    declined: bool
    answered: bool
    coach_seen: bool  # the coach has read the answer


def is_open(f: FollowUpFact, today: dt.date) -> bool:
    """Due, wanted, not answered yet, and not lapsed."""
    return (
        not f.declined
        and not f.answered
        and f.due_on <= today < f.due_on + dt.timedelta(days=OPEN_DAYS)
    )


@dataclass(frozen=True)
class FollowUpAttention:
    due: int | None  # months of the open follow-up, if any
    answered: int | None  # months of an answer the coach has not read yet


def followup_attention(facts: Sequence[FollowUpFact], today: dt.date) -> FollowUpAttention:
    due = [f.months for f in facts if is_open(f, today)]
    unread = [f.months for f in facts if f.answered and not f.coach_seen]
    return FollowUpAttention(due=max(due, default=None), answered=max(unread, default=None))
