"""A demo practice to look around in: `headway demo` loads it, `headway demo --reset` reloads it.

Everything is created through the services, as coaches and clients would create it; only the
timestamps are moved into the past afterwards, so the dashboard shows a practice in motion.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from headway.accounts.models import User
from headway.accounts.services import user_signup
from headway.coaching.models import CoachingModel
from headway.coaching.services import coaching_model_clone, stage_update
from headway.demo.board import demo_board_load
from headway.demo.booking import PROSPECT, demo_booking_load
from headway.demo.checkins import demo_checkins_load
from headway.demo.common import CTJ, PASSWORD, backdate, journey, queued_emails_drop
from headway.demo.concluding import EMAIL as CONCLUDED_EMAIL
from headway.demo.concluding import demo_concluding_load
from headway.demo.decision import demo_decision_load
from headway.demo.discovery import demo_discovery_load
from headway.demo.goals import demo_goals_load
from headway.demo.offsites import demo_offsites_load
from headway.demo.people import CLIENTS, COACHES, INTRO, SELF_GUIDED
from headway.demo.sessions import demo_sessions_load
from headway.engagements.models import Engagement, EngagementStatus
from headway.engagements.services import (
    agreement_accept,
    engagement_invite_client,
    engagement_set_status,
    engagement_start_self_guided,
    invitation_accept,
    invitation_by_token,
)
from headway.practices.models import (
    Agreement,
    CoachInvitation,
    CoachProfile,
    IntroRequest,
    Membership,
    Practice,
)
from headway.practices.services import (
    coach_invitation_accept,
    coach_profile_ensure,
    coach_signup,
    intro_request_create,
    practice_invite_coach,
)
from headway.reminders.services import reminders_send

PRACTICE_NAME = "Northstar Career Coaching"

RETURNERS: dict[str, Any] = {
    "name": "Returners' Pathway",
    "who_for": "Parents, carers and anyone coming back to work after a break of a year or more (caring, illness, relocation or study) who want to return on their own terms rather than slot back into the old role.",
    "problems_solved": "It rebuilds confidence alongside the plan: naming what the break gave you, finding a story about it you are comfortable telling, and checking the practical arrangements before you start. Returners often underestimate what they bring; this pathway makes it visible.",
    "stage": "readiness",  # reworded for returners: one question dropped, three added
    "stage_name": "Readiness to return",
    "purpose": "Coming back after a break asks different questions from changing jobs mid-flow. This stage checks the practical arrangements, the money and the story you tell about your time away, so that your return fits the life you have now.",
    "drop": {"identity-and-title"},
    "questions": [
        "How would you describe your career break in one or two sentences you would be comfortable saying in an interview?",
        "Which practical arrangements, such as childcare, care cover or travel, need to be in place before you start, and how reliable are they?",
        "What has changed in your field while you were away, and what has stayed the same?",
    ],
    "checklist": ["You have a short, confident way to describe your career break."],
}


@dataclass(frozen=True)
class DemoResult:
    logins: list[tuple[str, str]]  # (role, email)
    password: str = PASSWORD

    def summary(self) -> str:
        head = f"Demo practice ready. Log in at {settings.SITE_URL} with password {self.password}:"
        return "\n".join([head, *(f"  {role:<15} {email}" for role, email in self.logins)])


def _result() -> DemoResult:
    logins = [("coach (owner)", COACHES["maya"]["email"]), ("coach", COACHES["daniel"]["email"])]
    for c in CLIENTS:
        if c.get("accepted", True):
            logins.append((f"client ({COACHES[c['coach']]['name'].split()[0]})", c["email"]))
    logins.append(("client (ended)", CONCLUDED_EMAIL))  # Daniel's, concluded
    return DemoResult(logins=[*logins, ("self-guided", SELF_GUIDED["email"])])


def _emails() -> list[str]:
    """Every address the demo uses; all but the still-invited client get an account."""
    return [c["email"] for c in (*COACHES.values(), *CLIENTS, SELF_GUIDED)]


def _demo_practices() -> QuerySet[Practice]:
    return Practice.objects.filter(
        name=PRACTICE_NAME, memberships__user__email=COACHES["maya"]["email"]
    )


def demo_load(*, reset: bool = False) -> DemoResult:
    """Load the demo practice in one transaction, unless it is there already; reset reloads it."""
    since = timezone.now()
    with transaction.atomic():
        if _demo_practices().exists() and not reset:
            return _result()
        if reset:
            _delete()
        taken = list(User.objects.filter(email__in=_emails()).values_list("email", flat=True))
        if taken:
            raise ValidationError(
                f"{', '.join(taken)} already has an account: `headway demo --reset` replaces it."
            )
        _load(now=since)
        # What is due already (check-in prompts, Amara's follow-up) counts as sent: the first
        # sweep of `make run` would otherwise print a handful of reminders over the logins.
        reminders_send(now=since)
    _drop_queued_emails(since=since)
    return _result()


def _delete() -> None:
    users = User.objects.filter(email__in=_emails())
    practice_ids = list(_demo_practices().values_list("pk", flat=True))
    # Engagements PROTECT their practice, coach, model version and stages: they go first.
    Engagement.objects.filter(
        Q(practice_id__in=practice_ids) | Q(coach__in=users) | Q(client__in=users)
    ).delete()
    Practice.objects.filter(pk__in=practice_ids).delete()
    users.delete()


def _drop_queued_emails(*, since: datetime) -> None:
    """None of the demo's emails is sent, Amara's and the prospect's included."""
    demo = {*_emails(), CONCLUDED_EMAIL, PROSPECT["email"]}
    queued_emails_drop(since=since, whose=lambda to: set(to) <= demo)


def _load(*, now: datetime) -> None:
    def ago(days: float) -> datetime:
        return now - timedelta(days=days)

    def signup(spec: dict[str, Any]) -> User:
        return user_signup(email=spec["email"], name=spec["name"], password=PASSWORD, verified=True)

    maya_spec, daniel_spec = COACHES["maya"], COACHES["daniel"]
    maya = coach_signup(
        email=maya_spec["email"],
        name=maya_spec["name"],
        password=PASSWORD,
        practice_name=PRACTICE_NAME,
        verified=True,
    )
    practice = Membership.objects.get(user=maya).practice
    daniel = signup(daniel_spec)
    invitation = practice_invite_coach(practice=practice, by=maya, email=daniel.email)
    coach_invitation_accept(invitation=invitation, user=daniel)
    coaches = {"maya": maya, "daniel": daniel}
    for key, coach in coaches.items():
        # No service edits a profile (the profile form saves the model): fill it in the same way.
        profile = coach_profile_ensure(user=coach)
        for field, value in COACHES[key]["profile"].items():
            setattr(profile, field, value)
        profile.save()
        joined = ago(COACHES[key]["joined"])
        User.objects.filter(pk=coach.pk).update(date_joined=joined)
        Membership.objects.filter(user=coach, practice=practice).update(joined_at=joined)
    Practice.objects.filter(pk=practice.pk).update(created_at=ago(maya_spec["joined"]))
    Agreement.objects.filter(practice=practice).update(created_at=ago(maya_spec["joined"]))
    CoachInvitation.objects.filter(practice=practice).update(
        created_at=ago(daniel_spec["joined"] + 1), accepted_at=ago(daniel_spec["joined"])
    )

    models = {m.key: m for m in CoachingModel.objects.builtin()}
    agreement = practice.current_agreement()
    assert agreement is not None
    for spec in CLIENTS:
        coach = coaches[spec["coach"]]
        engagement, raw = engagement_invite_client(
            coach=coach,
            membership=Membership.objects.get(user=coach, practice=practice),
            email=spec["email"],
            name=spec["name"],
            model=models[spec["model"]],
            message=spec["message"],
        )
        if not spec.get("accepted", True):
            backdate(engagement, {**spec, "last": spec["started"], "moves": []}, ago, seen=None)
            continue
        client = signup(spec)
        client_invitation = invitation_by_token(raw)
        assert client_invitation is not None
        engagement = invitation_accept(invitation=client_invitation, user=client)
        agreement_accept(engagement=engagement, agreement=agreement, by=client)
        journey(engagement, client=client, mover=coach, spec=spec)
        if spec.get("paused"):
            engagement_set_status(
                engagement=engagement,
                status=EngagementStatus.PAUSED,
                by=coach,
                reason=spec["paused"],
            )
        backdate(engagement, spec, ago, seen=ago(spec.get("seen", spec["last"])))
        if spec.get("board"):
            demo_board_load(engagement, client=client, coach=coach, ago=ago)
            demo_discovery_load(engagement, client=client, coach=coach, ago=ago)
            demo_decision_load(engagement, client=client)
            demo_goals_load(engagement, client=client, ago=ago)
            demo_checkins_load(engagement, client=client, ago=ago)
            demo_sessions_load(engagement, coach=coach, client=client, ago=ago)
            backdate(engagement, spec, ago, seen=ago(spec.get("seen", spec["last"])))
    demo_concluding_load(coach=daniel, agreement=agreement, model=models[CTJ], ago=ago)
    demo_offsites_load(coach=daniel, ago=ago)

    priya = signup(SELF_GUIDED)
    engagement = engagement_start_self_guided(user=priya, model=models[SELF_GUIDED["model"]])
    journey(engagement, client=priya, mover=priya, spec=SELF_GUIDED)
    backdate(engagement, SELF_GUIDED, ago, seen=None)

    # Maya's own model, for clients coming back after a career break.
    custom = coaching_model_clone(
        source=models[CTJ].latest_version(),
        practice_id=practice.pk,
        by=maya,
        name=RETURNERS["name"],
        who_for=RETURNERS["who_for"],
        problems_solved=RETURNERS["problems_solved"],
    )
    stage = custom.latest_version().stages.get(key=RETURNERS["stage"])
    stage_update(
        model=custom,
        stage_key=stage.key,
        name=RETURNERS["stage_name"],
        purpose=RETURNERS["purpose"],
        questions=[q.text for q in stage.questions.all() if q.key not in RETURNERS["drop"]]
        + RETURNERS["questions"],
        exit_checklist=[*stage.exit_checklist, *RETURNERS["checklist"]],
        tools=list(stage.tools),
    )
    CoachingModel.objects.filter(pk=custom.pk).update(created_at=ago(35))

    request = intro_request_create(profile=CoachProfile.objects.get(user=maya), **INTRO)
    IntroRequest.objects.filter(pk=request.pk).update(created_at=ago(1))
    demo_booking_load(coach=maya, now=now)
