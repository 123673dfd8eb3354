"""A coach uploads a session's WebVTT transcript from the engagement page and reads the
review: what was measured, the advice moment with open questions to try, the client's words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import BrowserContext, expect

from tests.browser.support import DOWNLOAD_TIMEOUT, axe_check, log_in
from tests.helpers import build_world
from tests.review.fixtures import VTT


def test_upload_a_vtt_and_read_the_review(
    new_context: Callable[[], BrowserContext], site: str, tmp_path: Path
) -> None:
    world = build_world()
    e = world.engagement
    transcript = tmp_path / "session-3.vtt"
    transcript.write_text(VTT)

    coach = new_context().new_page()
    log_in(coach, world.owner.email)
    coach.goto(f"/e/{e.pk}/")
    coach.get_by_role("link", name="Session review").click()
    expect(coach.get_by_role("heading", name="Review a session")).to_be_visible()
    axe_check(coach)
    coach.get_by_label("Transcript file").set_input_files(str(transcript))
    expect(coach.get_by_label("Your name in the transcript")).to_have_value("Olivia Owner")
    coach.get_by_role("button", name="Upload and review").click()

    found = coach.get_by_role("region", name="What the review found")
    expect(found).to_contain_text("You asked 2 questions")
    expect(found).to_contain_text("aim for")
    advice = coach.get_by_role("region", name="Advice moments")
    expect(advice).to_contain_text("You should update your CV and apply for HR roles.")
    expect(advice).to_contain_text("What ideas do you have about updating your CV")
    expect(coach.get_by_role("region", name="Talk time")).to_contain_text("Olivia Owner (you)")
    expect(
        coach.get_by_text("I love working with people, and I miss that in my job.").first
    ).to_be_visible()
    axe_check(coach)
    width = coach.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, "the review page is wider than the screen"

    with coach.expect_download(timeout=DOWNLOAD_TIMEOUT) as download:
        coach.get_by_role("link", name="Download JSON").click()
    assert download.value.suggested_filename == "review-session-3.json"


def test_the_client_does_not_see_session_review(
    new_context: Callable[[], BrowserContext], site: str
) -> None:
    world = build_world()
    client = new_context().new_page()
    log_in(client, world.client.email)
    client.goto(f"/e/{world.engagement.pk}/")
    expect(client.get_by_role("link", name="Session review")).to_have_count(0)
    response = client.goto(f"/e/{world.engagement.pk}/reviews/")
    assert response is not None and response.status == 404
