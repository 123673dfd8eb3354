"""The calendar over the API: the caller's feed events, and the feed address made and
turned off."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.test import Client

from headway.feeds.models import CalendarFeed
from tests.api.support import send, session_client, token_client
from tests.feeds.test_calendar import TRICKY, make_plan
from tests.helpers import World


def test_events_are_the_callers_own(world: World) -> None:
    plan = make_plan(world)
    client, _ = token_client(world.client)
    response = send(client, "get", "/api/calendar/events")
    assert response.status_code == 200
    listed = response.json()
    assert [e["date"] for e in listed] == sorted(e["date"] for e in listed)
    assert {e["title"] for e in listed} == {
        "✓ Step: Update my CV",
        f"Step: {TRICKY}",
        f"Step: {plan.long.title}",
        "Goal due: Move into UX research, within a year",
    }
    interview = next(e for e in listed if e["uid"] == f"step-{plan.interview.pk}@testserver")
    assert interview == {
        "uid": f"step-{plan.interview.pk}@testserver",
        "title": f"Step: {TRICKY}",
        "date": "2026-03-10",
        "kind": "step",
        "url": f"http://testserver/e/{world.engagement.pk}/goals/",
    }
    # Otto sees his own, and the coach (no journey of her own) sees nothing.
    otto, _ = token_client(world.other_client)
    assert {e["title"] for e in send(otto, "get", "/api/calendar/events").json()} == {
        "Goal due: Otto's secret goal",
        "Step: Otto's secret step",
    }
    coach, _ = token_client(world.owner)
    assert send(coach, "get", "/api/calendar/events").json() == []


def test_anonymous_callers_get_401(world: World) -> None:
    anonymous = session_client(None)
    assert send(anonymous, "get", "/api/calendar/events").status_code == 401
    assert send(anonymous, "post", "/api/calendar/feed").status_code == 401
    assert send(anonymous, "delete", "/api/calendar/feed").status_code == 401


def test_feed_made_replaced_and_turned_off(world: World) -> None:
    make_plan(world)
    client, _ = token_client(world.client)
    made = send(client, "post", "/api/calendar/feed")
    assert made.status_code == 201
    body = made.json()
    assert body["url"].startswith("http://testserver/calendar/") and body["url"].endswith(".ics")
    assert body["webcal_url"] == "webcal://" + body["url"].removeprefix("http://")
    first = urlsplit(body["url"]).path
    feed = Client().get(first)
    assert feed.status_code == 200 and b"Step: Update my CV" in feed.content

    second = urlsplit(send(client, "post", "/api/calendar/feed").json()["url"]).path
    assert second != first
    assert Client().get(first).status_code == 404
    assert Client().get(second).status_code == 200

    assert send(client, "delete", "/api/calendar/feed").status_code == 204
    assert Client().get(second).status_code == 404
    assert not CalendarFeed.objects.exists()
    assert send(client, "delete", "/api/calendar/feed").status_code == 204


def test_session_callers_need_the_csrf_token(world: World) -> None:
    browser = session_client(world.client, enforce_csrf=True)
    assert send(browser, "post", "/api/calendar/feed").status_code == 403
    assert send(browser, "delete", "/api/calendar/feed").status_code == 403
    assert not CalendarFeed.objects.exists()
    assert send(browser, "get", "/api/calendar/events").status_code == 200
