"""Coaching models a user may use: the built-in ones and their practice's own."""

from __future__ import annotations

from django.db.models import Max
from django.http import HttpRequest
from ninja import Router

from headway.api.auth import request_user
from headway.api.schemas import CoachingModelDetailOut, CoachingModelOut, ErrorOut
from headway.coaching.access import available_models, get_coaching_model

router = Router(tags=["coaching models"])


@router.get(
    "/models",
    response={200: list[CoachingModelOut], 401: ErrorOut},
    summary="Coaching models available to you",
)
def list_models(request: HttpRequest) -> list[CoachingModelOut]:
    user = request_user(request)
    models = available_models(user).annotate(latest=Max("versions__number"))
    # `latest` is the annotation above; django-stubs drops annotations on iterating a
    # QuerySet subclass when type arguments are required.
    return [
        CoachingModelOut.of(m, latest_version=m.latest or 0)  # type: ignore[attr-defined]
        for m in models
    ]


@router.get(
    "/models/{model_id}",
    response={200: CoachingModelDetailOut, 401: ErrorOut, 404: ErrorOut},
    summary="A coaching model with the stages and questions of its latest version",
)
def get_model(request: HttpRequest, model_id: int) -> CoachingModelDetailOut:
    model = get_coaching_model(request_user(request), model_id)
    return CoachingModelDetailOut.of_version(model, model.latest_version())
