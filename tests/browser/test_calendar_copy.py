"""The new calendar address has a Copy button beside it (static JavaScript, from the
keyboard too); without JavaScript the address is there to select, and no button shows."""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import Browser, BrowserContext, expect

from tests.browser.support import axe_check, log_in
from tests.helpers import build_world

FEED = re.compile(r"http://[^/]+/calendar/[\w-]+\.ics")


def test_the_copy_button_copies_the_address(new_context: Callable[[], BrowserContext]) -> None:
    world = build_world()
    context = new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    log_in(page, world.client.email)
    page.goto("/account/calendar/")
    page.get_by_role("button", name="Create my calendar address").click()

    address = page.get_by_label("Your calendar address").input_value()
    assert FEED.fullmatch(address)
    copy = page.get_by_role("button", name="Copy the address")
    expect(copy).to_be_visible()
    axe_check(page)

    # From the keyboard: focus the button, press Enter.
    copy.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#feed-url-copied")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == address


def test_without_javascript_the_address_is_there_to_select(browser: Browser, site: str) -> None:
    world = build_world()
    context = browser.new_context(base_url=site, java_script_enabled=False)
    context.set_default_timeout(5_000)
    try:
        page = context.new_page()
        log_in(page, world.client.email)
        page.goto("/account/calendar/")
        page.get_by_role("button", name="Create my calendar address").click()
        address = page.get_by_label("Your calendar address")
        assert FEED.fullmatch(address.input_value())
        assert address.get_attribute("readonly") is not None
        expect(page.get_by_role("button", name="Copy the address")).to_be_hidden()
    finally:
        context.close()
