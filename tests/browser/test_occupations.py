"""Occupation search and an occupation page in a real browser: usable, and axe finds no
serious accessibility problems, on a desktop and a phone."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from headway.accounts.services import user_signup
from headway.onet import search
from tests.browser.support import PASSWORD, axe_check
from tests.onet.test_views_occupations import build_onet


def test_search_and_read_an_occupation(page: Page, site: str) -> None:
    search.clear_cache()
    build_onet()
    user_signup(email="ola@example.com", name="Ola", password=PASSWORD, verified=True)
    page.goto("/login/")
    page.get_by_label("Email").fill("ola@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Occupations").click()
    axe_check(page)
    page.get_by_label("Job title or words from it").fill("sofware enginer")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Also called: Software Engineer")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Software Developers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Software Developers")
    page.get_by_text("All 3 tasks").click()  # <details> opens without JavaScript
    expect(page.get_by_text("Modify existing software to correct errors.")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="← Back to the search").click()
    expect(page.get_by_label("Job title or words from it")).to_have_value("sofware enginer")
