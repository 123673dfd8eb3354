"""Access battery cases for the check-ins page (run by tests/test_views_access.py).

Check-ins are the client's own: the coach of the engagement reads them, only the client writes.
"""

from __future__ import annotations

from django.urls import reverse

from headway.checkins.models import CheckIn, CheckInReply
from tests.access import Case, Ctx, hidden


def _check_in(c: Ctx) -> CheckIn:
    """A check-in of the coached engagement, made on first use (each role runs on a world of
    its own, rolled back after)."""
    found = CheckIn.objects.filter(engagement=c.world.engagement).first()
    return found or CheckIn.objects.create(engagement=c.world.engagement, energy=3)


CHECKIN_CASES = [
    # A reply under a check-in: its coach and its client, nobody else.
    Case(
        "checkin_reply",
        "coached",
        "post",
        lambda c: reverse("checkin_reply", args=[c.world.engagement.pk, _check_in(c).pk]),
        hidden(owner=302, client=302),
        data=lambda c: {"text": "How did the call go?"},
        changed=lambda c: CheckInReply.objects.exists(),
    ),
    Case(
        "checkins",
        "coached",
        "get",
        lambda c: reverse("checkins", args=[c.world.engagement.pk]),
        hidden(owner=200, client=200),
    ),
    Case(
        "checkins",
        "coached",
        "post",
        lambda c: reverse("checkins", args=[c.world.engagement.pk]),
        hidden(owner=403, client=302),
        data=lambda c: {"energy": "7", "win": "Called Ana"},
        changed=lambda c: CheckIn.objects.filter(engagement=c.world.engagement).exists(),
    ),
    Case(
        "checkins",
        "self-guided",
        "post",
        lambda c: reverse("checkins", args=[c.world.solo_engagement.pk]),
        hidden(solo=302),
        data=lambda c: {"energy": "5"},
        changed=lambda c: CheckIn.objects.filter(engagement=c.world.solo_engagement).exists(),
    ),
]
