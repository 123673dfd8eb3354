"""A client finds "Your data" on the account page, downloads their export and reads their
consent log."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable

from playwright.sync_api import BrowserContext, expect

from headway.discovery.services import journal_add, journal_set_sharing
from tests.browser.support import DOWNLOAD_TIMEOUT, axe_check, log_in
from tests.helpers import build_world


def test_a_client_downloads_their_data_and_sees_their_consent_log(
    new_context: Callable[[], BrowserContext], site: str
) -> None:
    world = build_world()
    e = world.engagement
    journal_add(engagement=e, by=world.client, activity="Mentored a junior analyst", energy=2)
    journal_set_sharing(engagement=e, by=world.client, shared=True)

    page = new_context().new_page()
    log_in(page, world.client.email)
    page.goto("/account/")
    page.get_by_role("link", name="Your data").click()
    expect(page.get_by_role("heading", name="Your data", exact=True)).to_be_visible()
    expect(page.get_by_text("Not included: your coach's private session notes.")).to_be_visible()
    axe_check(page)
    width = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, "the Your data page is wider than the screen"

    with page.expect_download(timeout=DOWNLOAD_TIMEOUT) as download:
        page.get_by_role("button", name="Download my data").click()
    assert download.value.suggested_filename == "headway-export.zip"
    archive = zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes()))
    data = json.loads(archive.read("headway-export.json"))
    assert data["account"]["email"] == world.client.email
    assert "Mentored a junior analyst" in json.dumps(data)

    page.get_by_role("link", name="See your consent log").click()
    expect(page.get_by_role("heading", name="Consent log", exact=True)).to_be_visible()
    log = page.get_by_role("table")
    expect(log).to_contain_text("Energy journal shared with the coach")
    expect(log).to_contain_text("Coached engagement joined")
    axe_check(page)
    width = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, "the consent log is wider than the screen"
