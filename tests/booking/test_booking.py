"""Booking: the coach's hours and session types, the client's free slots and a booking that
takes one, once, with the invitation to both."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from headway.booking.models import Audience, SessionType, WeeklyHours
from headway.booking.services import (
    booking_make,
    booking_settings,
    booking_settings_update,
    date_hours_set,
    free_slots,
    time_off_add,
    weekly_hours_set,
)
from headway.meetings.models import Session
from tests.helpers import World
from tests.smtp import Mailbox, mailbox, smtp_server  # noqa: F401

LONDON = ZoneInfo("Europe/London")
EVERY_DAY = ["09:00-12:00, 14:00-17:30"] * 7


def _coaching(world: World) -> SessionType:
    booking_settings_update(coach=world.owner, time_zone="Europe/London", cancel_hours=24)
    weekly_hours_set(coach=world.owner, by_weekday=EVERY_DAY)
    return SessionType.objects.get(coach=world.owner, audience=Audience.CLIENTS)


def _in_days(days: int, hour: int, minute: int = 0) -> dt.datetime:
    day = timezone.now().astimezone(LONDON).date() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=LONDON)


def _soon() -> dt.datetime:
    at = timezone.now() + dt.timedelta(hours=2)
    return at.replace(minute=at.minute // 30 * 30, second=0, microsecond=0)


def test_a_new_coach_gets_the_two_session_types(world: World) -> None:
    booking_settings(world.owner)
    assert [
        (t.name, t.minutes, t.audience) for t in SessionType.objects.filter(coach=world.owner)
    ] == [
        ("Introductory session", 20, Audience.PUBLIC),
        ("Coaching session", 60, Audience.CLIENTS),
    ]


def test_weekly_hours_are_all_saved_or_none(world: World) -> None:
    weekly_hours_set(coach=world.owner, by_weekday=EVERY_DAY)
    assert WeeklyHours.objects.filter(coach=world.owner).count() == 14
    with pytest.raises(ValidationError, match="ends before it starts"):
        weekly_hours_set(coach=world.owner, by_weekday=["09:00-12:00"] * 6 + ["17-9"])
    assert WeeklyHours.objects.filter(coach=world.owner).count() == 14  # kept as they were


def test_sessions_time_off_and_a_day_off_remove_slots(world: World) -> None:
    coaching = _coaching(world)
    tomorrow_ten = _in_days(2, 10)
    starts = {s.start for s in free_slots(coaching)}
    assert tomorrow_ten in starts
    booking_make(
        session_type=coaching,
        engagement=world.engagement,
        by=world.client,
        starts_at=tomorrow_ten,
        time_zone="Europe/London",
    )
    starts = {s.start for s in free_slots(coaching)}
    assert tomorrow_ten not in starts and _in_days(2, 9, 30) not in starts  # overlaps it
    assert _in_days(2, 11) in starts  # 10 minutes after is the default buffer: 11:00 is free
    date_hours_set(coach=world.owner, day=_in_days(3, 0).date(), hours="")
    time_off_add(coach=world.owner, first_day=_in_days(4, 0).date(), last_day=_in_days(5, 0).date())
    days = {s.start.astimezone(LONDON).date() for s in free_slots(coaching)}
    assert _in_days(3, 0).date() not in days and _in_days(5, 0).date() not in days
    assert _in_days(6, 0).date() in days


def test_a_booking_emails_both_the_invitation(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    django_capture_on_commit_callbacks,
) -> None:
    coaching = _coaching(world)
    client = world.login(world.client)
    url = reverse("book", args=[world.engagement.pk])
    page = client.get(url, {"tz": "Europe/London", "week": "0"}).content.decode()
    assert "Book a session with Olivia" in page and 'class="slot"' in page
    start = _in_days(2, 14)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"type": coaching.pk, "tz": "Europe/London", "start": start.isoformat()}
        )
    session = Session.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("session_detail", args=[world.engagement.pk, session.pk])
    assert (session.starts_at, session.duration_minutes) == (start, 60)
    for person in (world.client, world.owner):
        email = mailbox.wait_for(person.email)
        assert any(p.get_content_type() == "text/calendar" for p in email.message.walk())
    # The same time again: a clear message, nothing booked.
    again = client.post(
        url, {"type": coaching.pk, "tz": "Europe/London", "start": start.isoformat()}
    )
    assert again.status_code == 409
    assert "no longer free" in again.content.decode()
    assert Session.objects.count() == 1


@pytest.mark.parametrize(
    "start, said",
    [
        (lambda: _in_days(2, 13), "no longer free"),  # outside the hours
        (lambda: _in_days(-1, 10), "has passed"),
        (lambda: _in_days(90, 10), "up to 60 days ahead"),
        (lambda: _soon(), "no longer free"),  # within the 24 hours' notice
    ],
)
def test_times_that_cannot_be_booked_say_why(world: World, start, said) -> None:  # type: ignore[no-untyped-def]
    coaching = _coaching(world)
    with pytest.raises(ValidationError, match=said):
        booking_make(
            session_type=coaching,
            engagement=world.engagement,
            by=world.client,
            starts_at=start(),
            time_zone="Europe/London",
        )
    assert not Session.objects.exists()


def test_another_coachs_type_or_the_public_one_is_refused(world: World) -> None:
    coaching = _coaching(world)
    intro = SessionType.objects.get(coach=world.owner, audience=Audience.PUBLIC)
    with pytest.raises(ValidationError, match="not one your coach offers"):
        booking_make(
            session_type=intro,
            engagement=world.engagement,
            by=world.client,
            starts_at=_in_days(2, 10),
            time_zone="Europe/London",
        )
    with pytest.raises(ValidationError, match="Unknown time zone|not a time zone|zone"):
        booking_make(
            session_type=coaching,
            engagement=world.engagement,
            by=world.client,
            starts_at=_in_days(2, 10),
            time_zone="Mars/Olympus",
        )


def test_the_coachs_page_saves_hours_and_shows_what_clients_will_see(world: World) -> None:
    coach = world.login(world.owner)
    data = {f"day_{d}": "09:00-12:00" for d in range(5)}
    assert coach.post(reverse("booking_week"), data).status_code == 302
    page = coach.get(reverse("booking_hours")).content.decode()
    assert 'value="09:00-12:00"' in page and "The next free times" in page
    bad = coach.post(reverse("booking_week"), {**data, "day_0": "9 till late"})
    assert bad.status_code == 400 and "needs a start and an end" in bad.content.decode()
    assert WeeklyHours.objects.filter(coach=world.owner).count() == 5
