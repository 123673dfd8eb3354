"""Two clients take the same time at once: one booking, and a clear message for the other.
On PostgreSQL, with real concurrent transactions (SQLite writes one at a time anyway)."""

from __future__ import annotations

import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from headway.booking.models import Audience, SessionType
from headway.booking.services import booking_make, booking_settings_update, weekly_hours_set
from headway.meetings.models import Session


@pytest.mark.django_db(transaction=True)
def test_two_bookings_of_one_time_at_once_give_one_session() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrent transactions are tested on PostgreSQL (CI runs it)")
    from tests.helpers import build_world, invite_and_accept

    world = build_world()
    _, second = invite_and_accept(world.owner, "cara@example.com", "Cara Second")
    booking_settings_update(coach=world.owner, time_zone="Europe/London", cancel_hours=24)
    weekly_hours_set(coach=world.owner, by_weekday=["09:00-17:00"] * 7)
    coaching = SessionType.objects.get(coach=world.owner, audience=Audience.CLIENTS)
    zone = ZoneInfo("Europe/London")
    day = timezone.now().astimezone(zone).date() + dt.timedelta(days=3)
    start = dt.datetime.combine(day, dt.time(10), tzinfo=zone)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def take(engagement) -> None:  # type: ignore[no-untyped-def]
        try:
            barrier.wait()
            booking_make(
                session_type=coaching,
                engagement=engagement,
                by=engagement.client,
                starts_at=start,
                time_zone="Europe/London",
            )
            outcomes.append("booked")
        except ValidationError as exc:
            outcomes.append(" ".join(exc.messages))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take, args=(e,)) for e in (world.engagement, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(outcomes) == 2 and outcomes.count("booked") == 1, outcomes
    assert any("no longer free" in said for said in outcomes), outcomes
    assert Session.objects.filter(starts_at=start).count() == 1
