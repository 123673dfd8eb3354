"""The demo's self-discovery: Grace (a nurse looking at user research) has taken every
assessment, retaken the interests inventory, keeps an energy journal she shares with Maya,
and has the readiness assessment assigned and half done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from datetime import datetime
from typing import Any

from headway.accounts.models import User
from headway.core.assessments.riasec_inventory import STATEMENTS
from headway.core.assessments.strengths import STRENGTHS
from headway.core.assessments.values_cards import CARDS
from headway.discovery.models import Assessment, JournalEntry, Kind
from headway.discovery.services import (
    assessment_assign,
    assessment_complete,
    assessment_set_responses,
    assessment_start,
    journal_add,
    journal_set_sharing,
)
from headway.engagements.models import Engagement

ALWAYS = ["helping", "learning", "autonomy", "family", "integrity", "curiosity", "balance"]
OFTEN = ["creativity", "teamwork", "purpose", "fairness", "security", "health", "variety"]
NEVER = ["prestige", "competition", "tradition"]
RANKING = ["helping", "autonomy", "learning", "family", "balance", "curiosity"]
ALIGNMENT = {"helping": 5, "autonomy": 2, "learning": 3, "family": 2, "balance": 1, "curiosity": 3}
REFLECTIONS = {
    "helping": "Every shift. It is why I went into nursing and it will come with me.",
    "autonomy": "Rotas and protocols decide most of my day; I want more say in how I work.",
    "balance": "Nights and weekends mean I miss my son's matches. This is the one that hurts.",
}

# The interest inventory twice: a first go in week two, a retake after the UX course.
FIRST_INTERESTS = {"R": 2, "I": 4, "A": 3, "S": 5, "E": 2, "C": 3}
RETAKE_INTERESTS = {"R": 2, "I": 5, "A": 4, "S": 5, "E": 2, "C": 2}

STRENGTH_RATINGS = {
    "empathy": 5,
    "listening": 5,
    "calm": 5,
    "curiosity": 4,
    "analysis": 4,
    "care_for_detail": 4,
    "dependability": 5,
    "organising": 3,
    "storytelling": 3,
    "persuasion": 2,
    "taking_charge": 3,
}
STRENGTHS_TOP = ["listening", "empathy", "calm", "curiosity", "dependability"]

SKILLS = {
    "2.A.1.b": ("expert", "love"),  # Active Listening
    "2.B.1.a": ("expert", "love"),  # Social Perceptiveness
    "2.A.2.a": ("strong", "love"),  # Critical Thinking
    "2.B.1.e": ("strong", "love"),  # Instructing
    "2.A.1.d": ("strong", "happy"),  # Speaking
    "2.B.5.a": ("strong", "rather_not"),  # Time Management
    "2.A.2.d": ("expert", "rather_not"),  # Monitoring
    "2.B.1.b": ("strong", "happy"),  # Coordination
    "2.A.1.c": ("capable", "love"),  # Writing
    "2.B.3.b": ("learning", "love"),  # Technology Design
    "2.B.4.g": ("learning", "happy"),  # Systems Analysis
    "2.B.1.c": ("capable", "rather_not"),  # Persuasion
}

JOURNAL = [
    # days ago, activity, energy, flow
    (40, "Night shift on the ward", -2, False),
    (38, "Teaching a student nurse", 2, True),
    (33, "Night shift on the ward", -1, False),
    (31, "Patient feedback interviews", 2, True),
    (26, "Rota and paperwork", -2, False),
    (24, "Teaching a student nurse", 1, False),
    (19, "Night shift on the ward", -2, False),
    (17, "UX course: usability test", 2, True),
    (12, "Patient feedback interviews", 2, True),
    (10, "Rota and paperwork", -1, False),
    (5, "UX course: usability test", 2, True),
    (3, "Night shift on the ward", -1, False),
]


def _interest_ratings(levels: dict[str, int]) -> dict[str, int]:
    return {s.key: levels[s.key[0].upper()] for s in STATEMENTS}


def _complete(
    engagement: Engagement, client: User, kind: Kind, responses: dict[str, Any], when: datetime
) -> Assessment:
    a = assessment_start(engagement=engagement, by=client, kind=kind)
    assessment_set_responses(assessment=a, by=client, responses=responses)
    assessment_complete(assessment=a, by=client)
    Assessment.objects.filter(pk=a.pk).update(
        created_at=when - dt.timedelta(hours=1), started_at=when, completed_at=when
    )
    return a


def demo_discovery_load(
    engagement: Engagement, *, client: User, coach: User, ago: Callable[[float], datetime]
) -> None:
    piles = {c.key: "sometimes" for c in CARDS}
    piles |= dict.fromkeys(ALWAYS, "always") | dict.fromkeys(OFTEN, "often")
    piles |= dict.fromkeys(NEVER, "never")
    values = {
        "piles": piles,
        "ranking": RANKING,
        "alignment": ALIGNMENT,
        "reflections": REFLECTIONS,
    }
    _complete(engagement, client, Kind.VALUES, values, ago(60))
    first = {"ratings": _interest_ratings(FIRST_INTERESTS)}
    _complete(engagement, client, Kind.INTERESTS, first, ago(58))
    strengths = {
        "ratings": {s.key: STRENGTH_RATINGS.get(s.key, 2) for s in STRENGTHS},
        "top": STRENGTHS_TOP,
        "reflections": {"listening": "Patients tell me things they have not told the doctor."},
        "clifton": "",
        "via": "",
    }
    _complete(engagement, client, Kind.STRENGTHS, strengths, ago(55))
    ratings = {k: {"proficiency": p, "enjoyment": e} for k, (p, e) in SKILLS.items()}
    _complete(engagement, client, Kind.SKILLS, {"ratings": ratings, "own": []}, ago(50))
    retake = {"ratings": _interest_ratings(RETAKE_INTERESTS)}
    _complete(engagement, client, Kind.INTERESTS, retake, ago(6))

    readiness = assessment_assign(
        engagement=engagement,
        by=coach,
        kind=Kind.READINESS,
        due_on=(ago(-7)).date(),
        note="Let's look at the money side together next session.",
    )
    assessment_set_responses(
        assessment=readiness,
        by=client,
        responses={
            "ratings": {"work": 1, "meaning": 1, "people": 2, "organisation": 3, "hours": 4},
            "same_field": "partly",
        },
    )

    for days, activity, energy, flow in JOURNAL:
        entry = journal_add(
            engagement=engagement, by=client, activity=activity, energy=energy, flow=flow
        )
        JournalEntry.objects.filter(pk=entry.pk).update(
            occurred_on=ago(days).date(), created_at=ago(days)
        )
    journal_set_sharing(engagement=engagement, by=client, shared=True)
