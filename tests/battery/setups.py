"""The objects the battery's URLs name, each made on first use by the person who would make it.

Every role runs on a world of its own (a savepoint undoes what it did), so a setup looks for
its object first and makes it only when it is not there. `PARAMS` names the default setup of
each id in the API's paths.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from headway.booking.models import (
    BusyCalendar,
    DateHours,
    IntroBooking,
    IntroStatus,
    SessionType,
    TimeOff,
)
from headway.booking.services import booking_settings
from headway.checkins.models import CheckIn
from headway.coaching.models import CoachingModel, StageQuestion
from headway.concluding.models import FollowUp
from headway.core.planning import offsite as offsite_core
from headway.decisions.models import Criterion, DecisionMatrix, MatrixOption, Risk
from headway.decisions.services import decision_matrix_start, decision_risk_add
from headway.discovery.models import Assessment, JournalEntry, Kind
from headway.discovery.services import assessment_start, journal_add
from headway.engagements.models import Engagement
from headway.exploration.models import Option
from headway.exploration.services import option_add
from headway.goals.models import Goal, Step
from headway.goals.services import goal_create, obstacle_add, step_add
from headway.meetings.models import Session, SessionNote
from headway.offsites.models import (
    Mode,
    Offsite,
    OffsiteStatus,
    Priority,
    Resource,
    ResourceKind,
    SharedResource,
)
from headway.offsites.resource_services import resource_add, resource_share
from headway.offsites.services import answers_save, offsite_complete, offsite_start
from headway.onet import pathways, search
from headway.onet.models import Occupation
from headway.practices.models import CoachProfile
from headway.review.models import Review
from headway.review.services import review_create
from tests.battery.world import Ctx
from tests.onet.fixtures import NURSE, load_mini
from tests.review.fixtures import VTT


def coached(c: Ctx) -> Engagement:
    return c.world.engagement


def solo(c: Ctx) -> Engagement:
    return c.world.solo_engagement


def fresh(e: Engagement) -> Engagement:
    return Engagement.objects.get(pk=e.pk)


def question(c: Ctx) -> StageQuestion:
    """The first question of the coached engagement's current stage."""
    found = c.world.engagement.stage.questions.order_by("position").first()
    assert found is not None
    return found


def occupation(c: Ctx) -> str:
    """The code of an O*NET occupation (made here: the world has no O*NET data)."""
    found, _ = Occupation.objects.get_or_create(
        code="15-1252.00", defaults={"title": "Software Developers", "description": "Code."}
    )
    return found.code


def onet(c: Ctx) -> None:
    """The mini O*NET release, for the API's search and pathways."""
    if not Occupation.objects.filter(code=NURSE).exists():
        search.clear_cache()
        pathways.clear_cache()
        load_mini()


def slug(c: Ctx) -> str:
    """The owner's coach page, public (see make_ctx)."""
    return CoachProfile.objects.get(user=c.world.owner).slug


# --- the client's exploration, discovery and plan ---------------------------------------------


def board_option(c: Ctx) -> Option:
    found = Option.objects.filter(engagement=c.world.engagement, title="UX research").first()
    return found or option_add(
        engagement=c.world.engagement, by=c.world.client, title="UX research"
    )


def assessment(kind: Kind) -> Callable[[Ctx], Assessment]:
    """An assessment of `kind` in progress on the coached engagement, started by the client."""

    def pick(c: Ctx) -> Assessment:
        e = c.world.engagement
        found = Assessment.objects.filter(engagement=e, kind=kind).first()
        return found or assessment_start(engagement=e, by=c.world.client, kind=kind)

    return pick


def journal_entry(c: Ctx) -> JournalEntry:
    found = JournalEntry.objects.filter(engagement=c.world.engagement).first()
    return found or journal_add(
        engagement=c.world.engagement, by=c.world.client, activity="Ward round", energy=-1
    )


def result(*, shared: bool) -> Callable[[Ctx], Assessment]:
    """A completed result the client shares with the coach, or keeps."""

    def pick(c: Ctx) -> Assessment:
        e = c.world.engagement
        found = Assessment.objects.filter(engagement=e, shared_with_coach=shared).first()
        return found or Assessment.objects.create(
            engagement=e,
            kind=Kind.READINESS,
            completed_at=timezone.now(),
            shared_with_coach=shared,
            result={},
        )

    return pick


def check_in(c: Ctx) -> CheckIn:
    found = CheckIn.objects.filter(engagement=c.world.engagement).first()
    return found or CheckIn.objects.create(engagement=c.world.engagement, energy=3)


def matrix(c: Ctx) -> DecisionMatrix:
    """The client's decision matrix: one option from the board, with a risk."""
    e = c.world.engagement
    found = DecisionMatrix.objects.filter(engagement=e).first()
    if found is not None:
        return found
    board_option(c)
    made = decision_matrix_start(engagement=e, by=c.world.client)
    first = made.options.first()
    assert first is not None
    decision_risk_add(option=first, by=c.world.client, risk="Pay cut", mitigation="Savings")
    return made


def matrix_option(c: Ctx) -> MatrixOption:
    return matrix(c).options.order_by("pk")[0]


def criterion(c: Ctx) -> Criterion:
    return matrix(c).criteria.order_by("pk")[0]


def risk(c: Ctx) -> Risk:
    return Risk.objects.filter(option__matrix=matrix(c)).order_by("pk")[0]


GOAL_TEXT = "Talk to three UX researchers by the end of March"


def goal(c: Ctx) -> Goal:
    """The client's goal, with a step and an obstacle."""
    e = c.world.engagement
    found = Goal.objects.filter(engagement=e, text=GOAL_TEXT).first()
    if found is not None:
        return found
    made = goal_create(engagement=e, by=c.world.client, text=GOAL_TEXT)
    step_add(goal=made, by=c.world.client, title="List five people to ask")
    obstacle_add(goal=made, by=c.world.client, obstacle="I feel shy", plan="I write first")
    return made


def step(c: Ctx) -> Step:
    return goal(c).steps.order_by("pk")[0]


# --- sessions, reviews, offsites and resources ------------------------------------------------


def session(c: Ctx) -> Session:
    """A session of the coached engagement, scheduled by the coach a few days ahead."""
    e = c.world.engagement
    found = Session.objects.filter(engagement=e).first()
    return found or Session.objects.create(
        engagement=e,
        starts_at=timezone.now() + dt.timedelta(days=9),
        time_zone="Europe/London",
        created_by=c.world.owner,
    )


def note(kind: str) -> Callable[[Ctx], SessionNote]:
    def pick(c: Ctx) -> SessionNote:
        found = SessionNote.objects.filter(session=session(c), kind=kind).first()
        return found or SessionNote.objects.create(
            session=session(c), author=c.world.owner, kind=kind, text=f"A {kind} note"
        )

    return pick


def review(c: Ctx) -> Review:
    found = Review.objects.filter(engagement=c.world.engagement).first()
    return found or review_create(
        engagement=c.world.engagement, by=c.world.owner, filename="s1.vtt", content=VTT
    )


def open_offsite(c: Ctx) -> Offsite:
    """A self-guided offsite of the coached engagement, begun by the client."""
    e = c.world.engagement
    found = Offsite.objects.filter(engagement=e).exclude(status=OffsiteStatus.COMPLETED).first()
    return found or offsite_start(engagement=e, by=c.world.client, mode=Mode.SELF_GUIDED)


def offsite_insights(c: Ctx) -> None:
    """What an offsite must hold before it completes: the client's insights."""
    texts = {offsite_core.INSIGHTS_KEY: "Structure"}
    answers_save(offsite=open_offsite(c), by=c.world.client, texts=texts)


def priority(c: Ctx) -> Priority:
    """A priority of a completed offsite."""
    found = Priority.objects.filter(offsite__engagement=c.world.engagement).first()
    if found is not None:
        return found
    offsite = open_offsite(c)
    texts = {offsite_core.INSIGHTS_KEY: "Structure", offsite_core.priority_key(1): "A mentor"}
    answers_save(offsite=offsite, by=c.world.client, texts=texts)
    offsite_complete(offsite=offsite, by=c.world.client)
    return Priority.objects.get(offsite=offsite)


def priority_offsite(c: Ctx) -> int:
    return priority(c).offsite_id


def resource(c: Ctx) -> Resource:
    found = Resource.objects.filter(owner=c.world.owner).first()
    return found or resource_add(
        owner=c.world.owner,
        kind=ResourceKind.FILE,
        title="Energy audit",
        upload=SimpleUploadedFile("audit.txt", b"Notice your energy.", "text/plain"),
    )


def shared(c: Ctx) -> SharedResource:
    found = SharedResource.objects.filter(engagement=c.world.engagement).first()
    return found or resource_share(
        resource=resource(c), engagement=c.world.engagement, by=c.world.owner
    )


def followup(c: Ctx) -> FollowUp:
    """The coached engagement concluded, its 3-month follow-up due today."""
    c.conclude()
    found = FollowUp.objects.get(engagement=c.world.engagement, months=3)
    FollowUp.objects.filter(pk=found.pk).update(due_on=timezone.localdate())
    return found


# --- the coach's booking ------------------------------------------------------------------------


def session_type(c: Ctx) -> SessionType:
    booking_settings(c.world.owner)
    found = SessionType.objects.filter(coach=c.world.owner).first()
    assert found is not None
    return found


def time_off(c: Ctx) -> TimeOff:
    found = TimeOff.objects.filter(coach=c.world.owner).first()
    day = dt.date(2030, 1, 1)
    return found or TimeOff.objects.create(coach=c.world.owner, first_day=day, last_day=day)


def busy_calendar(c: Ctx) -> BusyCalendar:
    found = BusyCalendar.objects.filter(coach=c.world.owner).first()
    return found or BusyCalendar.objects.create(coach=c.world.owner, name="Work")


def intro(c: Ctx) -> IntroBooking:
    found = IntroBooking.objects.filter(coach=c.world.owner).first()
    return found or IntroBooking.objects.create(
        coach=c.world.owner,
        session_type=session_type(c),
        name="Pat",
        email="pat@example.com",
        starts_at=timezone.now() + dt.timedelta(days=5),
        duration_minutes=20,
        time_zone="UTC",
        status=IntroStatus.CONFIRMED,
        token_hash="x" * 64,
    )


def date_hours(c: Ctx) -> str:
    if not DateHours.objects.filter(coach=c.world.owner).exists():
        DateHours.objects.create(coach=c.world.owner, day=dt.date(2030, 1, 2))
    return "2030-01-02"


def own_model(c: Ctx) -> CoachingModel:
    return c.own_model


def builtin(c: Ctx) -> CoachingModel:
    return c.builtin


# The default setup of each id in the API's paths; an entry names another with `ids=`.
PARAMS: dict[str, Callable[[Ctx], Any]] = {
    "engagement_id": coached,
    "model_id": own_model,
    "question_id": question,
    "option_id": board_option,
    "entry_id": journal_entry,
    "criterion_id": criterion,
    "risk_id": risk,
    "goal_id": goal,
    "step_id": step,
    "session_id": session,
    "review_id": review,
    "offsite_id": open_offsite,
    "key": lambda c: "proud",
    "priority_id": priority,
    "shared_id": shared,
    "followup_id": followup,
    "calendar_id": busy_calendar,
    "code": occupation,
    "slug": slug,
}
