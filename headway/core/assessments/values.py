"""The values card sort: cards sorted into five piles, the top 5-10 ranked, and how well the
client's current role honours each.

The client sorts every card (values_cards.py) into a pile from "always valued" to "never
valued", ranks 5 to 10 values from the top of the sort, then rates 1-5 how well their current
role honours each ranked value. The result is a profile and the questions it raises, never a
verdict: the top values in the client's order, each with an open question, and the alignment
gaps, the values ranked high but honoured little.

Which cards may be ranked: those in the "always" pile; when it holds fewer than five, the
next piles down join until at least five cards are eligible. A ranked card that later moves
out of the eligible piles is skipped rather than refused, so re-sorting never strands the
client with a ranking they cannot see.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from headway.core.assessments.values_cards import CARDS, CARDS_BY_KEY, ValueCard

MIN_TOP = 5
MAX_TOP = 10
MAX_REFLECTION = 4000
# An alignment of this or lower ("a little", "not at all") makes a ranked value a gap.
GAP_AT_MOST = 2
ALIGNMENT_LABELS = {1: "Not at all", 2: "A little", 3: "Partly", 4: "Mostly", 5: "Fully"}


@dataclass(frozen=True)
class Pile:
    key: str
    label: str
    number: int  # the key that sends a card here in the sorting page


PILES = (
    Pile("always", "Always valued", 1),
    Pile("often", "Often valued", 2),
    Pile("sometimes", "Sometimes valued", 3),
    Pile("seldom", "Seldom valued", 4),
    Pile("never", "Never valued", 5),
)
PILE_KEYS = tuple(p.key for p in PILES)
PILES_BY_KEY = {p.key: p for p in PILES}


class ValuesError(ValueError):
    """Responses that cannot be read or scored; the message is written for the client."""


@dataclass(frozen=True)
class ValuesSort:
    """The client's responses so far. Mappings are keyed by card key."""

    piles: Mapping[str, str] = field(default_factory=dict)
    ranking: tuple[str, ...] = ()  # most important first
    alignment: Mapping[str, int] = field(default_factory=dict)  # 1-5
    reflections: Mapping[str, str] = field(default_factory=dict)

    @property
    def unsorted(self) -> tuple[ValueCard, ...]:
        return tuple(c for c in CARDS if c.key not in self.piles)

    def eligible(self) -> tuple[str, ...]:
        return eligible_keys(self.piles)

    def top(self) -> tuple[str, ...]:
        """The ranking as it counts: only cards that are still eligible."""
        eligible = set(self.eligible())
        return tuple(k for k in self.ranking if k in eligible)

    def to_json(self) -> dict[str, object]:
        """The responses JSON, in card order so that saved responses read predictably."""
        return {
            "piles": {c.key: self.piles[c.key] for c in CARDS if c.key in self.piles},
            "ranking": list(self.ranking),
            "alignment": {c.key: self.alignment[c.key] for c in CARDS if c.key in self.alignment},
            "reflections": {
                c.key: self.reflections[c.key] for c in CARDS if c.key in self.reflections
            },
        }


def eligible_keys(piles: Mapping[str, str]) -> tuple[str, ...]:
    """The cards that may be ranked: the top pile, and the next ones while fewer than five."""
    chosen: list[str] = []
    for pile in PILE_KEYS:
        if len(chosen) >= MIN_TOP:
            break
        chosen += [c.key for c in CARDS if piles.get(c.key) == pile]
    return tuple(chosen)


def _card_name(key: str) -> str:
    return CARDS_BY_KEY[key].name


def join_names(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# --- reading responses ------------------------------------------------------------------------


def _read(raw: object, *, strict: bool) -> ValuesSort:
    """Responses JSON to a ValuesSort. Strict: the first problem raises ValuesError. Lenient
    (for showing a half-done sort, whatever an API client stored): bad entries are skipped."""

    def problem(message: str) -> None:
        if strict:
            raise ValuesError(message)

    data: Mapping[object, object] = raw if isinstance(raw, Mapping) else {}
    if not isinstance(raw, Mapping):
        problem("The responses must be an object with piles, ranking, alignment and reflections.")

    def section(name: str) -> Mapping[object, object]:
        value = data.get(name)
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            problem(f"'{name}' must be an object keyed by value-card key.")
            return {}
        return value

    def card(key: object, where: str) -> bool:
        if isinstance(key, str) and key in CARDS_BY_KEY:
            return True
        problem(f"'{where}' names {key!r}, which is not a value card.")
        return False

    piles: dict[str, str] = {}
    for key, pile in section("piles").items():
        if not card(key, "piles"):
            continue
        if pile not in PILE_KEYS:
            problem(f"piles.{key} must be one of {', '.join(PILE_KEYS)}, not {pile!r}.")
            continue
        piles[str(key)] = str(pile)

    ranking: list[str] = []
    raw_ranking = data.get("ranking")
    if raw_ranking is not None and not isinstance(raw_ranking, list):
        problem("'ranking' must be a list of value-card keys, most important first.")
        raw_ranking = []
    for key in raw_ranking or []:
        if not card(key, "ranking"):
            continue
        if key in ranking:
            problem(f"'ranking' names {key!r} more than once.")
            continue
        ranking.append(str(key))

    alignment: dict[str, int] = {}
    for key, rating in section("alignment").items():
        if not card(key, "alignment"):
            continue
        # bool is an int in Python, but true/false is not a rating.
        if not isinstance(rating, int) or isinstance(rating, bool) or not 1 <= rating <= 5:
            problem(f"alignment.{key} must be a whole number from 1 to 5, not {rating!r}.")
            continue
        alignment[str(key)] = rating

    reflections: dict[str, str] = {}
    for key, text in section("reflections").items():
        if not card(key, "reflections"):
            continue
        if not isinstance(text, str) or len(text) > MAX_REFLECTION:
            problem(f"reflections.{key} must be text of at most {MAX_REFLECTION} characters.")
            continue
        if text.strip():
            reflections[str(key)] = text.strip()

    return ValuesSort(piles, tuple(ranking), alignment, reflections)


def parse_sort(raw: object) -> ValuesSort:
    """Read responses JSON, raising ValuesError naming the first thing wrong with its shape."""
    return _read(raw, strict=True)


def lenient_sort(raw: object) -> ValuesSort:
    """Read responses JSON, skipping whatever is not understood."""
    return _read(raw, strict=False)


# --- scoring ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TopValue:
    key: str
    name: str
    description: str
    rank: int  # 1 = most important
    question: str
    alignment: int  # 1-5: how well the current role honours it
    reflection: str = ""

    @property
    def alignment_label(self) -> str:
        return ALIGNMENT_LABELS.get(self.alignment, "")


@dataclass(frozen=True)
class Gap:
    key: str
    name: str
    rank: int
    alignment: int
    size: float  # 0-1: importance (by rank) times how far the role falls short
    question: str

    @property
    def alignment_label(self) -> str:
        return ALIGNMENT_LABELS.get(self.alignment, "")


@dataclass(frozen=True)
class ValuesResult:
    top: tuple[TopValue, ...]
    gaps: tuple[Gap, ...]  # biggest first
    piles: Mapping[str, tuple[str, ...]]  # pile key -> card keys, card order

    @property
    def pile_counts(self) -> dict[str, int]:
        return {p: len(self.piles.get(p, ())) for p in PILE_KEYS}

    def to_dict(self) -> dict[str, object]:
        return {
            "top": [
                {
                    "key": v.key,
                    "name": v.name,
                    "description": v.description,
                    "rank": v.rank,
                    "question": v.question,
                    "alignment": v.alignment,
                    "alignment_label": v.alignment_label,
                    "reflection": v.reflection,
                }
                for v in self.top
            ],
            "gaps": [
                {
                    "key": g.key,
                    "name": g.name,
                    "rank": g.rank,
                    "alignment": g.alignment,
                    "alignment_label": g.alignment_label,
                    "size": round(g.size, 3),
                    "question": g.question,
                }
                for g in self.gaps
            ],
            "pile_counts": self.pile_counts,
            "piles": {p: list(self.piles.get(p, ())) for p in PILE_KEYS},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> ValuesResult:
        """A stored result back (forgiving: results are frozen, the code moves on)."""
        top_rows = data.get("top")
        gap_rows = data.get("gaps")
        piles = data.get("piles")
        top = tuple(
            TopValue(
                key=str(row.get("key", "")),
                name=str(row.get("name", "")),
                description=str(row.get("description", "")),
                rank=int(row.get("rank", i + 1)),
                question=str(row.get("question", "")),
                alignment=int(row.get("alignment", 0)),
                reflection=str(row.get("reflection", "")),
            )
            for i, row in enumerate(top_rows if isinstance(top_rows, list) else [])
            if isinstance(row, dict)
        )
        gaps = tuple(
            Gap(
                key=str(row.get("key", "")),
                name=str(row.get("name", "")),
                rank=int(row.get("rank", 0)),
                alignment=int(row.get("alignment", 0)),
                size=float(row.get("size", 0)),
                question=str(row.get("question", "")),
            )
            for row in (gap_rows if isinstance(gap_rows, list) else [])
            if isinstance(row, dict)
        )
        pile_map = piles if isinstance(piles, dict) else {}
        return cls(top, gaps, {p: tuple(pile_map.get(p) or ()) for p in PILE_KEYS})


def gap_question(card: ValueCard) -> str:
    return f"What would it take for your work to honour {card.phrase} more?"


def score(sort: ValuesSort) -> ValuesResult:
    """Score complete responses; ValuesError says what is still missing."""
    unsorted = sort.unsorted
    if unsorted:
        names = [c.name for c in unsorted[:3]] + (["more"] if len(unsorted) > 3 else [])
        raise ValuesError(
            f"Sort every card into a pile first: {len(unsorted)} still to sort "
            f"({join_names(names)})."
        )
    top = sort.top()
    if not MIN_TOP <= len(top) <= MAX_TOP:
        skipped = len(sort.ranking) - len(top)
        note = (
            f" ({skipped} ranked card{'s' if skipped != 1 else ''} no longer in your top piles "
            f"{'are' if skipped != 1 else 'is'} left out.)"
            if skipped
            else ""
        )
        raise ValuesError(
            f"Choose between {MIN_TOP} and {MAX_TOP} values for your top list; "
            f"it has {len(top)}.{note}"
        )
    unrated = [_card_name(k) for k in top if k not in sort.alignment]
    if unrated:
        raise ValuesError(
            "Say how well your current role honours each of your top values: "
            f"{join_names(unrated)} {'is' if len(unrated) == 1 else 'are'} not rated yet."
        )
    values = tuple(
        TopValue(
            key=key,
            name=CARDS_BY_KEY[key].name,
            description=CARDS_BY_KEY[key].description,
            rank=rank,
            question=CARDS_BY_KEY[key].question,
            alignment=sort.alignment[key],
            reflection=sort.reflections.get(key, ""),
        )
        for rank, key in enumerate(top, start=1)
    )
    n = len(values)
    gaps = [
        Gap(
            key=v.key,
            name=v.name,
            rank=v.rank,
            alignment=v.alignment,
            # First-ranked counts fully, the last 1/n; "not at all" falls short fully.
            size=(n - v.rank + 1) / n * (5 - v.alignment) / 4,
            question=gap_question(CARDS_BY_KEY[v.key]),
        )
        for v in values
        if v.alignment <= GAP_AT_MOST
    ]
    gaps.sort(key=lambda g: (-g.size, g.rank))
    piles = {p: tuple(c.key for c in CARDS if sort.piles[c.key] == p) for p in PILE_KEYS}
    return ValuesResult(values, tuple(gaps), piles)


# --- reading results --------------------------------------------------------------------------


def headline(result: ValuesResult) -> str:
    names = [v.name for v in result.top[:3]]
    if not names:
        return "Values card sort"
    more = len(result.top) - len(names)
    return f"Top values: {', '.join(names)}" + (f" and {more} more" if more else "")


def _moves(before: ValuesResult, after: ValuesResult) -> list[str]:
    """Rank moves of the values in both results, leaving out shifts that only make room for
    a value that came or went: A, B, C -> X, A, B, C moves nothing."""
    old = {v.key: v for v in before.top}
    new = {v.key: v for v in after.top}
    both_before = [v.key for v in before.top if v.key in new]
    both_after = [v.key for v in after.top if v.key in old]
    sentences = []
    for key in both_after:
        was, now = old[key].rank, new[key].rank
        if both_before.index(key) == both_after.index(key) or was == now:
            continue
        direction = "up" if now < was else "down"
        sentences.append(
            f"{new[key].name} moved {direction} from {ordinal(was)} to {ordinal(now)}."
        )
    return sentences


def changes(before: ValuesResult, after: ValuesResult) -> list[str]:
    """What changed from one completed sort to the next, in plain sentences."""
    old = {v.key: v for v in before.top}
    new = {v.key: v for v in after.top}
    sentences = []
    entered = [v.name for v in after.top if v.key not in old]
    left = [v.name for v in before.top if v.key not in new]
    if entered:
        sentences.append(f"New in your top values: {join_names(entered)}.")
    if left:
        sentences.append(f"No longer in your top values: {join_names(left)}.")
    sentences += _moves(before, after)
    for v in after.top:
        was = old.get(v.key)
        if was is not None and was.alignment != v.alignment:
            sentences.append(
                f"How well your role honours {v.name}: from {was.alignment} "
                f"({was.alignment_label.lower()}) to {v.alignment} ({v.alignment_label.lower()})."
            )
    if not sentences:
        sentences.append("The same top values in the same order, honoured as before.")
    return sentences
