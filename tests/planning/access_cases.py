"""Access battery cases for choosing and planning (run by tests/test_views_access.py).

The plan is the client's; the coach of the engagement reads it. Calendar feeds answer to
their secret token alone, the same for everyone.
"""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

from headway.planning.calendar_services import calendar_feed_create
from tests.access import Case, Ctx, everyone, hidden


def _e(name: str, *extra: object) -> Callable[[Ctx], str]:
    return lambda c: reverse(name, args=[c.world.engagement.pk, *extra])


def _feed(c: Ctx) -> str:
    _, raw = calendar_feed_create(user=c.world.client)
    return reverse("calendar_feed_ics", args=[raw])


PLANNING_CASES = [
    Case("plan_ics", "coached", "get", _e("plan_ics"), hidden(owner=200, client=200)),
    Case("calendar_feed_ics", "the client's feed", "get", _feed, everyone(200)),
    Case(
        "calendar_feed_ics",
        "unknown token",
        "get",
        lambda c: reverse("calendar_feed_ics", args=["not-a-token"]),
        everyone(404),
    ),
]
