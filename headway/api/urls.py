"""The Headway JSON API, mounted at /api/ (docs at /api/docs, schema at /api/openapi.json)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Swagger

from headway.api import (
    account,
    booking,
    calendar,
    checkins,
    coaching,
    concluding,
    decisions,
    discovery,
    engagements,
    exploration,
    goals,
    journal,
    notes,
    occupations,
    offsites,
    privacy,
    reminders,
    replies,
    review,
    sessions,
)
from headway.api.auth import SessionAuth, TokenAuth
from headway.engagements.models import ClientWriteRefused

api = NinjaAPI(
    title="Headway API",
    version="1",
    description=(
        "Career-transition coaching: your engagements, their stages, intake and answers. "
        "Authenticate with a personal API token (`Authorization: Bearer <token>`) "
        "or, from the browser, with your session (unsafe methods need the `X-CSRFToken` header)."
    ),
    urls_namespace="api",
    # ninja's own Swagger UI, from its static files; no call out to the online validator.
    docs=Swagger(settings={"validatorUrl": None}),
    auth=[TokenAuth(), SessionAuth()],
)


@api.exception_handler(ClientWriteRefused)
def client_write_refused(request: HttpRequest, exc: ClientWriteRefused) -> HttpResponse:
    """The client's own work, or a concluded engagement: refused, in the domain's words."""
    return api.create_response(request, {"detail": " ".join(exc.messages)}, status=403)


@api.exception_handler(ValidationError)
def service_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """A service refused the change: say why, in the service's own words."""
    return api.create_response(request, {"detail": " ".join(exc.messages)}, status=400)


api.add_router("", account.router)
api.add_router("", coaching.router)
api.add_router("", engagements.router)
api.add_router("", exploration.router)
api.add_router("", discovery.router)
api.add_router("", journal.router)
api.add_router("", calendar.router)
api.add_router("", decisions.router)
api.add_router("", goals.router)
api.add_router("", checkins.router)
api.add_router("", replies.router)
api.add_router("", notes.router)
api.add_router("", occupations.router)
api.add_router("", sessions.router)
api.add_router("", booking.router)
api.add_router("", reminders.router)
api.add_router("", concluding.router)
api.add_router("", offsites.router)
api.add_router("", review.router)
api.add_router("", privacy.router)
