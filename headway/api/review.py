"""Session reviews: the coach uploads a transcript of one of their sessions and gets it
back coded (questions, reflections, input) with a summary. The coach's alone: the client
and everyone else get the 404 a missing review gets."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from headway.api.auth import request_user
from headway.api.schemas import ErrorOut
from headway.engagements.access import get_engagement
from headway.engagements.models import Engagement
from headway.meetings.models import Session
from headway.review.models import Review
from headway.review.services import (
    may_review,
    review_create,
    review_delete,
    review_export,
    review_set_coach,
)

router = Router(tags=["session review"])

READ = {401: ErrorOut, 404: ErrorOut}
WRITE = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut}


class ReviewIn(Schema):
    filename: str = Field(description="The file's name; its ending helps tell the format")
    content: str = Field(description="The transcript: WebVTT, SRT, CSV or 'Name: text' lines")
    coach: str = Field("", description="Your name as the transcript spells it")
    session_id: int | None = None
    held_on: dt.date | None = None


class CoachIn(Schema):
    speaker: str


class ReviewListOut(Schema):
    id: int
    filename: str
    held_on: dt.date
    session_id: int | None
    analysed: bool
    speakers: list[str]
    figures: dict[str, Any]

    @classmethod
    def of(cls, r: Review) -> ReviewListOut:
        return cls(
            id=r.pk,
            filename=r.filename,
            held_on=r.held_on,
            session_id=r.session_id,
            analysed=r.is_analysed,
            speakers=r.speaker_list,
            figures=r.figures,
        )


class UtteranceOut(Schema):
    speaker: str
    text: str
    code: str | None = Field(description="question, reflection, input or other; null if not coded")
    subtype: str | None
    start: float | None
    end: float | None


class ReviewOut(ReviewListOut):
    coach: str | None
    utterances: list[UtteranceOut]
    summary: dict[str, Any]

    @classmethod
    def full(cls, r: Review) -> ReviewOut:
        data = review_export(r)
        return cls(
            **ReviewListOut.of(r).dict(),
            coach=data["coach"],
            utterances=[UtteranceOut(**u) for u in data["utterances"]],
            summary=data["summary"],
        )


def _engagement(request: HttpRequest, engagement_id: int) -> Engagement:
    engagement = get_engagement(request_user(request), engagement_id)
    if not may_review(engagement, request_user(request)):
        raise HttpError(404, "Not Found")
    return engagement


def _review(request: HttpRequest, engagement_id: int, review_id: int) -> Review:
    engagement = _engagement(request, engagement_id)
    review = get_object_or_404(Review, engagement=engagement, pk=review_id)
    review.engagement = engagement
    return review


@router.get(
    "/engagements/{engagement_id}/reviews",
    response={200: list[ReviewListOut], **READ},
    summary="The coach's reviewed sessions of this engagement, newest first",
)
def list_reviews(request: HttpRequest, engagement_id: int) -> list[ReviewListOut]:
    engagement = _engagement(request, engagement_id)
    return [ReviewListOut.of(r) for r in engagement.reviews.all()]


@router.post(
    "/engagements/{engagement_id}/reviews",
    response={201: ReviewOut, **WRITE},
    summary="Upload a transcript; it is coded at once if `coach` names one of its speakers",
)
def create_review(request: HttpRequest, engagement_id: int, payload: ReviewIn) -> Status[ReviewOut]:
    engagement = _engagement(request, engagement_id)
    session = None
    if payload.session_id is not None:
        session = get_object_or_404(Session, engagement=engagement, pk=payload.session_id)
    review = review_create(
        engagement=engagement,
        by=request_user(request),
        filename=payload.filename,
        content=payload.content,
        coach_name=payload.coach,
        session=session,
        held_on=payload.held_on,
    )
    return Status(201, ReviewOut.full(review))


@router.get(
    "/engagements/{engagement_id}/reviews/{review_id}",
    response={200: ReviewOut, **READ},
    summary="One review: every turn in order with its code, and the summary",
)
def get_review(request: HttpRequest, engagement_id: int, review_id: int) -> ReviewOut:
    return ReviewOut.full(_review(request, engagement_id, review_id))


@router.post(
    "/engagements/{engagement_id}/reviews/{review_id}/coach",
    response={200: ReviewOut, **WRITE},
    summary="Say which speaker is the coach; the coach's turns are coded again",
)
def set_coach(
    request: HttpRequest, engagement_id: int, review_id: int, payload: CoachIn
) -> ReviewOut:
    review = _review(request, engagement_id, review_id)
    review_set_coach(review=review, by=request_user(request), speaker=payload.speaker)
    return ReviewOut.full(review)


@router.delete(
    "/engagements/{engagement_id}/reviews/{review_id}",
    response={204: None, **WRITE},
    summary="Delete a review and its transcript",
)
def delete_review(request: HttpRequest, engagement_id: int, review_id: int) -> Status[None]:
    review = _review(request, engagement_id, review_id)
    review_delete(review=review, by=request_user(request))
    return Status(204, None)
