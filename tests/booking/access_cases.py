"""Access battery cases for booking (run by tests/test_views_access.py): a coach's hours and
session types are their own; only the client of an engagement books in it."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from headway.booking.models import (
    BusyCalendar,
    DateHours,
    IntroBooking,
    IntroStatus,
    SessionType,
    TimeOff,
)
from headway.booking.services import booking_settings
from headway.meetings.models import Session, SessionStatus
from headway.practices.models import CoachProfile
from tests.access import Case, Ctx, everyone, hidden


def _type(c: Ctx) -> SessionType:
    booking_settings(c.world.owner)
    return SessionType.objects.filter(coach=c.world.owner).first()  # type: ignore[return-value]


def _off(c: Ctx) -> TimeOff:
    found = TimeOff.objects.filter(coach=c.world.owner).first()
    day = dt.date(2030, 1, 1)
    return found or TimeOff.objects.create(coach=c.world.owner, first_day=day, last_day=day)


def _calendar(c: Ctx) -> BusyCalendar:
    found = BusyCalendar.objects.filter(coach=c.world.owner).first()
    return found or BusyCalendar.objects.create(coach=c.world.owner, name="Work")


def _session(c: Ctx) -> Session:
    found = Session.objects.filter(engagement=c.world.engagement).first()
    return found or Session.objects.create(
        engagement=c.world.engagement, starts_at=timezone.now() + dt.timedelta(days=9)
    )


def _intro(c: Ctx) -> IntroBooking:
    found = IntroBooking.objects.filter(coach=c.world.owner).first()
    return found or IntroBooking.objects.create(
        coach=c.world.owner,
        session_type=_type(c),
        name="Pat",
        email="pat@example.com",
        starts_at=timezone.now() + dt.timedelta(days=5),
        duration_minutes=20,
        time_zone="UTC",
        status=IntroStatus.CONFIRMED,
        token_hash="x" * 64,
    )


def _date(c: Ctx) -> str:
    if not DateHours.objects.filter(coach=c.world.owner).exists():
        DateHours.objects.create(coach=c.world.owner, day=dt.date(2030, 1, 2))
    return "2030-01-02"


BOOKING_CASES = [
    Case(
        "session_type",
        "the owner's",
        "get",
        lambda c: reverse("session_type", args=[_type(c).pk]),
        hidden(owner=200),
    ),
    Case(
        "session_type",
        "the owner's",
        "post",
        lambda c: reverse("session_type", args=[_type(c).pk]),
        hidden(owner=302),
        data=lambda c: {
            "name": "Walk and talk",
            "minutes": "45",
            "audience": "clients",
            "buffer_before": "0",
            "buffer_after": "10",
            "notice_hours": "24",
            "horizon_days": "60",
            "active": "on",
        },
        changed=lambda c: SessionType.objects.filter(name="Walk and talk").exists(),
    ),
    Case(
        "booking_off_remove",
        "the owner's",
        "post",
        lambda c: reverse("booking_off_remove", args=[_off(c).pk]),
        hidden(owner=302),
        changed=lambda c: not TimeOff.objects.exists(),
    ),
    Case(
        "booking_date_clear",
        "the owner's",
        "post",
        lambda c: reverse("booking_date_clear", args=[_date(c)]),
        hidden(owner=302),
        changed=lambda c: not DateHours.objects.filter(coach=c.world.owner).exists(),
    ),
    Case(
        "book",
        "coached",
        "get",
        lambda c: reverse("book", args=[c.world.engagement.pk]),
        hidden(client=200),
    ),
    # A public page's booking is for anyone, signed in or not.
    Case(
        "public_book",
        "public",
        "get",
        lambda c: reverse("public_book", args=[CoachProfile.objects.get(user=c.world.owner).slug]),
        everyone(200),
    ),
    Case(
        "intro_confirm",
        "unknown",
        "get",
        lambda c: reverse("intro_confirm", args=["x"]),
        everyone(404),
    ),
    Case(
        "busy_calendar_remove",
        "the owner's",
        "post",
        lambda c: reverse("busy_calendar_remove", args=[_calendar(c).pk]),
        hidden(owner=302),
        changed=lambda c: not BusyCalendar.objects.exists(),
    ),
    Case(
        "busy_calendar_refresh",
        "the owner's",
        "post",
        lambda c: reverse("busy_calendar_refresh", args=[_calendar(c).pk]),
        hidden(owner=302),
        changed=lambda c: BusyCalendar.objects.filter(tried_at__isnull=False).exists(),
    ),
    Case(
        "session_move",
        "coached",
        "get",
        lambda c: reverse("session_move", args=[c.world.engagement.pk, _session(c).pk]),
        hidden(client=200),
    ),
    Case(
        "session_cancel_own",
        "coached",
        "post",
        lambda c: reverse("session_cancel_own", args=[c.world.engagement.pk, _session(c).pk]),
        hidden(client=302),
        changed=lambda c: Session.objects.filter(status=SessionStatus.CANCELLED).exists(),
    ),
    Case(
        "package",
        "coached",
        "get",
        lambda c: reverse("package", args=[c.world.engagement.pk]),
        hidden(owner=200),
    ),
    Case(
        "intro_decline",
        "the owner's",
        "post",
        lambda c: reverse("intro_decline", args=[_intro(c).pk]),
        hidden(owner=302),
        changed=lambda c: IntroBooking.objects.filter(status=IntroStatus.CANCELLED).exists(),
    ),
]
