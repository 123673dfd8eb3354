"""The client's journey page on a phone: the stage's tools come before its questions, on
screen and in keyboard order."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import VIEWPORTS
from tests.browser.support import axe_check, log_in
from tests.helpers import build_world


@pytest.mark.parametrize("viewport", [VIEWPORTS["phone"]], ids=["phone"])
def test_on_a_phone_the_tools_come_before_the_questions(page: Page, site: str) -> None:
    world = build_world()
    log_in(page, world.client.email)
    page.goto(f"/e/{world.engagement.pk}/")
    tools = page.get_by_role("heading", name="Tools for this stage")
    questions = page.get_by_role("heading", name="Questions to reflect on")
    expect(tools).to_be_visible()
    expect(questions).to_be_attached()
    t, q = tools.bounding_box(), questions.bounding_box()
    assert t and q and t["y"] < q["y"]
    order = page.evaluate(
        "() => [...document.querySelectorAll('main h2, main h3')].map(h => h.textContent.trim())"
    )
    assert order.index("Tools for this stage") < order.index("Questions to reflect on")
    axe_check(page)
