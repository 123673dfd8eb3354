"""The 404 page, as a person meets it: the navigation, a way home, no accessibility faults."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from headway.accounts.services import user_signup
from tests.browser.support import PASSWORD, axe_check, log_in


def test_a_missing_page_leads_home(page: Page, site: str) -> None:
    user_signup(email="rita@example.com", name="Rita Reader", password=PASSWORD, verified=True)
    response = page.goto("/no-such-page/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", name="We could not find that page")).to_be_visible()
    axe_check(page)
    log_in(page, "rita@example.com")
    page.goto("/e/999999/")
    expect(page.get_by_role("heading", name="We could not find that page")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).to_contain_text("My journey")
    axe_check(page)
    page.get_by_role("link", name="Go to your start page").click()
    expect(page.get_by_role("heading", name="We could not find that page")).to_have_count(0)
