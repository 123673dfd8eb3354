"""Packages: "6 sessions within 12 weeks"; booking shows the use, stops at the limit with a
clear message, and the dashboard flags sessions left with none booked."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from headway.booking.models import Audience, SessionType
from headway.booking.packages import package_set, packages_of
from headway.booking.services import booking_make, weekly_hours_set
from headway.core.followup.attention import EngagementFacts, attention_items
from tests.helpers import World

LONDON = ZoneInfo("Europe/London")


def _at(days: int, hour: int) -> dt.datetime:
    day = timezone.now().astimezone(LONDON).date() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=LONDON)


def test_booking_counts_against_the_package_and_stops_at_it(world: World) -> None:
    weekly_hours_set(coach=world.owner, by_weekday=["09:00-17:00"] * 7)
    coaching = SessionType.objects.get(coach=world.owner, audience=Audience.CLIENTS)
    coach = world.login(world.owner)
    response = coach.post(
        reverse("package", args=[world.engagement.pk]),
        {"sessions": "2", "weeks": "4", "starts_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    e = world.engagement

    def book(at: dt.datetime):  # type: ignore[no-untyped-def]
        return booking_make(
            session_type=coaching, engagement=e, by=world.client, starts_at=at, time_zone="UTC"
        )

    book(_at(2, 10))
    page = world.login(world.client).get(reverse("book", args=[e.pk])).content.decode()
    assert "1 of 2 sessions used" in page
    with pytest.raises(ValidationError, match="choose a time within it"):
        book(_at(40, 10))
    book(_at(3, 10))
    with pytest.raises(ValidationError, match="All 2 sessions of your package are booked"):
        book(_at(4, 10))
    assert packages_of([e])[e.pk].left == 0


def test_only_the_coach_sets_it(world: World) -> None:
    with pytest.raises(ValidationError, match="Only the coach"):
        package_set(
            engagement=world.engagement, by=world.client, sessions=3, weeks=6,
            starts_on=timezone.localdate(),
        )  # fmt: skip
    url = reverse("package", args=[world.engagement.pk])
    assert world.login(world.client).get(url).status_code == 404


def test_the_dashboard_flags_package_sessions_left_and_none_booked(world: World) -> None:
    package_set(
        engagement=world.engagement, by=world.owner, sessions=6, weeks=12,
        starts_on=timezone.localdate(),
    )  # fmt: skip
    page = world.login(world.owner).get(reverse("dashboard")).content.decode()
    assert "6 package sessions left, none booked" in page


def test_the_flag_in_plain_facts() -> None:
    base = {
        "status": "active", "self_guided": False, "days_since_activity": 1,
        "days_since_invited": None, "days_in_stage": 1, "agreement_accepted": True,
        "agreement_outdated": False, "intake_submitted": True, "answers_in_stage": 1,
        "questions_in_stage": 1, "checklist_done": 0, "checklist_total": 0,
        "unseen_client_activity": False, "next_session_booked": False,
    }  # fmt: skip
    codes = [i.code for i in attention_items(EngagementFacts(**base, package_left=1))]
    assert "package-unbooked" in codes and "no-session" not in codes
    codes = [i.code for i in attention_items(EngagementFacts(**base, package_left=0))]
    assert "no-session" in codes


def test_the_demo_has_graces_package_and_a_prospects_booking_with_maya(db) -> None:
    from headway.booking.models import IntroBooking, IntroStatus
    from headway.demo.practice import demo_load
    from headway.engagements.models import Engagement

    demo_load()
    grace = Engagement.objects.get(client__email="grace.mensah@example.com")
    use = packages_of([grace])[grace.pk]
    assert (use.used, use.package.sessions) == (3, 6)
    intro = IntroBooking.objects.get()
    assert intro.status == IntroStatus.CONFIRMED and intro.coach.email == "maya@northstar.example"
    from headway.booking.models import BusyCalendar

    (calendar,) = BusyCalendar.objects.filter(coach=intro.coach)
    assert calendar.events == 4 and calendar.busy and calendar.error == ""
