"""A prospective client books an introductory session from the coach's public page and
confirms it by the emailed link, on a desktop and a phone; axe finds no serious problems."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from headway.booking.models import IntroBooking, IntroStatus
from headway.booking.services import booking_settings_update, weekly_hours_set
from headway.practices.models import CoachProfile
from tests.browser.support import axe_check
from tests.helpers import build_world
from tests.smtp import Mailbox


def test_a_prospect_books_from_the_public_page_and_confirms_by_email(
    page: Page, mailbox: Mailbox, site: str
) -> None:
    world = build_world()
    profile = CoachProfile.objects.get(user=world.owner)
    profile.is_public = True
    profile.save()
    booking_settings_update(coach=world.owner, time_zone="Europe/London", cancel_hours=24)
    weekly_hours_set(coach=world.owner, by_weekday=["09:00-12:00"] * 7)

    page.goto(profile.get_absolute_url())
    page.get_by_role("link", name="See the free times").click()
    expect(
        page.get_by_role("heading", name="Book an introductory session with Olivia Owner")
    ).to_be_visible()
    axe_check(page)
    page.locator("a.slot").first.click()
    page.get_by_label("Your name").fill("Priya Prospect")
    page.get_by_label("Your email").fill("priya@example.com")
    page.get_by_label("What brings you?").fill("Leaving nursing after ten years.")
    axe_check(page)
    page.get_by_role("button", name="Book this time").click()
    expect(page.get_by_role("status")).to_contain_text("we have emailed you a link")

    email = mailbox.wait_for("priya@example.com", subject="Confirm your introductory session")
    page.goto(email.first_link())
    page.get_by_role("button", name="Confirm the booking").click()
    expect(page.get_by_role("heading", name="Booked")).to_be_visible()
    axe_check(page)
    assert IntroBooking.objects.get().status == IntroStatus.CONFIRMED
    mailbox.wait_for(world.owner.email, subject="Introductory session booked")
