"""A client builds a decision matrix from the board and her values, scores it, changes a weight
and sees how firm the lead is change with it, rates the gut's pull, notes a risk with what she
could do about it, and chooses; the coach reads it all. Both screens; nothing overflows."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import BrowserContext, Page, expect

from headway.discovery.models import Kind
from headway.exploration.services import option_add
from tests.browser.support import axe_check, log_in
from tests.decisions.test_decision import completed, values_result
from tests.helpers import build_world

SCORES = {
    ("UX research", "Helping others"): "9",
    ("UX research", "Finances"): "4",
    ("Teaching", "Helping others"): "7",
    ("Teaching", "Finances"): "5",
    ("Health informatics", "Helping others"): "5",
    ("Health informatics", "Finances"): "7",
}


def fits_the_screen(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, f"the page is {width}px wider than the screen"


def test_build_score_weigh_and_choose(new_context: Callable[[], BrowserContext], site: str) -> None:
    world = build_world()
    e = world.engagement
    for title in ("UX research", "Teaching", "Health informatics"):
        option_add(engagement=e, by=world.client, title=title)
    completed(e, Kind.VALUES, values_result())

    client = new_context().new_page()
    log_in(client, world.client.email)
    client.goto(f"/e/{e.pk}/decide/")
    expect(client.get_by_text("UX research; Teaching; Health informatics")).to_be_visible()
    axe_check(client)
    fits_the_screen(client)
    client.get_by_role("button", name="Build my matrix").click()
    expect(client.get_by_text("Your matrix is ready")).to_be_visible()
    expect(client.get_by_role("columnheader", name="Health informatics")).to_be_visible()
    expect(client.get_by_role("rowheader", name="Helping others")).to_be_visible()

    # Scores save as she goes (htmx, on each change); the results follow.
    for (option, criterion), value in SCORES.items():
        client.get_by_label(f"Score for {option} on {criterion}").fill(value)
    client.keyboard.press("Tab")
    expect(client.locator("#dm-grid-status")).to_contain_text("Saved")
    robust = client.locator(".dm-robust")
    expect(robust).to_contain_text(
        "If Helping others mattered 1 point less (weight 3 → 2), "
        "Health informatics would lead instead."
    )
    expect(client.get_by_text("cells not scored yet")).to_be_visible()
    axe_check(client)
    fits_the_screen(client)

    # Money matters more to her than the default says: the lead changes, and so does the
    # sentence about how firm it is.
    client.get_by_label("How much Finances matters").select_option("5")
    expect(robust).to_contain_text(
        "If Helping others mattered 1 point more (weight 3 → 4), UX research would lead instead."
    )
    totals = client.locator(".dm-totals tbody tr")
    expect(totals.first).to_contain_text("Health informatics")

    # Gut check: the pull disagrees with the scores, and Headway asks about it.
    gut = client.get_by_role("group", name="How strongly does each option pull you?")
    gut.get_by_label("UX research", exact=True).select_option("9")
    gut.get_by_label("Teaching", exact=True).select_option("5")
    gut.get_by_label("Health informatics", exact=True).select_option("3")
    expect(client.locator("#dm-gut-status")).to_contain_text("Saved")
    expect(
        client.get_by_text(
            "Your scores put Health informatics first, your gut pulls towards UX research. "
            "What might your gut know that the criteria miss?"
        )
    ).to_be_visible()

    # One click adds staying where she is; it has no scores yet and nothing breaks.
    client.get_by_text("Change the options or criteria").click()
    client.get_by_role("button", name="Add “Stay where I am”").click()
    expect(client.get_by_text("“Stay where I am” is in your matrix.")).to_be_visible()
    expect(client.get_by_label("Score for Stay where I am on Finances")).to_be_visible()
    expect(robust).to_contain_text("UX research would lead instead")

    # A risk and what she could do about it.
    ux = client.get_by_role("region", name="UX research", exact=True)
    ux.get_by_text("Add a risk or barrier").click()
    ux.get_by_label("Risk or barrier").fill("Junior pay is below a Band 6 nurse's")
    ux.get_by_label("What I could do about it").fill("Save six months of the difference first")
    ux.get_by_role("button", name="Add risk").click()
    expect(client.get_by_text("Risk noted for “UX research”.")).to_be_visible()
    expect(ux.locator(".prose", has_text="Save six months of the difference first")).to_be_visible()
    axe_check(client)
    fits_the_screen(client)

    # She chooses, against the totals; the page only asks, and links on to goals.
    choose = client.get_by_role("region", name="My choice")
    choose.get_by_label("UX research").check()
    choose.get_by_label("Why this one").fill("The research is what I want to wake up for.")
    choose.get_by_role("button", name="This is my choice").click()
    expect(client.get_by_text("You chose “UX research”.")).to_be_visible()
    expect(client.get_by_role("link", name="Turn this into goals")).to_have_attribute(
        "href", f"/e/{e.pk}/goals/?from=decision#new-goal"
    )
    axe_check(client)
    fits_the_screen(client)

    coach = new_context().new_page()
    log_in(coach, world.owner.email)
    coach.goto(f"/e/{e.pk}/decide/")
    expect(coach.get_by_text("Read-only")).to_be_visible()
    expect(coach.get_by_role("button", name="Save scores")).to_have_count(0)
    expect(coach.get_by_text("The research is what I want to wake up for.").first).to_be_visible()
    expect(coach.get_by_text("a pull of 9 of 10")).to_be_visible()
    axe_check(coach)
    fits_the_screen(coach)
