"""Packages: an engagement's allotment of sessions ("6 within 12 weeks"), counted against
the sessions held or booked in its weeks; no payments."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings as dj_settings
from django.core.exceptions import ValidationError
from django.db import transaction

from headway.accounts.models import User
from headway.booking.models import Package
from headway.engagements.models import Engagement
from headway.meetings.models import Session


@dataclass(frozen=True)
class PackageUse:
    package: Package
    used: int  # sessions held or booked within the package's weeks

    @property
    def left(self) -> int:
        return max(0, self.package.sessions - self.used)


def _window(package: Package, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(package.starts_on, dt.time(0), tzinfo=zone)
    return start, dt.datetime.combine(package.ends_on, dt.time(0), tzinfo=zone)


def packages_of(engagements: Sequence[Engagement]) -> dict[int, PackageUse]:
    """The current package of each engagement and its use (two queries for them all)."""
    packages: dict[int, Package] = {}
    for p in Package.objects.filter(engagement__in=[e.pk for e in engagements]):
        packages.setdefault(p.engagement_id, p)  # newest first
    if not packages:
        return {}
    zone = ZoneInfo(dj_settings.TIME_ZONE)
    counts: Counter[int] = Counter()
    sessions = Session.objects.scheduled().filter(engagement__in=list(packages))
    for pk, at in sessions.values_list("engagement_id", "starts_at"):
        start, end = _window(packages[pk], zone)
        if start <= at < end:
            counts[pk] += 1
    return {pk: PackageUse(p, counts[pk]) for pk, p in packages.items()}


def package_check(engagement: Engagement, starts_at: dt.datetime) -> None:
    use = packages_of([engagement]).get(engagement.pk)
    if use is None:
        return
    coach = engagement.coach.get_short_name() if engagement.coach else "your coach"
    start, end = _window(use.package, ZoneInfo(dj_settings.TIME_ZONE))
    if not start <= starts_at < end:
        raise ValidationError(
            f"Your package runs from {use.package.starts_on:%-d %B} to "
            f"{use.package.ends_on:%-d %B %Y}: choose a time within it, or write to {coach}."
        )
    if use.left == 0:
        raise ValidationError(
            f"All {use.package.sessions} sessions of your package are booked or held. "
            f"Write to {coach} to talk about more."
        )


@transaction.atomic
def package_set(
    *, engagement: Engagement, by: User, sessions: int, weeks: int, starts_on: dt.date
) -> Package:
    if not engagement.is_coach(by):
        raise ValidationError("Only the coach sets a client's package.")
    package = Package(engagement=engagement, sessions=sessions, weeks=weeks, starts_on=starts_on)
    package.full_clean()
    package.save()
    return package
