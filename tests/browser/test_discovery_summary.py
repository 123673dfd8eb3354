"""The coach assigns an assessment by email; the client's results come together in the
"Who I am" summary, as a page and a PDF; a bad value typed into an autosaving form says why
it was not saved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, expect

from headway.core.assessments.riasec_inventory import STATEMENTS
from headway.discovery.models import Kind
from headway.discovery.services import (
    assessment_complete,
    assessment_set_responses,
    assessment_start,
)
from tests.browser.conftest import VIEWPORTS
from tests.browser.support import DOWNLOAD_TIMEOUT, axe_check, log_in
from tests.helpers import build_world
from tests.smtp import Mailbox


def test_assign_take_and_see_the_summary(
    new_context: Callable[[], BrowserContext], mailbox: Mailbox, site: str
) -> None:
    world = build_world()
    e = world.engagement
    due = timezone.localdate() + dt.timedelta(days=10)

    coach = new_context().new_page()
    log_in(coach, world.owner.email)
    coach.goto(f"/e/{e.pk}/discovery/")
    axe_check(coach)
    coach.get_by_label("Assessment", exact=True).select_option(label="Interests (RIASEC)")
    coach.get_by_label("Due by").fill(due.isoformat())
    coach.get_by_label("A note for your client").fill("Have a go before Thursday")
    coach.get_by_role("button", name="Assign").click()
    expect(coach.get_by_text("Interests (RIASEC) assigned to")).to_be_visible()

    email = mailbox.wait_for(world.client.email, subject="interests (RIASEC)")
    assert "Have a go before Thursday" in email.body

    client = new_context().new_page()
    log_in(client, world.client.email)
    client.goto(f"/e/{e.pk}/")
    expect(client.get_by_text(f"due {due.day} {due:%b}")).to_be_visible()
    # The inventory itself has its own browser test; here the answers arrive as over the API.
    a = assessment_start(engagement=e, by=world.client, kind=Kind.INTERESTS)
    ratings = {s.key: {"S": 5, "A": 4}.get(s.key[0].upper(), 2) for s in STATEMENTS}
    assessment_set_responses(assessment=a, by=world.client, responses={"ratings": ratings})
    assessment_complete(assessment=a, by=world.client)

    client.goto(f"/e/{e.pk}/discovery/summary/")
    expect(client.get_by_role("heading", name="Who I am")).to_be_visible()
    expect(client.get_by_text("Holland code SA").first).to_be_visible()
    axe_check(client)
    width = client.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, "the summary is wider than the screen"
    with client.expect_download(timeout=DOWNLOAD_TIMEOUT) as download:
        client.get_by_role("link", name="Download as PDF").click()
    path = download.value.path()
    assert path.read_bytes()[:5] == b"%PDF-"
    assert download.value.suggested_filename.startswith("who-i-am-")

    coach.goto(f"/e/{e.pk}/discovery/summary/")
    expect(coach.get_by_text("Holland code SA").first).to_be_visible()
    axe_check(coach)


@pytest.mark.parametrize("viewport", [VIEWPORTS["desktop"]], ids=["desktop"])
def test_a_value_that_cannot_be_saved_says_why(
    new_context: Callable[[], BrowserContext], site: str
) -> None:
    world = build_world()
    page = new_context().new_page()
    log_in(page, world.client.email)
    a = assessment_start(engagement=world.engagement, by=world.client, kind=Kind.READINESS)
    page.goto(f"/e/{world.engagement.pk}/discovery/readiness/{a.pk}/?step=runway")
    page.get_by_label("Savings you could draw on").fill("about half a year")
    expect(page.locator("#save-status")).to_contain_text("Not saved")
    page.get_by_label("Savings you could draw on").fill("9000")
    expect(page.locator("#save-status")).to_contain_text("Saved")
