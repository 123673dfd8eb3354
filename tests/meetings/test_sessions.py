"""Scheduling sessions: the services, the pages, the emailed .ics (through a real SMTP
server, parsed back with `icalendar`), the calendar feed and the dashboard's nudge."""

from __future__ import annotations

import datetime as dt
from email.message import Message
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from headway.core.followup.attention import EngagementFacts, attention_items
from headway.engagements.models import EngagementStatus
from headway.feeds.calendar import feed_ical
from headway.meetings.models import Session, SessionStatus
from headway.meetings.session_services import (
    last_zone,
    local_to_utc,
    session_cancel,
    session_reschedule,
    session_schedule,
    session_topic_add,
)
from headway.overview.dashboard import dashboard_rows
from tests.helpers import World
from tests.smtp import Mailbox, mailbox, smtp_server  # noqa: F401


def _future_day(days: int = 10) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def _form(day: dt.date, **extra: str) -> dict[str, str]:
    return {
        "day": day.isoformat(),
        "time": "18:00",
        "zone": "Europe/London",
        "duration_minutes": "60",
        "place": "https://meet.example.com/olivia",
        "agenda": "Your shortlist",
        **extra,
    }


def _ics(message: Message) -> icalendar.Calendar:
    parts = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1, [p.get_content_type() for p in message.walk()]
    payload = parts[0].get_payload(decode=True)
    assert isinstance(payload, bytes)
    return icalendar.Calendar.from_ical(payload)


def _event(cal: icalendar.Calendar) -> icalendar.Event:
    (event,) = cal.walk("VEVENT")
    return event


def _schedule(world: World, days: int = 10, zone: str = "Europe/London") -> Session:
    starts = local_to_utc(_future_day(days), dt.time(18), zone)
    return session_schedule(
        engagement=world.engagement, by=world.owner, starts_at=starts, time_zone=zone
    )


# --- through the pages, with the real SMTP server -------------------------------------------


def test_schedule_reschedule_cancel_email_both_with_the_ics(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    django_capture_on_commit_callbacks,
) -> None:
    e = world.engagement
    coach = world.login(world.owner)
    day = _future_day()
    with django_capture_on_commit_callbacks(execute=True):
        response = coach.post(reverse("sessions", args=[e.pk]), _form(day))
    session = Session.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("session_detail", args=[e.pk, session.pk])

    for person in (world.owner, world.client):
        email = mailbox.wait_for(person.email, subject="Coaching session")
        assert "(Europe/London)" in email.subject
        assert "Your shortlist" in email.body
        cal = _ics(email.message)
        assert cal["METHOD"] == "REQUEST"
        event = _event(cal)
        assert str(event["UID"]) == f"session-{session.pk}@testserver"
        assert event["SEQUENCE"] == 0
        start = event.decoded("DTSTART")
        assert start.tzinfo is not None and str(start.tzinfo) == "Europe/London"
        assert (start.date(), start.hour, start.minute) == (day, 18, 0)
        assert event.decoded("DTEND") - start == dt.timedelta(hours=1)
        assert str(event["ORGANIZER"]) == f"mailto:{world.owner.email}"
        assert str(event["ATTENDEE"]) == f"mailto:{world.client.email}"
        assert str(event["LOCATION"]) == "https://meet.example.com/olivia"
        assert "Your shortlist" in str(event["DESCRIPTION"])
        assert cal.walk("VTIMEZONE"), "a TZID needs its VTIMEZONE"

    mailbox.clear()
    url = reverse("session_reschedule", args=[e.pk, session.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = coach.post(url, _form(day, time="09:30", zone="UTC", other_zone="Asia/Tokyo"))
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.sequence, session.time_zone) == (1, "Asia/Tokyo")
    email = mailbox.wait_for(world.client.email, subject="Session moved")
    event = _event(_ics(email.message))
    assert event["SEQUENCE"] == 1
    assert str(event["UID"]) == f"session-{session.pk}@testserver"
    assert event.decoded("DTSTART") == dt.datetime.combine(
        day, dt.time(9, 30), tzinfo=ZoneInfo("Asia/Tokyo")
    )

    mailbox.clear()
    url = reverse("session_cancel", args=[e.pk, session.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = coach.post(url, {"reason": "I am unwell"})
    assert response.status_code == 302
    for person in (world.owner, world.client):
        email = mailbox.wait_for(person.email, subject="Session cancelled")
        assert "I am unwell" in email.body
        cal = _ics(email.message)
        assert cal["METHOD"] == "CANCEL"
        event = _event(cal)
        assert event["STATUS"] == "CANCELLED"
        assert event["SEQUENCE"] == 2


def test_the_client_reads_and_adds_topics_but_does_not_schedule(world: World) -> None:
    session = _schedule(world)
    e = world.engagement
    client = world.login(world.client)
    page = client.get(reverse("sessions", args=[e.pk]))
    assert "18:00–19:00 (Europe/London)" in page.text
    assert "Schedule a session" not in page.text
    assert client.post(reverse("sessions", args=[e.pk]), _form(_future_day())).status_code == 403
    detail = client.get(reverse("session_detail", args=[e.pk, session.pk]))
    assert "Reschedule" not in detail.text and "What I want to talk about" in detail.text
    url = reverse("session_topics", args=[e.pk, session.pk])
    assert client.post(url, {"text": "The offer from Acme"}).status_code == 302
    coach_view = world.login(world.owner).get(reverse("session_detail", args=[e.pk, session.pk]))
    assert "The offer from Acme" in coach_view.text
    assert "Reschedule" in coach_view.text


def test_the_form_says_what_is_wrong(world: World) -> None:
    coach = world.login(world.owner)
    url = reverse("sessions", args=[world.engagement.pk])
    page = coach.post(url, _form(_future_day(), other_zone="Mars/Olympus"))
    assert "not a time zone we know" in page.text
    past = timezone.localdate() - dt.timedelta(days=2)
    assert "That time has passed" in coach.post(url, _form(past)).text
    assert not Session.objects.exists()


def test_a_self_guided_journey_has_no_sessions(world: World) -> None:
    page = world.login(world.solo).get(reverse("sessions", args=[world.solo_engagement.pk]))
    assert page.status_code == 200
    assert "has no sessions" in page.text
    with pytest.raises(ValidationError):
        session_schedule(
            engagement=world.solo_engagement,
            by=world.solo,
            starts_at=timezone.now() + dt.timedelta(days=1),
            time_zone="UTC",
        )


# --- the services ---------------------------------------------------------------------------


def test_times_the_clocks_skip_are_refused() -> None:
    # Europe/London skips 01:00-02:00 on the last Sunday of March.
    with pytest.raises(ValidationError, match="does not exist"):
        local_to_utc(dt.date(2031, 3, 30), dt.time(1, 30), "Europe/London")
    moment = local_to_utc(dt.date(2031, 7, 1), dt.time(18), "Europe/London")
    assert moment == dt.datetime(2031, 7, 1, 17, tzinfo=dt.UTC)
    with pytest.raises(ValidationError):
        local_to_utc(dt.date(2031, 7, 1), dt.time(18), "../etc/passwd")


def test_only_the_coach_changes_and_concluded_is_read_only(world: World) -> None:
    session = _schedule(world)
    later = session.starts_at + dt.timedelta(days=1)
    fields = {"starts_at": later, "time_zone": "UTC", "duration_minutes": 60}
    with pytest.raises(ValidationError, match="Only the coach"):
        session_reschedule(session=session, by=world.client, place="", agenda="", **fields)
    with pytest.raises(ValidationError):
        session_cancel(session=session, by=world.colleague)
    assert not session_reschedule(
        session=session,
        by=world.owner,
        starts_at=session.starts_at,
        time_zone=session.time_zone,
        duration_minutes=60,
        place="",
        agenda="",
    ), "nothing changed, nothing sent"
    world.engagement.status = EngagementStatus.CONCLUDED
    world.engagement.save()
    with pytest.raises(ValidationError, match="concluded"):
        session_cancel(session=session, by=world.owner)
    with pytest.raises(ValidationError):
        session_topic_add(session=session, by=world.client, text="Too late")


def test_cancelled_sessions_stay_cancelled(world: World) -> None:
    session = session_cancel(session=_schedule(world), by=world.owner, reason="")
    assert session.status == SessionStatus.CANCELLED and session.sequence == 1
    with pytest.raises(ValidationError):
        session_cancel(session=session, by=world.owner)
    with pytest.raises(ValidationError):
        session_topic_add(session=session, by=world.client, text="Anything")


def test_the_form_defaults_to_the_coachs_last_zone(world: World) -> None:
    assert last_zone(world.owner) == "UTC"
    _schedule(world, zone="America/Chicago")
    assert last_zone(world.owner) == "America/Chicago"
    page = world.login(world.owner).get(reverse("sessions", args=[world.engagement.pk]))
    assert '<option value="America/Chicago" selected>' in page.text


# --- the calendar feed and the dashboard -----------------------------------------------------


def test_scheduled_sessions_are_in_both_peoples_feeds(world: World) -> None:
    session = _schedule(world)
    for person in (world.owner, world.client):
        cal = icalendar.Calendar.from_ical(feed_ical(person))
        events = [ev for ev in cal.walk("VEVENT") if str(ev["UID"]).startswith("session-")]
        assert [str(ev["UID"]) for ev in events] == [f"session-{session.pk}@testserver"]
        assert events[0].decoded("DTSTART") == session.starts_at
    assert b"session-" not in feed_ical(world.outsider)
    session_cancel(session=session, by=world.owner)
    assert b"session-" not in feed_ical(world.client)


def test_the_dashboard_nudges_when_no_next_session_is_booked(world: World) -> None:
    def codes() -> set[str]:
        (row,) = [r for r in dashboard_rows(world.owner) if r.engagement == world.engagement]
        return {a.code for a in row.attention}

    assert "no-session" in codes()
    _schedule(world)
    assert "no-session" not in codes()


def test_the_nudge_is_for_active_coached_engagements_only() -> None:
    base = {
        "days_since_activity": 0,
        "days_since_invited": None,
        "days_in_stage": 0,
        "agreement_accepted": True,
        "agreement_outdated": False,
        "intake_submitted": True,
        "answers_in_stage": 0,
        "questions_in_stage": 0,
        "checklist_done": 0,
        "checklist_total": 0,
        "unseen_client_activity": False,
    }

    def nudged(status: str, self_guided: bool, booked: bool | None) -> bool:
        facts = EngagementFacts(
            status=status, self_guided=self_guided, next_session_booked=booked, **base
        )
        return any(a.code == "no-session" for a in attention_items(facts))

    assert nudged("active", False, False)
    assert not nudged("active", False, True)
    assert not nudged("active", False, None)
    assert not nudged("active", True, False)
    assert not nudged("paused", False, False)
