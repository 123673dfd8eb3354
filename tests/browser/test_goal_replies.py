"""A coach writes under a client's goal and one of its steps; the client reads both on the
goal page and answers, on a desktop and a phone; axe finds no serious problems."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from headway.goals.services import goal_create, step_add
from tests.browser.support import axe_check, log_in
from tests.helpers import build_world


def test_a_conversation_under_a_goal_and_a_step(
    page: Page, browser: Browser, site: str, viewport: dict[str, int]
) -> None:
    world = build_world()
    e = world.engagement
    goal = goal_create(engagement=e, by=world.client, text="Two informational interviews by May")
    step_add(goal=goal, by=world.client, title="Write to Ana at the museum")
    log_in(page, world.owner.email)
    page.goto(f"/e/{e.pk}/goals/{goal.pk}/")
    page.locator("#conversation").get_by_label("Your reply to Cleo Client").fill(
        "Which of the two feels easier to start?"
    )
    page.locator("#conversation").get_by_role("button", name=re.compile("^Send")).click()
    expect(page.get_by_role("status")).to_contain_text("Sent.")
    page.get_by_text("Write to Cleo Client about this step").click()
    page.locator(".step-talk").get_by_label("Your reply to Cleo Client").fill("Ana sounds keen.")
    page.locator(".step-talk").get_by_role("button", name=re.compile("^Send")).click()
    expect(page.locator(".step-talk")).to_contain_text("Ana sounds keen.")
    axe_check(page)

    other = browser.new_context(viewport=viewport, base_url=site)
    client = other.new_page()
    log_in(client, world.client.email)
    client.goto(f"/e/{e.pk}/goals/{goal.pk}/")
    expect(client.locator("#conversation")).to_contain_text("Which of the two feels easier")
    expect(client.locator(".step-talk")).to_contain_text("Ana sounds keen.")
    client.locator(".step-talk").get_by_label("Your answer").fill("She wrote back!")
    client.locator(".step-talk").get_by_role("button", name=re.compile("^Send")).click()
    expect(client.locator(".step-talk")).to_contain_text("She wrote back!")
    axe_check(client)
    assert "{#" not in client.content() and "{%" not in client.content()
    other.close()
