"""The occupation page's read model: one occupation's O*NET data, shaped for reading.

Every rating of the occupation comes in one query and is sorted into sections here, so
the template only lays things out. Sections O*NET has no data for come back empty and
the page leaves them out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count

from headway.core.occupations.interview_questions import OccupationFacts, interview_questions
from headway.onet.models import (
    Domain,
    EducationCategory,
    JobZone,
    Occupation,
    Rating,
    Task,
    TechnologySkill,
    TitleKind,
)

TOP = 10  # skills, knowledge and abilities shown, by importance
TOP_STYLES = 8
FEATURED_TECHNOLOGY = 15
ALSO_CALLED = 8
EDUCATION_LEVEL = ("2.D.1", "RL")  # Required Level of Education: share of workers per level

# RIASEC, in O*NET's element order (1.B.1.a-f), each in a few words of our own.
INTEREST_BLURBS = {
    "Realistic": "hands-on work with things, tools, machines, plants or animals",
    "Investigative": "ideas, research and working out problems",
    "Artistic": "creating, designing and expressing",
    "Social": "helping, teaching and caring for people",
    "Enterprising": "leading, persuading and taking business risks",
    "Conventional": "organising data, records and procedures",
}

# The interest chart's geometry, in SVG user units (the chart scales to its box).
CHART_WIDTH = 360  # about its width on the page, so its text stays at reading size
CHART_LABEL = 112  # room for "Investigative"
CHART_PLOT = 204
CHART_ROW = 34
CHART_BAR = 20


@dataclass(frozen=True)
class Bar:
    """A rating on its scale, and how much of the scale it fills, for a small bar."""

    value: float
    minimum: float
    maximum: float

    @property
    def percent(self) -> int:
        span = self.maximum - self.minimum
        if span <= 0:
            return 0
        return round(100 * min(1.0, max(0.0, (self.value - self.minimum) / span)))


@dataclass(frozen=True)
class Rated:
    """A skill, knowledge area or ability: how important it is and at what level."""

    name: str
    description: str
    importance: Bar
    level: Bar | None  # None when O*NET finds the level not relevant to the work
    level_imprecise: bool = False  # O*NET recommends not relying on this estimate


@dataclass(frozen=True)
class Measure:
    name: str
    description: str
    bar: Bar
    distinctive: int = 0  # work styles: 1 is what most sets the occupation apart


@dataclass(frozen=True)
class Interest:
    letter: str
    name: str
    blurb: str
    bar: Bar
    high: bool  # one of the three letters of the Holland code
    row: int  # its place in the chart, from 0

    # The chart's geometry, worked out here so the template only fills in numbers.
    @property
    def text_y(self) -> int:
        return self.row * CHART_ROW + CHART_ROW // 2 + 5

    @property
    def bar_y(self) -> int:
        return self.row * CHART_ROW + (CHART_ROW - CHART_BAR) // 2

    @property
    def width(self) -> int:
        return max(2, round(CHART_PLOT * self.bar.percent / 100))

    @property
    def value_x(self) -> int:
        return CHART_LABEL + self.width + 6


@dataclass(frozen=True)
class InterestChart:
    """The frame of the interest chart: its size, and the gridlines of the 1-7 scale."""

    rows: int

    width = CHART_WIDTH
    label_x = CHART_LABEL - 10  # labels end here
    plot_x = CHART_LABEL
    bar_height = CHART_BAR

    @property
    def rows_height(self) -> int:
        return self.rows * CHART_ROW

    @property
    def height(self) -> int:
        return self.rows_height + 24  # room for the scale's numbers

    @property
    def tick_y(self) -> int:
        return self.rows_height + 18

    @property
    def ticks(self) -> list[tuple[int, int]]:
        """(value, x) of each whole number of the scale."""
        return [(v, CHART_LABEL + round(CHART_PLOT * (v - 1) / 6)) for v in range(1, 8)]


@dataclass(frozen=True)
class EducationShare:
    level: str
    percent: float


@dataclass(frozen=True)
class TechGroup:
    kind: str  # O*NET's commodity title, e.g. "Development environment software"
    examples: tuple[str, ...]


@dataclass(frozen=True)
class Technology:
    in_demand: list[str]  # O*NET: often asked for in this occupation's job postings
    hot: list[str]  # often asked for in job postings across occupations
    groups: list[TechGroup]  # all of them, by kind
    count: int

    @property
    def featured(self) -> list[str]:
        """A few examples to name: in demand, then hot, then any."""
        named = self.in_demand + self.hot
        return named or [e for g in self.groups for e in g.examples][:FEATURED_TECHNOLOGY]


@dataclass(frozen=True)
class OccupationProfile:
    occupation: Occupation
    also_called: list[str]
    core_tasks: list[Task]
    other_tasks: list[Task]
    interests: list[Interest]  # RIASEC order
    holland_code: str
    skills: list[Rated]
    knowledge: list[Rated]
    abilities: list[Rated]
    work_values: list[Measure]
    work_styles: list[Measure]
    education: list[EducationShare]  # the most reported levels first
    technology: Technology
    questions: tuple[str, ...]

    @property
    def imprecise(self) -> dict[str, bool]:
        """Which rating tables need the note on imprecise levels."""
        sections = {"skills": self.skills, "knowledge": self.knowledge, "abilities": self.abilities}
        return {name: any(r.level_imprecise for r in rows) for name, rows in sections.items()}

    @property
    def task_count(self) -> int:
        return len(self.core_tasks) + len(self.other_tasks)

    @property
    def typical_education(self) -> EducationShare | None:
        return self.education[0] if self.education else None

    @property
    def chart(self) -> InterestChart:
        return InterestChart(len(self.interests))

    @property
    def holland_interests(self) -> list[Interest]:
        """The interests of the Holland code, in its order."""
        by_letter = {i.letter: i for i in self.interests}
        return [by_letter[letter] for letter in self.holland_code if letter in by_letter]


def occupation_profile(occupation: Occupation) -> OccupationProfile:
    tasks = sorted(occupation.tasks.all(), key=lambda t: (t.task_type != "Core", t.task_id))
    # Without O*NET's Core/Supplemental split, every task counts as core.
    core_tasks = [t for t in tasks if t.task_type == "Core"] or tasks
    ratings: defaultdict[tuple[str, str], list[Rating]] = defaultdict(list)
    for r in Rating.objects.filter(occupation=occupation).select_related("element", "scale"):
        ratings[(r.element.domain, r.scale_id)].append(r)
    interests, holland_code = _interests(ratings[(Domain.INTEREST, "OI")])
    skills = _rated(ratings, Domain.SKILL)
    knowledge = _rated(ratings, Domain.KNOWLEDGE)
    work_values = sorted(
        (_measure(r) for r in ratings[(Domain.WORK_VALUE, "EX")]), key=lambda m: -m.bar.value
    )
    work_styles = _work_styles(ratings)
    education = _education(ratings[(Domain.EDUCATION, EDUCATION_LEVEL[1])])
    technology = _technology(occupation)
    zone = occupation.job_zone
    facts = OccupationFacts(
        tasks=tuple(t.text for t in core_tasks[:2]),
        skills=tuple(r.name for r in skills),
        knowledge=tuple(r.name for r in knowledge),
        technology=tuple(technology.featured),
        work_values=tuple(m.name for m in work_values),
        work_styles=tuple(m.name for m in work_styles),
        job_zone=zone.number if zone else None,
        education=education[0].level if education else None,
    )
    return OccupationProfile(
        occupation=occupation,
        also_called=_also_called(occupation),
        core_tasks=core_tasks,
        other_tasks=[t for t in tasks if t not in core_tasks],
        interests=interests,
        holland_code=holland_code,
        skills=skills,
        knowledge=knowledge,
        abilities=_rated(ratings, Domain.ABILITY),
        work_values=work_values,
        work_styles=work_styles,
        education=education,
        technology=technology,
        questions=interview_questions(facts),
    )


def job_zone_label(zone: JobZone | None) -> str:
    """ "Considerable preparation needed", from "Job Zone Four: Considerable Preparation Needed"."""
    if zone is None:
        return ""
    label = zone.name.split(": ", 1)[-1]
    return label[:1] + label[1:].lower()


def _also_called(occupation: Occupation) -> list[str]:
    # Reported titles are what people in the job call it; alternates fill up the rest.
    order: dict[str, int] = {TitleKind.REPORTED: 0, TitleKind.ALTERNATE: 1, TitleKind.SHORT: 2}
    names: dict[str, str] = {}
    for title in sorted(occupation.titles.all(), key=lambda t: (order.get(t.kind, 3), t.pk)):
        names.setdefault(title.title.casefold(), title.title)
    names.pop(occupation.title.casefold(), None)
    return list(names.values())[:ALSO_CALLED]


def _bar(rating: Rating) -> Bar:
    return Bar(rating.value, rating.scale.minimum, rating.scale.maximum)


def _rated(ratings: dict[tuple[str, str], list[Rating]], domain: Domain) -> list[Rated]:
    """The TOP most important, each with its level (unless O*NET calls it not relevant)."""
    levels = {r.element_id: r for r in ratings.get((domain, "LV"), []) if not r.not_relevant}
    important = sorted(ratings.get((domain, "IM"), []), key=lambda r: (-r.value, r.element.name))
    rated = []
    for r in important[:TOP]:
        level = levels.get(r.element_id)
        rated.append(
            Rated(
                r.element.name,
                r.element.description,
                _bar(r),
                _bar(level) if level else None,
                level_imprecise=bool(level and level.recommend_suppress),
            )
        )
    return rated


def _measure(rating: Rating) -> Measure:
    # O*NET's work value descriptions go on to list "corresponding needs"; the first
    # sentence says what the value is.
    first = rating.element.description.split(". ", 1)[0].rstrip(".")
    return Measure(rating.element.name, f"{first}." if first else "", _bar(rating))


def _interests(scores: list[Rating]) -> tuple[list[Interest], str]:
    """The six interests in RIASEC order, and the Holland code of the three highest."""
    scores = sorted(scores, key=lambda r: r.element_id)
    # Ties go to the earlier letter in RIASEC, the usual convention.
    top = sorted(range(len(scores)), key=lambda i: (-scores[i].value, i))[:3]
    interests = []
    for i, r in enumerate(scores):
        interests.append(
            Interest(
                letter=r.element.name[:1],
                name=r.element.name,
                blurb=INTEREST_BLURBS.get(r.element.name, ""),
                bar=_bar(r),
                high=i in top,
                row=i,
            )
        )
    return interests, "".join(scores[i].element.name[:1] for i in top)


def _work_styles(ratings: dict[tuple[str, str], list[Rating]]) -> list[Measure]:
    """The styles that set the work apart first (O*NET's distinctiveness rank), then the
    ones with the most impact on doing it well."""
    ranks = {r.element_id: int(r.value) for r in ratings.get((Domain.WORK_STYLE, "DR"), [])}
    styles = [
        Measure(r.element.name, r.element.description, _bar(r), ranks.get(r.element_id, 0))
        for r in ratings.get((Domain.WORK_STYLE, "WI"), [])
    ]
    styles.sort(key=lambda m: (m.distinctive == 0, m.distinctive, -m.bar.value))
    return styles[:TOP_STYLES]


def _education(shares: list[Rating]) -> list[EducationShare]:
    element, scale = EDUCATION_LEVEL
    levels = {
        c.category: _short_level(c.description)
        for c in EducationCategory.objects.filter(element_id=element, scale_id=scale)
    }
    reported = [
        EducationShare(levels[r.category], r.value)
        for r in shares
        if r.element_id == element and r.value > 0 and r.category is not None
        if r.category in levels
    ]
    return sorted(reported, key=lambda share: -share.percent)[:3]


def _short_level(description: str) -> str:
    # "Post-Secondary Certificate - awarded for training completed after high school (...)"
    return description.split(" - ", 1)[0].strip()


def _technology(occupation: Occupation) -> Technology:
    items = list(occupation.technology.all())
    # The tools of this trade before those every office uses: "Epic Systems" says more
    # about nursing than "Microsoft Excel" does.
    spread = dict(
        TechnologySkill.objects.filter(example__in={t.example for t in items})
        .values_list("example")
        .annotate(n=Count("occupation_id"))
        .values_list("example", "n")
    )
    items.sort(key=lambda t: (spread.get(t.example, 0), t.example.casefold()))
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for t in items:
        groups[t.commodity_title].append(t.example)
    return Technology(
        in_demand=[t.example for t in items if t.in_demand][:FEATURED_TECHNOLOGY],
        hot=[t.example for t in items if t.hot and not t.in_demand][:FEATURED_TECHNOLOGY],
        groups=[
            TechGroup(kind, tuple(sorted(examples, key=str.casefold)))
            for kind, examples in sorted(groups.items())
        ],
        count=len(items),
    )
