"""Engagements: the coach's and the client's shared view of a coaching journey.

Every handler reads top to bottom: fetch (scoped to the caller) -> validate ->
call the service -> return. An engagement the caller is not part of is a 404,
exactly like one that does not exist; a visible one the caller's role may not
change is a 403 that says why.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.errors import HttpError

from headway.accounts.models import User
from headway.api.auth import request_user
from headway.api.schemas import (
    AnswerIn,
    AnswerOut,
    EngagementDetailOut,
    EngagementOut,
    EngagementStageOut,
    ErrorOut,
    IntakeIn,
    IntakeOut,
    MoveStageIn,
)
from headway.coaching.models import Stage, StageQuestion
from headway.engagements.access import get_engagement
from headway.engagements.models import INTAKE, Engagement, EngagementQuerySet, Intake
from headway.engagements.services import answer_save, engagement_move_stage, intake_save

router = Router(tags=["engagements"])

READ = {401: ErrorOut, 404: ErrorOut}
WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


def engagements_of(user: User) -> EngagementQuerySet:
    return Engagement.objects.visible_to(user).select_related(
        "coach", "client", "model_version__model", "stage"
    )


def get_question(engagement: Engagement, question_id: int) -> StageQuestion:
    """A question of the engagement's own model version; 404 for any other."""
    return get_object_or_404(
        StageQuestion.objects.select_related("stage"),
        pk=question_id,
        stage__version_id=engagement.model_version_id,
    )


def engagement_detail(engagement: Engagement) -> EngagementDetailOut:
    transitions = engagement.transitions.select_related("from_stage", "to_stage", "moved_by")
    return EngagementDetailOut.of_history(engagement, list(transitions.order_by("moved_at", "pk")))


@router.get(
    "/engagements",
    response={200: list[EngagementOut], 401: ErrorOut},
    summary="Your engagements, as coach or as client",
)
def list_engagements(request: HttpRequest) -> list[EngagementOut]:
    user = request_user(request)
    return [EngagementOut.of(e) for e in engagements_of(user)]


@router.get(
    "/engagements/{engagement_id}",
    response={200: EngagementDetailOut, **READ},
    summary="An engagement with its stage history",
)
def get_engagement_detail(request: HttpRequest, engagement_id: int) -> EngagementDetailOut:
    engagement = get_engagement(request_user(request), engagement_id)
    return engagement_detail(engagement)


@router.get(
    "/engagements/{engagement_id}/stages",
    response={200: list[EngagementStageOut], **READ},
    summary="The engagement's stages, with questions, answers and exit checklists",
)
def list_engagement_stages(request: HttpRequest, engagement_id: int) -> list[EngagementStageOut]:
    engagement = get_engagement(request_user(request), engagement_id)
    stages = engagement.model_version.stages.prefetch_related("questions").order_by("position")
    answers = {(a.stage_key, a.question_key): a.text for a in engagement.answers.all()}
    return [EngagementStageOut.of(engagement, stage, answers) for stage in stages]


@router.post(
    "/engagements/{engagement_id}/stage",
    response={200: EngagementDetailOut, **WRITE},
    summary="Move the engagement to another stage",
    description="The coach moves the stage; in a self-guided journey, the client does.",
)
def move_stage(
    request: HttpRequest, engagement_id: int, payload: MoveStageIn
) -> EngagementDetailOut:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    if not engagement.can_move_stage(user):
        raise HttpError(403, "Only the coach moves the stage of this engagement.")
    stage = Stage.objects.filter(version_id=engagement.model_version_id, key=payload.stage).first()
    if stage is None:
        raise HttpError(400, f"This engagement's model has no stage {payload.stage!r}.")
    engagement_move_stage(engagement=engagement, to_stage=stage, by=user, reason=payload.reason)
    return engagement_detail(engagement)


@router.get(
    "/engagements/{engagement_id}/intake",
    response={200: IntakeOut, **READ},
    summary="The client's intake: where they stand today",
)
def get_intake(request: HttpRequest, engagement_id: int) -> IntakeOut:
    engagement = get_engagement(request_user(request), engagement_id)
    intake = Intake.objects.filter(engagement=engagement).first() or Intake(engagement=engagement)
    return IntakeOut.of(intake)


@router.put(
    "/engagements/{engagement_id}/intake",
    response={200: IntakeOut, **WRITE},
    summary="Save (and optionally submit) the intake",
    description="Only the client writes the intake. Fields left out are cleared.",
)
def put_intake(request: HttpRequest, engagement_id: int, payload: IntakeIn) -> IntakeOut:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    engagement.require_client_write(user, INTAKE)
    intake = Intake.objects.filter(engagement=engagement).first() or Intake(engagement=engagement)
    intake = intake_save(
        engagement=engagement, intake=payload.apply_to(intake), submit=payload.submit
    )
    return IntakeOut.of(intake)


@router.get(
    "/engagements/{engagement_id}/answers",
    response={200: list[AnswerOut], **READ},
    summary="The client's answers to stage questions",
)
def list_answers(request: HttpRequest, engagement_id: int) -> list[AnswerOut]:
    engagement = get_engagement(request_user(request), engagement_id)
    return [AnswerOut.of(a) for a in engagement.answers.select_related("updated_by")]


@router.put(
    "/engagements/{engagement_id}/answers/{question_id}",
    response={200: AnswerOut, **WRITE},
    summary="Save the client's answer to a question",
    description="Only the client answers. The question must be part of the engagement's model.",
)
def put_answer(
    request: HttpRequest, engagement_id: int, question_id: int, payload: AnswerIn
) -> AnswerOut:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    question = get_question(engagement, question_id)
    answer = answer_save(engagement=engagement, question=question, text=payload.text, by=user)
    return AnswerOut.of(answer)
