"""A facilitated career offsite: coach and client on the same worksheet in two browsers.
Each sees the other's change within a few seconds, with who made it; a field someone is
typing in is never overwritten under them. On a desktop and a phone, axe on each page."""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import BrowserContext, Page, expect

from headway.offsites.models import Offsite
from headway.offsites.services import answers_of
from tests.browser.support import DOWNLOAD_TIMEOUT, axe_check, log_in
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
    # While the live view swaps the clock in, old and new may both be on the page a moment.
    expect(client.get_by_text("Now: Look back").first).to_be_visible(timeout=SOON)
    axe_check(client)
    axe_check(coach)


def test_the_coach_shares_resources_and_the_client_marks_them(
    new_context: Callable[[], BrowserContext], site: str
) -> None:
    world = build_world()
    e = world.engagement

    coach = new_context().new_page()
    log_in(coach, world.owner.email)
    coach.goto(f"/e/{e.pk}/resources/")
    coach.get_by_role("link", name="Your resource library").click()
    expect(coach.get_by_role("heading", name="Resource library")).to_be_visible()
    expect(coach.get_by_text("For a file: up to 5 MB.")).to_be_visible()
    axe_check(coach)
    coach.get_by_label("Link", exact=True).check()
    coach.get_by_label("Title").fill("The Odyssey Plan")
    coach.get_by_role("textbox", name="Link").fill("https://example.org/odyssey")
    coach.get_by_role("group", name=re.compile("^Stages it suits")).get_by_label(
        "The career offsite"
    ).check()
    coach.get_by_label("Themes").fill("futures, values")
    coach.get_by_role("button", name="Add to my library").click()
    expect(coach.get_by_text("“The Odyssey Plan” is in your library.")).to_be_visible()
    coach.get_by_label("File", exact=True).check()
    coach.get_by_label("Title").fill("Wheel of life")
    coach.get_by_role("textbox", name="Themes").fill("balance")
    coach.locator("input[type=file]").set_input_files(
        {"name": "wheel.txt", "mimeType": "text/plain", "buffer": b"Rate each part of life."}
    )
    coach.get_by_role("button", name="Add to my library").click()
    expect(coach.get_by_text("“Wheel of life” is in your library.")).to_be_visible()
    coach.get_by_role("link", name="values").click()
    expect(coach.get_by_text("The Odyssey Plan", exact=True)).to_be_visible()
    expect(coach.get_by_text("Wheel of life", exact=True)).to_have_count(0)
    axe_check(coach)

    coach.goto(f"/e/{e.pk}/resources/")
    coach.get_by_label("Resource").select_option(label="Wheel of life")
    coach.get_by_label("For the stage").select_option(label="Exploring options")
    coach.get_by_label("Why this one").fill("Before we talk about balance.")
    coach.get_by_role("button", name=re.compile("^Share with")).click()
    expect(coach.get_by_text("Shared with Cleo Client.")).to_be_visible()
    axe_check(coach)

    client = new_context().new_page()
    log_in(client, world.client.email)
    client.goto(f"/e/{e.pk}/resources/")
    item = client.locator("li[id^=resource-]").filter(has_text="Wheel of life")
    expect(item).to_contain_text("Before we talk about balance.")
    expect(item).to_contain_text("Not used yet.")
    axe_check(client)
    with client.expect_download(timeout=DOWNLOAD_TIMEOUT) as download:
        item.get_by_role("link", name=re.compile("^Download wheel.txt")).click()
    with open(download.value.path(), "rb") as f:
        assert f.read() == b"Rate each part of life."
    item.get_by_label("I have used it").check()
    item.get_by_label("Was it useful?").select_option(label="Yes")
    item.get_by_role("button", name=re.compile("^Save")).click()
    expect(client.get_by_text("Noted for “Wheel of life”.")).to_be_visible()
    expect(item).to_contain_text("Used, and useful.")
    coach.reload()
    expect(coach.locator("li[id^=resource-]").filter(has_text="Wheel of life")).to_contain_text(
        "Used, and useful."
    )
