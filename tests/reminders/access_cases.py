"""Access battery cases for the reminders page (run by tests/test_views_access.py).

The page is everyone's own: each person sees and changes only their own preferences."""

from __future__ import annotations

from django.urls import reverse

from headway.reminders.models import ReminderPreference
from tests.access import ROLES, Case


def _own(status: int) -> dict[str, int]:
    return {**dict.fromkeys(ROLES, status), "anonymous": 302}


REMINDER_CASES = [
    Case(
        "reminder_preferences", "own", "get", lambda c: reverse("reminder_preferences"), _own(200)
    ),
    Case(
        "reminder_preferences",
        "own",
        "post",
        lambda c: reverse("reminder_preferences"),
        _own(302),
        data=lambda c: {
            "delivery": "digest",
            "digest_weekday": "4",
            "sessions": "on",
            "steps": "on",
            "step_lead": "1",
            "checkin_days": "7",
            "time_zone": "UTC",
        },
        changed=lambda c: ReminderPreference.objects.filter(delivery="digest").exists(),
    ),
]
