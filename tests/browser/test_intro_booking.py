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

    # Plans change: the link in the booking email cancels it.
    booked = mailbox.wait_for("priya@example.com", subject="Introductory session booked")
    page.goto(booked.first_link())
    page.get_by_role("button", name="Cancel this introductory session").click()
    expect(page.get_by_role("heading", name="This session was cancelled")).to_be_visible()
    axe_check(page)
    assert IntroBooking.objects.get().status == IntroStatus.CANCELLED
    mailbox.wait_for(world.owner.email, subject="Introductory session cancelled")


def test_the_coach_declines_a_prospect_kindly_from_the_dashboard(
    page: Page, mailbox: Mailbox, site: str
) -> None:
    from headway.booking.intro import intro_book, intro_confirm
    from headway.booking.models import Audience, SessionType
    from headway.booking.services import free_slots
    from tests.browser.support import log_in

    world = build_world()
    booking_settings_update(coach=world.owner, time_zone="Europe/London", cancel_hours=24)
    weekly_hours_set(coach=world.owner, by_weekday=["09:00-12:00"] * 7)
    intro = SessionType.objects.get(coach=world.owner, audience=Audience.PUBLIC)
    booking = intro_book(
        session_type=intro, name="Priya Prospect", email="priya@example.com", note="",
        starts_at=free_slots(intro)[0].start, time_zone="Europe/London",
    )  # fmt: skip
    intro_confirm(booking=booking)
    log_in(page, world.owner.email)
    page.goto("/dashboard/")
    expect(page.get_by_role("heading", name="Introductory sessions booked")).to_be_visible()
    expect(page.get_by_role("link", name="Invite Priya Prospect as a client")).to_be_visible()
    page.get_by_text("Decline kindly").click()
    page.get_by_label("A few words of your own").fill("Ana Lopez may suit you well.")
    axe_check(page)
    page.get_by_role("button", name="Send and close").click()
    expect(page.get_by_role("status")).to_contain_text("has your kind email")
    email = mailbox.wait_for("priya@example.com", subject="about working together")
    assert "Ana Lopez may suit you well." in email.body
