"""The coach uploads an export of their own calendar on the Booking page and sees its event
take times out of the next free ones, on a desktop and a phone; axe finds nothing serious."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from django.utils import timezone
from playwright.sync_api import Page, expect

from headway.booking.services import booking_settings_update, weekly_hours_set
from tests.browser.support import axe_check, log_in
from tests.helpers import build_world

LONDON = ZoneInfo("Europe/London")


def test_an_uploaded_calendar_removes_free_times(page: Page, site: str, tmp_path: Path) -> None:
    world = build_world()
    booking_settings_update(coach=world.owner, time_zone="Europe/London", cancel_hours=24)
    weekly_hours_set(coach=world.owner, by_weekday=["09:00-10:00"] * 7)
    busy_day = timezone.now().astimezone(LONDON).date() + dt.timedelta(days=2)
    label = f"{busy_day:%a} {busy_day.day} {busy_day:%b}, 09:00"
    ics = tmp_path / "work.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tests//EN\r\nBEGIN:VEVENT\r\nUID:x@y\r\n"
        "DTSTAMP:20260101T000000Z\r\nSUMMARY:Private appointment\r\n"
        f"DTSTART;TZID=Europe/London:{busy_day:%Y%m%d}T083000\r\n"
        f"DTEND;TZID=Europe/London:{busy_day:%Y%m%d}T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    log_in(page, world.owner.email)
    page.goto("/booking/")
    preview = page.locator("section", has=page.get_by_role("heading", name="The next free times"))
    expect(preview).to_contain_text(label)
    page.get_by_text("Or upload an .ics file").click()
    page.get_by_label("Calendar file (.ics)").set_input_files(str(ics))
    page.get_by_role("button", name="Read the file").click()
    expect(page.get_by_role("status")).to_contain_text("Read 1 event from")
    expect(preview).not_to_contain_text(label)
    expect(page.get_by_text("Private appointment")).to_have_count(0)  # never shown
    axe_check(page)
