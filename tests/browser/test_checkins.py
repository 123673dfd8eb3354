"""A client checks in between sessions, twice, with energy falling and a step done; the coach
sees the flag on the dashboard and, on the check-ins page, a question to ask."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import BrowserContext, Page, expect

from headway.checkins.services import checkin_add
from headway.goals.services import goal_create, step_add
from tests.browser.support import axe_check, log_in
from tests.helpers import build_world

QUESTION = "What has been taking your energy lately, and what would give some back?"


def _check_in(page: Page, energy: str, win: str, step: str = "") -> None:
    form = page.get_by_role("group", name="Your energy these days")
    form.get_by_label(energy, exact=True).check()
    page.get_by_label("A win, however small").fill(win)
    if step:
        page.get_by_label(step).check()
    page.get_by_role("button", name="Check in", exact=True).click()
    expect(page.get_by_text("Checked in. Thank you.")).to_be_visible()


def test_check_ins_raise_a_flag_for_the_coach(
    new_context: Callable[[], BrowserContext], site: str
) -> None:
    world = build_world()
    e = world.engagement
    goal = goal_create(engagement=e, by=world.client, text="Try UX research")
    step_add(goal=goal, by=world.client, title="Ask Ana for a call")
    checkin_add(engagement=e, by=world.client, energy=8, win="Started")  # a week earlier

    client = new_context().new_page()
    log_in(client, world.client.email)
    client.goto(f"/e/{e.pk}/")
    client.get_by_role("link", name="Check-ins").click()
    expect(client.get_by_role("heading", name="Check-ins", exact=True)).to_be_visible()
    axe_check(client)
    width = client.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, "the check-in page is wider than the screen"

    _check_in(client, "6", "Read two job ads", step="Ask Ana for a call")
    expect(client.get_by_label("Ask Ana for a call")).to_have_count(0)  # done, so not offered
    _check_in(client, "4", "Slept well on Sunday")
    expect(client.get_by_text("oldest first, out of 10: 8, 6, 4")).to_be_visible()
    axe_check(client)

    coach = new_context().new_page()
    log_in(coach, world.owner.email)
    coach.goto("/dashboard/")
    expect(coach.get_by_text("Energy falling across check-ins").first).to_be_visible()
    axe_check(coach)
    coach.goto(f"/e/{e.pk}/check-ins/")
    signals = coach.get_by_role("region", name="Signals")
    expect(signals).to_contain_text("Energy falling across check-ins")
    expect(signals).to_contain_text(QUESTION)
    expect(coach.get_by_text("Ask Ana for a call")).to_be_visible()  # in the history
    expect(coach.get_by_role("button", name="Check in", exact=True)).to_have_count(0)
    axe_check(coach)
