"""Leaving a page loses nothing by surprise: the intake saves a draft as it is typed, and a
check-in begun and not sent makes the browser ask before leaving. Desktop and phone, axe."""

from __future__ import annotations

import re

from playwright.sync_api import Dialog, Page, expect

from headway.engagements.models import Intake
from tests.browser.support import axe_check, log_in
from tests.helpers import build_world


def test_leaving_a_half_filled_intake_keeps_it_as_a_draft(page: Page, site: str) -> None:
    world = build_world()
    e = world.engagement
    log_in(page, world.client.email)
    page.goto(f"/e/{e.pk}/intake/")
    page.wait_for_load_state("load")  # the page's scripts are running
    page.get_by_label("Current role").fill("Secondary school teacher")
    expect(page.get_by_role("status").filter(has_text="Draft saved")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="← Back to the journey").click()
    expect(page.get_by_text("fill in the intake")).to_be_visible()  # still not sent

    page.goto(f"/e/{e.pk}/intake/")
    expect(page.get_by_label("Current role")).to_have_value("Secondary school teacher")
    intake = Intake.objects.get(engagement=e)
    assert intake.current_role == "Secondary school teacher" and not intake.is_complete
    page.get_by_role("button", name="Send my intake").click()
    expect(page.get_by_text("fill in the intake")).to_have_count(0)
    assert Intake.objects.get(engagement=e).is_complete


def test_a_check_in_begun_asks_before_the_page_is_left(page: Page, site: str) -> None:
    world = build_world()
    e = world.engagement
    log_in(page, world.client.email)
    page.goto(f"/e/{e.pk}/check-ins/")
    page.wait_for_load_state("load")
    asked: list[str] = []

    def stay(dialog: Dialog) -> None:
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.get_by_label(re.compile("What moved since last time")).fill(
        "Two conversations with trainers"
    )
    page.get_by_role("link", name="← Your journey").click()
    expect(page.get_by_label(re.compile("What moved since last time"))).to_have_value(
        "Two conversations with trainers"
    )
    assert asked == ["beforeunload"]
    page.remove_listener("dialog", stay)


def test_on_a_phone_the_journey_shows_its_tools_before_the_questions(page: Page, site: str) -> None:
    world = build_world()
    log_in(page, world.client.email)
    page.goto(f"/e/{world.engagement.pk}/")
    work = page.get_by_role("region", name="Your work")
    expect(work).to_have_count(1)
    expect(work.get_by_role("link", name="Check-ins")).to_be_visible()
    question = page.locator("textarea").first
    work_top = work.bounding_box()
    question_top = question.bounding_box()
    assert work_top is not None and question_top is not None
    assert work_top["y"] < question_top["y"]  # above the questions, not after them
    axe_check(page)
