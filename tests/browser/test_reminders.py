"""A client finds the reminders page from their account, switches to the weekly digest and
turns check-in prompts off; after a reload the choices are still there."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from headway.reminders.models import Delivery, ReminderPreference
from tests.browser.support import axe_check, log_in
from tests.helpers import build_world


def test_a_client_chooses_a_weekly_digest_without_check_in_prompts(page: Page, site: str) -> None:
    world = build_world()
    log_in(page, world.client.email)
    page.goto("/account/")
    page.get_by_role("link", name="Choose your email reminders").click()
    expect(page.get_by_role("heading", name="Email reminders", level=1)).to_be_visible()
    axe_check(page)
    width = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, "the reminders page is wider than the screen"

    how = page.get_by_role("group", name="How reminders come")
    expect(how.get_by_label("As they come")).to_be_checked()
    how.get_by_label("One weekly digest").check()
    page.get_by_label("Digest day").select_option(label="Friday")
    prompts = page.get_by_label("Check-in prompts")
    expect(prompts).to_be_checked()
    prompts.uncheck()
    page.get_by_role("button", name="Save reminders").click()
    expect(page.get_by_text("Saved. Your reminders will follow these choices.")).to_be_visible()

    page.reload()
    expect(
        page.get_by_role("group", name="How reminders come").get_by_label("One weekly digest")
    ).to_be_checked()
    expect(page.get_by_label("Check-in prompts")).not_to_be_checked()
    expect(page.get_by_label("Coaching sessions")).to_be_checked()
    expect(page.get_by_label("Digest day")).to_have_value("4")
    axe_check(page)
    pref = ReminderPreference.objects.get(user=world.client)
    assert (pref.delivery, pref.checkins, pref.digest_weekday) == (Delivery.DIGEST, False, 4)
