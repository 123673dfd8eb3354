"""A coach sets up two-step login from the account page, logs out, and logs in again with the
password and then a code (computed here from the secret the page shows, as an app would)."""

from __future__ import annotations

import time

from playwright.sync_api import Page, expect

from headway.core.auth import totp
from headway.practices.services import coach_signup
from tests.browser.support import PASSWORD, axe_check, log_in


def test_set_up_and_log_in_with_two_step_login(page: Page, site: str) -> None:
    coach_signup(
        email="tess@example.com",
        name="Tess Twostep",
        password=PASSWORD,
        practice_name="Tess Coaching",
        verified=True,
    )
    log_in(page, "tess@example.com")

    page.goto("/account/")
    page.get_by_role("link", name="Set up two-step login").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Two-step login")
    axe_check(page)
    page.get_by_role("main").get_by_role("link", name="Set up two-step login").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-step login")
    axe_check(page)
    secret = page.locator("#totp-secret").inner_text()

    page.get_by_label("Code", exact=True).fill("000000")
    page.get_by_role("button", name="Turn on two-step login").click()
    expect(page.get_by_text("That code is not right")).to_be_visible()
    page.get_by_label("Code", exact=True).fill(totp.totp(secret, time.time()))
    page.get_by_role("button", name="Turn on two-step login").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    axe_check(page)

    page.get_by_role("navigation", name="Main").get_by_role("button", name="Log out").click()
    page.goto("/login/")
    page.get_by_label("Email").fill("tess@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Two-step login")
    axe_check(page)

    page.get_by_label("Code", exact=True).fill("123456")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("That code is not right")).to_be_visible()
    axe_check(page)
    # The code used for set-up cannot be replayed: the app's next code is the one to use.
    page.get_by_label("Code", exact=True).fill(totp.totp(secret, time.time() + 30))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("navigation", name="Main")).to_contain_text("Log out")
    page.goto("/account/")
    expect(page.get_by_role("link", name="Manage two-step login")).to_be_visible()
