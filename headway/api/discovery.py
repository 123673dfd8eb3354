"""Self-discovery: values, strengths, interests, skills and readiness assessments, and the
energy journal.

Each assessment kind has the same resources under its own name
(`/engagements/{id}/values`, `/strengths`, `/interests`, `/skills`, `/readiness`): list,
start (or continue), read, replace the responses, complete (scores them) and share. The
shapes of `responses` and `result` are each kind's own; they are described in the
operation texts. The client sees everything of theirs; the coach sees completed results the
client shares, never responses in progress.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from importlib import import_module
from typing import Any

from django.http import HttpRequest
from ninja import Body, Router, Schema, Status
from ninja.errors import HttpError

from headway.accounts.models import User
from headway.api.auth import request_user
from headway.api.schemas import ErrorOut, PersonOut
from headway.discovery.access import get_assessment
from headway.discovery.kinds import kind_module, spec
from headway.discovery.models import ASSESSMENTS, Assessment, AssessmentStatus, Kind
from headway.discovery.services import (
    assessment_assign,
    assessment_complete,
    assessment_set_responses,
    assessment_set_sharing,
    assessment_start,
)
from headway.engagements.access import get_engagement
from headway.engagements.models import Engagement

router = Router(tags=["self-discovery"])

READ = {401: ErrorOut, 404: ErrorOut}
WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


class AssessmentOut(Schema):
    id: int
    kind: Kind
    status: AssessmentStatus
    headline: str
    # The client's answers so far; null for the coach, who sees results only.
    responses: dict[str, Any] | None
    result: dict[str, Any] | None
    assigned_by: PersonOut | None
    due_on: date | None
    assignment_note: str
    created_at: datetime
    started_at: datetime | None
    completed_at: datetime | None
    shared_with_coach: bool

    @classmethod
    def of(cls, a: Assessment, *, for_client: bool) -> AssessmentOut:
        return cls(
            id=a.pk,
            kind=Kind(a.kind),
            status=a.status,
            headline=spec(a.kind).headline(a.result) if a.result else "",
            responses=a.responses if for_client else None,
            result=a.result,
            assigned_by=PersonOut.maybe(a.assigned_by),
            due_on=a.due_on,
            assignment_note=a.assignment_note,
            created_at=a.created_at,
            started_at=a.started_at,
            completed_at=a.completed_at,
            shared_with_coach=a.shared_with_coach,
        )


class AssignIn(Schema):
    kind: Kind
    due_on: date | None = None
    note: str = ""


class SharingIn(Schema):
    shared: bool


def _visible(engagement: Engagement, user: User, kind: str) -> Any:
    assessments = engagement.assessments.of_kind(kind).select_related("assigned_by")
    return assessments if engagement.is_client(user) else assessments.seen_by_coach()


def _shapes(kind: Kind) -> str:
    """The kind module's docstring: it documents the responses and result shapes."""
    return (import_module(kind_module(kind)).__doc__ or "").strip()


def _register(kind: Kind) -> None:
    """The six operations of one assessment kind, under its own path."""
    base = f"/engagements/{{engagement_id}}/{kind.value}"
    label = str(kind.label)
    shapes = _shapes(kind)

    def route[View: Callable[..., Any]](
        method: str, path: str, name: str, summary: str, response: dict[int, Any]
    ) -> Callable[[View], View]:
        return router.api_operation(
            [method.upper()],
            path,
            response=response,
            summary=summary,
            description=shapes,
            operation_id=f"{kind.value}_{name}",
            url_name=f"{kind.value}_{name}",
        )

    @route(
        "get",
        base,
        "list",
        f"{label}: every attempt, newest first",
        {200: list[AssessmentOut], **READ},
    )
    def list_(request: HttpRequest, engagement_id: int) -> list[AssessmentOut]:
        user = request_user(request)
        engagement = get_engagement(user, engagement_id)
        for_client = engagement.is_client(user)
        return [
            AssessmentOut.of(a, for_client=for_client) for a in _visible(engagement, user, kind)
        ]

    @route(
        "post",
        base,
        "start",
        f"{label}: start, or continue the open attempt",
        {201: AssessmentOut, **WRITE},
    )
    def start(request: HttpRequest, engagement_id: int) -> Status[AssessmentOut]:
        user = request_user(request)
        engagement = get_engagement(user, engagement_id)
        engagement.require_client_write(user, ASSESSMENTS)
        assessment = assessment_start(engagement=engagement, by=user, kind=kind)
        return Status(201, AssessmentOut.of(assessment, for_client=True))

    one = base + "/{assessment_id}"

    @route("get", one, "get", f"{label}: one attempt", {200: AssessmentOut, **READ})
    def get(request: HttpRequest, engagement_id: int, assessment_id: int) -> AssessmentOut:
        user = request_user(request)
        assessment = get_assessment(user, engagement_id, kind, assessment_id)
        engagement = assessment.engagement
        return AssessmentOut.of(assessment, for_client=engagement.is_client(user))

    @route(
        "put",
        one + "/responses",
        "responses",
        f"{label}: replace the responses",
        {200: AssessmentOut, **WRITE},
    )
    def put_responses(
        request: HttpRequest,
        engagement_id: int,
        assessment_id: int,
        payload: Body[dict[str, Any]],
    ) -> AssessmentOut:
        user = request_user(request)
        assessment = get_assessment(user, engagement_id, kind, assessment_id)
        engagement = assessment.engagement
        engagement.require_client_write(user, ASSESSMENTS)
        assessment_set_responses(assessment=assessment, by=user, responses=payload)
        return AssessmentOut.of(assessment, for_client=True)

    @route(
        "post",
        one + "/complete",
        "complete",
        f"{label}: score the responses",
        {200: AssessmentOut, **WRITE},
    )
    def complete(request: HttpRequest, engagement_id: int, assessment_id: int) -> AssessmentOut:
        user = request_user(request)
        assessment = get_assessment(user, engagement_id, kind, assessment_id)
        engagement = assessment.engagement
        engagement.require_client_write(user, ASSESSMENTS)
        assessment_complete(assessment=assessment, by=user)
        return AssessmentOut.of(assessment, for_client=True)

    @route(
        "put",
        one + "/sharing",
        "sharing",
        f"{label}: share with the coach, or not",
        {200: AssessmentOut, **WRITE},
    )
    def sharing(
        request: HttpRequest, engagement_id: int, assessment_id: int, payload: SharingIn
    ) -> AssessmentOut:
        user = request_user(request)
        assessment = get_assessment(user, engagement_id, kind, assessment_id)
        engagement = assessment.engagement
        if not engagement.is_client(user):
            raise HttpError(403, "Only the client decides who sees their results.")
        assessment_set_sharing(assessment=assessment, by=user, shared=payload.shared)
        return AssessmentOut.of(assessment, for_client=True)


for _kind in Kind:
    _register(_kind)


@router.post(
    "/engagements/{engagement_id}/assignments",
    response={201: AssessmentOut, **WRITE},
    summary="The coach assigns an assessment, perhaps with a due date",
)
def assign(request: HttpRequest, engagement_id: int, payload: AssignIn) -> Status[AssessmentOut]:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    if not engagement.is_coach(user):
        raise HttpError(403, "Only the coach of this engagement assigns assessments.")
    assessment = assessment_assign(
        engagement=engagement, by=user, kind=payload.kind, due_on=payload.due_on, note=payload.note
    )
    return Status(201, AssessmentOut.of(assessment, for_client=False))
