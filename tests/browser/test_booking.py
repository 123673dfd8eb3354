"""The coach sets their weekly hours; the client books a session by tapping a free time, moves
it and cancels it, on a desktop and a phone; axe finds no serious problems on the pages."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from headway.meetings.models import Session
from tests.browser.support import axe_check, log_in
from tests.helpers import build_world


def test_the_coach_opens_hours_and_the_client_books_one(
    page: Page, browser: Browser, site: str, viewport: dict[str, int]
) -> None:
    world = build_world()
    log_in(page, world.owner.email)
    page.goto("/booking/")
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        page.get_by_label(re.compile(f"^{day}")).fill("09:00-12:00")
    page.get_by_role("button", name="Save weekly hours").click()
    expect(page.get_by_role("status")).to_contain_text("Your weekly hours are saved.")
    expect(page.get_by_role("heading", name="The next free times")).to_be_visible()
    axe_check(page)

    other = browser.new_context(viewport=viewport, base_url=site)
    client = other.new_page()
    log_in(client, world.client.email)
    client.goto(f"/e/{world.engagement.pk}/sessions/")
    client.get_by_role("link", name="Book a session").click()
    expect(client.get_by_role("heading", name="Book a session with Olivia")).to_be_visible()
    axe_check(client)
    first = client.locator("button.slot").first
    box = first.bounding_box()
    assert box is not None and box["height"] >= 44  # big enough to tap
    first.click()
    expect(client.get_by_role("status")).to_contain_text("Booked.")
    assert Session.objects.filter(engagement=world.engagement).count() == 1
    expect(client).to_have_url(re.compile(r"/sessions/\d+/$"))

    # Another time, then cancelled: both within the coach's 24 hours.
    client.get_by_role("link", name="Choose another time").click()
    axe_check(client)
    client.locator("button.slot").nth(1).click()
    expect(client.get_by_role("status")).to_contain_text("Moved.")
    session = Session.objects.get(engagement=world.engagement)
    assert session.sequence == 1
    client.get_by_label("A word for Olivia").fill("A job interview that morning")
    client.get_by_role("button", name="Cancel the session").click()
    expect(client.get_by_role("status")).to_contain_text("Cancelled.")
    session.refresh_from_db()
    assert session.status == "cancelled"
    other.close()
