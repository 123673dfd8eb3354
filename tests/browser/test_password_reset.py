"""Forgotten password: the reset link travels by email through a real SMTP server."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from headway.accounts.services import user_signup
from tests.browser.support import PASSWORD, axe_check
from tests.smtp import Mailbox

NEW_PASSWORD = "lanterns over quiet harbours"


def test_password_reset_by_email(page: Page, mailbox: Mailbox, site: str) -> None:
    user_signup(email="rita@example.com", name="Rita Reset", password=PASSWORD, verified=True)

    page.goto("/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reset your password")
    axe_check(page)
    page.get_by_label("Email").fill("rita@example.com")
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    axe_check(page)

    message = mailbox.wait_for("rita@example.com", subject="Reset your Headway password")
    link = message.first_link()
    assert re.fullmatch(rf"{re.escape(site)}/password/reset/[\w-]+/[\w-]+/", link), link

    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    axe_check(page)
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New password confirmation").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save my new password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your password is changed")
    axe_check(page)

    # The link is spent.
    page.goto(link)
    expect(page.get_by_text("This link has already been used or has expired.")).to_be_visible()

    # The old password no longer works; the new one does.
    page.goto("/login/")
    page.get_by_label("Email").fill("rita@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    expect(page.get_by_text("That email and password do not match an account.")).to_be_visible()
    axe_check(page)
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Rita")
    ).to_be_visible()
