"""The demo's decision matrix: Grace weighs her three board options and staying on the ward
against her values, strengths and the practical side. Her scores lean one way and her gut
another, and she has not chosen yet: there is something to talk about with Maya."""

from __future__ import annotations

from headway.accounts.models import User
from headway.decisions.models import Criterion, CriterionSource, DecisionMatrix
from headway.decisions.services import (
    STAY,
    decision_criterion_add,
    decision_gut_set,
    decision_matrix_start,
    decision_option_add,
    decision_risk_add,
    decision_scores_set,
)
from headway.engagements.models import Engagement

UX = "Web and Digital Interface Designers"
INFORMATICS = "Health Informatics Specialists"
PATIENT = "Patient experience team in my own trust"
OWN_CRITERION = "Daytime hours, no nights"

# Her criteria, matched by the value or strength key, the kind of criterion, or her own name.
KEYS = [
    "helping",
    "autonomy",
    "learning",
    "family",
    "balance",
    "listening",
    "empathy",
    "calm",
    CriterionSource.LIFESTYLE,
    CriterionSource.RESPONSIBILITIES,
    CriterionSource.FINANCES,
    CriterionSource.RISK,
    OWN_CRITERION,
]
# How much each matters to her, 1-5, in the order of KEYS.
WEIGHTS = [5, 3, 3, 4, 4, 3, 3, 3, 3, 4, 4, 2, 4]
# Scores 1-10 per option, in the order of KEYS.
SCORES = {
    UX: [7, 8, 9, 7, 7, 9, 7, 5, 8, 7, 4, 3, 9],
    INFORMATICS: [7, 6, 7, 7, 7, 5, 5, 6, 7, 7, 7, 7, 9],
    PATIENT: [9, 5, 5, 6, 6, 8, 9, 7, 6, 7, 8, 8, 8],
    STAY: [9, 2, 3, 3, 2, 8, 9, 9, 2, 4, 8, 10, 1],
}
GUT = {UX: 9, INFORMATICS: 5, PATIENT: 6, STAY: 3}

RISKS = {
    UX: [
        (
            "Junior pay is below what I earn as a Band 6 nurse.",
            "Save six months of the difference first; look at health-tech firms, who pay "
            "clinicians more.",
        ),
        (
            "No portfolio yet, and lots of competition for junior roles.",
            "Turn the usability course project and the patient feedback work into two case "
            "studies.",
        ),
    ],
    INFORMATICS: [
        (
            "It might be more about systems than people.",
            "Shadow the clinical systems team for a day before deciding.",
        ),
    ],
    PATIENT: [
        (
            "It may not feel different enough from what I do now.",
            "Ask the team lead what a normal week looks like.",
        ),
    ],
    STAY: [("The nights keep me from my son's matches.", "")],
}


def demo_decision_load(engagement: Engagement, *, client: User) -> DecisionMatrix:
    """Fill Grace's matrix; expects her board and self-discovery to be loaded first."""
    matrix = decision_matrix_start(engagement=engagement, by=client)
    decision_option_add(matrix=matrix, by=client, title=STAY)
    decision_criterion_add(matrix=matrix, by=client, name=OWN_CRITERION, weight=4)

    by_key: dict[str, Criterion] = {}
    for c in matrix.criteria.all():
        by_key[c.source_key or (c.name if c.source == CriterionSource.OWN else c.source)] = c
    criteria = [by_key.get(str(key)) for key in KEYS]
    weights = {x.pk: w for x, w in zip(criteria, WEIGHTS, strict=True) if x is not None}
    options = {o.title: o for o in matrix.options.all()}
    scores: dict[tuple[int, int], int | None] = {}
    for title, row in SCORES.items():
        if title not in options:  # her board was changed: score what is there
            continue
        for criterion, value in zip(criteria, row, strict=True):
            if criterion is not None:
                scores[(options[title].pk, criterion.pk)] = value
    decision_scores_set(matrix=matrix, by=client, scores=scores, weights=weights)
    decision_gut_set(
        matrix=matrix,
        by=client,
        gut={options[t].pk: g for t, g in GUT.items() if t in options},
    )
    for title, risks in RISKS.items():
        if title in options:
            for risk, mitigation in risks:
                decision_risk_add(
                    option=options[title], by=client, risk=risk, mitigation=mitigation
                )
    return matrix
