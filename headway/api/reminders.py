"""API resources for reminders: the caller's own reminder preferences."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema

from headway.api.auth import request_user
from headway.api.schemas import ErrorOut
from headway.reminders.models import CHECKIN_MAX_DAYS, CHECKIN_MIN_DAYS, ReminderPreference
from headway.reminders.services import reminder_preferences, reminder_preferences_update

router = Router(tags=["reminders"])


class ReminderPreferencesSchema(Schema):
    delivery: Literal["now", "digest", "off"] = Field(
        description="now: as they come; digest: one email a week; off: no reminder emails"
    )
    digest_weekday: int = Field(ge=0, le=6, description="The digest's day, 0 Monday … 6 Sunday")
    sessions: bool
    session_hour_before: bool = Field(description="Also an hour before a session")
    steps: bool
    step_lead: Literal[0, 1] = Field(
        description="1: the morning before a step is due; 0: on the day"
    )
    checkins: bool = Field(description="A gentle prompt after some days without a check-in")
    checkin_days: int = Field(ge=CHECKIN_MIN_DAYS, le=CHECKIN_MAX_DAYS)
    offsites: bool
    followups: bool
    client_news: Literal["now", "daily", "off"] | None = Field(
        default=None,
        description="A coach's emails of what their clients did (counts, never their words): "
        "now: as it happens; daily: each morning; off. Left out of a PUT: unchanged",
    )
    time_zone: str = Field(description="IANA zone of the person's mornings, e.g. Europe/London")

    @classmethod
    def of(cls, p: ReminderPreference) -> ReminderPreferencesSchema:
        return cls(**{name: getattr(p, name) for name in cls.model_fields})


@router.get(
    "/me/reminders",
    response={200: ReminderPreferencesSchema, 401: ErrorOut},
    summary="Your reminder preferences (the defaults until you change them)",
)
def get_preferences(request: HttpRequest) -> ReminderPreferencesSchema:
    return ReminderPreferencesSchema.of(reminder_preferences(request_user(request)))


@router.put(
    "/me/reminders",
    response={200: ReminderPreferencesSchema, 400: ErrorOut, 401: ErrorOut},
    summary="Replace your reminder preferences",
)
def put_preferences(
    request: HttpRequest, payload: ReminderPreferencesSchema
) -> ReminderPreferencesSchema:
    changes = payload.model_dump()
    if changes["client_news"] is None:
        del changes["client_news"]
    pref = reminder_preferences_update(user=request_user(request), **changes)
    return ReminderPreferencesSchema.of(pref)
