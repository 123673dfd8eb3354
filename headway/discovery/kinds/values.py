"""The values card sort (kind "values"): the web side of headway.core.assessments.values.

Three steps, then the result: "sort" (every card into one of five piles), "rank" (5 to 10
values from the top piles, most important first) and "honour" (how well the current role
honours each ranked value, 1-5, with an optional answer to the card's question).

Responses JSON, everything optional until scored (card keys: headway.core.assessments.values_cards):

    {
      "piles": {"<card key>": "always" | "often" | "sometimes" | "seldom" | "never", ...},
      "ranking": ["<card key>", ...],                # most important first, 5 to 10 to score
      "alignment": {"<card key>": 1, ...},           # 1 (not at all) to 5 (fully) honoured
      "reflections": {"<card key>": "free text", ...}
    }

Scoring needs every card in a pile, 5 to 10 ranked cards and a rating for each. Rankable
cards are those in "always"; while fewer than five are there the next piles down join. A
ranked card no longer in those piles is skipped (re-sorting takes a card out of the ranking).

Result JSON:

    {
      "top": [{"key", "name", "description", "rank", "question", "alignment",
               "alignment_label", "reflection"}, ...],          # in the client's order
      "gaps": [{"key", "name", "rank", "alignment", "alignment_label", "size",
                "question"}, ...],  # ranked values honoured "a little" or "not at all",
                                    # biggest first; size 0-1 weighs rank and shortfall
      "pile_counts": {"always": 9, "often": 14, "sometimes": 12, "seldom": 8, "never": 4},
      "piles": {"always": ["<card key>", ...], ...}
    }

Form fields (each merges into the saved responses; a field not posted keeps its answer):
pile_<key> (a pile, or empty for "not sorted yet"), rank_<key> (a position from 1, or empty
to leave the card out), align_<key> (1-5, or empty) and reflect_<key>.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.http import QueryDict

from headway.core.assessments import values as core
from headway.core.assessments.values_cards import CARDS, CARDS_BY_KEY, ValueCard
from headway.discovery.kinds import KindSpec, Responses, Result
from headway.discovery.models import Kind

STEPS = (
    ("sort", "Sort the cards"),
    ("rank", "Choose your top values"),
    ("honour", "How your role honours them"),
)


def _whole_number(value: str, message: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ValidationError(message) from None


def _place(remaining: list[str], placed: list[tuple[int, int, str]]) -> list[str]:
    """Put each posted (rank, card order, key) at its rank, the unposted ones keeping their
    order around them. A whole posted form is simply ordered by rank (ties in card order);
    a single posted rank moves one card to that position."""
    total = len(remaining) + len(placed)
    ordered = sorted(placed)
    slots: dict[int, str] = {}
    next_free = 0
    for i, (rank, _, key) in enumerate(ordered):
        latest = total - (len(ordered) - i)  # room for the ones still to place
        index = min(max(rank - 1, next_free), latest)
        slots[index] = key
        next_free = index + 1
    rest = iter(remaining)
    return [slots[i] if i in slots else next(rest) for i in range(total)]


def apply(responses: Responses, data: QueryDict) -> Responses:
    current = core.lenient_sort(responses)
    piles, alignment = dict(current.piles), dict(current.alignment)
    reflections = dict(current.reflections)
    ranking = list(current.ranking)
    placed: list[tuple[int, int, str]] = []
    order = {c.key: i for i, c in enumerate(CARDS)}
    for name, raw in data.items():
        prefix, _, key = name.partition("_")
        if prefix not in {"pile", "rank", "align", "reflect"} or not key:
            continue
        card = CARDS_BY_KEY.get(key)
        if card is None:
            raise ValidationError(f"There is no value card called “{key}”.")
        value = str(raw).strip()
        if prefix == "pile":
            if value and value not in core.PILES_BY_KEY:
                raise ValidationError(f"Choose one of the five piles for {card.name}.")
            piles[key] = value
        elif prefix == "rank":
            if key in ranking:
                ranking.remove(key)
            if value:
                rank = _whole_number(value, f"Give {card.name} a whole-number rank, or none.")
                if rank < 1:
                    raise ValidationError(f"Ranks start at 1: check the rank of {card.name}.")
                placed.append((rank, order[key], key))
        elif prefix == "align":
            rating = _whole_number(value, f"Rate {card.name} from 1 to 5.") if value else 0
            if value and not 1 <= rating <= 5:
                raise ValidationError(f"Rate {card.name} from 1 to 5.")
            alignment[key] = rating
        else:
            if len(value) > core.MAX_REFLECTION:
                raise ValidationError(
                    f"Keep your note on {card.name} under {core.MAX_REFLECTION} characters."
                )
            reflections[key] = value
    updated = core.ValuesSort(
        piles={k: v for k, v in piles.items() if v},
        ranking=tuple(_place(ranking, placed)),
        alignment={k: v for k, v in alignment.items() if v},
        reflections={k: v for k, v in reflections.items() if v},
    )
    return {**responses, **updated.to_json()}


def score(responses: Responses) -> Result:
    try:
        return core.score(core.parse_sort(responses)).to_dict()
    except core.ValuesError as exc:
        raise ValidationError(str(exc)) from None


def headline(result: Result) -> str:
    return core.headline(core.ValuesResult.from_dict(result))


def changes(before: Result, after: Result) -> list[str]:
    return core.changes(core.ValuesResult.from_dict(before), core.ValuesResult.from_dict(after))


# --- the take page ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CardView:
    card: ValueCard
    pile: str = ""
    rank: int | None = None
    alignment: int | None = None
    reflection: str = ""


@dataclass(frozen=True)
class PileView:
    pile: core.Pile
    cards: list[CardView]


@dataclass(frozen=True)
class StepView:
    key: str
    label: str
    number: int
    current: bool


def count_problem(count: int) -> str:
    """What is wrong with the size of the top list, or "" when it is fine."""
    if count < core.MIN_TOP:
        return f"Choose at least {core.MIN_TOP}: you have chosen {count}."
    if count > core.MAX_TOP:
        return f"Keep it to {core.MAX_TOP} at most: you have chosen {count}."
    return ""


def context(responses: Responses, step: str) -> dict[str, Any]:
    sort = core.lenient_sort(responses)
    top = sort.top()
    ctx: dict[str, Any] = {
        "steps": [StepView(key, label, i, key == step) for i, (key, label) in enumerate(STEPS, 1)],
        "total": len(CARDS),
        "sorted_count": len(CARDS) - len(sort.unsorted),
        "unsorted_count": len(sort.unsorted),
        "min_top": core.MIN_TOP,
        "max_top": core.MAX_TOP,
        "count_problem": count_problem(len(top)),
    }
    if step == "sort":
        ctx["deck"] = [CardView(c) for c in sort.unsorted]
        ctx["piles"] = [
            PileView(p, [CardView(c, p.key) for c in CARDS if sort.piles.get(c.key) == p.key])
            for p in core.PILES
        ]
        ctx["pile_options"] = core.PILES
    elif step == "rank":
        eligible = sort.eligible()
        ctx["ranked"] = [
            CardView(CARDS_BY_KEY[k], sort.piles[k], rank) for rank, k in enumerate(top, 1)
        ]
        ctx["unranked"] = [
            CardView(CARDS_BY_KEY[k], sort.piles[k]) for k in eligible if k not in top
        ]
        pile_labels = [
            core.PILES_BY_KEY[p].label.lower()
            for p in core.PILE_KEYS
            if any(sort.piles[k] == p for k in eligible)
        ]
        ctx["eligible_piles"] = core.join_names(pile_labels)
    else:
        ctx["ranked"] = [
            CardView(
                CARDS_BY_KEY[k],
                sort.piles[k],
                rank,
                sort.alignment.get(k),
                sort.reflections.get(k, ""),
            )
            for rank, k in enumerate(top, 1)
        ]
        ctx["ratings"] = sorted(core.ALIGNMENT_LABELS.items())
    return ctx


SPEC = KindSpec(
    kind=Kind.VALUES,
    intro=(
        f"Sort {len(CARDS)} work and life values into five piles, put your top five to ten in "
        "order, then say how well your current role honours each: a profile of what matters "
        "to you and the questions it raises."
    ),
    take_template="discovery/values/take.html",
    result_template="discovery/values/result.html",
    apply=apply,
    score=score,
    headline=headline,
    context=context,
    changes=changes,
    steps=tuple(key for key, _ in STEPS),
)

urlpatterns: list[Any] = []
