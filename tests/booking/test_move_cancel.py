"""The client moves or cancels their booked session within the coach's policy; closer to the
session they are asked to write to the coach; the coach can always. A move keeps the
invitation's UID with a higher SEQUENCE."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from headway.booking.models import Audience, SessionType
from headway.booking.services import (
    booking_cancel,
    booking_make,
    booking_move,
    booking_settings_update,
    weekly_hours_set,
)
from headway.meetings.models import Session, SessionStatus
from headway.meetings.session_services import session_cancel
from tests.helpers import World
from tests.smtp import Mailbox, mailbox, smtp_server  # noqa: F401

LONDON = ZoneInfo("Europe/London")


def _at(days: int, hour: int) -> dt.datetime:
    day = timezone.now().astimezone(LONDON).date() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=LONDON)


@pytest.fixture
def booked(world: World) -> Session:
    booking_settings_update(coach=world.owner, time_zone="Europe/London", cancel_hours=24)
    weekly_hours_set(coach=world.owner, by_weekday=["09:00-17:00"] * 7)
    coaching = SessionType.objects.get(coach=world.owner, audience=Audience.CLIENTS)
    return booking_make(
        session_type=coaching,
        engagement=world.engagement,
        by=world.client,
        starts_at=_at(3, 10),
        time_zone="Europe/London",
    )


def _ics(email) -> icalendar.Event:  # type: ignore[no-untyped-def]
    (part,) = [p for p in email.message.walk() if p.get_content_type() == "text/calendar"]
    return icalendar.Calendar.from_ical(part.get_payload(decode=True)).walk("VEVENT")[0]


def test_the_client_moves_the_session_and_the_invitation_updates(
    world: World,
    booked: Session,
    mailbox: Mailbox,  # noqa: F811
    django_capture_on_commit_callbacks,
) -> None:
    page = world.login(world.client).get(
        reverse("session_detail", args=[world.engagement.pk, booked.pk])
    )
    assert "Choose another time" in page.content.decode()
    url = reverse("session_move", args=[world.engagement.pk, booked.pk])
    assert 'class="slot"' in world.login(world.client).get(url).content.decode()
    mailbox.clear()
    # An hour later the same day: it overlaps the session itself, which is not busy for itself.
    with django_capture_on_commit_callbacks(execute=True):
        response = world.login(world.client).post(
            url, {"start": _at(3, 11).isoformat(), "tz": "Europe/London"}
        )
    assert response.status_code == 302
    booked.refresh_from_db()
    assert booked.starts_at == _at(3, 11) and booked.sequence == 1
    event = _ics(mailbox.wait_for(world.owner.email))
    assert event.decoded("dtstart") == _at(3, 11) and int(event["sequence"]) == 1
    assert str(event["uid"]).startswith(f"session-{booked.pk}@")


def test_inside_the_policy_the_client_is_asked_to_write_and_the_coach_still_can(
    world: World, booked: Session
) -> None:
    booking_settings_update(coach=world.owner, time_zone="Europe/London", cancel_hours=24 * 5)
    page = world.login(world.client).get(
        reverse("session_detail", args=[world.engagement.pk, booked.pk])
    )
    assert "please write to Olivia" in page.content.decode()
    with pytest.raises(ValidationError, match="too close to move or cancel"):
        booking_move(session=booked, by=world.client, starts_at=_at(4, 10))
    with pytest.raises(ValidationError, match="too close"):
        booking_cancel(session=booked, by=world.client)
    url = reverse("session_cancel_own", args=[world.engagement.pk, booked.pk])
    world.login(world.client).post(url, {"reason": "Ill"})
    booked.refresh_from_db()
    assert booked.status == SessionStatus.SCHEDULED
    session_cancel(session=booked, by=world.owner, reason="Coach unwell")
    booked.refresh_from_db()
    assert booked.status == SessionStatus.CANCELLED


def test_the_client_cancels_within_the_policy(world: World, booked: Session) -> None:
    url = reverse("session_cancel_own", args=[world.engagement.pk, booked.pk])
    assert world.login(world.owner).post(url).status_code == 404  # the coach has their own
    response = world.login(world.client).post(url, {"reason": "A job interview that day"})
    assert response.status_code == 302
    booked.refresh_from_db()
    assert (booked.status, booked.cancel_reason) == (
        SessionStatus.CANCELLED,
        "A job interview that day",
    )
