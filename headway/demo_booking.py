"""The demo's booking: Maya's hours and two session types, a prospect's introductory session
booked from her public page, and Grace's package of 6 sessions (3 held or booked)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

from headway.accounts.models import User
from headway.booking.intro import intro_book, intro_confirm
from headway.booking.models import Audience, SessionType
from headway.booking.packages import package_set
from headway.booking.services import (
    booking_settings_update,
    free_slots,
    time_off_add,
    weekly_hours_set,
)
from headway.engagements.models import Engagement

WEEK = ["09:00-12:00, 14:00-17:30"] * 4 + ["09:00-12:00", "", ""]
GRACE = "grace.mensah@example.com"
PROSPECT = {
    "name": "Tomás Reyes",
    "email": "tomas.reyes@example.com",
    "note": "Fifteen years in retail management; wondering about learning and development.",
}


def demo_booking_load(*, coach: User, now: dt.datetime) -> None:
    booking_settings_update(coach=coach, time_zone="Europe/London", cancel_hours=24)
    weekly_hours_set(coach=coach, by_weekday=WEEK)
    SessionType.objects.filter(coach=coach, audience=Audience.CLIENTS).update(
        place="https://meet.example.com/maya"
    )
    later = (now + dt.timedelta(days=40)).astimezone(ZoneInfo("Europe/London")).date()
    time_off_add(coach=coach, first_day=later, last_day=later + dt.timedelta(days=4), note="Away")
    grace = Engagement.objects.filter(coach=coach, client__email=GRACE).first()
    if grace is not None:
        today = timezone.localdate(now)
        package_set(
            engagement=grace, by=coach, sessions=6, weeks=12, starts_on=today - dt.timedelta(35)
        )
    intro = SessionType.objects.get(coach=coach, audience=Audience.PUBLIC)
    first = free_slots(intro, now=now, start=now + dt.timedelta(days=2))[:1]
    if first:
        booking = intro_book(
            session_type=intro,
            starts_at=first[0].start,
            time_zone="Europe/London",
            now=now,
            **PROSPECT,
        )
        intro_confirm(booking=booking, now=now)
