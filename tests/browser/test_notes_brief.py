"""Before a session the coach reads the prep brief (the client checked in and added a topic),
then writes a private and a shared note; the client sees only the shared one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from headway.goals.services import goal_create, step_add
from headway.meetings.models import NoteRead, Session, SessionTopic
from tests.browser.support import axe_check, log_in
from tests.helpers import build_world

PRIVATE = "She lights up when talking about research"
SHARED = "Try one informational interview before we meet again"


def _fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, f"{page.url} is wider than the screen"


def _add_note(page: Page, text: str, who: str) -> None:
    form = page.get_by_role("region", name="Add a note")
    form.get_by_label("Note", exact=True).fill(text)
    form.get_by_label(who).check()
    form.get_by_role("button", name="Save note").click()
    expect(page.get_by_text("Note saved")).to_be_visible()


def test_brief_then_private_and_shared_notes(
    new_context: Callable[[], BrowserContext], site: str
) -> None:
    world = build_world()
    e = world.engagement
    now = timezone.now()
    Session.objects.create(
        engagement=e, starts_at=now - dt.timedelta(days=7), created_by=world.owner
    )
    session = Session.objects.create(
        engagement=e, starts_at=now + dt.timedelta(days=2), created_by=world.owner
    )
    goal = goal_create(engagement=e, by=world.client, text="Try UX research")
    step_add(goal=goal, by=world.client, title="Ask Ana for a call", due_on=timezone.localdate())

    client = new_context().new_page()
    log_in(client, world.client.email)
    client.goto(f"/e/{e.pk}/check-ins/")
    client.get_by_role("group", name="Your energy these days").get_by_label("7", exact=True).check()
    client.get_by_label("What got in the way").fill("Long days at work")
    client.get_by_label("A win, however small").fill("Finished the UX course")
    client.get_by_role("button", name="Check in", exact=True).click()
    expect(client.get_by_text("Checked in. Thank you.")).to_be_visible()
    # The topic form belongs to the session pages, built alongside; the row is what counts here.
    SessionTopic.objects.create(session=session, by=world.client, text="Is the pay cut worth it?")

    coach = new_context().new_page()
    log_in(coach, world.owner.email)
    coach.goto(f"/e/{e.pk}/sessions/{session.pk}/brief/")
    expect(coach.get_by_role("heading", name="Prep brief: Cleo Client")).to_be_visible()
    topics = coach.get_by_role("region", name="What Cleo Client wants to talk about")
    expect(topics).to_contain_text("Is the pay cut worth it?")
    expect(coach.get_by_role("region", name="Wins to celebrate")).to_contain_text(
        "Finished the UX course"
    )
    expect(coach.get_by_role("region", name="Goals and steps")).to_contain_text(
        "Ask Ana for a call"
    )
    expect(coach.get_by_role("region", name="Obstacles reported")).to_contain_text(
        "Long days at work"
    )
    axe_check(coach)
    _fits(coach)

    coach.get_by_role("link", name="Session notes").click()
    expect(coach.get_by_role("heading", name="Session notes")).to_be_visible()
    axe_check(coach)
    _add_note(coach, PRIVATE, "Private to the coach")
    _add_note(coach, SHARED, "Shared with the client")
    for text in (PRIVATE, SHARED):  # shown once each (the edit forms hold a copy, folded away)
        expect(coach.get_by_role("paragraph").filter(has_text=text)).to_be_visible()
    axe_check(coach)
    _fits(coach)
    assert NoteRead.objects.filter(user=world.owner, via="web").exists()

    client.goto(f"/e/{e.pk}/sessions/{session.pk}/notes/")
    expect(client.get_by_text(SHARED)).to_be_visible()
    expect(client.get_by_text(PRIVATE)).to_have_count(0)
    expect(client.get_by_role("button", name="Save note")).to_have_count(0)
    axe_check(client)
    _fits(client)

    coach.get_by_role("link", name="Who read private notes").click()
    expect(coach.get_by_role("heading", name="Reads of your private notes")).to_be_visible()
    expect(coach.get_by_role("table")).to_contain_text("Web page")
    axe_check(coach)
    _fits(coach)
