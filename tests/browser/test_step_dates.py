"""A step dated in the past: the page asks whether the date is the one meant, the client
decides (the date they more likely meant, or "Save anyway"), and an open past step reads
overdue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone
from playwright.sync_api import BrowserContext, expect

from headway.goals.services import goal_create
from tests.browser.support import axe_check, log_in
from tests.helpers import build_world


def _short(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def test_a_past_date_is_asked_about_then_shown_overdue(
    new_context: Callable[[], BrowserContext],
) -> None:
    world = build_world()
    e = world.engagement
    goal = goal_create(engagement=e, by=world.client, text="Apply for 3 UX roles by 31 March 2027")
    past = timezone.localdate() - dt.timedelta(days=3)
    meant = past.replace(year=past.year + 1)

    page = new_context().new_page()
    log_in(page, world.client.email)
    page.goto(f"/e/{e.pk}/goals/{goal.pk}/")
    add = page.locator("details.step-add form")
    add.get_by_label("Step").fill("Email Ana about her research work")
    add.get_by_label("By when").fill(past.isoformat())
    add.get_by_role("button", name="Add the step").click()

    # Asked, not refused: the typed words stay, and the client picks.
    add = page.locator("details.step-add form")
    expect(
        add.get_by_text(f"{_short(past)} is in the past. Did you mean {_short(meant)}?")
    ).to_be_visible()
    expect(add.get_by_label("Step")).to_have_value("Email Ana about her research work")
    expect(add.get_by_role("button", name=f"Use {_short(meant)}")).to_be_visible()
    axe_check(page)
    add.get_by_role("button", name=f"Save anyway, with {_short(past)}").click()

    expect(page.locator(".messages").get_by_text("Step added")).to_be_visible()
    step = page.locator("#steps li.step", has_text="Email Ana about her research work")
    expect(step.get_by_text("overdue", exact=True)).to_be_visible()
    expect(step).to_contain_text(f"by {past.day} {past:%b %Y}")
    axe_check(page)

    # Ticked off, it is no longer overdue.
    page.get_by_role("button", name="Done: Email Ana about her research work").click()
    expect(page.locator(".messages").get_by_text("is marked done")).to_be_visible()
    expect(page.locator("#steps").get_by_text("overdue", exact=True)).to_have_count(0)
