"""A practice owner invites a client for a colleague and hands a client over, on a desktop and
a phone; axe finds no serious accessibility problems."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from headway.engagements.models import Engagement
from tests.browser.support import axe_check, log_in
from tests.helpers import build_world


def test_the_owner_invites_for_a_colleague_and_hands_a_client_over(page: Page, site: str) -> None:
    world = build_world()
    log_in(page, world.owner.email)
    page.goto("/practice/")
    page.get_by_role("link", name="Every client of the practice").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Clients of Northstar Coaching")
    expect(page.get_by_role("row", name=re.compile("Cleo Client"))).to_contain_text("Olivia Owner")
    axe_check(page)

    page.get_by_role("link", name="Invite a client").click()
    page.get_by_label("Client's name").fill("Nina New")
    page.get_by_label("Client's email").fill("nina@example.com")
    page.get_by_label("Coach", exact=True).select_option(label="Carl Colleague")
    axe_check(page)
    page.get_by_role("button", name=re.compile("Send")).click()
    expect(page.get_by_role("status")).to_contain_text("to work with Carl Colleague")
    expect(page.get_by_role("row", name=re.compile("Nina New"))).to_contain_text("Carl Colleague")

    cleo = page.get_by_role("row", name=re.compile("Cleo Client"))
    cleo.get_by_label("Hand Cleo Client over to").select_option(label="Carl Colleague")
    cleo.get_by_label(re.compile("A note for Cleo Client")).fill("Carl knows the field.")
    cleo.get_by_role("button", name=re.compile("Hand over")).click()
    expect(page.get_by_role("status")).to_contain_text("Cleo Client now works with Carl Colleague")
    expect(page.get_by_role("row", name=re.compile("Cleo Client"))).to_contain_text(
        "Carl Colleague"
    )
    axe_check(page)
    assert Engagement.objects.get(pk=world.engagement.pk).coach == world.colleague


def test_the_owner_sends_a_coach_invitation_and_withdraws_it(page: Page, site: str) -> None:
    world = build_world()
    log_in(page, world.owner.email)
    page.goto("/practice/")
    page.get_by_label("Email").fill("nora@example.com")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_role("status")).to_contain_text("Invitation sent to nora@example.com")
    coaches = page.get_by_role("region", name="Coaches")
    invited = coaches.get_by_role("listitem").filter(has_text="nora@example.com")
    expect(invited).to_contain_text("invited just now")
    axe_check(page)
    # At once again: refused with the reason, the invitation still there.
    invited.get_by_role("button", name=re.compile("Send again")).click()
    expect(page.get_by_role("status")).to_contain_text("less than a minute ago")
    invited.get_by_role("button", name=re.compile("Withdraw")).click()
    expect(page.get_by_role("status")).to_contain_text("withdrawn: its link no longer works")
    expect(page.get_by_role("button", name=re.compile("Withdraw"))).to_have_count(0)
    axe_check(page)
