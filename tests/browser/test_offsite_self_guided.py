"""A full self-guided career offsite on the Career Offsite Model: from the stage's tool link
through the agenda, a reload in the middle (nothing lost), pausing and resuming, insights,
then priorities: one becomes a goal through the SMART goal coach, one waits. Then the
history. On a desktop and a phone, axe on every page."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, Route, expect

from headway.accounts.services import user_signup
from headway.engagements.services import engagement_move_stage, engagement_start_self_guided
from headway.goals.models import Goal
from headway.offsites.models import Offsite, OffsiteAnswer, OffsiteStatus, PriorityPath
from tests.browser.support import PASSWORD, axe_check, log_in
from tests.helpers import offsite_model

SAVED = re.compile(r"Saved \d\d:\d\d")
ARRIVING = "How are you arriving today, in a few words?"
ARRIVING_KEY = "arrive-state"
SAVE_URL = re.compile(r"/offsites/\d+/save/$")


def _fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, f"{page.url} is wider than the screen"


def _type(page: Page, label: str, text: str) -> None:
    status = page.locator("#save-status")
    box = page.get_by_role("textbox", name=label)
    box.fill(text)
    expect(status).to_have_text(SAVED)
    page.evaluate("document.getElementById('save-status').textContent = ''")


def test_a_self_guided_offsite_survives_a_reload(page: Page, site: str) -> None:
    ruth = user_signup(email="ruth@example.com", name="Ruth", password=PASSWORD, verified=True)
    e = engagement_start_self_guided(user=ruth, model=offsite_model())
    stage = e.model_version.stages.get(key="offsite")
    engagement_move_stage(engagement=e, to_stage=stage, by=ruth, force=True)

    log_in(page, ruth.email)
    page.goto(f"/e/{e.pk}/?stage=offsite")
    page.get_by_role("link", name="Career offsite").click()
    expect(page.get_by_role("heading", name="Career offsites", level=1)).to_be_visible()
    expect(page.get_by_text("Every 3 months, 3 hours, up to 3 things")).to_be_visible()
    axe_check(page)
    _fits(page)
    page.get_by_role("button", name="Start a self-guided offsite").click()

    expect(page.get_by_role("heading", name="Career offsite", level=1)).to_be_visible()
    expect(page.get_by_role("timer")).to_contain_text("of 180 minutes in all")
    axe_check(page)
    _fits(page)
    _type(page, "How are you arriving today, in a few words?", "Tired but curious.")
    page.get_by_role("button", name="Move on to: Look back").click()
    expect(page.get_by_text("Now: Look back")).to_be_visible()
    expect(page.get_by_text("This is the first offsite")).to_be_visible()
    _type(
        page,
        "What are you proudest of from this period, and why that?",
        "The repairs process: complaints down by a third.",
    )

    # A reload in the middle: everything typed is still there.
    page.reload()
    expect(
        page.get_by_role("textbox", name="How are you arriving today, in a few words?")
    ).to_have_value("Tired but curious.")
    expect(
        page.get_by_role("textbox", name="What are you proudest of from this period, and why that?")
    ).to_have_value("The repairs process: complaints down by a third.")
    expect(page.get_by_text("Now: Look back")).to_be_visible()

    # The connection drops while typing: the text stays, and is saved once it is back.
    curious = page.get_by_role(
        "textbox", name="What keeps pulling at your curiosity that you have not made room for?"
    )
    page.context.set_offline(True)
    curious.fill("How the board decides things.")
    expect(page.locator("#save-status")).to_contain_text("Not saved yet")
    page.context.set_offline(False)
    expect(page.locator("#save-status")).to_have_text(SAVED, timeout=10_000)
    page.reload()
    expect(curious).to_have_value("How the board decides things.")

    # Pause (the clock stops on the server) and resume.
    page.get_by_role("button", name="Pause").click()
    expect(page.get_by_text("Paused. Everything is saved")).to_be_visible()
    offsite = Offsite.objects.get(engagement=e)
    assert offsite.status == OffsiteStatus.PAUSED and offsite.running_since is None
    frozen = page.locator('[data-clock="total"]').text_content()
    page.wait_for_timeout(1500)
    assert page.locator('[data-clock="total"]').text_content() == frozen
    page.get_by_role("button", name="Resume").click()
    expect(page.get_by_text("The clock is running again.")).to_be_visible()

    _type(page, "What did you discover about yourself today?", "Structure energises me.")
    _type(page, "Thing 1 for the next 3 months", "Lead the strategy refresh by 31 March")
    _type(page, "Thing 2 for the next 3 months", "Find a mentor")
    axe_check(page)
    page.get_by_role("button", name="Finish the offsite").click()

    expect(page.get_by_text("Offsite complete. The next one is on")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("^What you discovered"))).to_be_visible()
    expect(page.get_by_text("Structure energises me.")).to_be_visible()
    axe_check(page)
    _fits(page)

    mentor = page.get_by_role("listitem").filter(has_text="Find a mentor")
    mentor.get_by_role("button", name=re.compile("^Think it over first")).click()
    expect(page.get_by_text("Kept to think over before your next conversation.")).to_be_visible()
    strategy = page.get_by_role("listitem").filter(has_text="Lead the strategy refresh")
    strategy.get_by_role("link", name=re.compile("^Make it a goal")).click()
    expect(page.get_by_role("heading", name="Make it a goal")).to_be_visible()
    expect(page.get_by_role("textbox", name="My goal")).to_have_value(
        "Lead the strategy refresh by 31 March"
    )
    expect(page.locator("#smart-panel")).not_to_be_empty()
    axe_check(page)
    _fits(page)
    page.get_by_role("button", name="Save the goal").click()
    expect(page.get_by_text("Your priority is now a goal.")).to_be_visible()

    goal = Goal.objects.get(engagement=e)
    assert goal.text == "Lead the strategy refresh by 31 March"
    paths = sorted(Offsite.objects.get(engagement=e).priority_rows.values_list("path", flat=True))
    assert paths == sorted([PriorityPath.GOAL, PriorityPath.LATER])

    page.goto(f"/e/{e.pk}/offsites/history/")
    expect(page.get_by_role("region", name="Offsites side by side")).to_contain_text(
        "Structure energises me."
    )
    axe_check(page)
    _fits(page)


def _answer(e_pk: int) -> str | None:
    row = OffsiteAnswer.objects.filter(offsite__engagement_id=e_pk, key=ARRIVING_KEY).first()
    return row.text if row else None


def _start(page: Page) -> tuple[int, Locator]:
    ruth = user_signup(email="ruth@example.com", name="Ruth", password=PASSWORD, verified=True)
    e = engagement_start_self_guided(user=ruth, model=offsite_model())
    log_in(page, ruth.email)
    page.goto(f"/e/{e.pk}/offsites/")
    page.get_by_role("button", name="Start a self-guided offsite").click()
    box = page.get_by_role("textbox", name=ARRIVING)
    expect(box).to_be_visible()
    page.wait_for_load_state()  # the page's scripts have run: what follows is about them
    return e.pk, box


# The save a page sends as it goes away (a keepalive fetch or a beacon) may land after the next
# page is drawn, or never: a loaded server, a dropped connection. Playwright does not see those
# requests, so this drops them outright, the slowest a save can be, and counts them.
NEVER_LANDS = """
window.addEventListener("pagehide", function () {
  function dropped() {
    sessionStorage.setItem("dropped-saves", String(Number(sessionStorage.getItem("dropped-saves") || 0) + 1));
  }
  var realFetch = window.fetch;
  navigator.sendBeacon = function () { dropped(); return true; };
  window.fetch = function (url, options) {
    if (options && options.keepalive) { dropped(); return new Promise(function () {}); }
    return realFetch.apply(this, arguments);
  };
}, true);
"""


def test_leaving_the_page_right_after_typing_loses_nothing(page: Page, site: str) -> None:
    """The address bar takes the page away before the autosave's delay is up, and the save
    it sends on the way out never lands. What was typed is there when the worksheet comes
    back, and saved then."""
    pk, box = _start(page)
    page.add_init_script(NEVER_LANDS)
    page.reload()
    # The page stays up until the next one answers, and a busy server can take longer than
    # the autosave's delay: that save must not land either, or the draft is not what brings
    # the text back.
    page.route(SAVE_URL, lambda route: route.abort())
    box.fill("Straight from a meeting.")
    page.goto(f"/e/{pk}/")  # at once: before the autosave's delay is up
    page.unroute(SAVE_URL)
    assert page.evaluate("sessionStorage.getItem('dropped-saves')") == "1"
    assert _answer(pk) is None
    page.goto(f"/e/{pk}/offsites/")
    page.get_by_role("link", name="Carry on with the offsite").click()
    expect(box).to_have_value("Straight from a meeting.")
    expect(page.locator("#save-status")).to_have_text(SAVED)
    assert _answer(pk) == "Straight from a meeting."
    page.reload()
    expect(box).to_have_value("Straight from a meeting.")
    expect(page.locator("#save-status")).to_have_text("Saved")  # nothing left to send


def test_following_a_link_right_after_typing_waits_for_the_save(page: Page, site: str) -> None:
    """A link inside the app is followed once the unsaved text is saved, however slow the
    save: the next page never comes before it."""
    pk, box = _start(page)
    held: list[Route] = []
    page.route(SAVE_URL, lambda route: held.append(route))
    box.fill("Straight from a meeting.")
    page.get_by_role("link", name="← Offsites").click()
    expect(page.locator("#save-status")).to_contain_text("Saving")
    page.wait_for_timeout(1000)  # a slow save: the page waits for it
    assert held and _answer(pk) is None
    assert re.search(r"/offsites/\d+/$", page.url)
    held[0].continue_()
    page.wait_for_url(re.compile(rf"/e/{pk}/offsites/$"))
    assert _answer(pk) == "Straight from a meeting."
