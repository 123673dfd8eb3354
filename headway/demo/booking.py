"""The demo's booking: Maya's hours and two session types, a prospect's introductory session
booked from her public page, an export of her own calendar, and Grace's package of 6 sessions
(3 held or booked)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

from headway.accounts.models import User
from headway.booking.calendars import busy_calendar_upload
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


def _own_calendar(now: dt.datetime) -> bytes:
    """Maya's own calendar, as an export: weekly supervision on Wednesday mornings (one week
    moved), a dentist's appointment and a whole day at a conference."""
    today = now.astimezone(ZoneInfo("Europe/London")).date()
    wednesday = today + dt.timedelta(days=(2 - today.weekday()) % 7)
    moved = wednesday + dt.timedelta(weeks=2)

    def at(day: dt.date, hhmm: str) -> str:
        return f"{day:%Y%m%d}T{hhmm}00"

    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Headway demo//EN",
        "BEGIN:VEVENT", "UID:supervision@demo", "DTSTAMP:20260101T000000Z",
        "SUMMARY:Supervision", f"DTSTART;TZID=Europe/London:{at(wednesday, '0900')}",
        f"DTEND;TZID=Europe/London:{at(wednesday, '1030')}", "RRULE:FREQ=WEEKLY;COUNT=12",
        "END:VEVENT",
        "BEGIN:VEVENT", "UID:supervision@demo", "DTSTAMP:20260101T000000Z",
        "SUMMARY:Supervision (moved)", f"RECURRENCE-ID;TZID=Europe/London:{at(moved, '0900')}",
        f"DTSTART;TZID=Europe/London:{at(moved, '1400')}",
        f"DTEND;TZID=Europe/London:{at(moved, '1530')}", "END:VEVENT",
        "BEGIN:VEVENT", "UID:dentist@demo", "DTSTAMP:20260101T000000Z", "SUMMARY:Dentist",
        f"DTSTART;TZID=Europe/London:{at(today + dt.timedelta(days=8), '1100')}",
        f"DTEND;TZID=Europe/London:{at(today + dt.timedelta(days=8), '1200')}", "END:VEVENT",
        "BEGIN:VEVENT", "UID:conference@demo", "DTSTAMP:20260101T000000Z",
        "SUMMARY:Coaching conference", f"DTSTART;VALUE=DATE:{today + dt.timedelta(days=15):%Y%m%d}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]  # fmt: skip
    return ("\r\n".join(lines) + "\r\n").encode()


def demo_booking_load(*, coach: User, now: dt.datetime) -> None:
    booking_settings_update(coach=coach, time_zone="Europe/London", cancel_hours=24)
    weekly_hours_set(coach=coach, by_weekday=WEEK)
    SessionType.objects.filter(coach=coach, audience=Audience.CLIENTS).update(
        place="https://meet.example.com/maya"
    )
    busy_calendar_upload(coach=coach, name="My calendar (export)", data=_own_calendar(now), now=now)
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
