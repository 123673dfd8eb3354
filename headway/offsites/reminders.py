"""Offsite-date reminders: the client (and the coach, when they facilitate) hears on the
morning two days before the next offsite, to protect the time; the weekly digest mentions it
in the week ahead, and as still open once the date has passed without one. Registered with
the reminders' source registry at start-up. Texts are short and never private."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from django.urls import reverse

from headway.accounts.mail import absolute
from headway.core.followup import reminders as core
from headway.core.followup.reminders import DueReminder
from headway.engagements.models import EngagementStatus
from headway.offsites.calendar import due_offsites
from headway.offsites.models import Mode
from headway.offsites.services import open_offsite
from headway.reminders.models import Kind, preferences_map
from headway.reminders.sources import register_source

LEAD_DAYS = 2  # time enough to clear a morning


def _day(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


@register_source(Kind.OFFSITE)
def offsite_reminders(now: dt.datetime) -> Iterator[DueReminder]:
    cycles = [
        c
        for c in due_offsites(now, within_days=core.DIGEST_DAYS + LEAD_DAYS)
        if c.engagement.status == EngagementStatus.ACTIVE and open_offsite(c.engagement) is None
    ]
    people = {
        p
        for c in cycles
        for p in (
            c.engagement.client_id,
            c.engagement.coach_id if c.mode == Mode.FACILITATED else None,
        )
        if p is not None
    }
    prefs = preferences_map(people)
    for cycle in cycles:
        e = cycle.engagement
        assert cycle.next_on is not None
        recipients = [(e.client_id, "Your career offsite")]
        if cycle.mode == Mode.FACILITATED and e.coach_id is not None:
            recipients.append((e.coach_id, f"Career offsite with {e.client_name}"))
        for user_id, title in recipients:
            assert user_id is not None
            zone = prefs[user_id].time_zone
            today = now.astimezone(ZoneInfo(zone)).date()
            passed = cycle.next_on < today
            base = DueReminder(
                user_id=user_id,
                kind=Kind.OFFSITE,
                subject=f"offsite:{e.pk}",
                occasion=core.STILL_OPEN if passed else "week",
                title=title,
                at=core.local_morning(cycle.next_on, zone),
                when=f"{'was planned for' if passed else 'on'} {_day(cycle.next_on)}",
                url=absolute(reverse("offsites", args=[e.pk])),
                lines=(cycle.spec.summary,),
                engagement_id=e.pk,
                still_open=passed,
            )
            occasion = (
                None
                if passed
                else core.step_occasion(cycle.next_on, cycle.updated_at, zone, LEAD_DAYS)
            )
            yield base if occasion is None else core.with_occasion(base, occasion)
