"""Putting the similarity signals on one scale and blending them: the weights live here.

Each signal (skills/knowledge/abilities, tasks, titles, interests, work values) is first
mapped to a standard-normal score through its own distribution over all occupation
pairs, so that "unusually similar tasks" and "unusually similar skills" mean the same
thing; the scores are then weighted, summed and rescaled to unit variance for whichever
signals a pair has. Job-zone distance and "hub" occupations are corrected for after,
and the result becomes a 0-1 score calibrated on the data.

Plain numpy; headway.core.occupations.similarity prepares the signals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

# --- The blend -----------------------------------------------------------------------
# Each signal is first put on a standard-normal scale through its own distribution over
# all occupation pairs (see normal_scores), then weighted. The weights were chosen on
# the proxy of docs/benchmarks.md and rounded: within +-30% of these it moves by less
# than 0.005, so they are judgement, not fit.

# What a career changer carries: importance-weighted skill, knowledge and ability levels.
WEIGHT_ABILITIES_SKILLS_KNOWLEDGE = 1.0
# What the work is: the closest stand-in we have for O*NET's detailed work activities,
# and the strongest single signal after titles on the proxy.
WEIGHT_TASKS = 1.0
# What the work is called, alternate and reported titles included: "Acute Care Nurses"
# and "Registered Nurses" share a vocabulary no rating captures.
WEIGHT_TITLES = 1.0
# Interests and work values say whether a person may like the move, not whether they
# can make it, so they mostly break near-ties between similar work.
WEIGHT_INTERESTS = 0.3
WEIGHT_WORK_VALUES = 0.2

# --- Job zones -----------------------------------------------------------------------
# Job zones (1-5) summarise preparation. One zone apart is an ordinary move (a Licensed
# Practical Nurse to a Registered Nurse); every further zone is years of education, so
# it costs much more. Moving up costs a little more than moving down, because the
# preparation is the barrier. Units: standard deviations of the blend; with these,
# lists hold a two-zone jump in 1% of places instead of 5%, at no cost on the proxy.
JOB_ZONE_STEP_PENALTY = 0.1
JOB_ZONE_UP_PENALTY = 0.05
JOB_ZONE_BEYOND_ONE_PENALTY = 0.4

# --- Hubs ------------------------------------------------------------------------------
# Some occupations resemble nearly everything in their neighbourhood (Helpers--Production
# Workers, generalist managers) and would crowd every list. Subtracting a share of each
# target's mean similarity to its own nearest neighbours (the CSLS correction from
# cross-lingual retrieval) lets more specific matches through; on the proxy it raises
# SOC-sibling recall from 0.62 to 0.67, and every occupation appears in some list
# (without it, 10 appear in none).
HUB_CORRECTION = 0.5
HUB_NEIGHBOURS = 10

# --- Scores --------------------------------------------------------------------------
# The corrected blend becomes a 0-1 score through a logistic curve fitted to the data
# (see `calibrate`): the closest relative of a typical source scores 0.9 and its tenth
# 0.6. On O*NET 30.1 a typical fiftieth then scores about 0.25 and an unrelated pair
# under 0.01. Sources of the same kind are calibrated together (see
# similarity.profile_calibration), so a dozen self-rated skills, which say less than a
# whole occupation, are not marked down for it.
TYPICAL_BEST_SCORE = 0.9
TYPICAL_TENTH_SCORE = 0.6

# Probabilities at which each signal's distribution is recorded: even steps through the
# bulk, then ever finer towards the top, where related occupations are (the closest ten
# of 923 are the top 1% of a row; the closest pair of all is about 1 - 1e-6).
GRID = np.unique(np.concatenate([np.linspace(0.0005, 0.99, 600), 1.0 - np.logspace(-2, -6.5, 700)]))
NORMAL = np.array([NormalDist().inv_cdf(float(p)) for p in GRID])

SIGNALS = ("abilities_skills_knowledge", "tasks", "titles", "interests", "work_values")
WEIGHTS = np.array(
    [
        WEIGHT_ABILITIES_SKILLS_KNOWLEDGE,
        WEIGHT_TASKS,
        WEIGHT_TITLES,
        WEIGHT_INTERESTS,
        WEIGHT_WORK_VALUES,
    ]
)


def job_zone_penalty(source: np.ndarray | float, target: np.ndarray | float) -> np.ndarray:
    """Blend units taken off for the change of job zone; 0 when either is unknown."""
    change = np.asarray(target, dtype=np.float64) - np.asarray(source, dtype=np.float64)
    steps = np.abs(change)
    penalty = (
        JOB_ZONE_STEP_PENALTY * steps
        + JOB_ZONE_UP_PENALTY * np.maximum(change, 0.0)
        + JOB_ZONE_BEYOND_ONE_PENALTY * np.maximum(steps - 1.0, 0.0)
    )
    return np.nan_to_num(penalty)


@dataclass(frozen=True, eq=False)
class SignalScale:
    """One signal's map from raw similarity to a standard-normal score.

    Held as a table over even steps of the raw value, read with linear interpolation:
    the same curve as interpolating the quantiles directly, at a tenth of the cost over
    a million occupation pairs.
    """

    low: float
    step: float
    table: np.ndarray  # normal scores at low, low + step, ... (TABLE_STEPS + 1 values)

    def __call__(self, values: np.ndarray) -> np.ndarray:
        position = np.clip((values - self.low) / self.step, 0.0, TABLE_STEPS)
        cell = np.minimum(np.nan_to_num(position).astype(np.intp), TABLE_STEPS - 1)
        below = self.table[cell]
        scored = below + (position - cell) * (self.table[cell + 1] - below)
        return np.where(np.isnan(values), np.nan, scored)


# Steps in a SignalScale table; cosines span at most 2, so a step is at most 0.0001.
TABLE_STEPS = 20000


def signal_scales(signals: np.ndarray) -> tuple[SignalScale, ...]:
    """Each signal's scale, from its values over all occupation pairs (each pair once;
    an occupation with itself excluded).

    Tied values (many pairs of texts share no word at all) map to the mean of their
    normal scores, so the map is a strictly increasing function of the raw value.
    """
    n = signals.shape[1]
    upper = np.triu_indices(n, 1)  # every signal is symmetric
    scales = []
    for s in range(len(SIGNALS)):
        values = signals[s][upper]
        values = np.sort(values[~np.isnan(values)])
        if len(values) < 2 or values[-1] <= values[0]:
            scales.append(SignalScale(low=0.0, step=1.0, table=np.zeros(TABLE_STEPS + 1)))
            continue
        at = values[np.round(GRID * (len(values) - 1)).astype(np.intp)].astype(np.float64)
        unique, inverse = np.unique(at, return_inverse=True)
        mean_normal = np.bincount(inverse, weights=NORMAL) / np.bincount(inverse)
        low, high = float(values[0]), float(values[-1])
        steps = np.linspace(low, high, TABLE_STEPS + 1)
        scales.append(
            SignalScale(
                low=low,
                step=(high - low) / TABLE_STEPS,
                table=np.interp(steps, unique, mean_normal),
            )
        )
    return tuple(scales)


def normal_scores(signals: np.ndarray, scales: Sequence[SignalScale]) -> np.ndarray:
    """Each signal on a standard-normal scale through its own distribution; NaN stays.

    Raw similarities are far from alike in shape: a task-text cosine of 0.9 is fifty
    standard deviations above the typical pair, a skills cosine of 0.9 two or three.
    Plain z-scores would let the long-tailed text signals decide every top ten on their
    own (38 postsecondary teachers share near-identical task templates, and Chemistry
    Teachers then came out closest to Economics Teachers). Matched to the normal
    distribution by rank, every signal speaks with the weight it is given.
    """
    return np.stack([scales[s](signals[s]) for s in range(len(SIGNALS))])


def score_correlation(scores: np.ndarray) -> np.ndarray:
    """Correlation between the signals' normal scores over the pairs that have both
    (an occupation with itself excluded); sums of products as one matrix product."""
    count, n = len(SIGNALS), scores.shape[1]
    present = ~np.isnan(scores)
    present[:, np.arange(n), np.arange(n)] = False
    flat_present = present.reshape(count, -1).astype(np.float64)
    flat = np.where(present, scores, 0.0).reshape(count, -1)
    both = flat_present @ flat_present.T
    sums = flat @ flat.T
    with np.errstate(invalid="ignore", divide="ignore"):
        means = (flat.sum(axis=1) / np.diag(both))[:, None]
        squares = np.diag(sums) / np.diag(both)
    sd = np.sqrt(np.maximum(squares - means[:, 0] ** 2, 1e-12))
    with np.errstate(invalid="ignore", divide="ignore"):
        covariance = sums / both - means @ means.T
        correlation = np.where(both > 2, covariance / np.outer(sd, sd), 0.0)
    # Clipped short of +-1 so the blend's variance stays positive.
    correlation = np.clip(np.nan_to_num(correlation), -0.99, 0.99)
    np.fill_diagonal(correlation, 1.0)
    return correlation


def blend(scores: np.ndarray, correlation: np.ndarray) -> np.ndarray:
    """The weighted sum of the signals' normal scores present for each pair, itself
    rescaled to unit variance.

    Dividing by the standard deviation the weighted sum has for that combination of
    signals (from their correlation) keeps pairs comparable whatever is missing: an
    occupation without skill ratings (Data Scientists) is compared on tasks, titles
    and interests alone, and neither gains extreme scores from having fewer signals
    to average nor loses them.
    """
    total = np.zeros(scores.shape[1:], dtype=np.float64)
    # Which signals are present, as bits: the variance depends only on that pattern.
    pattern = np.zeros(scores.shape[1:], dtype=np.intp)
    for s in range(len(SIGNALS)):
        present = ~np.isnan(scores[s])
        total += np.where(present, scores[s] * WEIGHTS[s], 0.0)
        pattern |= present.astype(np.intp) << s
    deviation = _pattern_deviations(correlation)[pattern]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(deviation > 0, total / deviation, np.nan)


def _pattern_deviations(correlation: np.ndarray) -> np.ndarray:
    """Standard deviation of the weighted sum for each of the 32 patterns of signals."""
    key = (correlation.tobytes(), WEIGHTS.tobytes())
    found = _deviations.get(key)
    if found is None:
        table = np.zeros(1 << len(SIGNALS))
        for code in range(len(table)):
            w = WEIGHTS * np.array([(code >> s) & 1 for s in range(len(SIGNALS))])
            table[code] = w @ correlation @ w
        found = _deviations[key] = np.sqrt(table)
        while len(_deviations) > 8:  # one per index in use; old releases drop out
            del _deviations[next(iter(_deviations))]
    return found


_deviations: dict[tuple[bytes, bytes], np.ndarray] = {}


def hub_scores(blended: np.ndarray) -> np.ndarray:
    """Each occupation's mean blend with its HUB_NEIGHBOURS nearest (0 if it has none)."""
    n = blended.shape[1]
    k = min(HUB_NEIGHBOURS, n - 1)
    if k <= 0:
        return np.zeros(n)
    nearest = -np.partition(-blended, k - 1, axis=1)[:, :k]
    finite = np.isfinite(nearest)
    counted = finite.sum(axis=1)
    sums = np.where(finite, nearest, 0.0).sum(axis=1)
    means = np.zeros(n)
    np.divide(sums, counted, out=means, where=counted > 0)
    return means


@dataclass(frozen=True)
class Calibration:
    """A logistic curve from relatedness to a 0-1 score."""

    midpoint: float
    spread: float

    def score(self, relatedness: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):
            return 1.0 / (1.0 + np.exp(-(np.asarray(relatedness) - self.midpoint) / self.spread))


def calibrate(rows: np.ndarray) -> Calibration:
    """The curve that gives the median best match of these rows TYPICAL_BEST_SCORE and
    the median tenth TYPICAL_TENTH_SCORE; -inf cells are not candidates. (With fewer
    than eleven candidates, as in small test data, the last one stands in for the tenth.)
    """
    finite = np.isfinite(rows).sum(axis=1)
    k = int(min(10, finite.max(initial=0)))
    if k < 2:
        return Calibration(midpoint=0.0, spread=1.0)
    best_k = np.sort(np.partition(-rows, k - 1, axis=1)[:, :k], axis=1)  # negated, best first
    usable = finite >= k
    best, tenth = -np.median(best_k[usable, 0]), -np.median(best_k[usable, k - 1])

    def logit(p: float) -> float:
        return float(np.log(p / (1.0 - p)))

    spread = (best - tenth) / (logit(TYPICAL_BEST_SCORE) - logit(TYPICAL_TENTH_SCORE))
    spread = float(spread) if spread > 1e-6 else 1.0
    return Calibration(midpoint=float(tenth - logit(TYPICAL_TENTH_SCORE) * spread), spread=spread)
