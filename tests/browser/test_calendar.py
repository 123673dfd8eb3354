"""The client downloads their plan as an .ics and makes a private calendar address, which
is shown once; the account and calendar pages pass axe on a phone and a desktop."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

import icalendar
from django.test import Client
from playwright.sync_api import BrowserContext, Page, expect

from headway.feeds.models import CalendarFeed
from tests.browser.support import DOWNLOAD_TIMEOUT, axe_check, log_in
from tests.feeds.test_calendar import make_plan
from tests.helpers import build_world


def fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, f"{page.url} is wider than the screen"


def test_download_the_ics_and_subscribe(new_context: Callable[[], BrowserContext]) -> None:
    world = build_world()
    plan = make_plan(world)
    page = new_context().new_page()
    log_in(page, world.client.email)

    page.goto("/account/")
    calendar = page.get_by_role("region", name="Calendar feed")
    expect(calendar).to_be_visible()
    axe_check(page)
    fits(page)

    with page.expect_download(timeout=DOWNLOAD_TIMEOUT) as download:
        calendar.get_by_role("link", name=re.compile(r"^Download my plan")).click()
    assert download.value.suggested_filename == "headway-plan-cleo-client.ics"
    cal = icalendar.Calendar.from_ical(download.value.path().read_bytes())
    titles = {str(e["SUMMARY"]) for e in cal.walk("VEVENT")}
    assert "✓ Step: Update my CV" in titles
    assert "Goal due: Move into UX research, within a year" in titles
    assert f"Step: {plan.paused_step.title}" not in titles

    calendar.get_by_role("button", name="Create my calendar address").click()
    expect(page.get_by_text("Copy your calendar address now")).to_be_visible()
    address = page.get_by_label("Your calendar address")
    url = address.input_value()
    assert re.fullmatch(r"http://[^/]+/calendar/[\w-]+\.ics", url)
    expect(page.get_by_role("link", name="Subscribe in my calendar app")).to_have_attribute(
        "href", "webcal://" + url.split("://", 1)[1]
    )
    axe_check(page)
    fits(page)

    # A calendar app fetches it: no session, no cookies.
    feed = Client().get(urlsplit(url).path)
    assert feed.status_code == 200 and b"Update my CV" in feed.content

    # Shown once: neither page shows it again.
    page.goto("/account/")
    expect(page.get_by_role("button", name="Make a new address")).to_be_visible()
    assert urlsplit(url).path not in page.content()
    page.get_by_role("link", name="How it works").click()
    expect(page.get_by_role("heading", name="Calendar", exact=True)).to_be_visible()
    expect(page.get_by_text("Your feed is on")).to_be_visible()
    assert urlsplit(url).path not in page.content()
    axe_check(page)
    fits(page)

    page.get_by_role("button", name="Turn the feed off").click()
    expect(page.get_by_text("Your calendar feed is off")).to_be_visible()
    assert not CalendarFeed.objects.exists()
    assert Client().get(urlsplit(url).path).status_code == 404
