"""Career exploration over O*NET: occupation search and profiles, related occupations,
transition pathways and interest matching.

O*NET data is open to anyone signed in, coach or client, so there is nothing to scope;
the handlers still read top to bottom: fetch -> validate -> compute -> return. Before
any release is imported, every resource answers 503 and says how to import one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.params.functions import Query  # ninja.Query's call form, typed as a function

from headway.api.schemas import ErrorOut
from headway.core.occupations.interests import normalise_profile
from headway.core.occupations.pathways import Narrowing, element_position
from headway.core.occupations.search import Quality
from headway.core.occupations.similarity import OccupationIndex
from headway.onet.models import Domain, Element, JobZone, Occupation, Release
from headway.onet.pathways import (
    NoOnetData,
    match_interests,
    pathway_index,
    pathways_for,
    related_for_code,
)
from headway.onet.profile import (
    EducationShare,
    Interest,
    Measure,
    OccupationProfile,
    Rated,
    job_zone_label,
    occupation_profile,
)
from headway.onet.search import occupation_index

router = Router(tags=["occupations"])

NO_DATA = "No O*NET data is imported yet: run `headway onet import PATH`."
LONGEST_QUERY = 200
MAX_RESULTS = 100  # search results and interest matches
MAX_PATHWAYS = 50  # related occupations and pathways
MAX_SOURCES = 20  # past occupations of one pathway request
MAX_SKILLS = 200  # self-rated elements (O*NET rates some 120)
JOB_ZONES = range(1, 6)
SKILL_LEVELS = (0.0, 7.0)

READ = {401: ErrorOut, 404: ErrorOut, 503: ErrorOut}
QUERY = {400: ErrorOut, 401: ErrorOut, 503: ErrorOut}
# Every operation documents the 503 an empty database answers, in its own words.
NO_DATA_DOCS = {
    "responses": {
        503: {
            "description": "No O*NET release is imported yet.",
            "content": {"application/json": {"example": {"detail": NO_DATA}}},
        }
    }
}


# --- search ------------------------------------------------------------------------------

Match = Literal["exact", "prefix", "words", "fuzzy", "partial"]
MATCH: dict[Quality, Match] = {
    Quality.EXACT: "exact",
    Quality.PREFIX: "prefix",
    Quality.WORDS: "words",
    Quality.FUZZY: "fuzzy",
    Quality.PARTIAL: "partial",
}


class OccupationHitOut(Schema):
    code: str = Field(description="The O*NET-SOC code, e.g. 29-1141.00.")
    title: str = Field(description="The occupation's own title.")
    job_zone: int | None = Field(description="How much preparation the work needs, 1-5.")
    matched_title: str | None = Field(
        description="The other name of the occupation that matched (an alternate, short "
        "or reported title); empty when its own title matched."
    )
    match: Match = Field(
        description="How the title matched the query, best first: exact (the same words), "
        "prefix (starts with them), words (holds every word), fuzzy (every word, some only "
        "within a typo), partial (all but one word)."
    )


class OccupationSearchOut(Schema):
    query: str
    total: int = Field(description="How many occupations match every query word.")
    results: list[OccupationHitOut] = Field(description="Best first, up to the limit.")


# --- one occupation ----------------------------------------------------------------------


class JobZoneOut(Schema):
    number: int = Field(description="1 (little preparation) to 5 (extensive preparation).")
    name: str = Field(description='O*NET\'s name, e.g. "Job Zone Four: Considerable ...".')
    label: str = Field(description='In a few words, e.g. "Considerable preparation needed".')
    education: str
    experience: str
    training: str

    @classmethod
    def maybe(cls, zone: JobZone | None) -> JobZoneOut | None:
        if zone is None:
            return None
        return cls(
            number=zone.number,
            name=zone.name,
            label=job_zone_label(zone),
            education=zone.education,
            experience=zone.experience,
            training=zone.training,
        )


class InterestOut(Schema):
    letter: str
    name: str
    value: float = Field(description="O*NET's occupational interest rating, 1-7.")
    high: bool = Field(description="One of the three letters of the Holland code.")

    @classmethod
    def of(cls, interest: Interest) -> InterestOut:
        return cls(
            letter=interest.letter,
            name=interest.name,
            value=interest.bar.value,
            high=interest.high,
        )


class InterestsOut(Schema):
    holland_code: str = Field(description='The three highest interests, e.g. "SIC".')
    scores: list[InterestOut] = Field(description="The six RIASEC interests, in that order.")


class RatedOut(Schema):
    element_id: str | None = Field(description="O*NET's element id, e.g. 2.A.1.a.")
    name: str
    description: str
    importance: float = Field(description="How important to the work, 1-5.")
    level: float | None = Field(
        description="The level the work needs, 0-7; empty when O*NET finds it not relevant."
    )
    level_imprecise: bool = Field(description="O*NET advises against relying on this level.")

    @classmethod
    def of(cls, rated: Rated, element_id: str | None) -> RatedOut:
        return cls(
            element_id=element_id,
            name=rated.name,
            description=rated.description,
            importance=rated.importance.value,
            level=rated.level.value if rated.level else None,
            level_imprecise=rated.level_imprecise,
        )


class WorkValueOut(Schema):
    name: str
    description: str
    value: float = Field(description="O*NET's extent rating, 1-7.")

    @classmethod
    def of(cls, measure: Measure) -> WorkValueOut:
        return cls(name=measure.name, description=measure.description, value=measure.bar.value)


class WorkStyleOut(Schema):
    name: str
    description: str
    impact: float = Field(description="Impact on doing the work well, on O*NET's scale.")
    distinctive_rank: int | None = Field(
        description="1 is what most sets this work apart; empty when not ranked."
    )

    @classmethod
    def of(cls, measure: Measure) -> WorkStyleOut:
        return cls(
            name=measure.name,
            description=measure.description,
            impact=measure.bar.value,
            distinctive_rank=measure.distinctive or None,
        )


class TaskOut(Schema):
    text: str
    core: bool = Field(description="A core task of the occupation (else supplemental).")


class EducationOut(Schema):
    level: str = Field(description='e.g. "Bachelor\'s Degree".')
    percent: float = Field(description="Share of workers who say the work needs this level.")


class TechnologyGroupOut(Schema):
    kind: str = Field(description='e.g. "Development environment software".')
    examples: list[str]


class TechnologyOut(Schema):
    in_demand: list[str] = Field(description="Often asked for in this occupation's job postings.")
    hot: list[str] = Field(description="Often asked for in job postings across occupations.")
    groups: list[TechnologyGroupOut]
    count: int


class OccupationOut(Schema):
    code: str
    title: str
    description: str
    also_called: list[str]
    job_zone: JobZoneOut | None
    interests: InterestsOut | None = Field(description="Empty without O*NET interest ratings.")
    skills: list[RatedOut] = Field(description="The most important first.")
    knowledge: list[RatedOut]
    abilities: list[RatedOut]
    work_values: list[WorkValueOut] = Field(description="The strongest first.")
    work_styles: list[WorkStyleOut]
    tasks: list[TaskOut] = Field(description="Core tasks first.")
    technology: TechnologyOut
    typical_education: EducationOut | None = Field(description="The most reported level.")
    education: list[EducationOut] = Field(description="The most reported levels, up to three.")
    interview_questions: list[str] = Field(
        description="Open questions to ask someone in this work, in an informational interview."
    )

    @classmethod
    def of(cls, p: OccupationProfile, element_ids: dict[tuple[str, str], str]) -> OccupationOut:
        o = p.occupation

        def rated(domain: str, rows: list[Rated]) -> list[RatedOut]:
            return [RatedOut.of(r, element_ids.get((domain, r.name))) for r in rows]

        def education(share: EducationShare) -> EducationOut:
            return EducationOut(level=share.level, percent=share.percent)

        technology = p.technology
        return cls(
            code=o.code,
            title=o.title,
            description=o.description,
            also_called=p.also_called,
            job_zone=JobZoneOut.maybe(o.job_zone),
            interests=(
                InterestsOut(
                    holland_code=p.holland_code, scores=[InterestOut.of(i) for i in p.interests]
                )
                if p.interests
                else None
            ),
            skills=rated(Domain.SKILL, p.skills),
            knowledge=rated(Domain.KNOWLEDGE, p.knowledge),
            abilities=rated(Domain.ABILITY, p.abilities),
            work_values=[WorkValueOut.of(m) for m in p.work_values],
            work_styles=[WorkStyleOut.of(m) for m in p.work_styles],
            tasks=[TaskOut(text=t.text, core=True) for t in p.core_tasks]
            + [TaskOut(text=t.text, core=False) for t in p.other_tasks],
            technology=TechnologyOut(
                in_demand=technology.in_demand,
                hot=technology.hot,
                groups=[
                    TechnologyGroupOut(kind=g.kind, examples=list(g.examples))
                    for g in technology.groups
                ],
                count=technology.count,
            ),
            typical_education=education(p.typical_education) if p.typical_education else None,
            education=[education(share) for share in p.education],
            interview_questions=list(p.questions),
        )


# --- related occupations and pathways ----------------------------------------------------


class ElementChangeOut(Schema):
    element_id: str
    name: str
    domain: str = Field(description="skill, knowledge or ability")
    level: float = Field(description="The level you bring, 0-7.")
    target_level: float = Field(description="The level the target work needs, 0-7.")
    importance: float = Field(description="How important to the target work, 1-5.")
    size: float | None = Field(
        None, description="Gaps only: importance / 5 x the level difference."
    )


class PathwayOut(Schema):
    code: str
    title: str
    score: float = Field(description="Relatedness, 0-1.")
    job_zone: int | None
    job_zone_change: int | None = Field(
        description="Target job zone minus the source's; empty when either is unknown."
    )
    carry_over: float | None = Field(
        description="Importance-weighted share of the target's important skills, knowledge "
        "and abilities the source already meets, 0-1; empty without ratings on both sides."
    )
    transfers: list[ElementChangeOut] = Field(description="What carries over.")
    gaps: list[ElementChangeOut] = Field(
        description="What the target needs more of, biggest first."
    )
    shared_interests: list[str]
    question: str = Field(description="An open question to reflect on, never advice.")
    signals: dict[str, float] = Field(description="The raw similarity of each signal.")


class RelatedOut(Schema):
    code: str
    title: str
    job_zone: int | None
    related: list[PathwayOut] = Field(description="The most related first.")


class PathwaysIn(Schema):
    from_: list[str] = Field(
        [],
        alias="from",
        description="O*NET-SOC codes of past occupations.",
        examples=[["29-1141.00"]],
    )
    skills: dict[str, float] = Field(
        {},
        description="Self-rated levels, 0-7 on O*NET's level scale, by element id "
        '("2.A.1.a") or name ("Reading Comprehension").',
    )
    interests: list[float] | None = Field(
        None, description="Six RIASEC ratings, on any scale, in that order."
    )
    job_zones: list[int] | None = Field(
        None, description="Keep only occupations in these job zones (1-5); null for all."
    )
    exclude_family: bool = Field(
        False,
        description="Leave out occupations in the same SOC minor group as the past occupations "
        "(a teacher's other teaching jobs, say), for someone leaving their field.",
    )
    top: int = Field(10, description=f"How many pathways, 1-{MAX_PATHWAYS}.")
    offset: int = Field(0, description="Skip this many of the best first, for the next page.")


class PathwaySourceOut(Schema):
    codes: list[str]
    titles: list[str]
    skills: dict[str, float] | None
    interests: list[float] | None
    holland_code: str | None
    job_zones: list[int] | None
    exclude_family: bool


class PathwaysOut(Schema):
    source: PathwaySourceOut
    related: list[PathwayOut] = Field(description="The best first.")


# --- interest matching -------------------------------------------------------------------


class InterestMatchIn(Schema):
    profile: list[float] = Field(
        description="Six RIASEC ratings (Realistic, Investigative, Artistic, Social, "
        "Enterprising, Conventional), on any scale: only the shape counts.",
        examples=[[2, 5, 3, 6, 3, 2]],
    )
    job_zones: list[int] | None = Field(
        None, description="Keep only occupations in these job zones (1-5); null for all."
    )
    top: int = Field(20, description=f"How many matches, 1-{MAX_RESULTS}.")


class InterestMatchOut(Schema):
    code: str
    title: str
    score: float = Field(description="0-1.")
    correlation: float = Field(description="Of the two interest profiles, -1 to 1.")
    job_zone: int | None
    holland_code: str = Field(description="The occupation's interest high points, as letters.")
    shared_interests: list[str] = Field(description="High points you share, in your order.")
    why: str


class InterestMatchesOut(Schema):
    profile: list[float]
    holland_code: str = Field(description="The profile's three highest interests.")
    high_points: list[str] = Field(description="The interests above the profile's own mean.")
    high_points_text: str
    job_zones: list[int] | None
    matches: list[InterestMatchOut] = Field(description="The best first.")


# --- fetch and validate ------------------------------------------------------------------


def current_release() -> Release:
    """The current O*NET release; 503 until one is imported."""
    release = Release.current()
    if release is None:
        raise HttpError(503, NO_DATA)
    return release


def current_index() -> OccupationIndex:
    """The pathway index of the current release; 503 until one is imported."""
    try:
        return pathway_index()
    except NoOnetData:
        raise HttpError(503, NO_DATA) from None


def get_occupation(code: str) -> Occupation:
    return get_object_or_404(Occupation.objects.select_related("job_zone"), code=code)


def check_count(name: str, value: int, most: int) -> None:
    if not 1 <= value <= most:
        raise HttpError(400, f"`{name}` is a number from 1 to {most}; {value} is not.")


def check_job_zones(job_zones: Sequence[int] | None) -> None:
    if job_zones is None:
        return
    if not job_zones:
        raise HttpError(400, "`job_zones` is empty: give some job zones (1-5), or null for all.")
    wrong = sorted({z for z in job_zones if z not in JOB_ZONES})
    if wrong:
        raise HttpError(400, f"Job zones are 1 to 5, so not {_listed(wrong)}.")


def check_profile(name: str, values: Sequence[float]) -> None:
    """Six finite numbers with some shape to them."""
    if len(values) != 6:
        raise HttpError(
            400,
            f"`{name}` is six numbers in RIASEC order (Realistic, Investigative, Artistic, "
            f"Social, Enterprising, Conventional); {len(values)} given.",
        )
    try:
        normalise_profile(values)
    except ValueError as exc:
        raise HttpError(400, f"`{name}`: {exc}") from None


def check_pathway_source(index: OccupationIndex, payload: PathwaysIn) -> None:
    if not payload.from_ and not payload.skills and payload.interests is None:
        raise HttpError(
            400, "Give past occupations (`from`), `skills` or `interests` to start from."
        )
    if len(payload.from_) > MAX_SOURCES:
        raise HttpError(400, f"Give at most {MAX_SOURCES} past occupations.")
    unknown = [code for code in dict.fromkeys(payload.from_) if code not in index.position]
    if unknown:
        raise HttpError(400, f"No occupation has the code {_listed(unknown)}.")
    if len(payload.skills) > MAX_SKILLS:
        raise HttpError(400, f"Rate at most {MAX_SKILLS} skills.")
    unknown = [key for key in payload.skills if not _is_element(index, key)]
    if unknown:
        raise HttpError(400, f"No skill, knowledge area or ability is called {_listed(unknown)}.")
    low, high = SKILL_LEVELS
    wrong = [
        f"{key!r} is {value:g}"
        for key, value in payload.skills.items()
        if not (math.isfinite(value) and low <= value <= high)
    ]
    if wrong:
        raise HttpError(400, f"Skill levels are {low:g} to {high:g}: {', '.join(wrong)}.")
    if payload.interests is not None:
        check_profile("interests", payload.interests)


def _is_element(index: OccupationIndex, key: str) -> bool:
    try:
        element_position(index, key)
    except KeyError:
        return False
    return True


def _listed(items: Sequence[object]) -> str:
    shown = [repr(i) if isinstance(i, str) else str(i) for i in items]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


def element_ids_of(profile: OccupationProfile) -> dict[tuple[str, str], str]:
    """(domain, name) -> element id, for the skills, knowledge and abilities shown."""
    names = {r.name for r in (*profile.skills, *profile.knowledge, *profile.abilities)}
    rows = Element.objects.filter(
        domain__in=(Domain.SKILL, Domain.KNOWLEDGE, Domain.ABILITY), name__in=names
    ).values_list("domain", "name", "id")
    return {(domain, name): element_id for domain, name, element_id in rows}


# --- handlers ----------------------------------------------------------------------------


@router.get(
    "/occupations",
    response={200: OccupationSearchOut, **QUERY},
    openapi_extra=NO_DATA_DOCS,
    summary="Search occupations by title, forgiving typos, partial words and plurals",
)
def search_occupations(
    request: HttpRequest,
    q: str = Query("", description='What people call the job, e.g. "nurse" or "soft dev".'),
    limit: int = Query(20, description=f"How many results, 1-{MAX_RESULTS}."),
) -> OccupationSearchOut:
    release = current_release()
    query = q.strip()
    if not query:
        raise HttpError(400, 'Say what to search for: `q` is empty (e.g. "nurse").')
    if len(query) > LONGEST_QUERY:
        raise HttpError(400, f"`q` is at most {LONGEST_QUERY} characters long.")
    check_count("limit", limit, MAX_RESULTS)
    results = occupation_index(release).search(query, limit=limit)
    zones = dict(
        Occupation.objects.filter(code__in=[h.code for h in results.hits]).values_list(
            "code", "job_zone_id"
        )
    )
    return OccupationSearchOut(
        query=query,
        total=results.total,
        results=[
            OccupationHitOut(
                code=hit.code,
                title=hit.title,
                job_zone=zones[hit.code],
                matched_title=hit.also_called,
                match=MATCH[hit.quality],
            )
            for hit in results.hits
            if hit.code in zones
        ],
    )


@router.get(
    "/occupations/{code}",
    response={200: OccupationOut, **READ},
    openapi_extra=NO_DATA_DOCS,
    summary="An occupation: what the work is, what it needs, and questions to ask about it",
)
def get_occupation_detail(request: HttpRequest, code: str) -> OccupationOut:
    current_release()
    occupation = get_occupation(code)
    profile = occupation_profile(occupation)
    return OccupationOut.of(profile, element_ids_of(profile))


@router.get(
    "/occupations/{code}/related",
    response={200: RelatedOut, 400: ErrorOut, **READ},
    openapi_extra=NO_DATA_DOCS,
    summary="Occupations related to this one: what transfers, the gaps, the job-zone change",
)
def related_occupations(
    request: HttpRequest,
    code: str,
    top: int = Query(10, description=f"How many related occupations, 1-{MAX_PATHWAYS}."),
) -> RelatedOut:
    current_index()
    occupation = get_occupation(code)
    check_count("top", top, MAX_PATHWAYS)
    return RelatedOut.model_validate(related_for_code(occupation.code, top=top))


@router.post(
    "/pathways",
    response={200: PathwaysOut, **QUERY},
    openapi_extra=NO_DATA_DOCS,
    summary="Transition pathways from past occupations, self-rated skills and/or interests",
    description=(
        "Ranks occupations by how related they are to where you come from, each with what "
        "transfers, the gaps to close, the job-zone change and a question to reflect on."
    ),
)
def pathways(request: HttpRequest, payload: PathwaysIn) -> PathwaysOut:
    index = current_index()
    check_pathway_source(index, payload)
    check_job_zones(payload.job_zones)
    check_count("top", payload.top, MAX_PATHWAYS)
    if payload.offset < 0:
        raise HttpError(400, "`offset` counts from 0.")
    result: dict[str, Any] = pathways_for(
        codes=payload.from_,
        skills=payload.skills,
        interests=payload.interests,
        top=payload.top,
        narrowing=Narrowing(
            job_zones=frozenset(payload.job_zones or ()),
            leave_family=payload.exclude_family,
            offset=payload.offset,
        ),
    )
    source: dict[str, Any] = {
        "skills": None,
        "interests": None,
        "holland_code": None,
        **result["source"],
    }
    source["job_zones"] = sorted(set(payload.job_zones)) if payload.job_zones else None
    source["exclude_family"] = payload.exclude_family
    return PathwaysOut.model_validate({"source": source, "related": result["related"]})


@router.post(
    "/interests/match",
    response={200: InterestMatchesOut, **QUERY},
    openapi_extra=NO_DATA_DOCS,
    summary="Occupations whose interests fit a RIASEC profile, with why",
)
def interest_match(request: HttpRequest, payload: InterestMatchIn) -> InterestMatchesOut:
    current_index()
    check_profile("profile", payload.profile)
    check_job_zones(payload.job_zones)
    check_count("top", payload.top, MAX_RESULTS)
    result = match_interests(payload.profile, job_zones=payload.job_zones, top=payload.top)
    return InterestMatchesOut.model_validate(result)
