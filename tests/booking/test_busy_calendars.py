"""The coach's own calendar, served by a real HTTP server on 127.0.0.1, removes busy times
from the free slots: recurring events with an exception and a moved instance, an all-day
event; a broken file later keeps the last good busy times and says why on the page."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from headway.booking.calendars import busy_calendar_add_address, busy_calendar_refresh
from headway.booking.models import Audience, BusyCalendar, SessionType
from headway.booking.services import booking_settings_update, free_slots, weekly_hours_set
from tests.helpers import World

LONDON = ZoneInfo("Europe/London")
SERVED: dict[str, bytes] = {}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        body = SERVED.get(self.path)
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Type", "text/calendar")
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _day(n: int) -> dt.date:
    return timezone.now().astimezone(LONDON).date() + dt.timedelta(days=n)


def _stamp(day: dt.date, hour: int) -> str:
    return f"{day:%Y%m%d}T{hour:02d}0000"


def calendar_file() -> bytes:
    """Daily 10:00-11:00 (London) from tomorrow, except day 3; day 4's moved to 15:00; day 5
    a whole-day event; and a free (transparent) event at 09:00 that blocks nothing."""
    first = _day(1)
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tests//EN",
        "BEGIN:VEVENT", "UID:daily@x", "DTSTAMP:20260101T000000Z", "SUMMARY:Standing meeting",
        f"DTSTART;TZID=Europe/London:{_stamp(first, 10)}",
        f"DTEND;TZID=Europe/London:{_stamp(first, 11)}",
        "RRULE:FREQ=DAILY;COUNT=20",
        f"EXDATE;TZID=Europe/London:{_stamp(_day(3), 10)}",
        "END:VEVENT",
        "BEGIN:VEVENT", "UID:daily@x", "DTSTAMP:20260101T000000Z", "SUMMARY:Moved",
        f"RECURRENCE-ID;TZID=Europe/London:{_stamp(_day(4), 10)}",
        f"DTSTART;TZID=Europe/London:{_stamp(_day(4), 15)}",
        f"DTEND;TZID=Europe/London:{_stamp(_day(4), 16)}",
        "END:VEVENT",
        "BEGIN:VEVENT", "UID:away@x", "DTSTAMP:20260101T000000Z", "SUMMARY:Conference",
        f"DTSTART;VALUE=DATE:{_day(5):%Y%m%d}", "END:VEVENT",
        "BEGIN:VEVENT", "UID:free@x", "DTSTAMP:20260101T000000Z", "SUMMARY:Maybe",
        f"DTSTART;TZID=Europe/London:{_stamp(_day(2), 9)}",
        f"DTEND;TZID=Europe/London:{_stamp(_day(2), 10)}",
        "TRANSP:TRANSPARENT", "END:VEVENT",
        "END:VCALENDAR",
    ]  # fmt: skip
    return ("\r\n".join(lines) + "\r\n").encode()


def _starts(session_type: SessionType) -> set[tuple[dt.date, dt.time]]:
    return {
        (s.start.astimezone(LONDON).date(), s.start.astimezone(LONDON).time())
        for s in free_slots(session_type)
    }


@pytest.fixture
def coaching(world: World, settings) -> SessionType:
    settings.HEADWAY_CALENDARS_PRIVATE_OK = True  # the test server is on 127.0.0.1
    booking_settings_update(coach=world.owner, time_zone="Europe/London", cancel_hours=24)
    weekly_hours_set(coach=world.owner, by_weekday=["09:00-17:00"] * 7)
    coaching = SessionType.objects.get(coach=world.owner, audience=Audience.CLIENTS)
    SessionType.objects.filter(pk=coaching.pk).update(buffer_after=0)
    coaching.refresh_from_db()
    return coaching


def test_busy_events_from_the_address_remove_slots(world: World, coaching, server) -> None:
    SERVED["/cal.ics"] = calendar_file()
    calendar = busy_calendar_add_address(coach=world.owner, name="Work", url=f"{server}/cal.ics")
    assert busy_calendar_refresh(calendar=calendar)
    assert calendar.events == 4 and calendar.error == ""
    starts = _starts(coaching)
    ten, nine, three = dt.time(10), dt.time(9), dt.time(15)
    assert (_day(2), ten) not in starts and (_day(2), dt.time(9, 30)) not in starts
    assert (_day(2), nine) in starts  # the free event blocks nothing
    assert (_day(3), ten) in starts  # the exception
    assert (_day(4), ten) in starts and (_day(4), three) not in starts  # the moved one
    assert not any(day == _day(5) for day, _ in starts)  # the whole day away

    # The file breaks: the last good busy times stay, and the page says why.
    SERVED["/cal.ics"] = b"<html>Sign in to see this calendar</html>"
    assert not busy_calendar_refresh(calendar=calendar)
    assert (_day(2), ten) not in _starts(coaching)
    page = world.login(world.owner).get(reverse("booking_hours")).content.decode()
    assert "The last reading failed" in page and "not an iCalendar" in page
    del SERVED["/cal.ics"]
    assert not busy_calendar_refresh(calendar=calendar)
    assert "404" in BusyCalendar.objects.get().error


def test_an_uploaded_file_and_a_bad_address_on_the_page(world: World, coaching) -> None:
    coach = world.login(world.owner)
    upload = SimpleUploadedFile("work.ics", calendar_file(), content_type="text/calendar")
    response = coach.post(reverse("busy_calendar_upload"), {"name": "", "file": upload})
    assert response.status_code == 302
    assert (_day(2), dt.time(10)) not in _starts(coaching)
    junk = SimpleUploadedFile("junk.ics", b"\x00\x01binary", content_type="text/calendar")
    bad = coach.post(reverse("busy_calendar_upload"), {"name": "Junk", "file": junk})
    assert bad.status_code == 400 and BusyCalendar.objects.count() == 1
    wrong = coach.post(reverse("busy_calendar_add"), {"name": "X", "url": "ftp://example.com/c"})
    assert wrong.status_code == 400 and "should begin with https://" in wrong.content.decode()


def test_the_public_page_never_shows_the_coachs_events(world: World, coaching, client) -> None:
    from headway.practices.models import CoachProfile

    SERVED["/cal.ics"] = calendar_file()
    profile = CoachProfile.objects.get(user=world.owner)
    profile.is_public = True
    profile.save()
    calendar = BusyCalendar.objects.create(coach=world.owner, name="Work", from_address=False)
    calendar.data = calendar_file().decode()
    calendar.save()
    busy_calendar_refresh(calendar=calendar)
    page = client.get(reverse("public_book", args=[profile.slug])).content.decode()
    assert "Standing meeting" not in page and "Conference" not in page
