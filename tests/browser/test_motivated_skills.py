"""Motivated skills in a real browser, one full run: a JSON Resume upload and its review, the
sort (on a phone), the result with its quadrants, and on to transition pathways."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from headway.onet import pathways, search
from tests.browser.conftest import VIEWPORTS
from tests.browser.support import PASSWORD, axe_check
from tests.helpers import build_world
from tests.onet.fixtures import load_mini

RESUME = Path(__file__).parents[1] / "discovery" / "fixtures" / "resume.json"


def rate(page: Page, skill: str, *, how_well: str = "", using_it: str = "") -> None:
    if how_well:
        page.get_by_label(f"{skill}: how well", exact=True).select_option(label=how_well)
    if using_it:
        page.get_by_label(f"{skill}: using it", exact=True).select_option(label=using_it)


def own_row(page: Page, name: str) -> Locator:
    return page.locator(".skill-sort-row.own").filter(has=page.locator(f'input[value="{name}"]'))


def no_sideways_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("viewport", [VIEWPORTS["desktop"]], ids=["desktop"])
def test_one_full_run_from_a_resume_to_pathways(page: Page, site: str) -> None:
    search.clear_cache()
    pathways.clear_cache()
    load_mini()
    world = build_world()
    page.goto("/login/")
    page.get_by_label("Email").fill(world.client.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    expect(page.get_by_role("navigation", name="Main")).to_contain_text("Log out")

    page.goto(f"/e/{world.engagement.pk}/discovery/skills/")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Motivated skills")
    expect(page.get_by_label("Programming: how well", exact=True)).to_have_value("")
    axe_check(page)

    # The résumé: upload, then review what it found.
    page.get_by_label("Your JSON Resume file").set_input_files(RESUME)
    page.get_by_role("button", name="Read my résumé").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Review the skills from your résumé")
    expect(page.get_by_label("Add “Python” as")).to_have_value("2.B.3.e")
    expect(page.get_by_label("Add “Facilitation” as")).to_have_value("own")
    axe_check(page)
    # Spotted in a work highlight: offered with its suggestion, not chosen for her.
    expect(page.get_by_label("Add “budget” as")).to_have_value("skip")
    page.get_by_label("Add “Swedish” as").select_option(label="Skip it")
    page.get_by_label("Add “Accessibility” as").select_option(label="Technology Design")
    page.get_by_role("button", name="Add these skills").click()
    expect(
        page.get_by_text(re.compile(r"Added \d+ skills from your résumé: .*Programming"))
    ).to_be_visible()
    expect(
        page.get_by_text("From your résumé: Programming, Python, JavaScript, Django")
    ).to_be_visible()
    expect(page.get_by_label("Programming: how well", exact=True)).to_have_value("capable")

    # The sort, on a phone: it fits the screen and every change saves itself.
    page.set_viewport_size(VIEWPORTS["phone"])
    no_sideways_scroll(page)
    axe_check(page)
    rate(page, "Programming", how_well="Expert", using_it="Love to use")
    expect(page.locator("#save-status")).to_contain_text("Saved")
    rate(page, "Instructing", using_it="Love to use")
    rate(page, "Mathematics", using_it="Would rather not")
    rate(page, "Speaking", how_well="Still learning", using_it="Love to use")
    rate(page, "Learning Strategies", using_it="Happy to use")
    rate(page, "Critical Thinking", how_well="Capable", using_it="Happy to use")
    own_row(page, "Facilitation").get_by_label(re.compile("using it")).select_option(
        label="Love to use"
    )
    own_row(page, "English").get_by_label(re.compile("using it")).select_option(
        label="Happy to use"
    )
    blank = page.locator(".skill-sort-row.own").filter(has=page.locator('input[value=""]')).first
    blank.get_by_role("textbox").fill("Calming a room")
    blank.get_by_label(re.compile("how well")).select_option(label="Strong")
    blank.get_by_label(re.compile("using it")).select_option(label="Love to use")
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.get_by_role("button", name="See my motivated skills").click()

    # The result: the quadrants with their questions, and the way on to pathways.
    expect(page.get_by_text("Your motivated skills result is ready.")).to_be_visible()
    motivated = page.locator(".quadrant-motivated")
    for name in ("Programming", "Instructing", "Facilitation", "Calming a room"):
        expect(motivated.get_by_role("listitem").filter(has_text=name)).to_have_count(1)
    expect(page.locator(".quadrant-burnout")).to_contain_text("Mathematics")
    expect(page.locator(".quadrant-growth")).to_contain_text("Speaking")
    expect(page.get_by_role("heading", name="Less central")).to_be_visible()
    expect(motivated.get_by_role("listitem").filter(has_text="What would a week")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Where could my motivated skills lead?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Where could my work lead?")
    expect(page.get_by_label("Skill 1", exact=True)).to_have_value("2.B.1.e")  # Instructing
    expect(page.get_by_label("Your level in skill 1")).to_have_value("6")
    expect(page.get_by_label("Skill 2", exact=True)).to_have_value("2.B.3.e")  # Programming
    results = page.get_by_role("region", name=re.compile("occupations to explore"))
    expect(results.get_by_role("link", name="Software Developers")).to_be_visible()
    expect(page.get_by_role("link", name="← Back to the journey")).to_be_visible()
    axe_check(page)
    search.clear_cache()
    pathways.clear_cache()
