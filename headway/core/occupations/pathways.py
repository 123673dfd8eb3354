"""Transition pathways: where a person's past work could lead, and what the move asks.

For a source (one or more past occupations, and/or a self-rated profile of skills,
knowledge and abilities, and/or interests) every occupation is ranked by the blended
relatedness of `headway.core.occupations.similarity`, and each result explains itself in the
terms a career changer can act on:

- what transfers: elements important in the person's past work (importance 3+ of 5,
  O*NET's own "important" line) that the target also needs, at a level the person
  has already worked at (within half a level point, about one rating's standard
  error), those most characteristic of the target first;
- the gaps: important elements the target needs at a higher level, sized by importance
  times the level difference, biggest first, because those are what to close first;
- the job-zone change (preparation), the interest high points the two share, and one
  open question for reflection, never advice.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from headway.core.occupations.blend import SIGNALS, Calibration
from headway.core.occupations.interests import RIASEC, high_points
from headway.core.occupations.similarity import (
    OccupationIndex,
    pair_signals,
    profile_calibration,
    source_relatedness,
    source_signals,
)

# O*NET treats importance 3 of 5 (50 on its 0-100 scale) as "important".
IMPORTANT = 3.0
# Differences smaller than this are within the ratings' own noise (typical standard
# errors of O*NET levels are 0.2-0.4), so they are neither a gap nor a stretch.
LEVEL_TOLERANCE = 0.5
MAX_TRANSFERS = 8
MAX_GAPS = 6


@dataclass(frozen=True)
class Source:
    """Where a person is coming from; any combination of the three."""

    codes: tuple[str, ...] = ()
    # Self-rated levels on O*NET's 0-7 level scale, by element id ("2.A.1.a") or name
    # (a name shared by a skill and a knowledge area, "Mathematics", means the skill).
    skills: Mapping[str, float] | None = None
    # Six RIASEC ratings on any scale.
    interests: tuple[float, ...] | None = None


@dataclass(frozen=True)
class ElementChange:
    """One skill, knowledge area or ability, as the source has it and the target needs it."""

    element_id: str
    name: str
    domain: str  # "skill", "knowledge" or "ability"
    level: float  # the source's level (0-7)
    target_level: float
    importance: float  # to the target (1-5)
    size: float = 0.0  # gaps only: importance / 5 x level difference

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "element_id": self.element_id,
            "name": self.name,
            "domain": self.domain,
            "level": round(self.level, 2),
            "target_level": round(self.target_level, 2),
            "importance": round(self.importance, 2),
        }
        if self.size:
            out["size"] = round(self.size, 2)
        return out


@dataclass(frozen=True)
class Pathway:
    code: str
    title: str
    score: float  # 0-1
    job_zone: int | None
    job_zone_change: int | None  # target minus source; None when either is unknown
    transfers: tuple[ElementChange, ...]
    gaps: tuple[ElementChange, ...]
    # Importance-weighted share of the target's important elements the source already
    # meets; None without ratings on both sides.
    carry_over: float | None
    shared_interests: tuple[str, ...]
    question: str
    signals: Mapping[str, float]  # raw similarity per signal, for the curious

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "title": self.title,
            "score": round(self.score, 3),
            "job_zone": self.job_zone,
            "job_zone_change": self.job_zone_change,
            "carry_over": None if self.carry_over is None else round(self.carry_over, 3),
            "transfers": [t.to_dict() for t in self.transfers],
            "gaps": [g.to_dict() for g in self.gaps],
            "shared_interests": list(self.shared_interests),
            "question": self.question,
            "signals": {k: round(v, 3) for k, v in self.signals.items()},
        }


def related(index: OccupationIndex, code: str, *, top: int = 10) -> tuple[Pathway, ...]:
    """Occupations most related to one occupation (KeyError if the code is unknown)."""
    i = index.position[code]
    profile = _ska_profile(index, [i], None)
    return _pathways_from_row(
        index, index.relatedness[i], [i], profile, None, top, index.calibration
    )


def related_all(
    index: OccupationIndex, *, top: int = 10
) -> Iterator[tuple[str, tuple[Pathway, ...]]]:
    """(code, related) for every occupation, from the precomputed matrix."""
    for code in index.data.codes:
        yield code, related(index, code, top=top)


def soc_minor_group(code: str) -> str:
    """The SOC minor group of an O*NET-SOC code: "25-2" for "25-2031.00".

    Minor groups are the families of work a career changer means by "my field":
    25-2 holds preschool to secondary teachers, while instructional coordinators
    (25-9031) and training specialists (13-1151) sit in other groups.
    """
    return code[:4]


def head_nouns(title: str) -> frozenset[str]:
    """The job names in an occupation title, lower-cased: "teachers" in "Art, Drama, and
    Music Teachers, Postsecondary", "accountants" and "auditors" in "Accountants and
    Auditors". O*NET titles name the work with a plural noun; qualifiers ("Except ...")
    and single words of a list ("Art", "Drama") are not one."""
    names = set()
    for segment in title.split(","):
        if segment.strip().startswith("Except"):
            continue
        for part in segment.replace(" or ", " and ").split(" and "):
            words = part.split()
            if words and len(words[-1]) > 3 and words[-1].endswith("s"):
                names.add(words[-1].lower())
    return frozenset(names)


def same_family(source_code: str, source_title: str, code: str, title: str) -> bool:
    """Whether an occupation is in the source's own field: the same SOC minor group
    ("25-2", school teachers), or the same major group and the same job name (postsecondary
    teachers are in 25-1). A shared name across major groups is not a field: social
    workers and construction workers have little else in common."""
    if soc_minor_group(code) == soc_minor_group(source_code):
        return True
    return code[:2] == source_code[:2] and bool(head_nouns(title) & head_nouns(source_title))


@dataclass(frozen=True)
class Narrowing:
    """Which occupations a list of pathways may hold, and which page of it to show."""

    job_zones: frozenset[int] = frozenset()  # empty: every job zone
    leave_family: bool = False  # leave out the source occupations' own minor groups
    offset: int = 0  # skip the best `offset`, for "show more"


def _allowed(index: OccupationIndex, positions: Sequence[int], narrowing: Narrowing) -> np.ndarray:
    """A mask over the occupations that the narrowing keeps."""
    data = index.data
    keep = np.ones(len(data.codes), dtype=bool)
    if narrowing.job_zones:
        keep &= np.isin(
            np.nan_to_num(np.asarray(data.job_zones, dtype=np.float64), nan=-1),
            sorted(narrowing.job_zones),
        )
    if narrowing.leave_family and positions:
        sources = [(data.codes[p], data.titles[p]) for p in positions]
        keep &= np.array(
            [
                not any(same_family(sc, st, c, t) for sc, st in sources)
                for c, t in zip(data.codes, data.titles, strict=True)
            ],
            dtype=bool,
        )
    return keep


def pathways(
    index: OccupationIndex,
    source: Source,
    *,
    top: int = 10,
    narrowing: Narrowing = Narrowing(),  # noqa: B008 (frozen, so one shared default is safe)
) -> tuple[Pathway, ...]:
    """Occupations a person could move to, from their past work and/or profile.

    The narrowing filters before ranking, so the `top` returned are the best `top` that
    it allows, after skipping its `offset` best.

    Raises KeyError for an unknown occupation code or element, ValueError for a
    source with nothing in it.
    """
    positions = [index.position[code] for code in dict.fromkeys(source.codes)]
    interests = None if source.interests is None else np.asarray(source.interests, dtype=np.float64)
    if interests is not None and interests.shape != (6,):
        raise ValueError("Interests are six numbers, in RIASEC order.")
    profile = _ska_profile(index, positions, source.skills)
    if not positions and profile is None and interests is None:
        raise ValueError("A pathway needs past occupations, skills or interests to start from.")
    signals = source_signals(
        index,
        positions=positions,
        ska_profile=profile,
        interests=interests,
    )
    row = source_relatedness(index, signals)
    if positions:
        calibration = index.calibration
    else:
        # A person known by self-ratings alone is scored against others like them.
        rated = 0 if profile is None else int((~np.isnan(profile[1])).sum())
        calibration = profile_calibration(index, rated, interests is not None)
    if narrowing != Narrowing():
        row = np.where(_allowed(index, positions, narrowing), row, -np.inf)
    return _pathways_from_row(
        index,
        row,
        positions,
        profile,
        interests,
        top,
        calibration,
        signals.values,
        offset=narrowing.offset,
    )


def element_position(index: OccupationIndex, key: str) -> int:
    """The SKA column of an element id or (case-insensitive) name; KeyError if neither."""
    if key in index.element_ids:
        return index.element_ids.index(key)
    lowered = key.strip().lower()
    for j, name in enumerate(index.element_names):
        if name.lower() == lowered:
            return j
    raise KeyError(key)


def _ska_profile(
    index: OccupationIndex,
    positions: Sequence[int],
    skills: Mapping[str, float] | None,
) -> tuple[np.ndarray, np.ndarray] | None:
    """(importance, level) over the SKA columns, NaN where unknown; None if all unknown.

    Several past occupations combine by taking, element by element, the highest level
    and importance: what someone has done in any job, they have done. A self-rating
    replaces the occupations' figure for its element, since a person knows their own
    work better than an occupation's average does; its importance is read off the
    level (see similarity._importance_from_level).
    """
    columns = len(index.element_ids)
    importance = np.full(columns, np.nan)
    level = np.full(columns, np.nan)
    rated = [p for p in positions if index.has_ratings[p]]
    if rated:
        # fmax skips NaN (an element one source lacks) without numpy's all-NaN warning.
        importance = np.fmax.reduce(index.importance[rated], axis=0)
        level = np.fmax.reduce(index.level[rated], axis=0)
    if skills:
        for key, value in skills.items():
            j = element_position(index, key)
            level[j] = float(np.clip(value, 0.0, 7.0))
            intercept, slope = index.importance_from_level[:, j]
            importance[j] = float(np.clip(intercept + slope * level[j], 1.0, 5.0))
    if np.isnan(level).all():
        return None
    return importance, level


def _pathways_from_row(
    index: OccupationIndex,
    row: np.ndarray,
    positions: Sequence[int],
    profile: tuple[np.ndarray, np.ndarray] | None,
    interests: np.ndarray | None,
    top: int,
    calibration: Calibration,
    signal_values: np.ndarray | None = None,
    *,
    offset: int = 0,
) -> tuple[Pathway, ...]:
    data = index.data
    row = np.array(row, dtype=np.float64)
    row[list(positions)] = -np.inf  # never suggest where the person already is
    candidates = np.flatnonzero(np.isfinite(row))
    if top <= 0 or len(candidates) <= offset:
        return ()
    count = min(top + offset, len(candidates))
    best = candidates[np.argpartition(-row[candidates], count - 1)[:count]]
    best = best[np.lexsort((best, -row[best]))][offset:]  # score, then occupation order

    if signal_values is None:
        # A row of the precomputed matrix: the raw signals shown, for these targets only.
        shown = pair_signals(index, positions[0], best)
    else:
        shown = signal_values[:, best]
    zones = np.asarray(data.job_zones, dtype=np.float64)
    source_zones = zones[list(positions)]
    source_zone = (
        float(np.nanmax(source_zones))
        if len(source_zones) and not np.isnan(source_zones).all()
        else None
    )
    source_high = _source_high_points(index, positions, interests)
    scores = calibration.score(row[best])

    results = []
    explained = _explain(index, profile, best)
    shown_lists = shown.T.tolist()
    for rank, t in enumerate(best):
        transfers, gaps, carry_over = explained[rank]
        target_zone = None if np.isnan(zones[t]) else int(zones[t])
        change = (
            None if source_zone is None or target_zone is None else target_zone - int(source_zone)
        )
        target_high = {int(h) for h in index.high_points[t] if h >= 0}
        shared = tuple(RIASEC[h] for h in source_high if h in target_high)
        results.append(
            Pathway(
                code=data.codes[t],
                title=data.titles[t],
                score=float(scores[rank]),
                job_zone=target_zone,
                job_zone_change=change,
                transfers=transfers,
                gaps=gaps,
                carry_over=carry_over,
                shared_interests=shared,
                question=reflection_question(
                    gaps=len(gaps), job_zone_change=change, shared_interests=shared
                ),
                signals={
                    name: value
                    for name, value in zip(SIGNALS, shown_lists[rank], strict=True)
                    if value == value  # not NaN
                },
            )
        )
    return tuple(results)


# What transfers, the gaps, and the carry-over share, for one target.
Explanation = tuple[tuple[ElementChange, ...], tuple[ElementChange, ...], float | None]


def _explain(
    index: OccupationIndex,
    profile: tuple[np.ndarray, np.ndarray] | None,
    targets: np.ndarray,
) -> list[Explanation]:
    """(transfers, gaps, carry-over) for each target, worked out for all of them at once."""
    if profile is None:
        nothing: Explanation = ((), (), None)
        return [nothing] * len(targets)
    source_importance, source_level = profile
    importance = index.importance[targets]  # (targets, elements)
    level = index.level[targets]
    known = ~np.isnan(source_level) & index.quotable[targets]
    needed = known & (importance >= IMPORTANT)
    met = needed & (level <= source_level + LEVEL_TOLERANCE)
    carried_mask = met & (source_importance >= IMPORTANT)
    gap_mask = needed & ~met
    sizes = np.where(gap_mask, importance / 5.0 * (level - source_level), 0.0)
    weight = np.where(needed, importance - 1.0, 0.0)
    weight_total = weight.sum(axis=1)
    weight_met = np.where(met, weight, 0.0).sum(axis=1)

    explained: list[Explanation] = []
    for row, target in enumerate(targets.tolist()):
        if not index.has_ratings[target]:
            explained.append(((), (), None))
            continue
        # Most distinctive for the target first: "Medicine and Dentistry" says more about
        # what carries into nursing than "Oral Comprehension", which every job needs.
        carried = np.flatnonzero(carried_mask[row])
        carried = carried[np.lexsort((carried, -index.distinctiveness[target, carried]))][
            :MAX_TRANSFERS
        ]
        short = np.flatnonzero(gap_mask[row])
        short = short[np.lexsort((short, -sizes[row, short]))][:MAX_GAPS]
        explained.append(
            (
                _changes(
                    index,
                    carried,
                    source_level,
                    level[row],
                    importance[row],
                    np.zeros(len(carried)),
                ),
                _changes(
                    index, short, source_level, level[row], importance[row], sizes[row, short]
                ),
                float(weight_met[row] / weight_total[row]) if weight_total[row] > 0 else None,
            )
        )
    return explained


def _changes(
    index: OccupationIndex,
    columns: np.ndarray,
    source_level: np.ndarray,
    level: np.ndarray,
    importance: np.ndarray,
    sizes: np.ndarray,
) -> tuple[ElementChange, ...]:
    return tuple(
        ElementChange(
            element_id=index.element_ids[j],
            name=index.element_names[j],
            domain=index.domains[j],
            level=own,
            target_level=needed,
            importance=weight,
            size=size,
        )
        for j, own, needed, weight, size in zip(
            columns.tolist(),
            source_level[columns].tolist(),
            level[columns].tolist(),
            importance[columns].tolist(),
            sizes.tolist(),
            strict=True,
        )
    )


def _source_high_points(
    index: OccupationIndex, positions: Sequence[int], interests: np.ndarray | None
) -> tuple[int, ...]:
    """The person's own high points if they rated their interests, else their past work's."""
    if interests is not None:
        return high_points(interests.tolist())
    seen: dict[int, None] = {}
    for rank in range(3):
        for p in positions:
            h = int(index.high_points[p, rank])
            if h >= 0:
                seen.setdefault(h)
    return tuple(seen)


def reflection_question(
    *, gaps: int, job_zone_change: int | None, shared_interests: Sequence[str]
) -> str:
    """One open question to think about with a coach; it asks, it never advises."""
    if job_zone_change is not None and job_zone_change >= 2:
        return "What would the extra preparation for this work ask of your life, and what would make it worth it to you?"
    if gaps >= 3:
        return "Which of these gaps would you enjoy closing, and which would feel like a chore?"
    if job_zone_change is not None and job_zone_change <= -1:
        return "What would you want to keep from your current work, and what would you be glad to put down?"
    if gaps:
        return (
            "What is one small way you could try the work behind this gap before committing to it?"
        )
    if shared_interests:
        return f"When has your {shared_interests[0]} side been most alive at work, and would this role give it more room?"
    return "What draws you to this work, and what would you want to find out about it first?"
