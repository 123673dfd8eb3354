"""Signing up from the front door, as a coach (a practice comes with it) and as someone on
their own (a self-guided journey starts at once); an address already in use is said plainly
and keeps what was typed."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from headway.accounts.models import User
from headway.engagements.models import Engagement
from headway.practices.models import Membership
from tests.browser.support import PASSWORD, axe_check
from tests.helpers import person


def _fill(page: Page, name: str, email: str) -> None:
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)


def test_a_coach_signs_up_and_lands_on_their_new_practice(page: Page, site: str) -> None:
    person("taken@example.com", "Already Here")
    page.goto("/signup/")
    page.get_by_role("link", name="Set up my practice").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your practice")
    axe_check(page)
    _fill(page, "Cora Coach", "taken@example.com")
    page.get_by_label("Practice name").fill("Cora Careers")
    page.get_by_role("button", name="Create my practice").click()
    expect(page.get_by_role("main")).to_contain_text("already")
    expect(page.get_by_label("Practice name")).to_have_value("Cora Careers")
    assert not Membership.objects.exists()

    page.get_by_label("Email").fill("cora@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create my practice").click()
    expect(page.get_by_text("Your practice is ready")).to_be_visible()
    membership = Membership.objects.select_related("practice", "user").get()
    assert (membership.user.email, membership.practice.name) == ("cora@example.com", "Cora Careers")
    assert membership.is_owner


def test_someone_on_their_own_starts_a_journey_of_their_choice(page: Page, site: str) -> None:
    page.goto("/signup/")
    page.get_by_role("link", name="Start a self-guided journey").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Start your self-guided journey")
    axe_check(page)
    _fill(page, "Sam Self", "sam.self@example.com")
    page.get_by_role("radio", name="Career Offsite").check()
    page.get_by_role("button", name="Start my journey").click()
    expect(page.get_by_text("Your journey has started")).to_be_visible()
    user = User.objects.get(email="sam.self@example.com")
    engagement = Engagement.objects.get(client=user)
    assert engagement.is_self_guided
    assert engagement.model_version.model.key == "career-offsite-model"
    assert page.url.endswith(engagement.get_absolute_url())
