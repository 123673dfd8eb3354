"""The values card sort in a real browser: cards dragged by mouse and sent to piles from the
keyboard, one full run to the result, and the sort on a phone."""

from __future__ import annotations

import re

import pytest
from django.http import QueryDict
from playwright.sync_api import Locator, Page, expect

from headway.core.assessments.values_cards import CARDS
from headway.discovery.models import Assessment
from headway.discovery.services import assessment_save, assessment_start
from tests.browser.conftest import VIEWPORTS
from tests.browser.support import PASSWORD, axe_check
from tests.helpers import build_world

TOTAL = len(CARDS)
BY_NAME = {c.name: c for c in CARDS}
DESKTOP = pytest.mark.parametrize("viewport", [VIEWPORTS["desktop"]], ids=["desktop"])
PHONE = pytest.mark.parametrize("viewport", [VIEWPORTS["phone"]], ids=["phone"])


def start(page: Page, *, presorted: int = 0, always: int = 7) -> Assessment:
    """A client with a values sort open, the first `presorted` cards already placed (the first
    `always` of them always valued) by the plain form post the page makes without JavaScript."""
    world = build_world()
    assessment = assessment_start(engagement=world.engagement, by=world.client, kind="values")
    if presorted:
        data = QueryDict(mutable=True)
        for i, card in enumerate(CARDS[:presorted]):
            data[f"pile_{card.key}"] = "always" if i < always else ("often", "seldom")[i % 2]
        assessment_save(assessment=assessment, by=world.client, data=data)
    page.goto("/login/")
    page.get_by_label("Email").fill(world.client.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    expect(page.get_by_role("navigation", name="Main")).to_contain_text("Log out")
    page.goto(assessment.get_absolute_url())
    return assessment


def pile(page: Page, label: str) -> Locator:
    return page.locator("section[data-pile]").filter(
        has=page.get_by_role("heading", name=label, exact=False)
    )


def card(page: Page, name: str) -> Locator:
    return page.locator(".value-card").filter(has=page.get_by_label(name, exact=True))


def drag(page: Page, item: Locator, target: Locator, *, below: float = 0.5) -> None:
    """Press the mouse on the item, move it in steps onto the target, release."""
    start = item.locator(".value-name").bounding_box()
    end = target.bounding_box()
    assert start and end
    page.mouse.move(start["x"] + 10, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] * below, steps=12)
    page.mouse.up()


def button(page: Page, action: str, name: str) -> Locator:
    """A card's button, e.g. "Up" for Autonomy: its accessible name is "Up: Autonomy"."""
    return page.get_by_role("button", name=re.compile(rf"^{action}\W+{re.escape(name)}$"))


def saved(page: Page) -> None:
    """Every save the page started has landed, the last one well."""
    expect(page.locator("form[data-saving='0']")).to_have_count(1)
    expect(page.locator("#save-status")).to_contain_text("Saved")


def piles_of(assessment: Assessment) -> dict[str, str]:
    assessment.refresh_from_db()
    return assessment.responses.get("piles", {})


@DESKTOP
def test_cards_sort_by_mouse_and_by_keyboard(page: Page, site: str) -> None:
    assessment = start(page)
    expect(page.locator("#sort-count")).to_have_text(f"0 of {TOTAL} sorted")
    axe_check(page)

    # By mouse: drag Autonomy from the deck onto "Always valued", then on to "Often valued".
    drag(page, card(page, "Autonomy"), pile(page, "Always valued"))
    expect(pile(page, "Always valued").get_by_label("Autonomy")).to_have_value("always")
    expect(page.locator("#sort-count")).to_have_text(f"1 of {TOTAL} sorted")
    expect(page.locator("#sort-announce")).to_contain_text("Autonomy is now in Always valued.")
    saved(page)
    drag(page, card(page, "Autonomy"), pile(page, "Often valued"))
    expect(pile(page, "Often valued").get_by_label("Autonomy")).to_have_value("often")
    saved(page)

    # By keyboard: Tab from one card's pile list to the next, press a pile's number.
    page.get_by_label("Family time", exact=True).focus()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Creativity", exact=True)).to_be_focused()
    page.keyboard.press("1")
    expect(pile(page, "Always valued").get_by_label("Creativity")).to_have_value("always")
    expect(page.locator("#sort-announce")).to_contain_text("Creativity is now in Always valued.")
    # The next card to sort takes the focus, so sorting goes on from the keyboard.
    expect(page.get_by_label("Security", exact=True)).to_be_focused()
    page.keyboard.press("5")
    expect(pile(page, "Never valued").get_by_label("Security")).to_have_value("never")
    expect(page.locator("#sort-count")).to_have_text(f"3 of {TOTAL} sorted")
    saved(page)
    axe_check(page)
    page.reload()
    expect(pile(page, "Often valued").get_by_label("Autonomy")).to_have_value("often")
    assert piles_of(assessment) == {
        "autonomy": "often",
        "creativity": "always",
        "security": "never",
    }


@DESKTOP
def test_one_full_run_to_the_result(page: Page, site: str) -> None:
    assessment = start(page, presorted=TOTAL - 2, always=5)
    expect(page.locator("#sort-count")).to_have_text(f"{TOTAL - 2} of {TOTAL} sorted")
    last, second_last = CARDS[-1], CARDS[-2]
    page.get_by_label(second_last.name, exact=True).select_option("always")
    page.get_by_label(last.name, exact=True).select_option("sometimes")
    expect(page.locator("#sort-count")).to_have_text(f"{TOTAL} of {TOTAL} sorted")
    expect(page.get_by_text("Every card is in a pile.")).to_be_visible()
    page.get_by_role("button", name="Next: choose your top values").click()

    # Rank: six always-valued cards; add them, reorder by buttons and by dragging.
    expect(page.get_by_role("link", name="2. Choose your top values")).to_have_attribute(
        "aria-current", "step"
    )
    axe_check(page)
    eligible = [c.name for c in CARDS[:5]] + [second_last.name]
    for name in eligible[:4]:
        button(page, "Add to my top", name).click()
    expect(page.locator("#rank-count")).to_have_text("Choose at least 5: you have chosen 4.")
    for name in eligible[4:]:
        button(page, "Add to my top", name).click()
    expect(page.locator("#rank-count")).to_have_text("6 chosen.")
    up = button(page, "Up", eligible[2])
    up.click()
    expect(up).to_be_focused()
    expect(page.locator("#rank-announce")).to_contain_text(f"{eligible[2]} moved up to 2nd.")
    ranked = page.locator('[data-list="ranked"] .rank-item')
    drag(page, ranked.nth(5), ranked.nth(0), below=0.2)  # the last one, dragged to the top
    expect(page.locator("#rank-announce")).to_contain_text(f"{eligible[5]} is now 1st.")
    order = [eligible[5], eligible[0], eligible[2], eligible[1], eligible[3], eligible[4]]
    expect(ranked.locator(".value-name")).to_have_text(order)
    saved(page)
    axe_check(page)
    page.get_by_role("button", name="Next: how your role honours them").click()

    # Honour: rate each, answer one question, see the result.
    expect(page.get_by_role("heading", level=2).first).to_contain_text(order[0])
    axe_check(page)
    ratings = ("1 Not at all", "4 Mostly", "3 Partly", "5 Fully", "2 A little", "4 Mostly")
    for name, rating in zip(order, ratings, strict=True):
        group = page.get_by_role("group", name=f"How well does my current role honour {name}?")
        group.get_by_role("radio", name=rating).check()
    page.get_by_label(BY_NAME[order[0]].question).fill("Hardly, these days.")
    page.get_by_role("button", name="See my result").click()

    expect(page.get_by_text("Your values card sort result is ready.")).to_be_visible()
    expect(page.get_by_role("heading", name="My top values")).to_be_visible()
    expect(page.locator(".values-top h3")).to_have_text(order)
    expect(page.get_by_text("Hardly, these days.")).to_be_visible()
    gaps = page.locator(".values-gaps > li > strong")
    expect(gaps).to_have_text([order[0], order[4]])  # 1st at "not at all", 5th at "a little"
    axe_check(page)
    assessment.refresh_from_db()
    assert [v["name"] for v in assessment.result["top"]] == order


@PHONE
def test_the_sort_and_its_steps_fit_a_phone(page: Page, site: str) -> None:
    assessment = start(page, presorted=TOTAL - 1, always=6)
    axe_check(page)
    last = CARDS[-1].name
    page.get_by_label(last, exact=True).select_option("seldom")
    expect(pile(page, "Seldom valued").get_by_label(last)).to_have_value("seldom")
    saved(page)
    width = VIEWPORTS["phone"]["width"]
    for step in ("sort", "rank", "honour"):
        page.goto(f"{assessment.get_absolute_url()}?step={step}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, step
    page.goto(f"{assessment.get_absolute_url()}?step=rank")
    button(page, "Add to my top", CARDS[0].name).click()
    expect(page.locator("#rank-count")).to_have_text("Choose at least 5: you have chosen 1.")
    axe_check(page)


@PHONE
def test_leaving_at_the_rank_step_and_coming_back_resumes_there(page: Page, site: str) -> None:
    assessment = start(page, presorted=TOTAL)
    page.get_by_role("button", name="Next: choose your top values").click()
    expect(page.locator("[aria-current=step]")).to_contain_text("2.")
    # Away to the journey, then back the way a person comes back: with no step in the address.
    page.goto(assessment.engagement.get_absolute_url())
    page.goto(assessment.get_absolute_url())
    expect(page.locator("[aria-current=step]")).to_contain_text("2.")
    expect(page.get_by_text(re.compile("Choose at least 5"))).to_be_visible()
    axe_check(page)
