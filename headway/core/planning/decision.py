"""The decision matrix: options scored 1-10 against weighted criteria, the totals, how robust
the leading option is to a change of weights, and where the client's gut and scores disagree.

The numbers are a way to think, not a verdict: every sentence here describes what the scores
say ("your scores put X first") and asks; none tells the client what to choose.

Totals are weighted means on the 1-10 scale of the scores, taken over the cells the client has
scored, so a half-filled matrix still adds up (the page says which cells are missing). They are
computed as exact fractions: ties are real ties, and the order options or criteria are listed
in can never change who leads.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

SCORE_MIN, SCORE_MAX = 1, 10
WEIGHT_MIN, WEIGHT_MAX = 1, 5
# The robustness search also tries 0: leaving a criterion out entirely.
SEARCH_WEIGHTS = range(0, WEIGHT_MAX + 1)
GUT_POINTS = 3  # gut and score this far apart on the 1-10 scale are worth asking about
GUT_PLACES = 2  # ... and so are ranks this many places apart


@dataclass(frozen=True)
class Criterion:
    id: int
    name: str
    weight: int  # 1-5 as the client sets it; 0 only in the robustness search

    def __post_init__(self) -> None:
        if not 0 <= self.weight <= WEIGHT_MAX:
            raise ValueError(f"A weight runs from 0 to {WEIGHT_MAX}, not {self.weight}.")


@dataclass(frozen=True)
class Option:
    id: int
    title: str
    gut: int | None = None  # the pull the client feels, 1-10

    def __post_init__(self) -> None:
        if self.gut is not None and not SCORE_MIN <= self.gut <= SCORE_MAX:
            raise ValueError(f"The gut rating runs from 1 to 10, not {self.gut}.")


@dataclass(frozen=True)
class Matrix:
    options: tuple[Option, ...]
    criteria: tuple[Criterion, ...]
    # (option id, criterion id) -> score 1-10; a missing key is a cell not scored yet.
    scores: Mapping[tuple[int, int], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for cell, value in self.scores.items():
            if not SCORE_MIN <= value <= SCORE_MAX:
                raise ValueError(f"A score runs from 1 to 10; {cell} has {value}.")

    def with_weight(self, criterion_id: int, weight: int) -> Matrix:
        criteria = tuple(
            Criterion(c.id, c.name, weight) if c.id == criterion_id else c for c in self.criteria
        )
        return Matrix(self.options, criteria, self.scores)

    @property
    def weights_differ(self) -> bool:
        return len({c.weight for c in self.criteria}) > 1


@dataclass(frozen=True)
class Total:
    option: Option
    weighted: Fraction | None  # None: nothing scored on a criterion that counts
    unweighted: Fraction | None
    scored: int  # cells scored
    missing: int  # cells still empty
    rank: int | None  # 1 is first; options level on the weighted total share a rank

    @property
    def shown(self) -> str:
        return one_decimal(self.weighted)

    @property
    def shown_unweighted(self) -> str:
        return one_decimal(self.unweighted)


def one_decimal(value: Fraction | None) -> str:
    """6.25 as "6.3": halves round up, as people expect (float formatting would say 6.2)."""
    if value is None:
        return "–"
    tenths = math.floor(value * 10 + Fraction(1, 2))
    return f"{tenths // 10}.{tenths % 10}"


def _mean(pairs: Sequence[tuple[int, int]]) -> Fraction | None:
    """The weighted mean of (weight, score) pairs; None when no weight counts."""
    weights = sum(w for w, _ in pairs)
    return Fraction(sum(w * s for w, s in pairs), weights) if weights else None


def totals(matrix: Matrix) -> tuple[Total, ...]:
    """Every option's totals, in the matrix's order, each with its rank."""
    rows = []
    for o in matrix.options:
        cells = [
            (c.weight, matrix.scores[(o.id, c.id)])
            for c in matrix.criteria
            if (o.id, c.id) in matrix.scores
        ]
        rows.append(
            (o, _mean(cells), _mean([(1, s) for _, s in cells]), len(matrix.criteria) - len(cells))
        )
    ranked = [w for _, w, _, _ in rows if w is not None]
    return tuple(
        Total(
            option=o,
            weighted=w,
            unweighted=u,
            scored=len(matrix.criteria) - missing,
            missing=missing,
            rank=None if w is None else 1 + sum(1 for other in ranked if other > w),
        )
        for o, w, u, missing in rows
    )


def ranked(rows: Sequence[Total]) -> list[Total]:
    """Highest weighted total first; unscored options last; the matrix order breaks ties."""
    order = {id(t): i for i, t in enumerate(rows)}
    return sorted(rows, key=lambda t: (t.rank is None, t.rank or 0, order[id(t)]))


def leader(matrix: Matrix) -> Option | None:
    """The option strictly ahead of every other; None when two share the top or none scores."""
    first = [t for t in totals(matrix) if t.rank == 1]
    return first[0].option if len(first) == 1 else None


# --- robustness -------------------------------------------------------------------------


@dataclass(frozen=True)
class Flip:
    """One weight changed, and who would lead then."""

    criterion: Criterion  # as it is now
    weight: int  # the weight that changes the leader
    leader: Option

    @property
    def size(self) -> int:
        return abs(self.weight - self.criterion.weight)


@dataclass(frozen=True)
class Robustness:
    leader: Option | None
    flip: Flip | None
    sentence: str


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def flips(matrix: Matrix) -> list[Flip]:
    """Every single-criterion weight change (0-5) after which another option leads."""
    now = leader(matrix)
    if now is None:
        return []
    found = []
    for c in matrix.criteria:
        for w in SEARCH_WEIGHTS:
            if w == c.weight:
                continue
            then = leader(matrix.with_weight(c.id, w))
            if then is not None and then.id != now.id:
                found.append(Flip(c, w, then))
    return found


def smallest_flip(matrix: Matrix) -> Flip | None:
    """The smallest change of one weight that changes the leader. Among equals, a change
    within 1-5 comes before leaving a criterion out, then the matrix's order of criteria."""
    position = {c.id: i for i, c in enumerate(matrix.criteria)}
    return min(
        flips(matrix),
        key=lambda f: (f.size, f.weight == 0, position[f.criterion.id], f.weight),
        default=None,
    )


def robustness(matrix: Matrix) -> Robustness:
    scored = [t for t in totals(matrix) if t.weighted is not None]
    now = leader(matrix)
    if len(scored) < 2:
        sentence = "Once two options have scores, Headway can say how firm the lead is."
        return Robustness(now, None, sentence)
    if now is None:
        level = [t.option.title for t in scored if t.rank == 1]
        names = ", ".join(level[:-1]) + f" and {level[-1]}"
        sentence = (
            f"{names} are level on your scores. "
            "Which criterion, or which missing one, might tell them apart?"
        )
        return Robustness(None, None, sentence)
    flip = smallest_flip(matrix)
    if flip is None:
        sentence = (
            "No single change of weight within 1-5, nor leaving one criterion out, changes the "
            f"leader: the lead of {now.title} is robust."
        )
        return Robustness(now, None, sentence)
    c, new = flip.criterion, flip.leader.title
    if flip.weight == 0:
        if all(f.weight == 0 for f in flips(matrix)):
            sentence = f"Only if {c.name} counted for nothing would {new} lead instead."
        else:
            sentence = (
                f"If {c.name} counted for nothing (weight {c.weight} → left out), "
                f"{new} would lead instead."
            )
    else:
        more = "more" if flip.weight > c.weight else "less"
        sentence = (
            f"If {c.name} mattered {_plural(flip.size, 'point')} {more} "
            f"(weight {c.weight} → {flip.weight}), {new} would lead instead."
        )
    return Robustness(now, flip, sentence)


# --- gut check --------------------------------------------------------------------------


@dataclass(frozen=True)
class GutQuestion:
    option_ids: tuple[int, ...]
    text: str


def _competition_ranks(values: Mapping[int, Fraction]) -> dict[int, int]:
    return {k: 1 + sum(1 for other in values.values() if other > v) for k, v in values.items()}


def _only_top(ranks: Mapping[int, int]) -> int | None:
    top = [k for k, r in ranks.items() if r == 1]
    return top[0] if len(top) == 1 else None


def gut_questions(matrix: Matrix) -> tuple[GutQuestion, ...]:
    """Open questions where the pull the client feels and the scores part ways: first about
    the top of each list, then about single options far apart on the scale or in rank."""
    rows = {t.option.id: t for t in totals(matrix)}
    score: dict[int, Fraction] = {}
    gut: dict[int, Fraction] = {}
    both: dict[int, Option] = {}
    for o in matrix.options:
        weighted = rows[o.id].weighted
        if o.gut is not None and weighted is not None:
            both[o.id], score[o.id], gut[o.id] = o, weighted, Fraction(o.gut)
    if len(both) < 2:
        return ()
    score_rank, gut_rank = _competition_ranks(score), _competition_ranks(gut)
    asked: list[GutQuestion] = []
    top_score, top_gut = _only_top(score_rank), _only_top(gut_rank)
    if top_score is not None and top_gut is not None and top_score != top_gut:
        asked.append(
            GutQuestion(
                (top_score, top_gut),
                f"Your scores put {both[top_score].title} first, your gut pulls towards "
                f"{both[top_gut].title}. What might your gut know that the criteria miss?",
            )
        )
    mentioned = {k for q in asked for k in q.option_ids}
    for k, o in both.items():
        if k in mentioned:
            continue
        points = gut[k] - score[k]
        places = score_rank[k] - gut_rank[k]  # positive: the gut ranks it higher
        shown = rows[k].shown
        if points >= GUT_POINTS or places >= GUT_PLACES:
            asked.append(
                GutQuestion(
                    (k,),
                    f"{o.title} pulls at you ({o.gut} of 10) more than it scores ({shown}). "
                    "What draws you to it that none of the criteria names?",
                )
            )
        elif -points >= GUT_POINTS or -places >= GUT_PLACES:
            asked.append(
                GutQuestion(
                    (k,),
                    f"{o.title} scores {shown}, yet its pull on you is {o.gut} of 10. "
                    "What holds you back that the criteria leave out?",
                )
            )
    return tuple(asked)


# --- the chart ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    title: str
    shown: str
    first: bool
    label_y: int  # the title's baseline, above its bar
    bar_y: int
    width: float  # in chart units, 0-10 mapped onto the bar area
    value_x: float


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bar_height: int
    axis_y: int  # where the tick labels sit, under the bars
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, int], ...]  # (x, value): gridlines at 0, 2, ... 10


# Narrow on purpose: the chart scales to its box, and at 400 units its text stays readable
# both on a phone (scaled down a little) and on a desktop (scaled up a little).
CHART_WIDTH = 400
ROW = 50  # title line and bar
BAR_HEIGHT = 18
VALUE_ROOM = 40  # right of the longest bar, for its number
TITLE_ROOM = 42  # characters of a title that fit above a bar; the table gives it in full


def _short(title: str) -> str:
    return title if len(title) <= TITLE_ROOM else title[: TITLE_ROOM - 1].rstrip() + "…"


def bar_chart(rows: Sequence[Total]) -> BarChart:
    """A horizontal bar per scored option, highest first, on a fixed 0-10 axis so a change of
    scores shows as a change of length. Titles sit above their bars, so long ones fit a phone."""
    scored = [t for t in ranked(rows) if t.weighted is not None]
    area = CHART_WIDTH - VALUE_ROOM
    bars = []
    for i, t in enumerate(scored):
        width = round(float(t.weighted or 0) / SCORE_MAX * area, 1)
        bars.append(
            Bar(
                title=_short(t.option.title),
                shown=t.shown,
                first=t.rank == 1,
                label_y=i * ROW + 17,
                bar_y=i * ROW + 24,
                width=width,
                value_x=width + 6,
            )
        )
    ticks = tuple((round(v / SCORE_MAX * area, 1), v) for v in range(0, SCORE_MAX + 1, 2))
    axis_y = len(bars) * ROW + 14
    return BarChart(CHART_WIDTH, axis_y + 4, BAR_HEIGHT, axis_y, tuple(bars), ticks)
