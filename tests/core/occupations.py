"""A small synthetic world of occupations for the pathway and interest tests (no database).

Three nursing jobs of rising preparation, two software jobs, a data-science job with no
skill ratings (as O*NET's newest occupations have), and a residual "All Other" known by
its titles only.
"""

from __future__ import annotations

import numpy as np

from headway.core.occupations.similarity import OccupationData, Ratings

NAN = np.nan

SKILLS = (("2.A.1.a", "Caring"), ("2.A.1.b", "Programming"), ("2.A.1.c", "Speaking"))
KNOWLEDGE = (("2.C.1.a", "Medicine"), ("2.C.1.b", "Computers"))
ABILITIES = (("1.A.1.a", "Oral Comprehension"), ("1.A.1.b", "Mathematical Reasoning"))

# code, title, job zone, (importance, level) per skill, knowledge area and ability
OCCUPATIONS = [
    (
        "29-2061.00",
        "Practical Nurses",
        3,
        [(4.0, 4.0), (1.2, 0.5), (4.0, 4.0)],
        [(4.0, 4.0), (2.0, 2.0)],
        [(4.0, 4.0), (2.0, 2.0)],
    ),
    (
        "29-1141.00",
        "Registered Nurses",
        4,
        [(4.5, 5.5), (1.2, 0.5), (4.0, 4.2)],
        [(4.6, 5.5), (2.2, 2.5)],
        [(4.0, 4.3), (2.5, 2.5)],
    ),
    (
        "29-1171.00",
        "Nurse Practitioners",
        5,
        [(4.8, 6.0), (1.3, 0.7), (4.2, 4.8)],
        [(5.0, 6.5), (2.5, 3.0)],
        [(4.3, 4.8), (2.8, 3.0)],
    ),
    (
        "15-1251.00",
        "Computer Programmers",
        4,
        [(1.5, 1.0), (4.6, 5.0), (3.0, 3.0)],
        [(1.0, 0.0), (4.5, 5.0)],
        [(3.0, 3.0), (3.8, 4.0)],
    ),
    (
        "15-1252.00",
        "Software Developers",
        4,
        [(1.5, 1.2), (4.8, 5.5), (3.2, 3.2)],
        [(1.0, 0.2), (4.7, 5.5)],
        [(3.2, 3.2), (4.0, 4.5)],
    ),
    ("15-2051.00", "Data Scientists", 4, None, None, None),
    ("15-1299.00", "Computer Occupations, All Other", None, None, None, None),
]

TASKS = {
    "29-2061.00": "Care for patients\nGive medication to patients\nMeasure vital signs",
    "29-1141.00": "Care for patients\nGive medication to patients\nSupervise nursing staff",
    "29-1171.00": "Diagnose patients\nPrescribe medication to patients\nOrder tests",
    "15-1251.00": "Write computer programs\nDebug program code\nTest programs",
    "15-1252.00": "Design software systems\nWrite program code\nDebug program code",
    "15-2051.00": "Analyze data sets\nBuild statistical models\nWrite program code",
}

TITLES = {
    "29-2061.00": "Practical Nurses\nLicensed Practical Nurse\nCharge Nurse",
    "29-1141.00": "Registered Nurses\nStaff Nurse\nCharge Nurse",
    "29-1171.00": "Nurse Practitioners\nFamily Nurse Practitioner",
    "15-1251.00": "Computer Programmers\nProgrammer Analyst\nSoftware Programmer",
    "15-1252.00": "Software Developers\nSoftware Engineer\nApplication Developer",
    "15-2051.00": "Data Scientists\nData Analyst\nMachine Learning Engineer",
    "15-1299.00": "Computer Occupations, All Other\nSoftware Specialist\nComputer Analyst",
}

# RIASEC, O*NET's 1-7 scale
INTERESTS = {
    "29-2061.00": (2.5, 3.0, 1.5, 6.5, 2.0, 3.5),
    "29-1141.00": (2.5, 4.0, 1.5, 6.5, 2.5, 3.0),
    "29-1171.00": (2.0, 5.0, 1.5, 6.5, 2.5, 2.5),
    "15-1251.00": (3.0, 6.0, 2.0, 1.5, 2.0, 5.5),
    "15-1252.00": (3.0, 6.5, 2.5, 1.5, 2.5, 5.0),
    "15-2051.00": (2.0, 6.5, 3.0, 1.5, 2.0, 5.0),
}

WORK_VALUES = {
    "29-2061.00": (5.0, 5.0, 4.0, 6.5, 5.0, 4.0),
    "29-1141.00": (5.5, 5.0, 4.5, 6.5, 5.0, 4.5),
    "29-1171.00": (6.0, 5.5, 5.0, 6.0, 5.0, 5.5),
    "15-1251.00": (5.5, 6.0, 4.0, 3.0, 5.0, 5.5),
    "15-1252.00": (6.0, 6.5, 4.5, 3.0, 5.0, 6.0),
}


def _ratings(elements: tuple[tuple[str, str], ...], part: int) -> Ratings:
    importance = np.full((len(OCCUPATIONS), len(elements)), NAN)
    level = np.full((len(OCCUPATIONS), len(elements)), NAN)
    for i, row in enumerate(OCCUPATIONS):
        values = row[part]
        if values is not None:
            importance[i] = [v[0] for v in values]
            level[i] = [v[1] for v in values]
    return Ratings(
        element_ids=tuple(e for e, _ in elements),
        element_names=tuple(name for _, name in elements),
        importance=importance,
        level=level,
    )


def occupation_data(*, texts: bool = True) -> OccupationData:
    codes = tuple(row[0] for row in OCCUPATIONS)
    return OccupationData(
        codes=codes,
        titles=tuple(row[1] for row in OCCUPATIONS),
        job_zones=np.array([NAN if row[2] is None else row[2] for row in OCCUPATIONS], dtype=float),
        skills=_ratings(SKILLS, 3),
        knowledge=_ratings(KNOWLEDGE, 4),
        abilities=_ratings(ABILITIES, 5),
        interests=np.array([INTERESTS.get(c, (NAN,) * 6) for c in codes], dtype=float),
        work_values=np.array([WORK_VALUES.get(c, (NAN,) * 6) for c in codes], dtype=float),
        task_texts=tuple(TASKS.get(c, "") for c in codes) if texts else None,
        title_texts=tuple(TITLES[c] for c in codes) if texts else None,
    )
