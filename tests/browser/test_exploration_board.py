"""A client finds an occupation, reads it, puts it on the exploration board and logs an
informational interview; the coach reads the board and comments; the client sees it."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import BrowserContext, expect

from headway.onet import search
from tests.browser.support import axe_check, log_in
from tests.helpers import build_world
from tests.onet.fixtures import UX_DESIGNER, load_mini


def test_client_explores_an_occupation_and_the_coach_comments(
    new_context: Callable[[], BrowserContext], site: str
) -> None:
    search.clear_cache()
    load_mini()
    world = build_world()
    e = world.engagement

    client = new_context().new_page()
    log_in(client, world.client.email)
    client.get_by_role("navigation", name="Main").get_by_role("link", name="Occupations").click()
    client.get_by_label("Job title or words from it").fill("ux reserch")
    client.keyboard.press("Enter")
    client.get_by_role("link", name="Web and Digital Interface Designers").click()
    expect(client.get_by_role("heading", level=1)).to_have_text(
        "Web and Digital Interface Designers"
    )
    expect(
        client.get_by_role("heading", name="Questions to take into an informational interview")
    ).to_be_visible()
    axe_check(client)

    client.get_by_role("button", name="Add to my board").click()
    expect(client.get_by_text("is on your exploration board")).to_be_visible()
    expect(client.get_by_role("heading", level=1)).to_have_text(
        "Web and Digital Interface Designers"
    )
    axe_check(client)

    client.get_by_label("What resonates with me").fill("Listening to people, like on the ward.")
    client.get_by_role("button", name="Save notes").click()
    expect(client.get_by_text("Your notes are saved.")).to_be_visible()

    client.get_by_text("Log a conversation").click()
    client.get_by_label("Who").fill("Ana Ribeiro")
    client.get_by_label("Their role and organisation").fill("UX researcher, a health-tech firm")
    client.get_by_label("When").fill("2026-11-20")
    client.get_by_label("What I learned").fill("Clinical interviewing transfers well.")
    client.get_by_role("button", name="Log conversation").click()
    expect(client.get_by_text("Conversation logged.")).to_be_visible()
    expect(client.get_by_text("Clinical interviewing transfers well.")).to_be_visible()
    axe_check(client)

    # The coach opens the client's board from the engagement and comments.
    coach = new_context().new_page()
    log_in(coach, world.owner.email)
    coach.goto(f"/e/{e.pk}/board/")
    axe_check(coach)
    coach.get_by_role("link", name="Web and Digital Interface Designers").click()
    expect(coach.get_by_text("Listening to people, like on the ward.")).to_be_visible()
    expect(coach.get_by_role("button", name="Save notes")).to_have_count(
        0
    )  # read-only for the coach
    coach.get_by_label("Comment", exact=True).fill("What surprised you most in your talk with Ana?")
    coach.get_by_role("button", name="Add comment").click()
    expect(coach.get_by_text("What surprised you most in your talk with Ana?")).to_be_visible()
    axe_check(coach)

    client.reload()
    expect(client.get_by_text("What surprised you most in your talk with Ana?")).to_be_visible()
    assert e.options.get().occupation_code == UX_DESIGNER
