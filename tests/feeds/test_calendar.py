"""The calendar: the .ics download of a plan and the private subscription feed, read back
with the icalendar library as a calendar app would."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import icalendar
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from headway.accounts.models import User, hash_token
from headway.engagements.models import Engagement, EngagementStatus
from headway.feeds import calendar
from headway.feeds.calendar import CalendarEvent, register_provider
from headway.feeds.models import CalendarFeed
from headway.feeds.services import calendar_feed_create
from headway.goals.models import Goal, GoalStatus, Step, StepKind
from tests.helpers import World

TRICKY = "Informational interview, with Priya; ask about \\ research\nthen write notes"
# Long enough to need folding (75 octets a line), short enough for a step title (300).
LONG = "Read " + " ".join(f"chapter{n}" for n in range(28))


@dataclass
class Plan:
    goal: Goal
    interview: Step
    done: Step
    long: Step
    undated: Step
    paused_goal: Goal
    paused_step: Step
    other_step: Step


def make_plan(world: World) -> Plan:
    e = world.engagement
    goal = Goal.objects.create(
        engagement=e, text="Move into UX research, within a year", due_on=dt.date(2026, 6, 30)
    )
    interview = Step.objects.create(goal=goal, title=TRICKY, due_on=dt.date(2026, 3, 10))
    done = Step.objects.create(
        goal=goal,
        title="Update my CV",
        kind=StepKind.COURSE,
        due_on=dt.date(2026, 3, 2),
        done_at=timezone.now(),
    )
    long = Step.objects.create(goal=goal, title=LONG, due_on=dt.date(2026, 4, 1))
    undated = Step.objects.create(goal=goal, title="Someday: learn Figma")
    paused_goal = Goal.objects.create(
        engagement=e,
        text="Run a half marathon",
        status=GoalStatus.PAUSED,
        due_on=dt.date(2026, 5, 1),
    )
    paused_step = Step.objects.create(
        goal=paused_goal, title="Buy running shoes", due_on=dt.date(2026, 3, 5)
    )
    other_goal = Goal.objects.create(
        engagement=world.other_engagement, text="Otto's secret goal", due_on=dt.date(2026, 3, 20)
    )
    other_step = Step.objects.create(
        goal=other_goal, title="Otto's secret step", due_on=dt.date(2026, 3, 21)
    )
    return Plan(goal, interview, done, long, undated, paused_goal, paused_step, other_step)


@pytest.fixture
def plan(world: World) -> Plan:
    return make_plan(world)


def events(body: bytes) -> dict[str, icalendar.Component]:
    """The VEVENTs of an .ics body by UID, parsed as a calendar app would."""
    cal = icalendar.Calendar.from_ical(body)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def summaries(body: bytes) -> set[str]:
    return {str(e["SUMMARY"]) for e in events(body).values()}


def download(client: Client, engagement: Engagement) -> bytes:
    response = client.get(reverse("plan_ics", args=[engagement.pk]))
    assert response.status_code == 200
    return response.content


def create_feed(client: Client) -> str:
    """Create (or replace) the feed through the page; the address it shows, as a path."""
    response = client.post(reverse("calendar_feed"))
    assert response.status_code == 200
    found = re.findall(r">(http://testserver/calendar/[^<]+\.ics)<", response.content.decode())
    assert len(found) == 1
    return urlsplit(found[0]).path


# --- the download -----------------------------------------------------------------------


def test_download_is_the_plan_as_icalendar(world: World, plan: Plan) -> None:
    response = world.login(world.client).get(reverse("plan_ics", args=[world.engagement.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="headway-plan-cleo-client.ics"'
    cal = icalendar.Calendar.from_ical(response.content)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]) == "-//Headway//Headway//EN"
    assert str(cal["X-WR-CALNAME"]) == "Headway: Cleo Client’s plan"

    by_uid = events(response.content)
    assert set(by_uid) == {
        f"goal-{plan.goal.pk}@testserver",
        f"step-{plan.interview.pk}@testserver",
        f"step-{plan.done.pk}@testserver",
        f"step-{plan.long.pk}@testserver",
    }  # no undated step, nothing of the paused goal, nothing of another engagement
    goal = by_uid[f"goal-{plan.goal.pk}@testserver"]
    assert str(goal["SUMMARY"]) == "Goal due: Move into UX research, within a year"
    assert goal.decoded("DTSTART") == dt.date(2026, 6, 30)
    assert goal.decoded("DTEND") == dt.date(2026, 7, 1)  # all day: the end is exclusive
    step = by_uid[f"step-{plan.interview.pk}@testserver"]
    assert step.decoded("DTSTART") == dt.date(2026, 3, 10)
    assert str(step["DESCRIPTION"]).startswith("Goal: Move into UX research, within a year")
    assert str(step["URL"]) == f"http://testserver/e/{world.engagement.pk}/goals/"
    assert str(step["TRANSP"]) == "TRANSPARENT"
    assert isinstance(step.decoded("DTSTAMP"), dt.datetime)
    done = by_uid[f"step-{plan.done.pk}@testserver"]
    assert str(done["SUMMARY"]) == "✓ Step: Update my CV"
    assert "Kind: Course" in str(done["DESCRIPTION"])
    assert "Done on" in str(done["DESCRIPTION"])


def test_titles_with_commas_semicolons_and_newlines_come_back_unchanged(
    world: World, plan: Plan
) -> None:
    body = download(world.login(world.client), world.engagement)
    # Escaped on the wire (RFC 5545 3.3.11), the same text once parsed.
    unfolded = body.replace(b"\r\n ", b"")
    assert b"Informational interview\\, with Priya\\; ask about \\\\ research\\nthen" in unfolded
    step = events(body)[f"step-{plan.interview.pk}@testserver"]
    assert str(step["SUMMARY"]) == f"Step: {TRICKY}"
    assert str(events(body)[f"step-{plan.long.pk}@testserver"]["SUMMARY"]) == f"Step: {LONG}"


def test_the_file_keeps_to_the_rfc_line_rules(world: World, plan: Plan) -> None:
    body = download(world.login(world.client), world.engagement)
    assert body.startswith(b"BEGIN:VCALENDAR\r\n")
    assert body.endswith(b"END:VCALENDAR\r\n")
    lines = body.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)  # CRLF, only
    assert all(len(line) <= 75 for line in lines)  # octets, before the CRLF
    assert any(line.startswith(b" ") for line in lines)  # the long title was folded
    assert b"VERSION:2.0\r\n" in body
    assert b"PRODID:-//Headway//Headway//EN\r\n" in body
    for component in icalendar.Calendar.from_ical(body).walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert required in component


def test_the_same_plan_gives_the_same_file_and_uids_survive_an_edit(
    world: World, plan: Plan
) -> None:
    client = world.login(world.client)
    first = download(client, world.engagement)
    assert download(client, world.engagement) == first  # DTSTAMP is not the request time
    plan.long.title = "Read the whole book"
    plan.long.due_on = dt.date(2026, 4, 8)
    plan.long.save()
    after = events(download(client, world.engagement))
    assert set(after) == set(events(first))
    moved = after[f"step-{plan.long.pk}@testserver"]
    assert moved.decoded("DTSTART") == dt.date(2026, 4, 8)


def test_coach_downloads_too_and_nobody_else(world: World, plan: Plan) -> None:
    url = reverse("plan_ics", args=[world.engagement.pk])
    assert world.login(world.owner).get(url).status_code == 200
    for stranger in (world.colleague, world.outsider, world.other_client, world.solo):
        assert world.login(stranger).get(url).status_code == 404
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/login/")
    assert world.login(world.client).post(url).status_code == 405


def test_concluded_engagement_still_downloads_but_leaves_the_feed(world: World, plan: Plan) -> None:
    Engagement.objects.filter(pk=world.engagement.pk).update(status=EngagementStatus.CONCLUDED)
    client = world.login(world.client)
    assert len(events(download(client, world.engagement))) == 4
    feed = Client().get(create_feed(client))
    assert feed.status_code == 200 and events(feed.content) == {}


# --- the feed ---------------------------------------------------------------------------


def test_feed_address_is_shown_once_and_works_without_logging_in(world: World, plan: Plan) -> None:
    client = world.login(world.client)
    path = create_feed(client)
    raw = path.removeprefix("/calendar/").removesuffix(".ics")
    feed = CalendarFeed.objects.get(user=world.client)
    assert feed.token_hash == hash_token(raw)  # only the hash is kept
    assert raw not in client.get(reverse("account")).content.decode()
    assert raw not in client.get(reverse("calendar_feed")).content.decode()

    response = Client().get(path)  # a calendar app: no session, no cookies
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, max-age=300"
    assert not response.cookies
    assert summaries(response.content) == {
        "Goal due: Move into UX research, within a year",
        f"Step: {TRICKY}",
        "✓ Step: Update my CV",
        f"Step: {LONG}",
    }
    assert b"Otto" not in response.content and b"running" not in response.content
    assert str(icalendar.Calendar.from_ical(response.content)["X-WR-CALNAME"]) == "Headway"


def test_the_secret_page_is_never_cached(world: World) -> None:
    response = world.login(world.client).post(reverse("calendar_feed"))
    assert "no-store" in response["Cache-Control"]


def test_a_new_address_retires_the_old_one_and_turning_off_retires_both(
    world: World, plan: Plan
) -> None:
    client = world.login(world.client)
    old = create_feed(client)
    new = create_feed(client)
    assert old != new
    assert Client().get(old).status_code == 404
    assert Client().get(new).status_code == 200
    assert CalendarFeed.objects.filter(user=world.client).count() == 1

    response = client.post(reverse("calendar_feed_delete"))
    assert response.status_code == 302 and response["Location"] == reverse("account")
    assert not CalendarFeed.objects.filter(user=world.client).exists()
    assert Client().get(new).status_code == 404
    # Turning off twice is harmless.
    assert client.post(reverse("calendar_feed_delete")).status_code == 302


def test_unknown_tokens_and_deactivated_people_get_404(world: World) -> None:
    assert Client().get(reverse("calendar_feed_ics", args=["no-such-token"])).status_code == 404
    _, raw = calendar_feed_create(user=world.client)
    url = reverse("calendar_feed_ics", args=[raw])
    User.objects.filter(pk=world.client.pk).update(is_active=False)
    assert Client().get(url).status_code == 404


def test_feed_only_answers_reads(world: World) -> None:
    _, raw = calendar_feed_create(user=world.client)
    url = reverse("calendar_feed_ics", args=[raw])
    assert Client().post(url).status_code == 405
    assert Client().head(url).status_code == 200


def test_each_feed_holds_its_own_person_only(world: World, plan: Plan) -> None:
    _, otto = calendar_feed_create(user=world.other_client)
    body = Client().get(reverse("calendar_feed_ics", args=[otto])).content
    assert summaries(body) == {"Goal due: Otto's secret goal", "Step: Otto's secret step"}
    # A coach's feed is their own plan, not their clients' (the page says so).
    _, coach = calendar_feed_create(user=world.owner)
    assert events(Client().get(reverse("calendar_feed_ics", args=[coach])).content) == {}


def test_fetches_are_recorded_at_most_once_a_minute(world: World) -> None:
    _, raw = calendar_feed_create(user=world.client)
    url = reverse("calendar_feed_ics", args=[raw])
    Client().get(url)
    first = CalendarFeed.objects.get(user=world.client).last_fetched_at
    assert first is not None
    Client().get(url)
    assert CalendarFeed.objects.get(user=world.client).last_fetched_at == first
    earlier = first - dt.timedelta(minutes=2)
    CalendarFeed.objects.filter(user=world.client).update(last_fetched_at=earlier)
    Client().get(url)
    assert CalendarFeed.objects.get(user=world.client).last_fetched_at > first  # type: ignore[operator]


def test_an_unchanged_feed_answers_304(world: World, plan: Plan) -> None:
    _, raw = calendar_feed_create(user=world.client)
    url = reverse("calendar_feed_ics", args=[raw])
    etag = Client().get(url)["ETag"]
    assert Client().get(url, headers={"If-None-Match": etag}).status_code == 304
    plan.interview.title = "Informational interview with Priya"
    plan.interview.save()
    assert Client().get(url, headers={"If-None-Match": etag}).status_code == 200


# --- later features add their events ---------------------------------------------------


@pytest.fixture
def extra_provider(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(calendar, "PROVIDERS", list(calendar.PROVIDERS))

    @register_provider
    def sessions(user: User) -> Iterator[CalendarEvent]:
        yield CalendarEvent(
            uid=f"session-1-{user.pk}@testserver",
            title="Coaching session",
            day=dt.date(2026, 3, 12),
            last_day=dt.date(2026, 3, 13),
            kind="session",
        )

    yield


def test_registered_providers_add_to_the_feed(
    world: World, plan: Plan, extra_provider: None
) -> None:
    _, raw = calendar_feed_create(user=world.client)
    body = Client().get(reverse("calendar_feed_ics", args=[raw])).content
    session = events(body)[f"session-1-{world.client.pk}@testserver"]
    assert session.decoded("DTSTART") == dt.date(2026, 3, 12)
    assert session.decoded("DTEND") == dt.date(2026, 3, 14)
    assert len(events(body)) == 5
    # The download is the plan of one engagement, without the feed's other events.
    assert len(events(download(world.login(world.client), world.engagement))) == 4


# --- the pages ----------------------------------------------------------------------------


def test_account_page_offers_the_feed_and_the_download(world: World) -> None:
    client = world.login(world.client)
    page = client.get(reverse("account")).content.decode()
    assert "Calendar feed" in page and "Create my calendar address" in page
    assert reverse("plan_ics", args=[world.engagement.pk]) in page
    calendar_feed_create(user=world.client)
    page = client.get(reverse("account")).content.decode()
    assert "Make a new address" in page and "Turn the feed off" in page
    # A coach without a journey of their own has nothing to download.
    assert "plan.ics" not in world.login(world.owner).get(reverse("account")).content.decode()


def test_calendar_page_explains_and_shows_state(world: World) -> None:
    client = world.login(world.owner)
    page = client.get(reverse("calendar_feed")).content.decode()
    assert "Create my calendar address" in page
    assert "your clients’ deadlines stay in their calendars" in page
    assert Client().get(reverse("calendar_feed")).status_code == 302
    calendar_feed_create(user=world.owner)
    page = client.get(reverse("calendar_feed")).content.decode()
    assert "not fetched by a calendar app yet" in page
