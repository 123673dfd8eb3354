"""Exploring in a real browser, on a desktop and a phone: where a past occupation could lead,
and which work fits an interest profile; axe finds no serious accessibility problems."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from headway.accounts.services import user_signup
from headway.onet import pathways, search
from tests.browser.support import PASSWORD, axe_check
from tests.onet.fixtures import load_mini


@pytest.fixture
def explorer(page: Page, site: str) -> Iterator[Page]:
    search.clear_cache()
    pathways.clear_cache()
    load_mini()
    user_signup(email="ines@example.com", name="Inès", password=PASSWORD, verified=True)
    page.goto("/login/")
    page.get_by_label("Email").fill("ines@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Occupations").click()
    yield page
    search.clear_cache()
    pathways.clear_cache()


def test_a_past_occupation_leads_to_pathways_and_their_pages(explorer: Page) -> None:
    page = explorer
    page.get_by_role("link", name="Where could my work lead?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Where could my work lead?")
    axe_check(page)

    page.get_by_label("Job title or O*NET code").fill("nurce")  # a typo is fine
    page.get_by_role("button", name="Show pathways").click()
    understood = page.locator(".understood")
    expect(understood).to_contain_text("Registered Nurses")
    expect(understood).to_contain_text("from “nurce”")
    results = page.get_by_role("region", name=re.compile("occupations to explore"))
    expect(results.get_by_role("link", name="Accountants and Auditors")).to_be_visible()
    accountant = results.get_by_role("listitem").filter(
        has=page.get_by_role("link", name="Accountants and Auditors")
    )
    expect(accountant).to_contain_text("Needs more preparation: job zone 3 → 4")
    expect(accountant.get_by_role("heading", name="Gaps to close first")).to_be_visible()
    expect(accountant).to_contain_text("Economics and Accounting")
    axe_check(page)

    # Rate a skill of one's own (the part opens without JavaScript) and keep to zone 4.
    page.get_by_text("Skills you are strong in").click()
    page.get_by_label("Skill 1", exact=True).select_option(label="Programming")
    page.get_by_label("Your level in skill 1").select_option(label="6 – advanced")
    page.get_by_label("4 · Considerable preparation").check()
    page.get_by_role("button", name="Show pathways").click()
    developer = results.get_by_role("listitem").filter(
        has=page.get_by_role("link", name="Software Developers")
    )
    expect(developer.locator(".chips")).to_contain_text("Programming")
    expect(results.get_by_role("link", name="Data Scientists")).to_have_count(0)  # zone 5
    axe_check(page)

    results.get_by_role("link", name="Accountants and Auditors").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Accountants and Auditors")
    lead = page.get_by_role("region", name="Where could this lead?")
    expect(lead.get_by_role("link", name="Pathways from here")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="← Back to the pathways").click()
    expect(page.locator(".understood")).to_contain_text("Registered Nurses")
    expect(page.get_by_label("Your level in skill 1")).to_have_value("6")

    # Remove the occupation: the form is ready for another.
    page.get_by_role("link", name="Remove Registered Nurses").click()
    expect(page.locator(".understood")).to_have_count(0)
    expect(page.get_by_label("Job title or O*NET code")).to_be_visible()


def test_an_interest_profile_finds_matching_work(explorer: Page) -> None:
    page = explorer
    page.get_by_role("link", name="Work that fits your interests").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Work that fits your interests")
    axe_check(page)

    page.get_by_role("button", name="Show matching occupations").click()
    expect(page.get_by_text("Rate Realistic from 1 (not at all) to 7 (very much).")).to_be_visible()

    profile = {
        "Realistic": "1",
        "Investigative": "6",
        "Artistic": "5",
        "Social": "3",
        "Enterprising": "2",
        "Conventional": "2",
    }
    for interest, rating in profile.items():
        group = page.get_by_role("group", name=re.compile(f"^{interest}"))
        group.get_by_label(re.compile(f"^{rating}")).check()
    page.get_by_role("button", name="Show matching occupations").click()
    expect(page.get_by_text("Your Holland code is IAS")).to_be_visible()
    results = page.locator("ol.results")
    first = results.get_by_role("listitem").first
    expect(first.get_by_role("link")).to_have_text("Web and Digital Interface Designers")
    expect(first).to_contain_text("Shared interests: Investigative and Artistic")
    axe_check(page)

    page.get_by_label("5 · Extensive preparation").check()
    page.get_by_role("button", name="Show matching occupations").click()
    expect(results.get_by_role("link")).to_have_text(["Data Scientists"])
    results.get_by_role("link", name="Data Scientists").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Data Scientists")
    page.get_by_role("link", name="← Back to the matches").click()
    expect(page.get_by_label("5 · Extensive preparation")).to_be_checked()


def test_leaving_ones_field_and_adding_a_route_to_the_board(page: Page, site: str) -> None:
    from headway.engagements.services import engagement_start_self_guided
    from tests.browser.support import log_in
    from tests.helpers import transition_model

    search.clear_cache()
    pathways.clear_cache()
    load_mini()
    user = user_signup(email="tom@example.com", name="Tom", password=PASSWORD, verified=True)
    e = engagement_start_self_guided(user=user, model=transition_model())
    log_in(page, "tom@example.com")
    page.goto(f"/occupations/pathways/?e={e.pk}")
    page.get_by_label("Job title or O*NET code").fill("15-1252.00")
    page.get_by_label("Leave out my own field").check()
    page.get_by_role("button", name="Show pathways").click()
    results = page.get_by_role("region", name=re.compile("occupations to explore"))
    expect(results.get_by_role("link", name="Data Scientists")).to_be_visible()
    expect(results.get_by_role("link", name="Web and Digital Interface Designers")).to_have_count(0)
    expect(page.get_by_label("Leave out my own field")).to_be_checked()
    axe_check(page)
    results.get_by_role("button", name=re.compile("Add to my board.*Data Scientists")).click()
    expect(page.get_by_role("status")).to_contain_text("is on your exploration board")
    scientists = page.get_by_role("listitem").filter(
        has=page.get_by_role("link", name="Data Scientists")
    )
    expect(scientists).to_contain_text("On your board")
    expect(page.get_by_label("Leave out my own field")).to_be_checked()  # the same results
    axe_check(page)
    pathways.clear_cache()
    search.clear_cache()


def test_the_form_starts_from_the_intake_role(page: Page, site: str) -> None:
    from django.utils import timezone

    from headway.engagements.models import Intake
    from headway.engagements.services import engagement_start_self_guided
    from tests.browser.support import log_in
    from tests.helpers import transition_model

    search.clear_cache()
    pathways.clear_cache()
    load_mini()
    user = user_signup(email="ada@example.com", name="Ada", password=PASSWORD, verified=True)
    e = engagement_start_self_guided(user=user, model=transition_model())
    Intake.objects.update_or_create(
        engagement=e,
        defaults={"current_role": "Elementary teacher", "submitted_at": timezone.now()},
    )
    log_in(page, "ada@example.com")
    page.goto(f"/occupations/pathways/?e={e.pk}")
    expect(page.get_by_label("Job title or O*NET code")).to_have_value("Elementary teacher")
    expect(page.get_by_text("From the intake: “Elementary teacher”")).to_be_visible()
    axe_check(page)
    page.get_by_label("Leave out my own field").check()
    page.get_by_role("button", name="Show pathways").click()
    results = page.get_by_role("region", name=re.compile("occupations to explore"))
    expect(results.get_by_role("listitem").first).to_be_visible()
    expect(results.get_by_role("link", name=re.compile("Teachers"))).to_have_count(0)
    axe_check(page)
    pathways.clear_cache()
    search.clear_cache()
