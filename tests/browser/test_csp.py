"""Every page keeps to its Content Security Policy and to its own origin: a coach and a client
go through a broad set of pages (with check-ins, a goal's progress and journal entries, so the
charts and bars render) while the browser reports any policy violation and every request."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, expect

from headway.checkins.services import checkin_add
from headway.discovery.services import journal_add
from headway.goals.services import goal_create, step_add
from tests.browser.support import log_in
from tests.helpers import build_world, transition_model


@pytest.fixture
def viewport() -> dict[str, int]:
    return {"width": 1280, "height": 800}  # the policy does not depend on the screen


class Watch:
    """What a page did that it should not: policy violations and requests elsewhere."""

    def __init__(self, page: Page, site: str) -> None:
        self.origin = urlsplit(site)[:2]
        self.violations: list[str] = []
        self.elsewhere: list[str] = []
        page.on("console", self._console)
        page.on("request", self._request)

    def _console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            self.violations.append(f"{message.page.url if message.page else ''}: {message.text}")

    def _request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts[:2] != self.origin:
            self.elsewhere.append(f"{request.frame.url} asked {request.url}")


def _visit(page: Page, paths: list[str]) -> None:
    for path in paths:
        response = page.goto(path)
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        page.wait_for_load_state("networkidle")
        policy = response.headers.get("content-security-policy", "")
        assert "script-src 'self'" in policy, f"{path}: no Content Security Policy"
        assert "unsafe-inline" not in policy.split("style-src-attr")[0], path
        assert "frame-ancestors 'none'" in policy, path


def test_pages_keep_to_the_policy_and_their_own_origin(
    new_context: Callable[[], BrowserContext], site: str
) -> None:
    world = build_world()
    e = world.engagement
    goal = goal_create(engagement=e, by=world.client, text="Try UX research")
    step_add(goal=goal, by=world.client, title="Ask Ana for a call")
    checkin_add(engagement=e, by=world.client, energy=7, win="Started")
    checkin_add(engagement=e, by=world.client, energy=5, win="Read two job ads")
    today = timezone.localdate()
    for days, (activity, energy) in enumerate([("Workshop", 2), ("Spreadsheets", -1)]):
        journal_add(
            engagement=e,
            by=world.client,
            activity=activity,
            energy=energy,
            occurred_on=today - dt.timedelta(days=days),
        )
    base = f"/e/{e.pk}"
    engagement_pages = [
        f"{base}/",
        f"{base}/board/",
        f"{base}/discovery/",
        f"{base}/discovery/summary/",
        f"{base}/decide/",
        f"{base}/goals/",
        f"{base}/goals/{goal.pk}/",
        f"{base}/sessions/",
        f"{base}/check-ins/",
        f"{base}/conclude/",
        f"{base}/offsites/",
        f"{base}/resources/",
        f"{base}/occupations/",
    ]

    anonymous = new_context().new_page()
    seen = [Watch(anonymous, site)]
    _visit(anonymous, ["/", "/login/", "/signup/", "/password/reset/"])

    client = new_context().new_page()
    seen.append(Watch(client, site))
    log_in(client, world.client.email)
    _visit(
        client,
        [
            "/journey/",
            "/account/",
            "/account/calendar/",
            "/account/reminders/",
            "/account/data/",
            f"{base}/journal/",
            f"{base}/discovery/values/",
            "/occupations/",
            "/api/docs",
            *engagement_pages,
        ],
    )
    # The energy journal's quick add (an htmx post, then a script of ours empties the form).
    client.goto(f"{base}/journal/")
    client.get_by_label("What did you do?").fill("Coffee with Ana")
    energy = client.get_by_role("group", name="How did it leave you?")
    energy.get_by_label("Energised", exact=True).check()
    client.get_by_role("button", name="Add to my journal").click()
    expect(client.get_by_role("status").filter(has_text="Added “Coffee with Ana”")).to_be_visible()
    expect(client.get_by_label("What did you do?")).to_have_value("")

    coach = new_context().new_page()
    seen.append(Watch(coach, site))
    log_in(coach, world.owner.email)
    _visit(
        coach,
        [
            "/dashboard/",
            "/models/",
            f"/models/{transition_model().pk}/",
            "/practice/",
            "/practice/audit/",
            "/account/two-step/",
            "/account/two-step/setup/",  # the QR code: inline SVG from segno
            "/profile/",
            "/resources/",
            "/clients/invite/",
            f"{base}/notes/audit/",
            f"{base}/reviews/",
            *engagement_pages,
        ],
    )

    violations = [v for w in seen for v in w.violations]
    elsewhere = [r for w in seen for r in w.elsewhere]
    assert not violations, "\n".join(violations)
    assert not elsewhere, "\n".join(elsewhere)
