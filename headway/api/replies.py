"""Replies: the conversation between a coach and their client under a check-in, a goal, a
step of a goal or a result the client shares."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from headway.api.auth import request_user
from headway.api.schemas import ErrorOut
from headway.engagements.access import get_engagement
from headway.replies.access import about_in, replies_seen_by
from headway.replies.models import REPLY_MAX, TARGET_FIELDS, Reply, Target
from headway.replies.services import reply_add

router = Router(tags=["replies"])

READ = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


class ReplyOut(Schema):
    id: int
    target: Target
    target_id: int
    author: str = Field(description="The writer's name, empty once their account is gone")
    mine: bool
    text: str
    created_at: datetime

    @classmethod
    def of(cls, r: Reply, user_pk: int) -> ReplyOut:
        target = r.target
        return cls(
            id=r.pk,
            target=target,
            target_id=getattr(r, f"{TARGET_FIELDS[target]}_id"),
            author=r.author.name if r.author else "",
            mine=r.author_id == user_pk,
            text=r.text,
            created_at=r.created_at,
        )


class ReplyIn(Schema):
    target: Target
    target_id: int = Field(ge=1, le=2**63 - 1)
    text: str = Field(max_length=REPLY_MAX * 2, description=f"Up to {REPLY_MAX} characters")


class ReplyFilter(Schema):
    target: Target | None = None
    target_id: int | None = Field(default=None, ge=1, le=2**63 - 1)


@router.get(
    "/engagements/{engagement_id}/replies",
    response={200: list[ReplyOut], **READ},
    summary="The conversations of an engagement, oldest first; filter by what they are about",
)
def replies(
    request: HttpRequest, engagement_id: int, filters: Query[ReplyFilter]
) -> list[ReplyOut]:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    qs = replies_seen_by(engagement, user)
    if filters.target is not None:
        field = TARGET_FIELDS[filters.target]
        qs = qs.filter(**{f"{field}__isnull": False})
        if filters.target_id is not None:
            qs = qs.filter(**{f"{field}_id": filters.target_id})
    return [ReplyOut.of(r, user.pk) for r in qs]


@router.post(
    "/engagements/{engagement_id}/replies",
    response={201: ReplyOut, **WRITE},
    summary="Write under a check-in, goal, step or shared result; the other person is emailed "
    "that you wrote, never what",
)
def add(request: HttpRequest, engagement_id: int, payload: ReplyIn) -> Status[ReplyOut]:
    user = request_user(request)
    engagement = get_engagement(user, engagement_id)
    about = about_in(engagement, user, payload.target, payload.target_id)
    reply = reply_add(about=about, by=user, text=payload.text)
    return Status(201, ReplyOut.of(reply, user.pk))
