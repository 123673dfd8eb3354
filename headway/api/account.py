"""Who am I: the caller's identity and roles."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from headway.api.auth import request_user
from headway.api.schemas import ErrorOut, MeOut, PracticeOut, RolesOut
from headway.engagements.models import Engagement
from headway.practices.access import membership_of

router = Router(tags=["account"])


@router.get("/me", response={200: MeOut, 401: ErrorOut}, summary="The calling user")
def me(request: HttpRequest) -> MeOut:
    user = request_user(request)
    membership = membership_of(user)
    return MeOut(
        id=user.pk,
        email=user.email,
        name=user.name,
        roles=RolesOut(
            is_coach=membership is not None,
            is_client=Engagement.objects.of_client(user).exists(),
            practice=PracticeOut.of(membership) if membership is not None else None,
        ),
    )
