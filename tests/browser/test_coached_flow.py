"""A coach signs up and invites a client by email; the client joins and works; the coach moves the stage."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import BrowserContext, expect

from headway.engagements.models import Engagement
from tests.browser.support import PASSWORD, axe_check
from tests.smtp import Mailbox

# Where the phone screenshot of the client's engagement page goes (/tmp/shots here).
SHOTS = Path(tempfile.gettempdir()) / "shots"


def test_coach_invites_client_who_joins_answers_and_moves_on(
    new_context: Callable[[], BrowserContext], mailbox: Mailbox, site: str, viewport: dict[str, int]
) -> None:
    # The coach signs up and gets a practice.
    coach = new_context().new_page()
    coach.goto("/signup/")
    axe_check(coach)
    coach.locator("section", has=coach.get_by_role("heading", name="I am a coach")).get_by_role(
        "link", name="Set up my practice"
    ).click()
    expect(coach.get_by_role("heading", level=1)).to_have_text("Set up your practice")
    axe_check(coach)
    coach.get_by_label("Your name").fill("Olivia Owner")
    coach.get_by_label("Email", exact=True).fill("olivia@example.com")
    coach.get_by_label("Password", exact=True).fill(PASSWORD)
    coach.get_by_label("Practice name").fill("Northstar Coaching")
    coach.get_by_role("button", name="Create my practice").click()

    expect(coach).to_have_url(f"{site}/dashboard/")
    expect(coach.get_by_role("heading", level=1)).to_have_text("Clients")
    expect(coach.get_by_text("Your practice is ready")).to_be_visible()
    axe_check(coach)

    # The coach invites a client.
    coach.get_by_role("link", name="Invite a client").click()
    expect(coach.get_by_role("heading", level=1)).to_have_text("Invite a client")
    axe_check(coach)
    coach.get_by_label("Client's name").fill("Cleo Client")
    coach.get_by_label("Client's email").fill("cleo@example.com")
    coach.get_by_label("Coaching model").select_option(label="Career Transition Journey")
    coach.get_by_label("A personal note for the invitation").fill(
        "Looking forward to working with you."
    )
    coach.get_by_role("button", name="Send invitation").click()
    expect(coach.get_by_text("Invitation sent to cleo@example.com.")).to_be_visible()
    expect(coach.get_by_role("heading", level=1)).to_have_text("Cleo Client")
    axe_check(coach)

    # The invitation arrives by email, with a link to the live server.
    invitation = mailbox.wait_for("cleo@example.com", subject="invites you to coaching")
    assert "Looking forward to working with you." in invitation.body
    link = invitation.first_link()
    assert re.fullmatch(rf"{re.escape(site)}/invite/[\w-]+/", link), link

    # The client, in a browser of their own, follows the link and creates an account.
    client = new_context().new_page()
    client.goto(link)
    expect(client.get_by_role("heading", level=1)).to_have_text(
        "Olivia Owner invites you to coaching"
    )
    axe_check(client)
    expect(client.get_by_label("Email", exact=True)).to_have_value("cleo@example.com")
    expect(client.get_by_label("Your name")).to_have_value("Cleo Client")
    client.get_by_label("Password", exact=True).fill(PASSWORD)
    client.get_by_role("button", name="Create account and accept").click()
    expect(client.get_by_role("heading", level=1)).to_have_text("Your journey with Olivia Owner")

    engagement = Engagement.objects.get(invited_email="cleo@example.com")
    expect(client).to_have_url(f"{site}/e/{engagement.pk}/")
    agreement_notice = client.locator(".notice", has_text="First step")
    intake_notice = client.locator(".notice", has_text="fill in the intake")
    expect(agreement_notice).to_be_visible()
    expect(intake_notice).to_be_visible()
    axe_check(client)

    # The agreement: open it, tick the box, accept.
    agreement_notice.get_by_role("link", name="coaching agreement").click()
    expect(client.get_by_role("heading", level=1)).to_have_text("Coaching agreement")
    axe_check(client)
    client.get_by_label(re.compile("I have read the coaching agreement")).check()
    client.get_by_role("button", name="Accept the agreement").click()
    expect(client.get_by_text("Agreement accepted. Thank you.")).to_be_visible()
    expect(agreement_notice).to_have_count(0)

    # The intake.
    intake_notice.get_by_role("link", name="fill in the intake").click()
    expect(client.get_by_role("heading", level=1)).to_have_text("Where you stand today")
    axe_check(client)
    client.get_by_label("Current role").fill("Product manager")
    client.get_by_label("Field or industry").fill("Software")
    client.get_by_label("Years in this field").fill("8")
    client.get_by_label(re.compile("^Satisfaction with your work today")).fill("4")
    client.get_by_label("Exploring options seriously").check()
    client.get_by_label("What prompts the change now?").fill("I want work closer to people.")
    client.get_by_label("What you want from coaching").fill("A clear next step.")
    client.get_by_role("button", name="Send my intake").click()
    expect(client.get_by_text("your intake is saved and shared with your coach")).to_be_visible()
    expect(intake_notice).to_have_count(0)

    # A stage question, saved as the client types (htmx autosave).
    question = engagement.stage.questions.order_by("position").first()
    assert question is not None
    answer_text = "Honest feedback, and a sounding board for decisions."
    box = client.get_by_role("textbox", name=question.text)
    box.fill(answer_text)
    expect(client.locator(f"#status-{question.pk}")).to_have_text(
        re.compile(r"^\s*Saved \d\d:\d\d\s*$")
    )
    client.reload()
    expect(box).to_have_value(answer_text)
    axe_check(client)
    if viewport["width"] < 500:
        SHOTS.mkdir(parents=True, exist_ok=True)
        client.screenshot(path=str(SHOTS / "client-engagement-phone.png"), full_page=True)

    # The coach opens the client from the dashboard, reads the answer and moves the stage.
    coach.get_by_role("navigation", name="Main").get_by_role("link", name="Clients").click()
    expect(coach.get_by_role("heading", level=1)).to_have_text("Clients")
    axe_check(coach)
    coach.get_by_role("table").get_by_role("link", name="Cleo Client").click()
    expect(coach.get_by_role("heading", level=1)).to_have_text("Cleo Client")
    answers = coach.locator("section", has=coach.get_by_role("heading", name="Their answers"))
    expect(answers.locator(".question", has_text=question.text)).to_contain_text(answer_text)
    axe_check(coach)
    move = coach.locator("section", has=coach.get_by_role("heading", name="Move the stage"))
    move.get_by_label("Move to stage").select_option(label="2. Current career state")
    move.get_by_label(re.compile("^Why now")).fill("Agreement and intake are done.")
    move.get_by_role("button", name="Move").click()
    expect(coach.get_by_text("Moved to “Current career state”.")).to_be_visible()
    expect(coach.get_by_text("“Agreement and intake are done.”")).to_be_visible()

    # The client sees the new current stage.
    client.reload()
    expect(client.get_by_text(re.compile(r"^You are at stage 2 of \d+"))).to_contain_text(
        "Current career state"
    )
    expect(client.locator(".journey li.current")).to_contain_text("Current career state")
    axe_check(client)
