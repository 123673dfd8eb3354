"""A coach replies to a check-in and the client reads it and answers, on a desktop and a
phone; axe finds no serious accessibility problems."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from headway.checkins.services import checkin_add
from tests.browser.support import axe_check, log_in
from tests.helpers import build_world


def test_a_reply_to_a_check_in_that_the_client_reads_and_answers(
    page: Page, browser: Browser, site: str, viewport: dict[str, int]
) -> None:
    world = build_world()
    e = world.engagement
    checkin_add(engagement=e, by=world.client, energy=3, obstacles="Worried I'll stall.")
    log_in(page, world.owner.email)
    page.goto(f"/e/{e.pk}/check-ins/")
    page.get_by_label("Your reply to Cleo Client").fill("What would make this week lighter?")
    page.get_by_role("button", name=re.compile("^Send")).click()
    expect(page.get_by_role("status")).to_contain_text("Sent.")
    expect(page.get_by_text("What would make this week lighter?")).to_be_visible()
    axe_check(page)

    other = browser.new_context(viewport=viewport, base_url=site)
    client = other.new_page()
    log_in(client, world.client.email)
    client.goto(f"/e/{e.pk}/check-ins/")
    expect(client.get_by_text("What would make this week lighter?")).to_be_visible()
    client.get_by_label("Your answer").fill("Fewer applications, one good call.")
    client.get_by_role("button", name=re.compile("^Send")).click()
    expect(client.get_by_text("Fewer applications, one good call.")).to_be_visible()
    axe_check(client)
    other.close()

    page.reload()
    expect(page.get_by_text("Fewer applications, one good call.")).to_be_visible()
