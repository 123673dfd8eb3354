"""The calendar: the caller's feed events as JSON, and their private feed address.

The .ics files themselves are not part of the JSON API: a plan downloads from
`/e/<id>/plan.ics` and calendar apps subscribe to the address that POST /calendar/feed
returns.
"""

from __future__ import annotations

from datetime import date, datetime

from django.http import HttpRequest
from ninja import Router, Schema, Status

from headway.api.auth import request_user
from headway.api.schemas import ErrorOut
from headway.feeds.calendar import CalendarEvent, feed_events
from headway.feeds.services import (
    calendar_feed_create,
    calendar_feed_delete,
    calendar_feed_urls,
)

router = Router(tags=["calendar"])

READ = {401: ErrorOut}
WRITE = {401: ErrorOut, 403: ErrorOut}


class CalendarEventOut(Schema):
    uid: str
    title: str
    date: date
    kind: str
    url: str

    @classmethod
    def of(cls, e: CalendarEvent) -> CalendarEventOut:
        return cls(uid=e.uid, title=e.title, date=e.day, kind=e.kind, url=e.url)


class CalendarFeedOut(Schema):
    url: str
    webcal_url: str
    created_at: datetime


@router.get(
    "/calendar/events",
    response={200: list[CalendarEventOut], **READ},
    summary="The events in the caller's calendar feed",
)
def list_events(request: HttpRequest) -> list[CalendarEventOut]:
    return [CalendarEventOut.of(e) for e in feed_events(request_user(request))]


@router.post(
    "/calendar/feed",
    response={201: CalendarFeedOut, **WRITE},
    summary="Create the caller's feed address, or replace it (the old one stops working)",
    description="The address holds a secret and is returned this once; only its hash is kept.",
)
def create_feed(request: HttpRequest) -> Status[CalendarFeedOut]:
    feed, raw = calendar_feed_create(user=request_user(request))
    url, webcal_url = calendar_feed_urls(raw)
    return Status(201, CalendarFeedOut(url=url, webcal_url=webcal_url, created_at=feed.created_at))


@router.delete(
    "/calendar/feed",
    response={204: None, **WRITE},
    summary="Turn the caller's feed off (its address stops working)",
)
def delete_feed(request: HttpRequest) -> Status[None]:
    calendar_feed_delete(user=request_user(request))
    return Status(204, None)
