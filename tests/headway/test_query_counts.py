"""The busiest pages make the same number of SQL queries however much there is to show: one
client with a little history, then five more clients and three times the history each.
A count that grows is an N+1 (a query per row), the thing that makes pages slow as a
practice grows. bench/load/queries.py measures the same on the full scaled demo."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from headway.accounts.models import User
from headway.checkins.services import checkin_add
from headway.discovery.services import journal_add
from headway.engagements.models import Engagement
from headway.goals.services import goal_create, step_add
from headway.meetings.models import Session
from headway.meetings.note_services import note_add
from headway.meetings.session_services import session_schedule
from headway.practices.services import coach_signup
from tests.helpers import PASSWORD, invite_and_accept

pytestmark = pytest.mark.django_db


def history(engagement: Engagement, coach: User, client: User, n: int) -> None:
    for i in range(n):
        goal = goal_create(
            engagement=engagement, by=client, text=f"Talk to {i + 3} product managers by March"
        )
        step_add(goal=goal, by=client, title=f"Email contact {i}")
        step_add(goal=goal, by=client, title=f"Draft questions {i}")
        checkin_add(
            engagement=engagement, by=client, energy=6, progress="Moved", obstacles="", win="A win"
        )
        journal_add(engagement=engagement, by=client, activity=f"Call {i}", energy=1)
        session = session_schedule(
            engagement=engagement,
            by=coach,
            starts_at=timezone.now() + dt.timedelta(days=i + 2),
            time_zone="Europe/London",
            agenda=f"Agenda {i}",
        )
        note_add(session=session, by=coach, text=f"Note {i}")


COACH_ONLY = {"dashboard", "brief", "notes"}


def pages(engagement: Engagement) -> dict[str, str]:
    pk = engagement.pk
    session = Session.objects.filter(engagement=engagement).order_by("pk").first()
    assert session is not None
    return {
        "dashboard": "/dashboard/",
        "engagement": f"/e/{pk}/",
        "goals": f"/e/{pk}/goals/",
        "check-ins": f"/e/{pk}/check-ins/",
        "sessions": f"/e/{pk}/sessions/",
        "brief": f"/e/{pk}/sessions/{session.pk}/brief/",
        "notes": f"/e/{pk}/sessions/{session.pk}/notes/",
        "journal": f"/e/{pk}/journal/",
        "discovery": f"/e/{pk}/discovery/",
    }


def counts(user: User, urls: dict[str, str]) -> dict[str, int]:
    browser = Client()
    browser.force_login(user)
    found = {}
    for name, url in urls.items():
        browser.get(url)  # once to settle what a first visit writes (e.g. seen markers)
        with CaptureQueriesContext(connection) as queries:
            response = browser.get(url)
        assert response.status_code == 200, (name, response.status_code)
        found[name] = len(queries.captured_queries)
    return found


def test_page_queries_do_not_grow_with_the_data() -> None:
    coach = coach_signup(
        email="maya@example.com", name="Maya", password=PASSWORD, practice_name="North"
    )
    client, engagement = invite_and_accept(coach, "grace@example.com", "Grace")
    history(engagement, coach, client, 1)
    urls = pages(engagement)
    client_urls = {k: v for k, v in urls.items() if k not in COACH_ONLY}
    small = counts(coach, urls), counts(client, client_urls)

    for i in range(5):
        other, other_engagement = invite_and_accept(coach, f"c{i}@example.com", f"Client {i}")
        history(other_engagement, coach, other, 3)
    history(engagement, coach, client, 2)
    large = counts(coach, urls), counts(client, client_urls)

    assert large == small
