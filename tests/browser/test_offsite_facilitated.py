"""A facilitated career offsite: coach and client on the same worksheet in two browsers.
Each sees the other's change within a few seconds, with who made it; a field someone is
typing in is never overwritten under them. On a desktop and a phone, axe on each page."""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import BrowserContext, Page, expect

from headway.offsites.models import Offsite
from headway.offsites.services import answers_of
from tests.browser.support import axe_check, log_in
from tests.helpers import build_world

SAVED = re.compile(r"Saved \d\d:\d\d")
PROUD = "What are you proudest of from this period, and why that?"
CURIOUS = "What keeps pulling at your curiosity that you have not made room for?"
LET_DOWN = "What let you down, and what did it show you about yourself?"
SOON = 6_000  # polling every 2 s: "within a few seconds"


def _box(page: Page, label: str):  # type: ignore[no-untyped-def]
    return page.get_by_role("textbox", name=label)


def _saved(page: Page) -> None:
    expect(page.locator("#save-status")).to_have_text(SAVED)
    page.evaluate("document.getElementById('save-status').textContent = ''")


def test_coach_and_client_see_each_others_changes(
    new_context: Callable[[], BrowserContext], site: str
) -> None:
    world = build_world()
    e = world.engagement

    coach = new_context().new_page()
    log_in(coach, world.owner.email)
    coach.goto(f"/e/{e.pk}/offsites/")
    coach.get_by_role("button", name="Start a facilitated offsite").click()
    expect(coach.get_by_role("heading", name=re.compile("^Career offsite:"))).to_be_visible()
    expect(coach.get_by_text("each sees the other's changes")).to_be_visible()
    axe_check(coach)

    client = new_context().new_page()
    log_in(client, world.client.email)
    client.goto(f"/e/{e.pk}/offsites/")
    client.get_by_role("link", name="Carry on with the offsite").click()
    expect(client.get_by_role("heading", name="Career offsite", level=1)).to_be_visible()
    axe_check(client)

    # The coach writes; the client sees it, and who wrote it.
    _box(coach, PROUD).fill("You said the repairs process, twice.")
    _saved(coach)
    expect(_box(client, PROUD)).to_have_value("You said the repairs process, twice.", timeout=SOON)
    expect(client.get_by_text("Olivia changed this just now.")).to_be_visible()

    # The client writes; the coach sees it.
    _box(client, CURIOUS).fill("How the board decides things.")
    _saved(client)
    expect(_box(coach, CURIOUS)).to_have_value("How the board decides things.", timeout=SOON)
    expect(coach.get_by_text("Cleo changed this just now.")).to_be_visible()

    # The client is in a field when the coach changes it: the client's text stays put, a
    # hint says so, and what the client then types is saved over it (last writer wins).
    _box(client, LET_DOWN).click()
    _box(coach, LET_DOWN).fill("Coach's note")
    _saved(coach)
    expect(client.get_by_text("Olivia changed this too")).to_be_visible(timeout=SOON)
    expect(_box(client, LET_DOWN)).to_have_value("")
    _box(client, LET_DOWN).press_sequentially("Missing the budget deadline.")
    _saved(client)
    expect(coach.get_by_text("Cleo changed this too")).to_be_visible(timeout=SOON)
    expect(_box(coach, LET_DOWN)).to_have_value("Coach's note")  # still in the coach's field
    coach.evaluate("document.activeElement.blur()")
    expect(_box(coach, LET_DOWN)).to_have_value("Missing the budget deadline.", timeout=SOON)
    offsite = Offsite.objects.get(engagement=e)
    assert answers_of(offsite)["let-down"].text == "Missing the budget deadline."

    # The coach moves the agenda on; the client's clock follows.
    coach.get_by_role("button", name="Move on to: Look back").click()
    expect(coach.get_by_text("Now: Look back")).to_be_visible()
    expect(client.get_by_text("Now: Look back")).to_be_visible(timeout=SOON)
    axe_check(client)
    axe_check(coach)
