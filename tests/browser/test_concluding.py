"""Concluding, end to end on both screens: the coach opens the readiness page, the client
rates the confidence scale at the end and writes an insight, the coach concludes, the client
reads the celebration summary, downloads it as a PDF and declines the 12-month follow-up."""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import BrowserContext, Page, expect

from headway.concluding.models import FollowUp
from headway.concluding.services import efficacy_record
from headway.core.assessments.efficacy import RATING_LABELS, SCALE, SCALE_KEYS
from headway.goals.services import goal_create, step_add
from tests.browser.support import axe_check, log_in
from tests.helpers import build_world

INSIGHT = "I trust my curiosity more than my CV."


def _fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, f"{page.url} is wider than the screen"


def test_concluding_an_engagement(new_context: Callable[[], BrowserContext], site: str) -> None:
    world = build_world()
    e = world.engagement
    efficacy_record(engagement=e, by=world.client, responses=dict.fromkeys(SCALE_KEYS, 2))
    goal = goal_create(engagement=e, by=world.client, text="Try UX research")
    step_add(goal=goal, by=world.client, title="Ask Ana for a call")

    coach = new_context().new_page()
    log_in(coach, world.owner.email)
    coach.goto(f"/e/{e.pk}/")
    coach.get_by_role("link", name="Readiness to conclude").click()
    expect(coach.get_by_role("heading", name="Readiness to conclude")).to_be_visible()
    expect(coach.get_by_text("At the start: 2 of 5")).to_be_visible()
    expect(
        coach.get_by_text("What are the next few steps, and when will you take them?")
    ).to_be_visible()
    axe_check(coach)
    _fits(coach)

    client = new_context().new_page()
    log_in(client, world.client.email)
    client.goto(f"/e/{e.pk}/conclude/")
    client.get_by_role("link", name="Take the confidence scale").click()
    expect(client.get_by_role("heading", name="How confident do you feel?")).to_be_visible()
    axe_check(client)
    _fits(client)
    for item in SCALE:
        group = client.get_by_role("group", name=item.text)
        group.get_by_label(f"4: {RATING_LABELS[4]}").check()
    phase = client.get_by_role("group", name="When in your journey is this?")
    expect(phase.get_by_label("At the end")).to_be_checked()
    client.get_by_role("button", name="Save my ratings").click()
    expect(client.get_by_text("Now: 4 of 5")).to_be_visible()

    client.get_by_role("link", name="Write your insights").click()
    axe_check(client)
    client.get_by_label("What I learned").fill(INSIGHT)
    client.get_by_label("Who I can turn to from here").fill("Ana, and my old team lead")
    client.get_by_role("button", name="Save my insights").click()
    expect(client.get_by_text("Your insights are saved.")).to_be_visible()
    expect(client.get_by_role("button", name="Conclude")).to_have_count(0)  # the coach's call

    coach.reload()
    expect(coach.get_by_text(INSIGHT)).to_be_visible()
    coach.get_by_label("A closing reflection").fill("It was a joy to watch you find your way.")
    coach.get_by_role("button", name="Conclude").click()
    expect(coach.get_by_text("Concluded. Here is the journey, for both of you.")).to_be_visible()
    axe_check(coach)

    client.goto(f"/e/{e.pk}/")
    client.get_by_role("link", name="Celebration summary").click()
    expect(client.get_by_role("heading", name="My journey")).to_be_visible()
    expect(client.get_by_text(INSIGHT)).to_be_visible()
    expect(client.get_by_text("It was a joy to watch you find your way.")).to_be_visible()
    axe_check(client)
    _fits(client)
    with client.expect_download(timeout=30_000) as download:  # WeasyPrint takes its time
        client.get_by_role("link", name="Download PDF").click()
    assert download.value.path().read_bytes()[:5] == b"%PDF-"
    assert download.value.suggested_filename.startswith("my-journey-")

    client.get_by_role("link", name="Follow-ups at 3, 6 and 12 months").click()
    expect(client.get_by_role("heading", name="12-month follow-up")).to_be_visible()
    axe_check(client)
    client.get_by_role("button", name=re.compile("decline the 12-month follow-up")).click()
    expect(client.get_by_text("The 12-month follow-up is declined")).to_be_visible()
    expect(
        client.get_by_role("button", name=re.compile("after all.*12-month follow-up"))
    ).to_be_visible()
    axe_check(client)
    _fits(client)
    assert FollowUp.objects.get(engagement=e, months=12).declined_at is not None
    assert FollowUp.objects.get(engagement=e, months=3).declined_at is None
