"""Transition pathways and interest matching over the current O*NET release.

The computation lives in headway.core (similarity, pathways, interests); this module
reads the release into plain arrays, keeps one prepared index per process (rebuilt
when another release becomes current) and answers in JSON-ready dicts for the CLI,
the API and the pages.

Reading is a handful of `values_list` queries straight into numpy; with the matrices
prepared, building takes one to two seconds on the full release (see
docs/benchmarks.md), and the index then answers a query in a millisecond or two.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterator, Mapping, Sequence
from datetime import datetime

import numpy as np
from django.db.models import Q

from headway.core.occupations.interests import (
    INTEREST_ELEMENT_IDS,
    RIASEC,
    describe_interests,
    high_points,
    holland_code,
)
from headway.core.occupations.interests import match_interests as core_match_interests
from headway.core.occupations.pathways import Narrowing, Pathway, Source, related
from headway.core.occupations.pathways import pathways as core_pathways
from headway.core.occupations.pathways import related_all as core_related_all
from headway.core.occupations.similarity import (
    OccupationData,
    OccupationIndex,
    Ratings,
    build_index,
)
from headway.onet.models import Domain, Element, Occupation, OccupationTitle, Rating, Release, Task

__all__ = [
    "NoOnetData",
    "clear_cache",
    "match_interests",
    "pathway_index",
    "pathways_for",
    "related_all",
    "related_for_code",
]

WORK_VALUE_ELEMENT_IDS = ("1.B.2.a", "1.B.2.b", "1.B.2.c", "1.B.2.d", "1.B.2.e", "1.B.2.f")
INTEREST_HIGH_POINT_IDS = ("1.B.1.g", "1.B.1.h", "1.B.1.i")
SKA_DOMAINS = (Domain.SKILL, Domain.KNOWLEDGE, Domain.ABILITY)


class NoOnetData(LookupError):
    """No O*NET release has been imported yet (`headway onet import`)."""


_lock = threading.Lock()
# (release id, imported at) -> index; the time guards against a reused id (tests).
_cached: tuple[tuple[int, datetime], OccupationIndex] | None = None


def pathway_index() -> OccupationIndex:
    """The index of the current release, built on first use in this process."""
    global _cached
    release = Release.current()
    if release is None:
        raise NoOnetData("No O*NET data yet: run `headway onet import PATH`")
    key = (release.pk, release.imported_at)
    with _lock:  # waitress serves from threads: build once, not once per thread
        if _cached is None or _cached[0] != key:
            _cached = (key, build_index(load_occupation_data()))
        return _cached[1]


def clear_cache() -> None:
    global _cached
    with _lock:
        _cached = None


def related_for_code(code: str, top: int = 10) -> dict[str, object]:
    """The occupations most related to `code`, explained; KeyError for an unknown code."""
    index = pathway_index()
    if code not in index.position:
        raise KeyError(code)
    return _occupation_result(index, code, related(index, code, top=top))


def related_all(top: int = 10) -> Iterator[dict[str, object]]:
    """`related_for_code` for every occupation, from one precomputed similarity matrix."""
    index = pathway_index()
    for code, pathways in core_related_all(index, top=top):
        yield _occupation_result(index, code, pathways)


def pathways_for(
    codes: Sequence[str] = (),
    skills: Mapping[str, float] | None = None,
    interests: Sequence[float] | None = None,
    top: int = 10,
    narrowing: Narrowing = Narrowing(),  # noqa: B008 (frozen, so one shared default is safe)
) -> dict[str, object]:
    """Pathways from past occupations and/or self-rated skills and/or interests.

    `skills` maps element ids ("2.A.1.a") or names ("Reading Comprehension") to a
    self-rated level on O*NET's 0-7 scale; `interests` is six RIASEC ratings on any
    scale. KeyError for an unknown code or element; ValueError for an empty source.
    """
    index = pathway_index()
    source = Source(
        codes=tuple(codes),
        skills=dict(skills) if skills else None,
        interests=tuple(float(v) for v in interests) if interests is not None else None,
    )
    results = core_pathways(index, source, top=top, narrowing=narrowing)
    described: dict[str, object] = {
        "codes": list(source.codes),
        "titles": [index.data.titles[index.position[c]] for c in source.codes],
    }
    if source.skills:
        described["skills"] = dict(source.skills)
    if source.interests is not None:
        described["interests"] = list(source.interests)
        described["holland_code"] = holland_code(source.interests)
    return {"source": described, "related": [p.to_dict() for p in results]}


def match_interests(
    profile: Sequence[float],
    job_zones: Collection[int] | None = None,
    top: int = 20,
) -> dict[str, object]:
    """Occupations whose interests fit a RIASEC profile (six numbers, any scale).

    ValueError for a profile that is not six numbers or is completely flat.
    """
    index = pathway_index()
    matches = core_match_interests(index, profile, job_zones=job_zones, top=top)
    points = high_points(profile)
    return {
        "profile": [float(v) for v in profile],
        "holland_code": holland_code(profile),
        "high_points": [RIASEC[i] for i in points],
        "high_points_text": describe_interests(points),
        "job_zones": sorted(job_zones) if job_zones is not None else None,
        "matches": [m.to_dict() for m in matches],
    }


def _occupation_result(
    index: OccupationIndex, code: str, pathways: Sequence[Pathway]
) -> dict[str, object]:
    i = index.position[code]
    zone = index.data.job_zones[i]
    return {
        "code": code,
        "title": index.data.titles[i],
        "job_zone": None if np.isnan(zone) else int(zone),
        "related": [p.to_dict() for p in pathways],
    }


# --- Reading the release ---------------------------------------------------------------


def load_occupation_data() -> OccupationData:
    """The current O*NET rows as the plain arrays headway.core works on.

    One narrow query per rating scale (code, element, value: no booleans, which the
    ORM converts row by row), plus one for the few flagged levels, then numpy fancy
    indexing; this is about half the index's build time.
    """
    occupations = list(
        Occupation.objects.order_by("code").values_list("code", "title", "job_zone_id")
    )
    codes = tuple(code for code, _, _ in occupations)
    position = {code: i for i, code in enumerate(codes)}
    n = len(codes)

    names: dict[str, str] = {}
    domain_of: dict[str, str] = {}
    for element_id, name, domain in Element.objects.filter(domain__in=SKA_DOMAINS).values_list(
        "id", "name", "domain"
    ):
        names[element_id], domain_of[element_id] = name, domain
    # Columns for every SKA element rated on both scales, domain by domain; the Content
    # Model's headings ("2.A Basic Skills") are elements too, but never rated.
    importance_cells = _cells("IM", position, dict.fromkeys(domain_of, 0))
    level_cells = _cells("LV", position, dict.fromkeys(domain_of, 0))
    rated = set(importance_cells[3]) & set(level_cells[3])
    elements = {d: sorted(e for e in rated if domain_of[e] == d) for d in SKA_DOMAINS}
    ordered = [e for d in SKA_DOMAINS for e in elements[d]]
    column = {e: j for j, e in enumerate(ordered)}
    importance = np.full((n, len(ordered)), np.nan)
    level = np.full((n, len(ordered)), np.nan)
    suppressed = np.zeros((n, len(ordered)), dtype=bool)
    for target, (rows, _, values, element_ids) in (
        (importance, importance_cells),
        (level, level_cells),
    ):
        columns = np.fromiter(
            (column.get(e, -1) for e in element_ids), dtype=np.intp, count=len(element_ids)
        )
        known = columns >= 0
        target[rows[known], columns[known]] = values[known]
    flagged = Rating.objects.filter(
        Q(not_relevant=True) | Q(recommend_suppress=True), scale_id="LV", element_id__in=ordered
    ).values_list("occupation_id", "element_id", "not_relevant", "recommend_suppress")
    for code, element_id, not_relevant, suppress in flagged:
        if (i := position.get(code)) is None:
            continue
        if not_relevant:
            # O*NET marks a level "not relevant" when the element hardly matters to the
            # work (importance near 1): the work needs none of it.
            level[i, column[element_id]] = 0.0
        suppressed[i, column[element_id]] = suppress

    interests = np.full((n, 6), np.nan)
    work_values = np.full((n, 6), np.nan)
    for target, scale, ids in (
        (interests, "OI", INTEREST_ELEMENT_IDS),
        (work_values, "EX", WORK_VALUE_ELEMENT_IDS),
    ):
        rows, columns, values, _ = _cells(scale, position, {e: j for j, e in enumerate(ids)})
        target[rows, columns] = values
    interest_high_points = np.full((n, 3), -1, dtype=np.intp)
    rows, columns, values, _ = _cells(
        "IH", position, {e: j for j, e in enumerate(INTEREST_HIGH_POINT_IDS)}
    )
    named = values >= 1  # O*NET numbers the interests 1-6; 0 is "no further high point"
    interest_high_points[rows[named], columns[named]] = values[named].astype(np.intp) - 1
    # Occupations without high-point rows fall back to their own top interests.
    missing = (interest_high_points < 0).all(axis=1) & ~np.isnan(interests).any(axis=1)
    if missing.any():
        interest_high_points[missing] = np.argsort(-interests[missing], axis=1, kind="stable")[
            :, :3
        ]

    tasks: list[list[str]] = [[] for _ in range(n)]
    for code, text in Task.objects.values_list("occupation_id", "text"):
        if (i := position.get(code)) is not None:
            tasks[i].append(text)
    titles: list[list[str]] = [[title] for _, title, _ in occupations]
    for code, title in OccupationTitle.objects.values_list("occupation_id", "title"):
        if (i := position.get(code)) is not None:
            titles[i].append(title)

    def ratings(domain: Domain) -> Ratings:
        first = column[elements[domain][0]] if elements[domain] else 0
        part = slice(first, first + len(elements[domain]))
        return Ratings(
            element_ids=tuple(elements[domain]),
            element_names=tuple(names[e] for e in elements[domain]),
            importance=importance[:, part],
            level=level[:, part],
            suppressed=suppressed[:, part],
        )

    return OccupationData(
        codes=codes,
        titles=tuple(title for _, title, _ in occupations),
        job_zones=np.array(
            [np.nan if zone is None else zone for _, _, zone in occupations], dtype=np.float64
        ),
        skills=ratings(Domain.SKILL),
        knowledge=ratings(Domain.KNOWLEDGE),
        abilities=ratings(Domain.ABILITY),
        interests=interests,
        work_values=work_values,
        interest_high_points=interest_high_points,
        # One task or title a line: word pairs never join the end of one to the next.
        task_texts=tuple("\n".join(texts) for texts in tasks),
        title_texts=tuple("\n".join(names) for names in titles),
    )


def _cells(
    scale: str, position: Mapping[str, int], column: Mapping[str, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """(rows, columns, values, element ids) of the ratings on one scale, for the given elements."""
    found = Rating.objects.filter(scale_id=scale).values_list(
        "occupation_id", "element_id", "value"
    )
    kept = [
        (i, j, value, element_id)
        for code, element_id, value in found
        if (i := position.get(code, -1)) >= 0 and (j := column.get(element_id, -1)) >= 0
    ]
    rows = np.fromiter((k[0] for k in kept), dtype=np.intp, count=len(kept))
    columns = np.fromiter((k[1] for k in kept), dtype=np.intp, count=len(kept))
    values = np.fromiter((k[2] for k in kept), dtype=np.float64, count=len(kept))
    return rows, columns, values, [k[3] for k in kept]
