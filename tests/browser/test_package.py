"""The coach gives a client a package of sessions from the sessions page; the client sees its
use when booking, on a desktop and a phone; axe finds no serious problems."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from headway.booking.services import weekly_hours_set
from tests.browser.support import axe_check, log_in
from tests.helpers import build_world


def test_the_coach_sets_a_package_and_the_client_sees_its_use(
    page: Page, browser: Browser, site: str, viewport: dict[str, int]
) -> None:
    world = build_world()
    weekly_hours_set(coach=world.owner, by_weekday=["09:00-12:00"] * 7)
    log_in(page, world.owner.email)
    page.goto(f"/e/{world.engagement.pk}/sessions/")
    page.get_by_role("link", name="Session package").click()
    page.get_by_label("Sessions").fill("6")
    page.get_by_label("Within (weeks)").fill("12")
    axe_check(page)
    page.get_by_role("button", name="Save the package").click()
    expect(page.get_by_role("status")).to_contain_text("Package saved")

    other = browser.new_context(viewport=viewport, base_url=site)
    client = other.new_page()
    log_in(client, world.client.email)
    client.goto(f"/e/{world.engagement.pk}/book/")
    expect(client.get_by_text("0 of 6 sessions used")).to_be_visible()
    client.locator("button.slot").first.click()
    expect(client.get_by_role("status")).to_contain_text("Booked.")
    client.goto(f"/e/{world.engagement.pk}/book/")
    expect(client.get_by_text("1 of 6 sessions used")).to_be_visible()
    axe_check(client)
    other.close()
