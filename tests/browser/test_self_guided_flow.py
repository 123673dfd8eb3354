"""A self-guided journey: Headway asks one question at a time; the client moves their own stage."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from headway.engagements.models import Engagement
from tests.browser.support import PASSWORD, axe_check


def test_self_guided_journey_from_signup_to_stage_two(page: Page, site: str) -> None:
    page.goto("/signup/")
    page.get_by_role("link", name="Start a self-guided journey").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Start your self-guided journey")
    axe_check(page)
    page.get_by_label("Your name").fill("Sam Solo")
    page.get_by_label("Email", exact=True).fill("sam@example.com")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    expect(page.get_by_role("radio", name=re.compile("^Career Transition Journey"))).to_be_checked()
    page.get_by_role("button", name="Start my journey").click()
    # Wait for the server to finish before reading the database it shares with this thread.
    expect(page).to_have_url(re.compile(rf"^{re.escape(site)}/e/\d+/$"))
    expect(page.get_by_text("Your journey has started.")).to_be_visible()

    engagement = Engagement.objects.get(client__email="sam@example.com")
    stages = list(engagement.model_version.stages.order_by("position"))
    first, second = stages[0], stages[1]
    questions = list(first.questions.order_by("position"))
    total = len(questions)
    assert total > 1

    # Headway asks the first question.
    expect(page).to_have_url(f"{site}/e/{engagement.pk}/")
    expect(page.get_by_text(f"Headway asks · question 1 of {total}")).to_be_visible()
    axe_check(page)
    answer = "I want my work to matter to the people around me."
    page.get_by_role("textbox", name=questions[0].text).fill(answer)
    page.get_by_role("button", name="Save and next question").click()
    expect(page.get_by_text(f"Headway asks · question 2 of {total}")).to_be_visible()
    expect(page.get_by_role("textbox", name=questions[1].text)).to_be_visible()
    axe_check(page)

    # All the questions of the stage at once, the first one answered.
    page.get_by_role("link", name="See all questions").click()
    expect(page.get_by_role("heading", name="Questions to reflect on")).to_be_visible()
    expect(page.get_by_text(f"1 of {total} answered.")).to_be_visible()
    expect(page.get_by_role("textbox", name=questions[0].text)).to_have_value(answer)
    axe_check(page)

    # The exit checklist, item by item.
    checklist = page.locator("section", has=page.get_by_role("heading", name="Before moving on"))
    items = len(first.exit_checklist)
    assert items > 0
    expect(checklist.get_by_role("button", name=re.compile("^Mark done"))).to_have_count(items)
    for done in range(1, items + 1):
        checklist.get_by_role("button", name=re.compile("^Mark done")).first.click()
        expect(checklist.get_by_role("button", name=re.compile("^✓ Done"))).to_have_count(done)
    expect(checklist.locator("button[aria-pressed=true]")).to_have_count(items)
    axe_check(page)

    # The client moves their own journey on.
    move = page.locator(
        "section", has=page.get_by_role("heading", name="Ready for the next stage?")
    )
    expect(move.get_by_label("Move to stage")).to_have_value(str(second.pk))
    move.get_by_label(re.compile("^Why now")).fill("The checklist feels true.")
    move.get_by_role("button", name="Move").click()
    expect(page.get_by_text(f"Moved to “{second.name}”.")).to_be_visible()
    expect(page.get_by_text(re.compile(rf"^You are at stage 2 of {len(stages)}"))).to_contain_text(
        second.name
    )
    expect(page.locator(".journey li.current")).to_have_text(re.compile(re.escape(second.name)))
    expect(page.get_by_role("heading", name=second.name, exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile(r"Headway asks · question 1 of \d+"))).to_be_visible()
    axe_check(page)
    engagement.refresh_from_db()
    assert engagement.stage_id == second.pk
