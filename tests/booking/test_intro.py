"""A prospective client books an introductory session from the public page, with no account,
and confirms it by the emailed link; the time is held meanwhile and both get the invitation."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import icalendar
from django.urls import reverse
from django.utils import timezone

from headway.booking.models import Audience, IntroBooking, IntroStatus, SessionType
from headway.booking.services import booking_settings_update, free_slots, weekly_hours_set
from headway.practices.models import CoachProfile
from tests.helpers import World
from tests.smtp import Mailbox, mailbox, smtp_server  # noqa: F401

LONDON = ZoneInfo("Europe/London")


def _public(world: World) -> tuple[CoachProfile, SessionType]:
    profile = CoachProfile.objects.get(user=world.owner)
    profile.is_public = True
    profile.save()
    booking_settings_update(coach=world.owner, time_zone="Europe/London", cancel_hours=24)
    weekly_hours_set(coach=world.owner, by_weekday=["09:00-12:00"] * 7)
    return profile, SessionType.objects.get(coach=world.owner, audience=Audience.PUBLIC)


def _at(days: int, hour: int) -> dt.datetime:
    day = timezone.now().astimezone(LONDON).date() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=LONDON)


def test_a_prospect_books_confirms_and_both_get_the_invitation(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    client,
    django_capture_on_commit_callbacks,
) -> None:
    profile, intro = _public(world)
    assert "See the free times" in client.get(profile.get_absolute_url()).content.decode()
    url = reverse("public_book", args=[profile.slug])
    page = client.get(url, {"tz": "America/New_York"}).content.decode()
    assert ">04:00<" in page  # 09:00 in London, shown in the prospect's zone
    start = _at(2, 10)
    details = client.get(url, {"start": start.isoformat(), "tz": "Europe/London"}).content.decode()
    assert "Book this time" in details
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "type": intro.pk,
                "tz": "Europe/London",
                "start": start.isoformat(),
                "name": "Priya Prospect",
                "email": "Priya@Example.com",
                "note": "Leaving nursing, private words",
            },
        )
    assert response.status_code == 302
    booking = IntroBooking.objects.get()
    assert (booking.status, booking.email) == (IntroStatus.PENDING, "priya@example.com")
    assert start not in {s.start for s in free_slots(intro)}  # held for the prospect
    email = mailbox.wait_for("priya@example.com", subject="Confirm your introductory session")
    link = re.search(r"http://testserver(/book/confirm/\S+/)", email.body)
    assert link is not None
    assert mailbox.to(world.owner.email) == []  # nothing for the coach until it is confirmed

    confirm = client.get(link.group(1)).content.decode()  # opening the link does not book
    assert "Confirm the booking" in confirm
    booking.refresh_from_db()
    assert booking.status == IntroStatus.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(link.group(1)).content.decode()
    assert "Booked" in done
    for address in ("priya@example.com", world.owner.email):
        sent = mailbox.wait_for(address, subject="Introductory session booked")
        assert "private words" not in sent.body
        (ics,) = [p for p in sent.message.walk() if p.get_content_type() == "text/calendar"]
        event = icalendar.Calendar.from_ical(ics.get_payload(decode=True)).walk("VEVENT")[0]
        assert event.decoded("dtstart") == start
        assert "Priya Prospect" in str(event["summary"])

    # Plans change: the prospect cancels from the link in their email; the coach is told.
    booked = mailbox.wait_for("priya@example.com", subject="Introductory session booked")
    assert f"To cancel it, open:\r\nhttp://testserver{link.group(1)}" in booked.body
    mailbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(link.group(1), {"action": "cancel"}).content.decode()
    assert "This session was cancelled" in page
    told = mailbox.wait_for(world.owner.email, subject="Introductory session cancelled")
    assert "Priya Prospect" in told.body and "private words" not in told.body
    assert start in {s.start for s in free_slots(intro)}


def test_an_unconfirmed_hold_lapses_and_bad_details_say_why(world: World, client) -> None:
    profile, intro = _public(world)
    url = reverse("public_book", args=[profile.slug])
    start = _at(3, 9)
    base = {"type": intro.pk, "tz": "Europe/London", "start": start.isoformat()}
    bad = client.post(url, {**base, "name": "", "email": "not-an-email"})
    assert bad.status_code == 400 and not IntroBooking.objects.exists()
    client.post(url, {**base, "name": "Pat", "email": "pat@example.com"})
    taken = client.post(url, {**base, "name": "Sam", "email": "sam@example.com"})
    assert "no longer free" in taken.content.decode()
    IntroBooking.objects.update(created_at=timezone.now() - dt.timedelta(hours=1))
    assert start in {s.start for s in free_slots(intro)}  # the hold ran out
    past = client.post(
        url, {**base, "start": _at(-1, 9).isoformat(), "name": "A", "email": "a@example.com"}
    )
    assert "has passed" in past.content.decode()


def test_no_public_page_no_booking(world: World, client) -> None:
    profile = CoachProfile.objects.get(user=world.owner)
    assert client.get(reverse("public_book", args=[profile.slug])).status_code == 404
    assert client.get(reverse("intro_confirm", args=["nonsense"])).status_code == 404


def test_the_coach_sees_the_booking_and_invites_the_prospect_as_a_client(world: World) -> None:
    from headway.booking.intro import intro_book, intro_confirm

    _, intro = _public(world)
    booking = intro_book(
        session_type=intro,
        name="Priya Prospect",
        email="priya@example.com",
        note="Leaving nursing",
        starts_at=_at(2, 10),
        time_zone="Europe/London",
    )
    coach = world.login(world.owner)
    assert "Priya Prospect" not in coach.get(reverse("dashboard")).content.decode()  # unconfirmed
    intro_confirm(booking=booking)
    page = coach.get(reverse("dashboard")).content.decode()
    assert "Introductory sessions booked" in page and "Leaving nursing" in page
    invite = reverse("client_invite") + "?name=Priya%20Prospect&amp;email=priya%40example.com"
    assert invite in page
    form = coach.get(invite.replace("&amp;", "&")).content.decode()
    assert 'value="Priya Prospect"' in form and 'value="priya@example.com"' in form


def test_the_coach_declines_kindly_and_the_session_leaves_both_calendars(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    django_capture_on_commit_callbacks,
) -> None:
    from headway.booking.intro import intro_book, intro_confirm

    _, intro = _public(world)
    booking = intro_book(
        session_type=intro, name="Priya Prospect", email="priya@example.com", note="",
        starts_at=_at(2, 10), time_zone="Europe/London",
    )  # fmt: skip
    intro_confirm(booking=booking)
    mailbox.clear()
    url = reverse("intro_decline", args=[booking.pk])
    assert world.login(world.colleague).post(url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        response = world.login(world.owner).post(url, {"message": "Ana Lopez may suit you well."})
    assert response.status_code == 302
    email = mailbox.wait_for("priya@example.com", subject="about working together")
    assert "Ana Lopez may suit you well." in email.body
    (ics,) = [p for p in email.message.walk() if p.get_content_type() == "text/calendar"]
    cal = icalendar.Calendar.from_ical(ics.get_payload(decode=True))
    assert str(cal["method"]) == "CANCEL"
    assert int(cal.walk("VEVENT")[0]["sequence"]) == 1
    booking.refresh_from_db()
    assert booking.status == IntroStatus.CANCELLED
    assert _at(2, 10) in {s.start for s in free_slots(intro)}  # the time is free again
