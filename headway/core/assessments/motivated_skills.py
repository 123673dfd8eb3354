"""Motivated skills: what a person does well, set against what they enjoy doing.

Each skill (one of O*NET's 35, or one in the client's own words) gets two answers:
how well they do it (proficiency) and how they feel about using it (enjoyment). The
result is a profile and the questions it raises, never a verdict:

- motivated: strong or expert, and love to use: the skills that give energy;
- burnout risk: strong or expert, but would rather not: what others may keep asking for;
- growth: love to use, still learning or capable: where practice is wanted;
- steady: strong or expert, and happy to use: reliable, neither drawn to nor drained by;
- less central: the rest (still learning or capable, and happy to use or would rather not).

The O*NET skills also become a skills profile on O*NET's 0-7 level scale (see `LEVELS`),
which transition pathways read as self-rated levels.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# How well, in the client's words, and the level on O*NET's 0-7 scale each stands for.
# O*NET's anchors put most work at 2 to 5 and keep 7 for rare, field-leading expertise,
# so the four words spread over 2-6: "still learning" is basic (2), "capable" meets what
# typical work asks (4), "strong" is above it (5) and "expert" is advanced (6). Self-ratings
# run high, and 7 is left for an exceptional self-view nobody is asked to claim.
PROFICIENCY = {
    "learning": "Still learning",
    "capable": "Capable",
    "strong": "Strong",
    "expert": "Expert",
}
LEVELS = {"learning": 2, "capable": 4, "strong": 5, "expert": 6}
HIGH_PROFICIENCY = frozenset({"strong", "expert"})

ENJOYMENT = {
    "love": "Love to use",
    "happy": "Happy to use",
    "rather_not": "Would rather not",
}

# Enough ratings for the quadrants to say something; the rest may stay unrated.
MIN_RATED = 8
# The pathways form takes up to eight self-rated skills.
MAX_PATHWAY_SKILLS = 8


@dataclass(frozen=True)
class OnetSkill:
    element_id: str
    name: str
    blurb: str  # one line in our own words


# O*NET's 35 skills (Content Model 2.A and 2.B): ids and names are O*NET's (CC BY 4.0),
# the one-line descriptions are ours. The assessment works from this list when no O*NET
# release is imported; with one, its names are preferred.
ONET_SKILLS: tuple[OnetSkill, ...] = (
    OnetSkill("2.A.1.a", "Reading Comprehension", "Making sense of reports, manuals and emails."),
    OnetSkill(
        "2.A.1.b", "Active Listening", "Giving people your full attention to understand them."
    ),
    OnetSkill("2.A.1.c", "Writing", "Putting ideas into clear words for the people who read them."),
    OnetSkill("2.A.1.d", "Speaking", "Explaining things out loud so that others follow."),
    OnetSkill("2.A.1.e", "Mathematics", "Working things out with numbers and calculations."),
    OnetSkill("2.A.1.f", "Science", "Answering questions with evidence and scientific methods."),
    OnetSkill("2.A.2.a", "Critical Thinking", "Weighing ideas and approaches with logic."),
    OnetSkill("2.A.2.b", "Active Learning", "Taking in new information and seeing what it means."),
    OnetSkill(
        "2.A.2.c", "Learning Strategies", "Finding good ways to learn, or to help others learn."
    ),
    OnetSkill("2.A.2.d", "Monitoring", "Keeping track of how work is going, and adjusting."),
    OnetSkill("2.B.1.a", "Social Perceptiveness", "Noticing how people react, and why."),
    OnetSkill("2.B.1.b", "Coordination", "Fitting your work together with other people's."),
    OnetSkill("2.B.1.c", "Persuasion", "Bringing others round to a view or a plan."),
    OnetSkill("2.B.1.d", "Negotiation", "Helping people with different interests agree."),
    OnetSkill("2.B.1.e", "Instructing", "Teaching others how to do something."),
    OnetSkill(
        "2.B.1.f", "Service Orientation", "Looking for ways to help people with what they need."
    ),
    OnetSkill(
        "2.B.2.i", "Complex Problem Solving", "Untangling messy problems into workable answers."
    ),
    OnetSkill(
        "2.B.3.a", "Operations Analysis", "Working out what a product or process needs to do."
    ),
    OnetSkill("2.B.3.b", "Technology Design", "Designing or adapting technology to fit a need."),
    OnetSkill(
        "2.B.3.c", "Equipment Selection", "Choosing the right tools and equipment for a job."
    ),
    OnetSkill("2.B.3.d", "Installation", "Setting up equipment, wiring or software as specified."),
    OnetSkill("2.B.3.e", "Programming", "Writing computer programs."),
    OnetSkill(
        "2.B.3.g", "Operations Monitoring", "Watching gauges or dashboards so things run right."
    ),
    OnetSkill("2.B.3.h", "Operation and Control", "Running equipment, vehicles or systems."),
    OnetSkill("2.B.3.j", "Equipment Maintenance", "Looking after equipment so it keeps working."),
    OnetSkill("2.B.3.k", "Troubleshooting", "Finding out why something is not working."),
    OnetSkill("2.B.3.l", "Repairing", "Fixing machines or systems."),
    OnetSkill("2.B.3.m", "Quality Control Analysis", "Testing and inspecting work for quality."),
    OnetSkill("2.B.4.e", "Judgment and Decision Making", "Weighing costs and benefits to choose."),
    OnetSkill(
        "2.B.4.g", "Systems Analysis", "Seeing how a system works and what a change would do."
    ),
    OnetSkill(
        "2.B.4.h", "Systems Evaluation", "Judging how well a system does and what would help."
    ),
    OnetSkill("2.B.5.a", "Time Management", "Making good use of your own time and others'."),
    OnetSkill("2.B.5.b", "Management of Financial Resources", "Planning and tracking money."),
    OnetSkill(
        "2.B.5.c", "Management of Material Resources", "Looking after materials, kit and space."
    ),
    OnetSkill(
        "2.B.5.d", "Management of Personnel Resources", "Motivating, developing and leading people."
    ),
)
ONET_SKILL_IDS = frozenset(s.element_id for s in ONET_SKILLS)


@dataclass(frozen=True)
class QuadrantSpec:
    key: str
    title: str
    about: str
    questions: tuple[str, ...]


# In display order: the 2x2 reads motivated, burnout risk / growth, less central; steady
# comes after, because "happy to use" sits between the two ends of enjoyment.
QUADRANTS: tuple[QuadrantSpec, ...] = (
    QuadrantSpec(
        "motivated",
        "Motivated skills",
        "You do these well and love using them.",
        (
            "Where in your life do you get to use these most, and where least?",
            "What would a week look like that used more of them?",
        ),
    ),
    QuadrantSpec(
        "burnout",
        "Burnout risk",
        "You do these well, and would rather not use them.",
        (
            "How much of your current work asks for these?",
            "What would it take to use them less, or in a way that suits you better?",
        ),
    ),
    QuadrantSpec(
        "growth",
        "Room to grow",
        "You love using these and are still building them.",
        (
            "Which of these would you most like to get better at, and why that one?",
            "What small step could you take to practise one of them?",
        ),
    ),
    QuadrantSpec(
        "less_central",
        "Less central",
        "Skills you are still building and do not especially enjoy.",
        ("Is any of these one that your next role could leave aside?",),
    ),
    QuadrantSpec(
        "steady",
        "Steady skills",
        "You do these well and are happy to use them.",
        ("Which of these could grow into something you love, and which could you trade away?",),
    ),
)


@dataclass(frozen=True)
class SkillRating:
    """One skill with both answers. `element_id` is None for a skill in the client's words."""

    name: str
    proficiency: str  # a key of PROFICIENCY
    enjoyment: str  # a key of ENJOYMENT
    element_id: str | None = None

    def __post_init__(self) -> None:
        if self.proficiency not in PROFICIENCY:
            raise ValueError(f"{self.name}: proficiency must be one of {', '.join(PROFICIENCY)}.")
        if self.enjoyment not in ENJOYMENT:
            raise ValueError(f"{self.name}: enjoyment must be one of {', '.join(ENJOYMENT)}.")

    @property
    def level(self) -> int:
        return LEVELS[self.proficiency]

    @property
    def quadrant(self) -> str:
        high = self.proficiency in HIGH_PROFICIENCY
        if high and self.enjoyment == "love":
            return "motivated"
        if high and self.enjoyment == "rather_not":
            return "burnout"
        if high:
            return "steady"
        if self.enjoyment == "love":
            return "growth"
        return "less_central"


@dataclass(frozen=True)
class Quadrant:
    spec: QuadrantSpec
    skills: tuple[SkillRating, ...]


@dataclass(frozen=True)
class SkillsProfile:
    quadrants: tuple[Quadrant, ...]  # in QUADRANTS order
    # O*NET element id -> level on the 0-7 scale, for every rated O*NET skill, highest first.
    levels: tuple[tuple[str, int], ...]
    # The motivated O*NET skills for the pathways form (at most eight), highest first.
    pathway_skills: tuple[tuple[str, int], ...]
    rated: int

    def quadrant(self, key: str) -> Quadrant:
        return next(q for q in self.quadrants if q.spec.key == key)

    @property
    def motivated(self) -> tuple[SkillRating, ...]:
        return self.quadrant("motivated").skills


class NotEnoughRated(ValueError):
    """Fewer than the minimum number of skills have both answers."""


def _order(rating: SkillRating) -> tuple[int, int, str]:
    # Strongest first; among equals the most enjoyed, then by name for a stable order.
    return (-rating.level, list(ENJOYMENT).index(rating.enjoyment), rating.name.casefold())


def skills_profile(ratings: Iterable[SkillRating], *, minimum: int = MIN_RATED) -> SkillsProfile:
    """Sort rated skills into the quadrants and build the O*NET level profile.

    A skill named twice (the same O*NET id, or the same own name in any case) counts once,
    the first time, so a profile never lists a skill in two places."""
    unique: list[SkillRating] = []
    seen: set[str] = set()
    for r in ratings:
        key = r.element_id or f"own:{' '.join(r.name.casefold().split())}"
        if key not in seen:
            seen.add(key)
            unique.append(r)
    if len(unique) < minimum:
        raise NotEnoughRated(
            f"Rate at least {minimum} skills on both how well you do them and how much you "
            f"enjoy them: {len(unique)} so far."
        )
    ordered = sorted(unique, key=_order)
    quadrants = tuple(
        Quadrant(spec, tuple(r for r in ordered if r.quadrant == spec.key)) for spec in QUADRANTS
    )
    levels = tuple((r.element_id, r.level) for r in ordered if r.element_id)
    motivated_onet = [r for r in quadrants[0].skills if r.element_id]
    pathway = tuple((r.element_id, r.level) for r in motivated_onet if r.element_id)
    return SkillsProfile(
        quadrants=quadrants,
        levels=levels,
        pathway_skills=pathway[:MAX_PATHWAY_SKILLS],
        rated=len(unique),
    )


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def motivated_changes(before: Sequence[str], after: Sequence[str]) -> list[str]:
    """Plain sentences about the motivated skills that joined or left between two results."""
    old = {n.casefold(): n for n in before}
    new = {n.casefold(): n for n in after}
    joined = [name for key, name in new.items() if key not in old]
    left = [name for key, name in old.items() if key not in new]
    sentences = []
    if joined:
        sentences.append(f"New among your motivated skills: {_and(joined)}.")
    if left:
        sentences.append(f"No longer among your motivated skills: {_and(left)}.")
    if not sentences and new:
        sentences.append("Your motivated skills are the same as before.")
    return sentences
