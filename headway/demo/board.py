"""The demo's exploration board: Grace, a nurse exploring user research, mid-way through."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from headway.accounts.models import User
from headway.engagements.models import Engagement
from headway.exploration.models import Comment, Option
from headway.exploration.services import (
    comment_add,
    experiment_add,
    interview_add,
    option_add,
    option_update,
)

OPTIONS: list[dict[str, Any]] = [
    {
        "code": "15-1255.00",
        "title": "Web and Digital Interface Designers",
        "notes": {
            "duties": "Research what users need, sketch and test designs. The research half is what draws me.",
            "skills": "Interviewing and observation I have. Prototyping tools (Figma) I would need to learn.",
            "education": "Portfolio matters more than a degree; a 12-week UX course is common.",
            "resonates": "Listening to people and fixing what gets in their way: the best part of nursing.",
            "concerns": "Starting salary below a Band 6 nurse; lots of competition for junior roles.",
        },
        "interview": {
            "person": "Ana Ribeiro",
            "role": "Senior UX researcher, a health-tech start-up",
            "days_ago": 12,
            "questions": "What does a research week look like?\nWhich nursing skills transfer?\nHow did you get your first role?",
            "learned": "Clinical interviewing is exactly the skill juniors struggle with. Health-tech firms value clinicians. Junior pay is lower than I hoped.",
        },
        "experiment": {
            "kind": "course",
            "description": "Two-day usability testing course",
            "days_from_now": 10,
        },
        "comment": "You said the research half draws you. What would it tell you if the course felt like a chore?",
    },
    {
        "code": "15-1211.01",
        "title": "Health Informatics Specialists",
        "notes": {
            "duties": "Make clinical systems work for the people using them: configuration, training, data quality.",
            "resonates": "Stays close to wards and patients; the NHS has internal routes in.",
            "concerns": "Might be more about systems than people.",
        },
    },
    {
        "code": "",
        "title": "Patient experience team in my own trust",
        "notes": {
            "duties": "Gather patient feedback and work with wards on changes.",
            "resonates": "No pay cut; I know the organisation.",
            "concerns": "Would it feel different enough from what I do now?",
        },
    },
]


def demo_board_load(
    engagement: Engagement, *, client: User, coach: User, ago: Callable[[float], datetime]
) -> None:
    for spec in OPTIONS:
        option = option_add(
            engagement=engagement, by=client, title=spec["title"], occupation_code=spec["code"]
        )
        option_update(option=option, by=client, fields=spec["notes"])
        if interview := spec.get("interview"):
            interview_add(
                option=option,
                by=client,
                person=interview["person"],
                role=interview["role"],
                held_on=ago(interview["days_ago"]).date(),
                questions=interview["questions"],
                learned=interview["learned"],
            )
        if experiment := spec.get("experiment"):
            starts: date = ago(-experiment["days_from_now"]).date()
            experiment_add(
                option=option,
                by=client,
                kind=experiment["kind"],
                description=experiment["description"],
                starts_on=starts,
                ends_on=starts,
            )
        if comment := spec.get("comment"):
            comment_add(option=option, by=coach, text=comment)
    Option.objects.filter(engagement=engagement).update(created_at=ago(14))
    Comment.objects.filter(option__engagement=engagement).update(created_at=ago(5))
