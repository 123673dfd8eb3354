"""From choosing to a plan in the calendar, in one go: the client chooses an option in the
matrix, follows it to goals, writes a goal and answers what the SMART panel asks, adds a dated
step and an if-then plan, and downloads the plan as iCalendar, which parses back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import icalendar
import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, expect

from headway.decisions.services import decision_matrix_start
from headway.exploration.services import option_add
from tests.browser.conftest import VIEWPORTS
from tests.browser.support import DOWNLOAD_TIMEOUT, axe_check, log_in
from tests.helpers import build_world


@pytest.mark.parametrize("viewport", [VIEWPORTS["desktop"]], ids=["desktop"])
def test_choose_then_plan_then_calendar(
    new_context: Callable[[], BrowserContext], site: str
) -> None:
    world = build_world()
    e = world.engagement
    for title in ("UX research", "Teaching"):
        option_add(engagement=e, by=world.client, title=title)
    decision_matrix_start(engagement=e, by=world.client)

    page = new_context().new_page()
    log_in(page, world.client.email)
    page.goto(f"/e/{e.pk}/decide/")
    choose = page.get_by_role("region", name="My choice")
    choose.get_by_label("UX research").check()
    choose.get_by_role("button", name="This is my choice").click()
    expect(page.get_by_text("You chose “UX research”.")).to_be_visible()
    page.get_by_role("link", name="Turn this into goals").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Goals and action plan")
    expect(page.get_by_label("My goal")).to_have_value("Move into UX research")
    panel = page.locator("#smart-panel")
    page.get_by_label("My goal").fill("Get into UX")
    expect(panel.locator(".smart-question").first).to_be_visible()
    goal = "Talk to 3 UX researchers about their work by 30 June 2027"
    page.get_by_label("My goal").fill(goal)
    expect(panel.locator('[data-part="time_bound"]')).to_have_class("smart-part met")
    expect(panel.locator('[data-part="measurable"]')).to_have_class("smart-part met")
    page.get_by_role("button", name="Save my goal").click()
    expect(page.get_by_text("Your goal is saved.")).to_be_visible()

    step_day = timezone.localdate() + dt.timedelta(days=3)
    add = page.locator("details.step-add form")
    add.get_by_label("Step").fill("Message Ana, a UX researcher, for a coffee")
    add.get_by_label("By when").fill(step_day.isoformat())
    add.get_by_role("button", name="Add the step").click()
    expect(page.locator(".messages").get_by_text("Step added")).to_be_visible()
    page.get_by_text("Plan for an obstacle").click()
    page.get_by_label("If…").fill("nobody answers within a week")
    page.get_by_label("…then I will").fill("ask my coach for two introductions")
    page.get_by_role("button", name="Save the if-then plan").click()
    expect(page.get_by_text("Your if-then plan is saved.")).to_be_visible()
    axe_check(page)

    page.goto(f"/e/{e.pk}/goals/")
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT) as download:
        page.get_by_role("link", name="Download the plan (.ics)").click()
    calendar = icalendar.Calendar.from_ical(download.value.path().read_bytes())
    events = {str(ev["SUMMARY"]): ev.decoded("DTSTART") for ev in calendar.walk("VEVENT")}
    step = next(s for s in events if "Message Ana" in s)
    assert events[step] == step_day
    assert dt.date(2027, 6, 30) in events.values()  # the goal's deadline, from its words
