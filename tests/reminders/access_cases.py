"""Access battery cases for the reminders page (run by tests/battery/test_pages.py).

The page is everyone's own: each person sees and changes only their own preferences."""

from __future__ import annotations

from headway.reminders.models import ReminderPreference
from tests.battery.cases import exists, page, signed_in

PREFERENCES = {
    "delivery": "digest",
    "digest_weekday": "4",
    "sessions": "on",
    "steps": "on",
    "step_lead": "1",
    "checkin_days": "7",
    "time_zone": "UTC",
}

# fmt: off
REMINDER_CASES = [
    page("reminder_preferences", "get", signed_in(200), label="own"),
    page("reminder_preferences", "post", signed_in(302), label="own", data=PREFERENCES, changed=exists(ReminderPreference, delivery="digest")),
]
# fmt: on
