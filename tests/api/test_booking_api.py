"""The booking API: a public coach's free times for anyone (slots only), a client's booking,
and the coach's own hours."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.test import Client
from django.utils import timezone

from headway.booking.models import Audience, SessionType
from headway.booking.services import weekly_hours_set
from headway.meetings.models import Session
from headway.practices.models import CoachProfile
from tests.api.support import send, session_client, token_client
from tests.helpers import World

LONDON = ZoneInfo("Europe/London")


def _public(world: World) -> CoachProfile:
    profile = CoachProfile.objects.get(user=world.owner)
    profile.is_public = True
    profile.save()
    return profile


def test_the_coach_sets_hours_and_anyone_reads_the_free_times(world: World) -> None:
    coach, _ = token_client(world.owner)
    body = {
        "time_zone": "Europe/London",
        "cancel_hours": 12,
        "weekly": dict.fromkeys(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
            "09:00-12:00",
        ),
    }
    response = send(coach, "put", "/api/me/availability", body)
    assert response.status_code == 200, response.content
    assert response.json()["weekly"]["monday"] == "09:00-12:00"
    bad = send(coach, "put", "/api/me/availability", {**body, "weekly": {"monday": "9 till late"}})
    assert bad.status_code == 400 and "start and an end" in bad.json()["detail"]
    types = coach.get("/api/me/session-types").json()
    assert [t["name"] for t in types] == ["Introductory session", "Coaching session"]

    slug = _public(world).slug
    anyone = Client()
    found = anyone.get(f"/api/coaches/{slug}/slots", {"tz": "America/New_York"}).json()
    assert found["minutes"] == 20 and found["slots"]
    first = dt.datetime.fromisoformat(found["slots"][0]["start"])
    assert first.utcoffset() in (dt.timedelta(hours=-5), dt.timedelta(hours=-4))
    assert set(found["slots"][0]) == {"start", "end"}  # nothing about the coach's events
    assert anyone.get("/api/coaches/nobody/slots").status_code == 404
    assert anyone.get(f"/api/coaches/{slug}/slots", {"tz": "Mars/Base"}).status_code == 400
    assert session_client(world.client).get("/api/me/availability").status_code == 403


def test_the_client_books_through_the_api(world: World) -> None:
    weekly_hours_set(coach=world.owner, by_weekday=["09:00-17:00"] * 7)
    coaching = SessionType.objects.get(coach=world.owner, audience=Audience.CLIENTS)
    day = timezone.now().astimezone(LONDON).date() + dt.timedelta(days=3)
    start = dt.datetime.combine(day, dt.time(10), tzinfo=LONDON)
    body = {
        "engagement_id": world.engagement.pk,
        "session_type": coaching.pk,
        "start": start.isoformat(),
        "tz": "Europe/London",
    }
    client, _ = token_client(world.client)
    response = send(client, "post", "/api/bookings", body)
    assert response.status_code == 201, response.content
    assert Session.objects.get().starts_at == start
    again = send(client, "post", "/api/bookings", body)
    assert again.status_code == 400 and "no longer free" in again.json()["detail"]
    other = send(session_client(world.other_client), "post", "/api/bookings", body)
    assert other.status_code == 404
    session = Session.objects.get()
    later = (start + dt.timedelta(days=1)).isoformat()
    moved = send(client, "post", f"/api/bookings/{session.pk}/move", {"start": later})
    assert moved.status_code == 200, moved.content
    assert moved.json()["starts_at"].startswith(
        (start + dt.timedelta(days=1)).astimezone(dt.UTC).date().isoformat()
    )
    stranger = send(session_client(world.owner), "post", f"/api/bookings/{session.pk}/cancel")
    assert stranger.status_code == 404  # the coach cancels through the sessions API
    assert send(client, "post", f"/api/bookings/{session.pk}/cancel").status_code == 204
    session.refresh_from_db()
    assert session.status == "cancelled"


def test_the_coach_adds_types_and_calendars(world: World) -> None:
    coach, _ = token_client(world.owner)
    made = send(
        coach,
        "post",
        "/api/me/session-types",
        {"name": "Walk and talk", "minutes": 45, "audience": "clients"},
    )
    assert made.status_code == 201, made.content
    assert made.json()["buffer_after"] == 10
    bad = send(
        coach, "post", "/api/me/session-types", {"name": "X", "minutes": 5, "audience": "clients"}
    )
    assert bad.status_code == 422
    added = send(
        coach,
        "post",
        "/api/me/busy-calendars",
        {"name": "Work", "url": "webcal://calendar.example.com/secret.ics"},
    )
    assert added.status_code == 201, added.content
    listed = coach.get("/api/me/busy-calendars").json()
    assert [(c["name"], c["from_address"]) for c in listed] == [("Work", True)]
    assert "url" not in listed[0]  # the secret address is not given back
    wrong = send(coach, "post", "/api/me/busy-calendars", {"url": "ftp://x/y"})
    assert wrong.status_code == 400
    gone = send(
        session_client(world.colleague), "delete", f"/api/me/busy-calendars/{listed[0]['id']}"
    )
    assert gone.status_code == 404
    assert send(coach, "delete", f"/api/me/busy-calendars/{listed[0]['id']}").status_code == 204
