"""The next offsite in the calendar feed of the engagement's client (and coach, when the
offsites are facilitated), and as a reminder source where the reminders app has one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Q
from django.urls import reverse

from headway.accounts.models import User
from headway.engagements.models import EngagementStatus
from headway.feeds.calendar import CalendarEvent, register_provider
from headway.offsites.models import Mode, OffsiteCycle


def cycle_uid(cycle: OffsiteCycle) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "headway"
    return f"offsite-{cycle.engagement_id}@{host}"


def offsites_url(engagement_id: int) -> str:
    return f"{settings.SITE_URL}{reverse('offsites', args=[engagement_id])}"


def _open_cycles() -> Q:
    return Q(next_on__isnull=False) & ~Q(engagement__status=EngagementStatus.CONCLUDED)


@register_provider
def offsite_events(user: User) -> Iterator[CalendarEvent]:
    """The next offsite, all day: the client's always, the coach's when they facilitate."""
    cycles = (
        OffsiteCycle.objects.filter(_open_cycles())
        .filter(Q(engagement__client=user) | Q(engagement__coach=user, mode=Mode.FACILITATED))
        .select_related("engagement__client", "engagement__coach")
    )
    for cycle in cycles:
        assert cycle.next_on is not None
        e = cycle.engagement
        title = "Career offsite" if e.client_id == user.pk else f"Career offsite: {e.client_name}"
        yield CalendarEvent(
            uid=cycle_uid(cycle),
            title=title,
            day=cycle.next_on,
            kind="offsite",
            description=f"{cycle.spec.summary} Protect the time.",
            url=offsites_url(e.pk),
            modified=cycle.updated_at,
        )


def due_offsites(now: dt.datetime, *, within_days: int = 8) -> list[OffsiteCycle]:
    """The cycles whose next offsite falls in the coming `within_days` (or is overdue and not
    held yet): what a reminder source turns into reminders."""
    today = now.date()
    return list(
        OffsiteCycle.objects.filter(_open_cycles())
        .filter(next_on__lte=today + dt.timedelta(days=within_days))
        .exclude(engagement__client__isnull=True)
        .select_related("engagement__client", "engagement__coach")
    )
