"""The coach schedules a session; the client gets the invitation by email, sees the session
and adds a topic; the coach moves it (a new invitation, SEQUENCE 1) and cancels it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import icalendar
from django.utils import timezone
from playwright.sync_api import BrowserContext, expect

from headway.meetings.models import Session
from tests.browser.support import axe_check, log_in
from tests.helpers import build_world
from tests.smtp import Mailbox, Received


def _ics(email: Received) -> icalendar.Calendar:
    (part,) = [p for p in email.message.walk() if p.get_content_type() == "text/calendar"]
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return icalendar.Calendar.from_ical(payload)


def test_schedule_topic_reschedule_cancel(
    new_context: Callable[[], BrowserContext], mailbox: Mailbox, site: str
) -> None:
    world = build_world()
    e = world.engagement
    day = timezone.localdate() + dt.timedelta(days=12)

    coach = new_context().new_page()
    log_in(coach, world.owner.email)
    coach.goto(f"/e/{e.pk}/")
    coach.get_by_role("link", name="Sessions").click()
    expect(coach.get_by_role("heading", name="Schedule a session")).to_be_visible()
    axe_check(coach)
    coach.get_by_label("Date").fill(day.isoformat())
    coach.get_by_label("Time", exact=True).fill("18:00")
    coach.get_by_label("Time zone", exact=True).select_option("Europe/London")
    coach.get_by_label("Place or video link").fill("https://meet.example.com/olivia")
    coach.get_by_label("Agenda").fill("Your shortlist")
    coach.get_by_role("button", name="Schedule and send invitations").click()
    expect(coach.get_by_text("invitations are on their way")).to_be_visible()
    axe_check(coach)

    email = mailbox.wait_for(world.client.email, subject="Coaching session")
    cal = _ics(email)
    session = Session.objects.get()
    (event,) = cal.walk("VEVENT")
    assert cal["METHOD"] == "REQUEST" and event["SEQUENCE"] == 0
    assert str(event.decoded("DTSTART").tzinfo) == "Europe/London"
    assert str(event["UID"]).startswith(f"session-{session.pk}@")

    client = new_context().new_page()
    log_in(client, world.client.email)
    client.goto(f"/e/{e.pk}/sessions/")
    when = f"{day.day} {day:%b %Y}, 18:00–19:00 (Europe/London)"
    client.get_by_role("link", name=when).click()
    client.get_by_label("What I want to talk about").fill("The offer from Acme")
    client.get_by_role("button", name="Add topic").click()
    expect(client.get_by_text("The offer from Acme")).to_be_visible()
    expect(client.get_by_role("heading", name="Reschedule")).to_have_count(0)
    axe_check(client)

    mailbox.clear()
    coach.reload()
    expect(coach.get_by_text("The offer from Acme")).to_be_visible()
    coach.get_by_label("Time", exact=True).fill("19:30")
    coach.get_by_role("button", name="Save and send the update").click()
    expect(coach.get_by_text("Moved to")).to_be_visible()
    (event,) = _ics(mailbox.wait_for(world.client.email, subject="Session moved")).walk("VEVENT")
    assert event["SEQUENCE"] == 1
    assert event.decoded("DTSTART").hour == 19

    mailbox.clear()
    coach.get_by_label("Reason for cancelling").fill("I am unwell")
    coach.get_by_role("button", name="Cancel the session").click()
    expect(coach.get_by_text("Cancelled. Both of you")).to_be_visible()
    cal = _ics(mailbox.wait_for(world.client.email, subject="Session cancelled"))
    assert cal["METHOD"] == "CANCEL"
    (event,) = cal.walk("VEVENT")
    assert event["STATUS"] == "CANCELLED" and event["SEQUENCE"] == 2
