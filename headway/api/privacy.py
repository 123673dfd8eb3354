"""Your data over the API: the consent log (yours, or an engagement's client's for its coach)
and your export as JSON. Erasure is on the web page only, where the email is typed to confirm."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from headway.api.auth import request_user
from headway.api.engagements import engagements_of
from headway.api.schemas import ErrorOut
from headway.privacy.consent import ConsentItem, consent_log
from headway.privacy.services import account_export_json

router = Router(tags=["your data"])

READ = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


class ConsentOut(Schema):
    at: dt.datetime
    what: str
    what_label: str
    granted: bool
    engagement_id: int | None
    detail: str

    @classmethod
    def of(cls, i: ConsentItem) -> ConsentOut:
        return cls(
            at=i.at,
            what=i.what,
            what_label=i.what_label,
            granted=i.granted,
            engagement_id=i.engagement_id,
            detail=i.detail,
        )


@router.get("/me/consent", response={200: list[ConsentOut], **READ}, summary="Your consent log")
def my_consent(request: HttpRequest) -> list[ConsentOut]:
    return [ConsentOut.of(i) for i in consent_log(user=request_user(request))]


@router.get(
    "/engagements/{engagement_id}/consent",
    response={200: list[ConsentOut], **READ},
    summary="The consent log of the engagement's client (for its coach and client)",
)
def engagement_consent(request: HttpRequest, engagement_id: int) -> list[ConsentOut]:
    engagement = get_object_or_404(
        engagements_of(request_user(request)).filter(client__isnull=False), pk=engagement_id
    )
    assert engagement.client is not None
    return [ConsentOut.of(i) for i in consent_log(user=engagement.client, engagement=engagement)]


@router.post(
    "/me/export",
    response={200: dict[str, Any], **READ},
    summary="Your data as JSON (the files are in the ZIP from the web page); audited",
)
def my_export(request: HttpRequest) -> dict[str, Any]:
    return account_export_json(user=request_user(request))
