"""Interest matching: occupations whose RIASEC profile resembles a person's.

A person rates the six Holland interests (Realistic, Investigative, Artistic, Social,
Enterprising, Conventional) on any scale; only the shape of the profile matters, so
it is centred and compared by correlation with each occupation's O*NET interest
ratings (OI, 1-7). Correlation alone can rank an occupation high for sharing a
profile's low points ("not Realistic, not Conventional"), which is not what anyone
means by a match, so agreement on the high points, what the person and the work are
most about, is blended in.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np

from headway.core.occupations.similarity import OccupationIndex

RIASEC = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")
INTEREST_ELEMENT_IDS = ("1.B.1.a", "1.B.1.b", "1.B.1.c", "1.B.1.d", "1.B.1.e", "1.B.1.f")

# Share of the match score from the profile correlation; the rest is high-point
# agreement. Correlation carries the ranking; high points decide between occupations
# that correlate alike and make the "why" honest.
CORRELATION_WEIGHT = 0.75
# The first high point counts most, as in O*NET's own high-point codes.
HIGH_POINT_WEIGHTS = (3.0, 2.0, 1.0)


@dataclass(frozen=True)
class InterestMatch:
    code: str
    title: str
    score: float  # 0-1
    correlation: float  # -1..1
    job_zone: int | None
    holland_code: str  # the occupation's high points as letters, e.g. "IA"
    shared: tuple[str, ...]  # shared high-point interests, the person's order
    why: str  # e.g. "Shared interests: Investigative and Artistic"

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "title": self.title,
            "score": round(self.score, 3),
            "correlation": round(self.correlation, 3),
            "job_zone": self.job_zone,
            "holland_code": self.holland_code,
            "shared_interests": list(self.shared),
            "why": self.why,
        }


def normalise_profile(profile: Sequence[float]) -> np.ndarray:
    """The profile centred and at unit length (scale-free); ValueError if unusable."""
    values = np.asarray(profile, dtype=np.float64)
    if values.shape != (6,):
        raise ValueError("An interest profile has six numbers, in RIASEC order.")
    if np.isnan(values).any() or np.isinf(values).any():
        raise ValueError("An interest profile needs a number for each of the six interests.")
    centred = values - values.mean()
    norm = float(np.linalg.norm(centred))
    if norm == 0:
        raise ValueError("All six interests are rated the same, so there is no profile to match.")
    return centred / norm


def high_points(profile: Sequence[float], *, limit: int = 3) -> tuple[int, ...]:
    """The profile's strongest interests (column numbers), highest first.

    Only interests above the profile's own mean count: a person whose profile peaks
    at one interest has one high point, not three. Ties keep RIASEC order.
    """
    values = np.asarray(profile, dtype=np.float64)
    order = np.argsort(-values, kind="stable")
    above = values > values.mean()
    return tuple(int(i) for i in order if above[i])[:limit]


def holland_code(profile: Sequence[float]) -> str:
    """The three-letter Holland code: the three highest interests, e.g. "SAE".

    Always three letters, ties broken in RIASEC order (the usual convention), so two
    flat profiles read alike.
    """
    values = np.asarray(profile, dtype=np.float64)
    if values.shape != (6,):
        raise ValueError("An interest profile has six numbers, in RIASEC order.")
    order = np.argsort(-values, kind="stable")[:3]
    return "".join(RIASEC[i][0] for i in order)


def describe_interests(columns: Sequence[int]) -> str:
    """ "Investigative", "Investigative and Artistic", "Social, Artistic and Enterprising"."""
    names = [RIASEC[i] for i in columns]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def match_interests(
    index: OccupationIndex,
    profile: Sequence[float],
    *,
    job_zones: Collection[int] | None = None,
    top: int = 20,
) -> tuple[InterestMatch, ...]:
    """Occupations ranked by how well their interests fit the profile, best first.

    `job_zones` keeps only occupations in those zones (e.g. {1, 2, 3} for work that
    needs no degree); occupations without interest ratings never match.
    """
    person = normalise_profile(profile)
    person_high = high_points(profile)
    data = index.data
    correlation = index.interest_profiles @ person
    rated = np.abs(index.interest_profiles).sum(axis=1) > 0
    agreement = _high_point_agreement(person_high, index.high_points)
    scores = CORRELATION_WEIGHT * (correlation + 1.0) / 2.0 + (1.0 - CORRELATION_WEIGHT) * agreement
    allowed = rated.copy()
    zones = np.asarray(data.job_zones, dtype=np.float64)
    if job_zones is not None:
        allowed &= np.isin(zones, sorted(job_zones))
    candidates = np.flatnonzero(allowed)
    if top <= 0 or not len(candidates):
        return ()
    # Stable order on ties: score, then O*NET code.
    order = candidates[np.lexsort((candidates, -scores[candidates]))][:top]
    matches = []
    for i in order:
        occupation_high = [int(h) for h in index.high_points[i] if h >= 0]
        shared = tuple(RIASEC[h] for h in person_high if h in occupation_high)
        why = (
            f"Shared interests: {describe_interests([RIASEC.index(s) for s in shared])}"
            if shared
            else "A similar overall pattern of interests, without a shared high point"
        )
        matches.append(
            InterestMatch(
                code=data.codes[i],
                title=data.titles[i],
                score=float(scores[i]),
                correlation=float(correlation[i]),
                job_zone=None if np.isnan(zones[i]) else int(zones[i]),
                holland_code="".join(RIASEC[h][0] for h in occupation_high),
                shared=shared,
                why=why,
            )
        )
    return tuple(matches)


def _high_point_agreement(person: Sequence[int], occupations: np.ndarray) -> np.ndarray:
    """0-1 per occupation: the person's high points found among the occupation's,
    weighted by their rank in the person's profile."""
    if not person:
        return np.zeros(len(occupations))
    weights = np.asarray(HIGH_POINT_WEIGHTS[: len(person)], dtype=np.float64)
    found = np.stack([(occupations == h).any(axis=1) for h in person], axis=1)
    return (found * weights).sum(axis=1) / weights.sum()
