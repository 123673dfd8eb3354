"""The flags a coach still has to acknowledge, for one engagement or all of a coach's."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from headway.accounts.models import User
from headway.checkins.services import checkin_facts
from headway.core.followup.attention import Attention, checkin_items, unacknowledged
from headway.engagements.models import Engagement, EngagementStatus, FlagAcknowledgement


def acknowledgements_of(
    coach: User, engagements: Iterable[Engagement]
) -> dict[int, dict[str, dt.datetime]]:
    """When the coach last acknowledged each flag, by engagement: one query for them all."""
    found: dict[int, dict[str, dt.datetime]] = defaultdict(dict)
    for pk, code, at in FlagAcknowledgement.objects.filter(
        coach=coach, engagement__in=[e.pk for e in engagements]
    ).values_list("engagement_id", "code", "acknowledged_at"):
        found[pk][code] = at
    return found


def engagement_flags(engagement: Engagement, coach: User) -> tuple[Attention, ...]:
    """The check-in flags on one engagement the coach has not acknowledged since they rose."""
    if not engagement.is_open or engagement.status == EngagementStatus.INVITED:
        return ()
    items = checkin_items(checkin_facts([engagement])[engagement.pk])
    return unacknowledged(items, acknowledgements_of(coach, [engagement])[engagement.pk])
