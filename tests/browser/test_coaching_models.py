"""A coach reads a built-in model's stages (purpose, tools, questions) before cloning it, then
edits a stage of the copy: as a question is typed, a hint says whether it reads as open.
On a desktop and a phone, axe on every page."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.support import axe_check, log_in
from tests.helpers import build_world

CLOSED_HINT = "Reads as a closed (yes/no) question: an open one (What..., How...) invites"


def _fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, f"{page.url} is wider than the screen"


def test_read_a_built_in_model_then_write_open_questions(page: Page, site: str) -> None:
    world = build_world()
    log_in(page, world.owner.email)
    page.goto("/models/")
    page.get_by_role("link", name="Career Transition Journey", exact=True).click()
    expect(page.get_by_role("heading", name="Career Transition Journey", level=1)).to_be_visible()

    rapport = page.get_by_role("region", name="1. Rapport and setting the stage")
    expect(rapport).to_contain_text("This is where we get to know each other")
    expect(rapport).to_contain_text("Tools: Your coach, Coaching agreement, Intake")
    question = rapport.get_by_text("What brings you here at this point in your working life?")
    expect(question).to_be_hidden()
    rapport.get_by_text("questions", exact=False).first.click()
    expect(question).to_be_visible()
    axe_check(page)
    _fits(page)

    page.get_by_role("link", name="Create your own from this").first.click()
    page.get_by_role("button", name="Create model").click()
    expect(page.get_by_text("is yours to shape")).to_be_visible()
    page.get_by_role("link", name="Edit Rapport and setting the stage").click()
    hints = page.locator("#question-hints")
    expect(hints).to_contain_text("Every question reads as open.")

    questions = page.get_by_role("textbox", name="Open questions")
    questions.press("ControlOrMeta+End")
    questions.press_sequentially("\nDo you like your job?")
    expect(hints).to_contain_text(CLOSED_HINT)
    expect(hints).to_contain_text("Do you like your job?")
    axe_check(page)
    _fits(page)
    questions.press("Enter")
    questions.press_sequentially("What matters most to you in your work?")
    expect(hints.locator("li").filter(has_text="What matters most")).to_contain_text(
        "Reads as an open question."
    )
    expect(hints).to_contain_text(CLOSED_HINT)  # still there: a suggestion, not a block

    page.get_by_role("button", name="Save stage").click()
    expect(page.get_by_text("Stage “Rapport and setting the stage” saved.")).to_be_visible()
    expect(page.get_by_text("“Do you like your job?” reads as a closed (yes/no)")).to_be_visible()
    axe_check(page)
