"""Leaving a page loses nothing by surprise: the intake saves a draft as it is typed, a
check-in begun and not sent makes the browser ask before leaving, and a link followed right
after typing waits for the save, however slow. Desktop and phone, axe."""

from __future__ import annotations

import re

from playwright.sync_api import Dialog, Locator, Page, Route, expect

from headway.accounts.services import user_signup
from headway.engagements.models import Answer, Engagement, Intake
from headway.engagements.services import engagement_start_self_guided
from tests.browser.support import PASSWORD, axe_check, log_in
from tests.helpers import build_world, transition_model

ANSWER_URL = re.compile(r"/e/\d+/answers/\d+/$")


def _client_at(page: Page, path: str) -> Engagement:
    """The standard world's client, logged in, on a page of their journey with its scripts
    running."""
    world = build_world()
    log_in(page, world.client.email)
    page.goto(f"/e/{world.engagement.pk}/{path}")
    page.wait_for_load_state("load")
    return world.engagement


def test_leaving_a_half_filled_intake_keeps_it_as_a_draft(page: Page, site: str) -> None:
    e = _client_at(page, "intake/")
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
    _client_at(page, "check-ins/")
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


def _first_question(page: Page) -> tuple[Engagement, Locator]:
    sam = user_signup(email="sam@example.com", name="Sam Solo", password=PASSWORD, verified=True)
    e = engagement_start_self_guided(user=sam, model=transition_model())
    question = e.model_version.stages.order_by("position")[0].questions.order_by("position")[0]
    log_in(page, sam.email)
    page.goto(f"/e/{e.pk}/")
    page.wait_for_load_state("load")  # the page's scripts are running
    return e, page.get_by_role("textbox", name=question.text)


def test_following_a_link_right_after_answering_waits_for_the_save(page: Page, site: str) -> None:
    """The next page shows what was typed, however slow the save: it comes after it."""
    e, box = _first_question(page)
    held: list[Route] = []
    page.route(ANSWER_URL, lambda route: held.append(route))
    box.fill("Work that matters to the people around me.")
    page.get_by_role("link", name="See all questions").click()
    expect(page.get_by_text("Saving before you go")).to_be_visible()
    page.wait_for_timeout(1000)  # a slow save: the page waits for it
    assert held and not Answer.objects.filter(engagement=e).exists()
    assert "all=1" not in page.url
    held[0].continue_()
    expect(page.get_by_role("heading", name="Questions to reflect on")).to_be_visible()
    expect(box).to_have_value("Work that matters to the people around me.")
    assert Answer.objects.get(engagement=e).text == "Work that matters to the people around me."


def test_a_save_that_cannot_be_made_keeps_the_person_on_the_page(page: Page, site: str) -> None:
    """Told that it is not saved, the person stays with their text; leaving again goes."""
    e, box = _first_question(page)
    page.route(ANSWER_URL, lambda route: route.abort())
    box.fill("Work that matters.")
    page.get_by_role("link", name="See all questions").click()
    expect(page.get_by_text("Not saved yet")).to_be_visible()
    expect(box).to_have_value("Work that matters.")
    assert "all=1" not in page.url
    page.get_by_role("link", name="See all questions").click()
    expect(page.get_by_role("heading", name="Questions to reflect on")).to_be_visible()
    assert not Answer.objects.filter(engagement=e).exists()


def test_leaving_the_intake_right_after_typing_waits_for_the_draft(page: Page, site: str) -> None:
    """A link followed before the draft's autosave: it is saved first, with no question asked."""
    e = _client_at(page, "intake/")
    asked: list[str] = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    held: list[Route] = []
    page.route(
        re.compile(rf"/e/{e.pk}/intake/$"),
        lambda route: held.append(route) if route.request.method == "POST" else route.fallback(),
    )
    page.get_by_label("Current role").fill("Secondary school teacher")
    page.get_by_role("link", name="← Back to the journey").click()
    page.wait_for_timeout(1000)  # a slow save: the page waits for it
    assert held and not Intake.objects.filter(engagement=e).exists()
    for route in held:
        route.continue_()
    expect(page.get_by_text("fill in the intake")).to_be_visible()
    assert asked == []
    assert Intake.objects.get(engagement=e).current_role == "Secondary school teacher"
