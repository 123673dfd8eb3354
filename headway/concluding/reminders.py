"""Follow-up reminders: the client hears on the morning a follow-up opens (3, 6 or 12 months
after the journey ended), once. The coach needs no email: the follow-up puts the engagement
back on their dashboard. Registered with the reminders' source registry at start-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.urls import reverse

from headway.accounts.mail import absolute
from headway.concluding.services import due_followups
from headway.core.followup import reminders as core
from headway.core.followup.reminders import DueReminder
from headway.reminders.models import Kind, preferences_map
from headway.reminders.sources import register_source

# A worker that was down for a while still sends it, but not weeks late.
SEND_FOR = dt.timedelta(days=14)


@register_source(Kind.FOLLOWUP)
def followup_reminders(now: dt.datetime) -> Iterator[DueReminder]:
    followups = [f for f in due_followups(now) if f.engagement.client_id is not None]
    prefs = preferences_map(f.engagement.client_id for f in followups)  # type: ignore[misc]
    for f in followups:
        e = f.engagement
        assert e.client_id is not None
        opens = core.local_morning(f.due_on, prefs[e.client_id].time_zone)
        coach = e.coach.name if e.coach else ""
        yield DueReminder(
            user_id=e.client_id,
            kind=Kind.FOLLOWUP,
            subject=f"followup:{f.pk}",
            occasion=f"open-{f.due_on.isoformat()}",
            title=f"Your {f.months}-month follow-up",
            at=opens,
            send_from=opens,
            send_until=opens + SEND_FOR,
            when=f"{f.months} months since your journey ended",
            url=absolute(reverse("followups", args=[e.pk])),
            lines=(f"{coach} will see your answer." if coach else "",),
            engagement_id=e.pk,
        )
