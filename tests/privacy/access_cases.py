"""Access battery cases for the Your data pages (run by tests/test_views_access.py).

Only the person reaches their own data pages; an engagement's consent log is its coach's and
client's; the audit log is the practice owner's."""

from __future__ import annotations

from django.urls import reverse

from tests.access import Case, everyone, hidden

_SIGNED_IN = {**everyone(200), "anonymous": 302}

PRIVACY_CASES = [
    Case("privacy_data", "own", "get", lambda c: reverse("privacy_data"), _SIGNED_IN),
    Case("privacy_consent", "own", "get", lambda c: reverse("privacy_consent"), _SIGNED_IN),
    Case(
        "privacy_engagement_consent",
        "coached",
        "get",
        lambda c: reverse("privacy_engagement_consent", args=[c.world.engagement.pk]),
        hidden(owner=200, client=200),
    ),
    Case(
        "privacy_engagement_consent",
        "self-guided",
        "get",
        lambda c: reverse("privacy_engagement_consent", args=[c.world.solo_engagement.pk]),
        hidden(solo=200),
    ),
    # The outsider owns another practice: they see that practice's log, never this one's.
    Case(
        "privacy_audit",
        "owner",
        "get",
        lambda c: reverse("privacy_audit"),
        hidden(owner=200, outsider=200),
    ),
]
