"""Helpers shared by the browser tests."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

PASSWORD = "correct horse battery staple"

# Impacts that fail a test.
BLOCKING = {"serious", "critical"}

_axe = Axe()


def axe_check(page: Page) -> None:
    """Run axe-core on the page as it is now; fail on serious or critical violations."""
    page.wait_for_load_state()
    violations = _axe.run(page).response["violations"]
    blocking = [v for v in violations if v.get("impact") in BLOCKING]
    if blocking:
        lines = [f"Accessibility violations on {page.url}:"]
        for v in blocking:
            lines.append(f"- [{v['impact']}] {v['id']}: {v['help']}")
            lines.extend(f"    at {', '.join(map(str, node['target']))}" for node in v["nodes"])
        pytest.fail("\n".join(lines), pytrace=False)


def log_in(page: Page, email: str) -> None:
    """Log in through the form, as a person would, and wait until the page says so."""
    page.goto("/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    expect(page.get_by_role("navigation", name="Main")).to_contain_text("Log out")


# A PDF or a file takes a few seconds to make on a busy machine (the suite runs on every core).
DOWNLOAD_TIMEOUT = 30_000
