"""A client writes a vague goal, sees what the SMART panel asks, answers it in their own
words, saves, plans steps and an obstacle, revises the goal with a reason, and shares a
read-only link with a partner (who sees goals and steps, never the obstacle) until revoked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.support import axe_check, log_in
from tests.helpers import build_world

VAGUE = "Get into UX"
CLEAR = "Apply for 3 UX research roles by 31 March 2027"


def no_sideways_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url


def test_a_smart_goal_a_plan_and_a_partner(new_context: Callable[[], BrowserContext]) -> None:
    world = build_world()
    e = world.engagement
    e.assessments.create(
        kind="values",
        result={"top": [{"key": "learning", "name": "Learning"}]},
        completed_at=timezone.now(),
    )

    page = new_context().new_page()
    log_in(page, world.client.email)
    page.goto(f"/e/{e.pk}/goals/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Goals and action plan")
    axe_check(page)
    no_sideways_scroll(page)

    # A vague goal: the panel, updated as the client types, asks about what is missing.
    panel = page.locator("#smart-panel")
    page.get_by_label("My goal").fill(VAGUE)
    expect(panel.locator(".smart-part")).to_have_count(3)
    expect(panel.locator(".smart-part.open").first).to_be_visible()
    expect(panel.locator(".smart-question").first).to_be_visible()
    open_before = panel.locator(".smart-part.open").count()
    axe_check(page)

    # The client answers in their own words; a date makes it time-bound and fills the due date.
    page.get_by_label("My goal").fill(CLEAR)
    expect(panel.locator('[data-part="time_bound"]')).to_have_class("smart-part met")
    assert panel.locator(".smart-part.open").count() < open_before
    expect(page.get_by_label("Due date")).to_have_value("2027-03-31")
    page.get_by_label("How confident am I that I will get there?").select_option("7")
    page.get_by_label("Hours a week I can give it").fill("5")
    page.get_by_label("A value it serves").select_option(label="Learning")
    no_sideways_scroll(page)
    page.get_by_role("button", name="Save my goal").click()
    expect(page.get_by_text("Your goal is saved.")).to_be_visible()
    expect(page.get_by_text(CLEAR).first).to_be_visible()

    # Two steps, one of them done.
    soon = timezone.localdate() + dt.timedelta(days=5)
    add = page.locator("details.step-add form")
    add.get_by_label("Step").fill("Email Ana about her research work")
    add.get_by_label("Kind").select_option(label="Mentoring")
    add.get_by_label("By when").fill(soon.isoformat())
    add.get_by_role("button", name="Add the step").click()
    expect(page.get_by_text("Step added: “Email Ana about her research work”.")).to_be_visible()
    page.get_by_text("Add a step").click()
    add.get_by_label("Step").fill("Read one chapter on usability testing")
    add.get_by_role("button", name="Add the step").click()
    page.get_by_role("button", name="Done: Email Ana about her research work").click()
    expect(page.locator("#steps").get_by_text("1 of 2 steps done")).to_be_visible()

    # An obstacle with its if-then plan.
    page.get_by_text("Plan for an obstacle").click()
    page.get_by_label("If…").fill("a night shift leaves me too tired to read")
    page.get_by_label("…then I will").fill("read for twenty minutes on my next day off")
    page.get_by_role("button", name="Save the if-then plan").click()
    expect(page.get_by_text("Your if-then plan is saved.")).to_be_visible()

    # A revision with a reason, kept in the history.
    page.get_by_text("Revise this goal").click()
    page.get_by_label("My goal").fill(CLEAR + " in health tech")
    page.get_by_label("What changed, and why?").fill("Ana said health tech values nurses.")
    page.get_by_role("button", name="Save the revision").click()
    expect(page.get_by_text("Saved. The change is in the goal's history.")).to_be_visible()
    history = page.locator("#history")
    expect(history.get_by_text("Ana said health tech values nurses.")).to_be_visible()
    expect(history.get_by_text(f"was “{CLEAR}”")).to_be_visible()
    axe_check(page)
    no_sideways_scroll(page)

    # A link for a partner, shown once.
    page.goto(f"/e/{e.pk}/goals/")
    page.get_by_label("Who is the link for?").fill("Kofi")
    page.get_by_role("button", name="Create a link").click()
    link = page.locator("#new-link").inner_text().strip()
    assert "/partner/" in link
    axe_check(page)
    no_sideways_scroll(page)

    partner = new_context().new_page()
    partner.goto(link)
    expect(partner.get_by_role("heading", level=1)).to_have_text("Cleo's goals")
    expect(partner.get_by_text(CLEAR + " in health tech")).to_be_visible()
    expect(partner.get_by_text("Email Ana about her research work")).to_be_visible()
    expect(partner.get_by_text("1 of 2 steps done")).to_be_visible()
    expect(partner.get_by_text("night shift")).to_have_count(0)
    expect(partner.get_by_text("health tech values nurses")).to_have_count(0)
    axe_check(partner)
    no_sideways_scroll(partner)

    page.get_by_role("button", name="Revoke the link for Kofi").click()
    expect(page.get_by_text("The link for Kofi is revoked")).to_be_visible()
    response = partner.goto(link)
    assert response is not None and response.status == 404

    # A skill gap from transition pathways becomes a step of the goal.
    page.goto(
        f"/e/{e.pk}/goals/from-gap/?element_id=2.C.4.d&element_name=Biology"
        "&occupation=Registered+Nurses"
    )
    expect(page.get_by_label("The step")).to_have_value(
        "Find a course in Biology (for Registered Nurses)"
    )
    axe_check(page)
    no_sideways_scroll(page)
    page.get_by_label("A certification").check()
    page.get_by_label("The step").fill("Look into a biology refresher certificate")
    page.get_by_role("button", name="Add the step").click()
    expect(
        page.get_by_text("Step added: “Look into a biology refresher certificate”.")
    ).to_be_visible()
    expect(page.locator("#steps").get_by_text("1 of 3 steps done")).to_be_visible()
