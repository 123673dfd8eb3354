"""Access battery cases for the check-ins page (run by tests/test_views_access.py).

Check-ins are the client's own: the coach of the engagement reads them, only the client writes.
"""

from __future__ import annotations

from django.urls import reverse

from headway.checkins.models import CheckIn
from tests.access import Case, hidden

CHECKIN_CASES = [
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
