"""The interests inventory and the strengths assessment, each run once from start to result in
a real browser: radios autosave, pages and steps move on, the result shows its chart and
table, and axe finds no serious accessibility problems. Interests runs on a desktop and a
phone; most of its answers go in as the no-JavaScript form would post them, the last page
through the page itself."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from headway.core.assessments.riasec_inventory import PAGES, SCALE
from headway.core.assessments.strengths import STRENGTHS
from headway.onet import pathways, search
from tests.browser.conftest import VIEWPORTS
from tests.browser.support import axe_check, log_in
from tests.helpers import build_world
from tests.onet.fixtures import load_mini

# Ideas first, then making things; little taste for tools: Holland code IAS.
LEANING = {"R": 1, "I": 5, "A": 4, "S": 3, "E": 2, "C": 2}
LABELS = dict(SCALE)
TOP = ["Curiosity", "Listening", "Follow-through", "Storytelling", "Humour"]
VIA = "\n".join(
    f"{i}. {name}"
    for i, name in enumerate(
        ["Kindness", "Zest", "Curiosity", "Love", "Honesty", "Pluckiness", "Hope", "Humour"], 1
    )
)


@pytest.fixture
def onet() -> Iterator[None]:
    search.clear_cache()
    pathways.clear_cache()
    load_mini()
    yield
    search.clear_cache()
    pathways.clear_cache()


def test_interests_from_the_first_answer_to_matching_occupations(
    page: Page, site: str, onet: None
) -> None:
    world = build_world()
    e = world.engagement
    log_in(page, world.client.email)
    page.goto(f"/e/{e.pk}/discovery/interests/")
    page.get_by_role("main").get_by_role("button", name="Start").click()
    expect(page.get_by_text("Page 1 of 5")).to_be_visible()
    axe_check(page)

    # One answer by hand: it autosaves.
    first = PAGES[0][0]
    page.get_by_role("group", name=first.text).get_by_label(
        LABELS[LEANING[first.letter]], exact=True
    ).check()
    expect(page.locator("#save-status")).to_contain_text("Saved")

    # Pages 1-4 as the form posts them without JavaScript.
    form = page.locator("form.inventory")
    save_url = form.get_attribute("action")
    assert save_url
    data = {f"rate-{s.key}": str(LEANING[s.letter]) for p in PAGES[:4] for s in p if s != first}
    token = form.locator("input[name=csrfmiddlewaretoken]").input_value()
    response = page.request.post(
        save_url, form={"csrfmiddlewaretoken": token, "step": "4", **data}, max_redirects=0
    )
    assert response.status == 302

    page.reload()
    page.get_by_role("navigation", name="Pages of activities").get_by_role(
        "button", name=re.compile("^Page 5")
    ).click()
    expect(page.get_by_text("Page 5 of 5")).to_be_visible()
    expect(page.get_by_text("48 of 60 answered")).to_be_visible()
    for statement in PAGES[4]:
        page.get_by_role("group", name=statement.text).get_by_label(
            LABELS[LEANING[statement.letter]], exact=True
        ).check()
    axe_check(page)
    page.get_by_role("button", name="Finish and see my profile").click()

    expect(page.get_by_text("Your interests (RIASEC) result is ready.")).to_be_visible()
    expect(page.locator(".riasec-code")).to_have_text("IAS")
    expect(page.locator("svg.radar-chart")).to_be_visible()
    table = page.get_by_role("table", name="Interest profile")
    expect(table.get_by_role("row", name="Investigative 100")).to_be_visible()
    expect(page.get_by_role("heading", name="Questions to explore")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="See occupations that fit this profile").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Work that fits your interests")
    expect(page.get_by_text("Your Holland code is IAS")).to_be_visible()
    expect(page.locator("ol.results").get_by_role("link").first).to_be_visible()


def test_strengths_rated_chosen_reflected_and_set_beside_via(browser: Browser, site: str) -> None:
    world = build_world()
    e = world.solo_engagement
    desktop = VIEWPORTS["desktop"]
    context = browser.new_context(
        viewport={"width": desktop["width"], "height": desktop["height"]}, base_url=site
    )
    context.set_default_timeout(5_000)
    page = context.new_page()
    try:
        log_in(page, world.solo.email)
        page.goto(f"/e/{e.pk}/discovery/strengths/")
        page.get_by_role("main").get_by_role("button", name="Start").click()
        expect(page.get_by_role("heading", name="How much is each of these you?")).to_be_visible()
        axe_check(page)
        for s in STRENGTHS:
            group = page.get_by_role("group", name=re.compile(f"^{re.escape(s.name)} "))
            group.get_by_label("Very me" if s.name in TOP else "Somewhat", exact=True).check()
        expect(page.locator("#save-status")).to_contain_text("Saved")
        page.get_by_role("button", name="Next: choose five").click()

        expect(page.get_by_role("heading", name="Choose your top five")).to_be_visible()
        for name in TOP:
            page.get_by_role("checkbox", name=re.compile(f"^{re.escape(name)} ")).check()
        axe_check(page)
        page.get_by_role("button", name="Next: reflect").click()

        question = (
            "Humour: which recent difficulty did it carry you through, and what did you learn?"
        )
        page.get_by_label(question).fill("The house move: we laughed our way through it.")
        axe_check(page)
        page.get_by_role("button", name="Next: other results").click()

        page.get_by_label("My VIA character strengths, in ranked order").fill(VIA)
        page.get_by_label("My CliftonStrengths top five").fill("Learner, Input, Empathy")
        page.get_by_role("button", name="Save and check how it reads").click()
        expect(page.get_by_text("6. Pluckiness (not a VIA name we recognise)")).to_be_visible()
        axe_check(page)
        page.get_by_role("button", name="Finish and see my strengths").click()

        expect(page.get_by_role("heading", name="Your top five")).to_be_visible()
        expect(page.locator(".strength-picks > li")).to_have_count(5)
        expect(page.get_by_text("The house move: we laughed our way through it.")).to_be_visible()
        expect(page.locator("svg.radar-chart")).to_be_visible()
        expect(page.get_by_role("table", name="Average rating by theme")).to_be_visible()
        via = page.locator(
            ".outside-result", has=page.get_by_role("heading", name=re.compile("^VIA"))
        )
        expect(via.get_by_role("listitem").first).to_have_text("Kindness")
        page.get_by_text("The rest of the ranking").click()
        expect(via.get_by_text("Pluckiness (not a VIA name we recognise)")).to_be_visible()
        expect(via.get_by_text("Humor", exact=True)).to_be_visible()
        expect(page.get_by_text("Learner", exact=True)).to_be_visible()
        axe_check(page)
    finally:
        context.close()
