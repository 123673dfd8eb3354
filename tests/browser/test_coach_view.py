"""A coach opens a client's engagement after a low, worried check-in and a shared result:
the flags and "since you last looked" are at the top; "Got it" puts a flag away."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone
from playwright.sync_api import BrowserContext, expect

from headway.checkins.services import checkin_add
from headway.discovery.models import Assessment
from headway.engagements.models import Engagement
from tests.browser.support import axe_check, log_in
from tests.helpers import build_world


def test_the_coach_sees_and_acknowledges_a_flag(
    new_context: Callable[[], BrowserContext], site: str
) -> None:
    world = build_world()
    e = world.engagement
    yesterday = timezone.now() - dt.timedelta(days=1)
    Engagement.objects.filter(pk=e.pk).update(coach_seen_at=yesterday)
    checkin_add(
        engagement=e,
        by=world.client,
        energy=3,
        obstacles="Worried I'll stall, not sure we can afford a pay cut",
    )
    now = timezone.now()
    Assessment.objects.create(
        engagement=e, kind="values", result={}, started_at=now, completed_at=now
    )

    coach = new_context().new_page()
    log_in(coach, world.owner.email)
    coach.goto(f"/e/{e.pk}/")
    flags = coach.get_by_role("region", name="Needs you")
    expect(flags).to_contain_text("Latest check-in at energy 3/10")
    expect(flags).to_contain_text("Latest check-in sounds worried")
    expect(flags).not_to_contain_text("pay cut")
    since = coach.get_by_role("region", name="Since you last looked")
    expect(since.get_by_role("link", name="Check-in at energy 3/10")).to_be_visible()
    expect(since.get_by_role("link", name="Result shared: Values")).to_be_visible()
    axe_check(coach)
    width = coach.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, "the engagement page is wider than the screen"

    flags.get_by_role("button", name="Got it: Latest check-in at energy 3/10").click()
    expect(flags).not_to_contain_text("Latest check-in at energy 3/10")
    expect(flags).to_contain_text("Latest check-in sounds worried")
    expect(since.get_by_role("link", name="Check-in at energy 3/10")).to_be_visible()
    axe_check(coach)

    coach.goto("/dashboard/")
    expect(coach.get_by_text("Latest check-in sounds worried").first).to_be_visible()
    expect(coach.get_by_text("Latest check-in at energy 3/10")).to_have_count(0)
    axe_check(coach)
