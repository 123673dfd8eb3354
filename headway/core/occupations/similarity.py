"""How related two occupations are: the signals behind transition pathways.

An expert building a related-occupations list (as O*NET's analysts do) looks at what
the work asks of people (skills, knowledge, abilities), what the work is (tasks) and
what people call it (titles), then checks that the move is realistic (preparation,
the job zone) and that the person might like it (interests, work values). The index
below measures every pair of occupations on each of those signals, and
headway.core.occupations.blend puts them on one scale, weighs them and corrects for job-zone
distance and for "hub" occupations that resemble everything.

Proxy evaluation on O*NET 30.1 (share of each occupation's top 10 in its own SOC minor
group; the expert lists themselves are not public data here): skills/knowledge/
abilities alone 0.34, task text alone 0.37, titles alone 0.39, the blend 0.44, against
a ceiling of 0.84 (small groups cannot fill ten places). See docs/benchmarks.md.

Everything here is plain numpy on arrays handed in by the caller (headway.onet.pathways
reads them from the database); nothing touches Django.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from headway.core.occupations.blend import (
    HUB_CORRECTION,
    SIGNALS,
    Calibration,
    SignalScale,
    blend,
    calibrate,
    hub_scores,
    job_zone_penalty,
    normal_scores,
    score_correlation,
    signal_scales,
)
from headway.core.occupations.text import tfidf_cosine

# Self-rated profiles are calibrated against this many occupations posing as people
# who rated as many elements (see profile_calibration).
CALIBRATION_SAMPLE = 200


@dataclass(frozen=True, eq=False)
class Ratings:
    """One rating domain: occupations in rows, elements in columns, NaN where unrated."""

    element_ids: tuple[str, ...]
    element_names: tuple[str, ...]
    importance: np.ndarray  # (n, k) on O*NET's 1-5 importance scale
    level: np.ndarray  # (n, k) on O*NET's 0-7 level scale; 0 where "not relevant"
    # O*NET recommends not showing these levels (too few or too varied responses). They
    # still count towards similarity, but explanations do not quote them.
    suppressed: np.ndarray | None = None  # (n, k) bool


@dataclass(frozen=True, eq=False)
class OccupationData:
    """Everything the pathway model reads, as plain arrays in one occupation order.

    Interests and work values have one scale each (OI 1-7 for the six RIASEC interests
    1.B.1.a-f, EX 1-7 for the six work values 1.B.2.a-f), so they are single matrices.
    """

    codes: tuple[str, ...]
    titles: tuple[str, ...]
    job_zones: np.ndarray  # (n,) 1-5, NaN when unknown
    skills: Ratings
    knowledge: Ratings
    abilities: Ratings
    interests: np.ndarray  # (n, 6) OI, NaN when unrated
    work_values: np.ndarray  # (n, 6) EX, NaN when unrated
    # (n, 3) O*NET's interest high points as column numbers 0-5, -1 for none; when
    # absent they are derived from the interest ratings.
    interest_high_points: np.ndarray | None = None
    # One document per occupation, one task statement or title a line (see text.py):
    # its task statements; its title, alternate and reported titles.
    task_texts: tuple[str, ...] | None = None
    title_texts: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        n = len(self.codes)
        for name in ("titles", "task_texts", "title_texts"):
            value = getattr(self, name)
            if value is not None and len(value) != n:
                raise ValueError(f"{name} has {len(value)} entries for {n} occupations")
        for name in ("job_zones", "interests", "work_values"):
            if len(getattr(self, name)) != n:
                raise ValueError(f"{name} has the wrong number of rows")
        for ratings in (self.skills, self.knowledge, self.abilities):
            k = len(ratings.element_ids)
            if ratings.importance.shape != (n, k) or ratings.level.shape != (n, k):
                raise ValueError("ratings must be (occupations, elements) matrices")


@dataclass(frozen=True, eq=False)
class SourceSignals:
    """One source's raw similarity to every occupation, per signal (NaN: no data)."""

    values: np.ndarray  # (len(SIGNALS), n)
    job_zone: float  # NaN when unknown (a self-rated profile alone)


@dataclass(frozen=True, eq=False)
class OccupationIndex:
    """Prepared arrays for fast pathway queries; build with `build_index`."""

    data: OccupationData
    position: dict[str, int]
    domains: tuple[str, ...]  # per SKA column: "skill", "knowledge" or "ability"
    element_ids: tuple[str, ...]  # SKA columns
    element_names: tuple[str, ...]
    importance: np.ndarray  # (n, e) SKA importance, NaN when unrated
    level: np.ndarray  # (n, e)
    quotable: np.ndarray  # (n, e) bool: rated and not suppressed
    has_ratings: np.ndarray  # (n,) bool
    # (n,) bool: has ratings, interests or tasks. The others (O*NET's residual "All
    # Other" occupations) are known by name only: they get related lists from their
    # titles but are never offered as a destination, as there is nothing to say about them.
    targetable: np.ndarray
    ska_mean: np.ndarray  # (e,) per-element mean of importance x level
    ska_scale: np.ndarray  # (e,) 1 / (sd * sqrt(domain size))
    ska_features: np.ndarray  # (n, e) standardised, zero for unrated occupations
    # (n, e) importance x level in standard deviations from the mean occupation: how
    # much more this occupation asks of an element than work in general does.
    distinctiveness: np.ndarray
    ska_norms: np.ndarray  # (n,)
    importance_from_level: np.ndarray  # (2, e): intercept and slope, for self-ratings
    interest_profiles: np.ndarray  # (n, 6) centred and unit length, zero when unrated
    value_profiles: np.ndarray  # (n, 6)
    high_points: np.ndarray  # (n, 3) int
    task_similarity: np.ndarray | None  # (n, n) float32
    title_similarity: np.ndarray | None
    # Per signal, its map to a standard-normal score (see blend.normal_scores).
    signal_scales: tuple[SignalScale, ...]
    signal_correlation: np.ndarray  # (signals, signals) of the normal scores, over all pairs
    hub: np.ndarray  # (n,) mean blended similarity to the 10 nearest neighbours
    relatedness: np.ndarray = field(repr=False)  # (n, n) float32, -inf on the diagonal
    calibration: Calibration  # scores for occupations and people's past occupations
    # Scores for self-rated profiles, by how many elements were rated and whether
    # interests were given; filled on first use.
    profile_calibrations: dict[tuple[int, bool], Calibration] = field(
        default_factory=dict, repr=False
    )

    @property
    def size(self) -> int:
        return len(self.data.codes)


def build_index(data: OccupationData) -> OccupationIndex:
    """Prepare every signal and the full occupation-by-occupation relatedness matrix."""
    n = len(data.codes)
    domains_ratings = (
        ("skill", data.skills),
        ("knowledge", data.knowledge),
        ("ability", data.abilities),
    )
    importance = np.hstack([r.importance for _, r in domains_ratings]).astype(np.float64)
    level = np.hstack([r.level for _, r in domains_ratings]).astype(np.float64)
    suppressed = np.hstack(
        [
            r.suppressed if r.suppressed is not None else np.zeros(r.level.shape, dtype=bool)
            for _, r in domains_ratings
        ]
    )
    domains = tuple(d for d, r in domains_ratings for _ in r.element_ids)
    has_ratings = ~np.isnan(importance * level).all(axis=1)

    # Importance-weighted level, standardised per element across occupations: a generic
    # element nearly every occupation rates high (Speaking, Oral Comprehension) then
    # says little, while a distinctive one (Medicine and Dentistry) says a lot. Each
    # domain is scaled by 1/sqrt(its size) so 52 abilities do not outvote 33 knowledge
    # areas.
    weighted = importance * level
    rated = weighted[has_ratings]
    mean = np.nanmean(rated, axis=0) if rated.size else np.zeros(weighted.shape[1])
    sd = np.nanstd(rated, axis=0) if rated.size else np.ones(weighted.shape[1])
    sd[~(sd > 0)] = 1.0
    domain_size = np.array([domains.count(d) for d in domains], dtype=np.float64)
    scale = 1.0 / (sd * np.sqrt(domain_size))
    features = np.nan_to_num((weighted - mean) * scale)
    features[~has_ratings] = 0.0
    norms = np.linalg.norm(features, axis=1)

    interest_profiles = _centred_unit_rows(data.interests)
    value_profiles = _centred_unit_rows(data.work_values)
    high_points = (
        np.asarray(data.interest_high_points, dtype=np.intp)
        if data.interest_high_points is not None
        else _derived_high_points(data.interests)
    )
    task_similarity = tfidf_cosine(data.task_texts) if data.task_texts is not None else None
    title_similarity = tfidf_cosine(data.title_texts) if data.title_texts is not None else None
    targetable = has_ratings | (np.abs(interest_profiles).sum(axis=1) > 0)
    if task_similarity is not None:
        targetable |= np.diagonal(task_similarity) > 0

    index = OccupationIndex(
        data=data,
        position={code: i for i, code in enumerate(data.codes)},
        domains=domains,
        element_ids=tuple(e for _, r in domains_ratings for e in r.element_ids),
        element_names=tuple(e for _, r in domains_ratings for e in r.element_names),
        importance=importance,
        level=level,
        quotable=~np.isnan(importance) & ~np.isnan(level) & ~suppressed,
        has_ratings=has_ratings,
        targetable=targetable,
        ska_mean=mean,
        ska_scale=scale,
        ska_features=features,
        distinctiveness=np.nan_to_num((weighted - mean) / sd),
        ska_norms=norms,
        importance_from_level=_importance_from_level(importance[has_ratings], level[has_ratings]),
        interest_profiles=interest_profiles,
        value_profiles=value_profiles,
        high_points=high_points,
        task_similarity=task_similarity,
        title_similarity=title_similarity,
        signal_scales=(),
        signal_correlation=np.eye(len(SIGNALS)),
        hub=np.zeros(n),
        relatedness=np.zeros((0, 0), dtype=np.float32),
        calibration=Calibration(0.0, 1.0),
    )

    # Every occupation against every other, once: each signal's distribution, the hub
    # correction and the matrix that `related` reads rows from.
    signals = _all_pairs_signals(index)
    scales = signal_scales(signals)
    scores = normal_scores(signals, scales)
    correlation = score_correlation(scores)
    blended = blend(scores, correlation)
    blended[:, ~targetable] = -np.inf
    np.fill_diagonal(blended, -np.inf)
    blended = np.where(np.isnan(blended), -np.inf, blended)
    hub = hub_scores(blended)
    zones = np.asarray(data.job_zones, dtype=np.float64)
    relatedness = blended - job_zone_penalty(zones[:, None], zones[None, :]) - HUB_CORRECTION * hub
    relatedness = np.where(np.isnan(relatedness), -np.inf, relatedness).astype(np.float32)
    relatedness[:, ~targetable] = -np.inf
    np.fill_diagonal(relatedness, -np.inf)

    # The dataclass is frozen for callers; these fields are completed once, here.
    object.__setattr__(index, "signal_scales", scales)
    object.__setattr__(index, "signal_correlation", correlation)
    object.__setattr__(index, "hub", hub)
    object.__setattr__(index, "relatedness", relatedness)
    object.__setattr__(index, "calibration", calibrate(relatedness[targetable]))
    return index


def source_signals(
    index: OccupationIndex,
    *,
    positions: Sequence[int] = (),
    ska_profile: tuple[np.ndarray, np.ndarray] | None = None,
    interests: np.ndarray | None = None,
) -> SourceSignals:
    """Raw similarity of one source (past occupations and/or a profile) to every occupation.

    `ska_profile` is (importance, level) over the SKA columns, NaN where unknown.
    """
    n = index.size
    values = np.full((len(SIGNALS), n), np.nan)
    positions = list(positions)

    if ska_profile is not None:
        importance, level = ska_profile
        feature = (importance * level - index.ska_mean) * index.ska_scale
        known = ~np.isnan(feature)
        if known.any():
            # An element the person did not rate counts as average for them (zero after
            # standardising): the cosine then favours work whose distinctive demands are
            # the ones they named, rather than anything that happens to match on a few.
            feature = np.where(known, feature, 0.0)
            source_norm = float(np.linalg.norm(feature))
            with np.errstate(invalid="ignore", divide="ignore"):
                cosine = (index.ska_features @ feature) / (source_norm * index.ska_norms)
            values[0] = np.where(index.has_ratings & (index.ska_norms > 0), cosine, np.nan)

    for s, gram in ((1, index.task_similarity), (2, index.title_similarity)):
        if gram is None or not positions:
            continue
        # The cosine with the sum of the sources' unit vectors: a person who has done
        # two jobs is compared with both, each counting alike.
        rows = gram[positions].astype(np.float64)
        squared = float(rows[:, positions].sum())
        if squared > 0:
            values[s] = rows.sum(axis=0) / np.sqrt(squared)
            values[s][np.diagonal(gram) == 0] = np.nan

    if interests is None and positions:
        interests = _mean_of_rated(index.data.interests[positions])
    if interests is not None:
        values[3] = _profile_cosine(index.interest_profiles, interests)
    if positions:
        values[4] = _profile_cosine(
            index.value_profiles, _mean_of_rated(index.data.work_values[positions])
        )

    zones = np.asarray(index.data.job_zones, dtype=np.float64)[positions]
    job_zone = float(np.nanmax(zones)) if len(zones) and not np.isnan(zones).all() else np.nan
    return SourceSignals(values=values, job_zone=job_zone)


def pair_signals(index: OccupationIndex, source: int, targets: np.ndarray) -> np.ndarray:
    """(signals, targets) raw similarities of one occupation to a few others, NaN where
    either lacks the data: what `related` shows beside each result."""
    values = np.full((len(SIGNALS), len(targets)), np.nan)
    if index.has_ratings[source] and index.ska_norms[source] > 0:
        norms = index.ska_norms[targets]
        with np.errstate(invalid="ignore", divide="ignore"):
            cosine = (index.ska_features[targets] @ index.ska_features[source]) / (
                norms * index.ska_norms[source]
            )
        values[0] = np.where(index.has_ratings[targets] & (norms > 0), cosine, np.nan)
    for s, gram in ((1, index.task_similarity), (2, index.title_similarity)):
        if gram is not None and gram[source, source] > 0:
            values[s] = np.where(np.diagonal(gram)[targets] > 0, gram[source, targets], np.nan)
    for s, profiles in ((3, index.interest_profiles), (4, index.value_profiles)):
        if np.abs(profiles[source]).sum() > 0:
            present = np.abs(profiles[targets]).sum(axis=1) > 0
            values[s] = np.where(present, profiles[targets] @ profiles[source], np.nan)
    return values


def source_relatedness(index: OccupationIndex, signals: SourceSignals) -> np.ndarray:
    """The source's relatedness to every occupation, on the same footing as the matrix."""
    scores = normal_scores(signals.values, index.signal_scales)
    blended = blend(scores, index.signal_correlation)
    zones = np.asarray(index.data.job_zones, dtype=np.float64)
    related = blended - job_zone_penalty(signals.job_zone, zones) - HUB_CORRECTION * index.hub
    return np.where(np.isnan(related) | ~index.targetable, -np.inf, related)


def profile_calibration(index: OccupationIndex, rated: int, interests: bool) -> Calibration:
    """Scores for a person known only by `rated` self-rated elements (0 for none) and/or
    interests: calibrated on occupations posing as such people.

    A dozen rated skills match any occupation less sharply than a whole occupation's
    profile does, so judged on the occupation scale every such match would look weak.
    Instead a sample of occupations is each described the way a person describes
    themselves, by its own `rated` most distinctive elements (people name their
    strengths), with the same signals, and the curve is fitted to how well those
    descriptions match the rest. Cached per kind of profile: only the first query of a
    kind pays (a few milliseconds).
    """
    rated = min(rated, len(index.element_ids))
    key = (rated, interests)
    found = index.profile_calibrations.get(key)
    if found is not None:
        return found
    eligible = np.flatnonzero(index.has_ratings & (np.abs(index.interest_profiles).sum(axis=1) > 0))
    if not len(eligible) or (not rated and not interests):
        return index.calibration
    picks = np.linspace(0, len(eligible) - 1, min(CALIBRATION_SAMPLE, len(eligible)))
    sample = eligible[picks.astype(np.intp)]
    values = np.full((len(SIGNALS), len(sample), index.size), np.nan)
    if rated:
        strongest = np.argsort(-index.distinctiveness[sample], axis=1, kind="stable")[:, :rated]
        known = np.zeros((len(sample), len(index.element_ids)), dtype=bool)
        np.put_along_axis(known, strongest, True, axis=1)
        features = np.where(known, index.ska_features[sample], 0.0)
        norms = np.linalg.norm(features, axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            cosine = (features @ index.ska_features.T) / np.outer(norms, index.ska_norms)
        values[0] = np.where(index.has_ratings & (index.ska_norms > 0), cosine, np.nan)
    if interests:
        present = np.abs(index.interest_profiles).sum(axis=1) > 0
        similar = index.interest_profiles[sample] @ index.interest_profiles.T
        values[3] = np.where(present, similar, np.nan)
    scores = normal_scores(values, index.signal_scales)
    related = blend(scores, index.signal_correlation) - HUB_CORRECTION * index.hub
    related = np.where(np.isnan(related) | ~index.targetable, -np.inf, related)
    related[np.arange(len(sample)), sample] = -np.inf  # not themselves
    found = calibrate(related)
    index.profile_calibrations[key] = found
    return found


def _all_pairs_signals(index: OccupationIndex) -> np.ndarray:
    """(signals, n, n) raw similarities between every pair; NaN where either lacks data.

    float32: ample for similarities, and half the memory traffic of the n x n work.
    """
    n = index.size
    signals = np.full((len(SIGNALS), n, n), np.nan, dtype=np.float32)
    unit = index.ska_features / np.where(index.ska_norms > 0, index.ska_norms, 1.0)[:, None]
    rated = index.has_ratings & (index.ska_norms > 0)
    signals[0][np.ix_(rated, rated)] = (unit[rated] @ unit[rated].T).astype(np.float32)
    for s, gram in ((1, index.task_similarity), (2, index.title_similarity)):
        if gram is not None:
            present = np.diagonal(gram) > 0
            signals[s][np.ix_(present, present)] = gram[np.ix_(present, present)]
    for s, profiles in ((3, index.interest_profiles), (4, index.value_profiles)):
        present = np.abs(profiles).sum(axis=1) > 0
        signals[s][np.ix_(present, present)] = profiles[present] @ profiles[present].T
    return signals


def _centred_unit_rows(matrix: np.ndarray) -> np.ndarray:
    """Rows minus their mean, at unit length: their dot product is a correlation."""
    values = np.asarray(matrix, dtype=np.float64)
    present = ~np.isnan(values).any(axis=1)
    centred = np.zeros_like(values)
    centred[present] = values[present] - values[present].mean(axis=1, keepdims=True)
    norms = np.linalg.norm(centred, axis=1, keepdims=True)
    unit = np.zeros_like(centred)
    np.divide(centred, norms, out=unit, where=norms > 0)
    return unit


def _profile_cosine(profiles: np.ndarray, profile: np.ndarray) -> np.ndarray:
    """Correlation of one profile with every row of `profiles`; NaN where undefined."""
    vector = np.asarray(profile, dtype=np.float64)
    if np.isnan(vector).any():
        return np.full(len(profiles), np.nan)
    vector = vector - vector.mean()
    norm = np.linalg.norm(vector)
    present = np.abs(profiles).sum(axis=1) > 0
    if norm == 0:
        return np.full(len(profiles), np.nan)
    return np.where(present, profiles @ (vector / norm), np.nan)


def _derived_high_points(interests: np.ndarray) -> np.ndarray:
    """Top three interests of each row, highest first; -1 where a row is unrated."""
    values = np.asarray(interests, dtype=np.float64)
    order = np.argsort(-np.nan_to_num(values, nan=-np.inf), axis=1, kind="stable")[:, :3]
    order[np.isnan(values).any(axis=1)] = -1
    return order.astype(np.intp)


def _importance_from_level(importance: np.ndarray, level: np.ndarray) -> np.ndarray:
    """Per-element least-squares line importance = a + b * level.

    A self-rated profile gives levels only; importance follows level closely in O*NET
    (how much of a skill a job needs and how much it matters go together), so each
    element's own line fills it in.
    """
    columns = importance.shape[1]
    line = np.vstack([np.full(columns, 3.0), np.zeros(columns)])
    for j in range(columns):
        ok = ~np.isnan(importance[:, j]) & ~np.isnan(level[:, j])
        x, y = level[ok, j], importance[ok, j]
        if len(x) >= 2 and x.std() > 0:
            slope = float(((x - x.mean()) * (y - y.mean())).mean() / x.var())
            line[:, j] = (y.mean() - slope * x.mean(), slope)
        elif len(y):
            line[:, j] = (y.mean(), 0.0)
    return line


def _mean_of_rated(rows: np.ndarray) -> np.ndarray:
    """Column means over the rows without NaN; all NaN when no row is complete."""
    values = np.asarray(rows, dtype=np.float64)
    complete = values[~np.isnan(values).any(axis=1)]
    if not len(complete):
        return np.full(values.shape[1], np.nan)
    return complete.mean(axis=0)
