"""The demo's concluded engagement: Amara, coached by Daniel from hospitality operations into
learning design. She took the confidence scale at the start, the middle and the end, wrote
her insights, and concluded a little over three months ago: her 3-month follow-up is due,
so the engagement is back on Daniel's dashboard. She declined the 12-month one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from headway.accounts.models import User
from headway.accounts.services import user_signup
from headway.coaching.models import CoachingModel
from headway.concluding.models import Conclusion, EfficacyRating, FollowUp
from headway.concluding.services import (
    efficacy_record,
    engagement_conclude,
    followup_set_declined,
    insights_save,
)
from headway.core.assessments.efficacy import SCALE_KEYS, followup_schedule
from headway.demo.common import PASSWORD, backdate, journey, queued_emails_drop
from headway.engagements.models import Engagement, StatusChange
from headway.engagements.services import (
    agreement_accept,
    engagement_invite_client,
    invitation_accept,
    invitation_by_token,
)
from headway.goals.models import Goal, Step
from headway.goals.services import goal_create, goal_set_status, step_add, step_set_done
from headway.practices.models import Agreement, Membership

EMAIL = "amara.osei@example.com"
NAME = "Amara Osei"
STARTED, CONCLUDED = 290, 100  # days ago

# One answer per stage, in the model's order; each move's day and reason.
ANSWERS = [
    "Someone who asks the second question. I talk myself into things quickly and want to slow down enough to choose well.",
    "Twelve years running hotel operations. I love training new staff and dread the rota spreadsheets every Sunday night.",
    "Explaining, designing how people learn, and calming a room. The onboarding programme I built is the thing I am proudest of.",
    "We can manage a year on 80% of my salary. My partner is supportive as long as weekends stay free.",
    "Three conversations with learning designers and a short course showed me the work is as close to my training days as I hoped.",
    "Learning design in a hospitality group: it keeps what I know about the work and adds what I love doing.",
    "Portfolio of three pieces by the spring, two applications a month, and the course certificate in February.",
    "Fortnightly check-ins kept me honest. When the portfolio stalled in November, an if-then plan for Sunday mornings saved it.",
    "I start as a learning designer in March. I want to keep a rhythm of learning without a coach next to me.",
]
MOVES = [
    (280, "Agreement signed, intake done."),
    (262, "The picture of today is clear enough to look inward."),
    (240, "Values, strengths and skills in place."),
    (225, "Runway and support agreed with her partner."),
    (190, "Three interviews held; one direction stands out."),
    (165, "Learning design chosen, with reasons and a gut check."),
    (150, "Goals and steps set."),
    (110, "The offer came: time to wrap up."),
]
INTAKE: dict[str, Any] = {
    "current_role": "Hotel operations manager",
    "field": "Hospitality",
    "years_in_field": 12,
    "satisfaction": 4,
    "stance": "decided",
    "change_prompt": "The training days are the only ones I look forward to any more.",
    "constraints": "A year on reduced pay at most; weekends with the family.",
    "hopes": "To choose a direction I can defend, not just the first exit.",
}
GOALS = [
    (
        "Build a portfolio of three learning pieces by 28 February",
        ["Redesign the front-desk onboarding as e-learning", "Storyboard a safety course"],
    ),
    (
        "Apply to two learning design roles a month from March",
        ["Update my CV for learning design", "Ask Kofi for an introduction"],
    ),
]
RATINGS = [("start", 2, 270), ("middle", 3, 170), ("end", 4, 105)]
INSIGHTS: dict[str, Any] = {
    "learned": "I am at my best when I help people learn. Everything else in hospitality was a way to get to the training days.",
    "changed": "I stopped waiting to feel ready. Small experiments told me more than a year of thinking did.",
    "network": "Kofi and Mei from the interviews, my old GM who writes references, and my partner.",
    "satisfaction_now": 8,
}


def demo_concluding_load(
    *,
    coach: User,
    agreement: Agreement,
    model: CoachingModel,
    ago: Callable[[float], datetime],
    email: str = EMAIL,
    name: str = NAME,
) -> Engagement:
    """Amara's engagement, or one like it for another address (a larger practice reuses it)."""
    # After `headway demo --reset` the engagement is gone but the account may remain.
    User.objects.filter(email=email, client_engagements__isnull=True).delete()
    membership = Membership.objects.get(user=coach, practice=agreement.practice)
    engagement, raw = engagement_invite_client(
        coach=coach,
        membership=membership,
        email=email,
        name=name,
        model=model,
        message="Amara, lovely to meet you. Here is the invitation we talked about.",
    )
    client = user_signup(email=email, name=name, password=PASSWORD, verified=True)
    invitation = invitation_by_token(raw)
    assert invitation is not None
    engagement = invitation_accept(invitation=invitation, user=client)
    agreement_accept(engagement=engagement, agreement=agreement, by=client)

    stages = list(engagement.model_version.stages.order_by("position"))
    answers = {}
    for stage, text in zip(stages, ANSWERS, strict=True):
        question = stage.questions.order_by("position").first()
        assert question is not None
        answers[f"{stage.key}/{question.key}"] = text
    moves = [(s.key, day, why) for s, (day, why) in zip(stages[1:], MOVES, strict=True)]
    spec = {
        "intake": INTAKE,
        "moves": moves,
        "answers": answers,
        "ticks": (0, 1),
        "started": STARTED,
        "last": CONCLUDED - 2,
    }
    journey(engagement, client=client, mover=coach, spec=spec)

    efficacy_record(
        engagement=engagement, by=client, responses=dict.fromkeys(SCALE_KEYS, 2), phase="start"
    )
    for i, (text, steps) in enumerate(GOALS):
        goal = goal_create(engagement=engagement, by=client, text=text)
        for title in steps:
            step = step_add(goal=goal, by=client, title=title, due_on=timezone.localdate())
            step_set_done(step=step, by=client, done=True)
        if i == 0:
            goal_set_status(goal=goal, by=client, status="achieved", reason="Portfolio done")
        Goal.objects.filter(pk=goal.pk).update(created_at=ago(148), closed_at=ago(112))
        Step.objects.filter(goal=goal).update(created_at=ago(148), done_at=ago(120 - 5 * i))
    for phase, value, _ in RATINGS[1:]:
        responses = {**dict.fromkeys(SCALE_KEYS, value), "setbacks": value - 1}
        efficacy_record(engagement=engagement, by=client, responses=responses, phase=phase)
    for phase, _, days in RATINGS:
        EfficacyRating.objects.filter(engagement=engagement, phase=phase).update(taken_at=ago(days))
    insights_save(engagement=engagement, by=client, **INSIGHTS)
    engagement_conclude(
        engagement=engagement,
        by=coach,
        reflection="Amara, you did the brave, unglamorous work of testing your ideas. Enjoy March.",
    )
    backdate(engagement, spec, ago, seen=ago(CONCLUDED))
    concluded_at = ago(CONCLUDED)
    Engagement.objects.filter(pk=engagement.pk).update(concluded_at=concluded_at)
    StatusChange.objects.filter(engagement=engagement, to_status="concluded").update(
        changed_at=concluded_at
    )
    Conclusion.objects.filter(engagement=engagement).update(concluded_at=concluded_at)
    for months, due_on in followup_schedule(timezone.localdate(concluded_at)):
        FollowUp.objects.filter(engagement=engagement, months=months).update(due_on=due_on)
    twelve = FollowUp.objects.get(engagement=engagement, months=12)
    followup_set_declined(followup=twelve, by=client, declined=True)
    FollowUp.objects.filter(pk=twelve.pk).update(declined_at=concluded_at + timedelta(days=1))
    since = timezone.now() - timedelta(minutes=5)
    # Amara's invitation email stays unsent: registered after the invitation's own enqueue
    # on commit, so it runs just after it.
    transaction.on_commit(lambda: queued_emails_drop(since=since, whose=lambda to: to == [email]))
    engagement.refresh_from_db()
    return engagement
