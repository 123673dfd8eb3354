"""A client takes the readiness assessment step by step to a profile; the client keeps an energy
journal, shares its patterns, and the coach sees the patterns but not the notes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from headway.core.assessments.readiness import SOURCES, STATEMENTS
from tests.browser.conftest import VIEWPORTS
from tests.browser.support import axe_check, log_in
from tests.helpers import build_world

DESKTOP = pytest.mark.parametrize("viewport", [VIEWPORTS["desktop"]], ids=["desktop"])


def choose(page: Page, group: str, option: str) -> None:
    page.get_by_role("group", name=group).get_by_label(option, exact=True).check()


def fits_the_screen(page: Page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the screen"


@DESKTOP
def test_a_full_readiness_run_to_the_profile(
    new_context: Callable[[], BrowserContext], site: str
) -> None:
    world = build_world()
    page = new_context().new_page()
    log_in(page, world.client.email)
    page.goto(f"/e/{world.engagement.pk}/discovery/readiness/")
    page.get_by_role("main").get_by_role("button", name="Start").click()

    expect(page.get_by_role("heading", name="Step 1 of 4: Where it comes from")).to_be_visible()
    axe_check(page)
    for source in SOURCES:
        label = source.label[0].upper() + source.label[1:]
        rating = {"pay": "A great deal", "hours": "A lot", "commute": "A lot"}.get(source.key)
        choose(page, label, rating or "A little")
    choose(
        page, "Could a different employer or role in the same field answer most of it?", "Partly"
    )
    page.get_by_label("In your own words").fill("The hours leave no room for anything else.")
    page.get_by_role("button", name="Next: Financial runway").click()

    expect(page.get_by_role("heading", name="Step 2 of 4: Financial runway")).to_be_visible()
    axe_check(page)
    page.get_by_label("Savings you could draw on").fill("12,500")
    page.get_by_label("Essential expenses a month").fill("3 125")
    page.get_by_role("button", name="Next: Time and responsibilities").click()

    expect(
        page.get_by_role("heading", name="Step 3 of 4: Time and responsibilities")
    ).to_be_visible()
    axe_check(page)
    choose(page, "How much caring for others", "Some")
    page.get_by_label("Hours a week you could free for learning").fill("4")
    page.get_by_label("Evenings").check()
    choose(page, "How much flexibility do your commitments leave you?", "Some")
    # Back and forth keeps what was entered.
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_label("Savings you could draw on")).to_have_value("12500")
    expect(page.get_by_text("about 4 months of runway")).to_be_visible()
    page.get_by_role("button", name="Next: Time and responsibilities").click()
    expect(page.get_by_label("Evenings")).to_be_checked()
    page.get_by_role("button", name="Next: Uncertainty").click()

    expect(page.get_by_role("heading", name="Step 4 of 4: Uncertainty")).to_be_visible()
    axe_check(page)
    for i, statement in enumerate(STATEMENTS, 1):
        choose(page, f"{i}. {statement.text}", "Neither")
    page.get_by_role("button", name="See my profile").click()

    expect(page.get_by_text("Your readiness for change result is ready.")).to_be_visible()
    expect(page.get_by_role("heading", name="Questions this raises")).to_be_visible()
    expect(
        page.get_by_text("What would need to change where you are for this to be enough?")
    ).to_be_visible()
    expect(page.get_by_text("Your runway covers about 4 months of the 6-12")).to_be_visible()
    axe_check(page)
    page.set_viewport_size(VIEWPORTS["phone"])
    fits_the_screen(page)
    axe_check(page)


def add_entry(
    page: Page, activity: str, energy: str, *, flow: bool = False, note: str = ""
) -> None:
    page.get_by_label("What did you do?").fill(activity)
    page.get_by_role("group", name="How did it leave you?").get_by_label(energy, exact=True).check()
    if flow:
        page.get_by_label("I lost track of time").check()
    if note:
        page.get_by_label("Anything else").fill(note)
    page.get_by_role("button", name="Add to my journal").click()
    expect(page.get_by_role("status").filter(has_text=f"Added “{activity}”")).to_be_visible()


@DESKTOP
def test_the_journal_its_patterns_and_what_the_coach_sees(
    new_context: Callable[[], BrowserContext], site: str
) -> None:
    world = build_world()
    journal = f"/e/{world.engagement.pk}/journal/"
    client = new_context().new_page()
    log_in(client, world.client.email)
    client.goto(journal)
    axe_check(client)

    add_entry(client, "Client calls", "Energised", flow=True, note="Private thoughts on Ana.")
    expect(client.get_by_label("What did you do?")).to_have_value("")  # ready for the next one
    add_entry(client, "client call", "A bit energised")
    add_entry(client, "Expense reports", "Drained")
    activities = client.get_by_role("table", name="Each activity")
    expect(
        activities.get_by_role("rowheader", name="client call also “Client calls”")
    ).to_be_visible()
    expect(client.get_by_text("Private thoughts on Ana.")).to_be_visible()
    axe_check(client)

    client.get_by_role("button", name="Share the patterns with my coach").click()
    expect(client.get_by_text("Your coach can now see the patterns")).to_be_visible()

    client.set_viewport_size(VIEWPORTS["phone"])
    client.reload()
    fits_the_screen(client)
    axe_check(client)

    coach = new_context().new_page()
    log_in(coach, world.owner.email)
    coach.goto(journal)
    expect(coach.get_by_role("heading", name="Patterns")).to_be_visible()
    expect(coach.get_by_role("rowheader", name="client call also “Client calls”")).to_be_visible()
    expect(coach.get_by_text("Private thoughts on Ana.")).to_have_count(0)
    expect(coach.get_by_role("button", name="Add to my journal")).to_have_count(0)
    axe_check(coach)
