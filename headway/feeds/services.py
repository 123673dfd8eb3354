"""Private calendar feeds: one per person, reached by a secret URL that only they are shown.

Only the token's hash is stored (as for API tokens), so the URL cannot be shown again: a
person who lost it makes a new one, and the old URL stops working at once.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from headway.accounts.models import User, hash_token, new_token
from headway.feeds.models import CalendarFeed

# Calendar apps poll every few minutes to hours; recording each fetch would be a write per
# poll for a fact ("still in use") that needs no better than minute precision.
FETCH_RECORD_INTERVAL = timedelta(minutes=1)


@transaction.atomic
def calendar_feed_create(*, user: User) -> tuple[CalendarFeed, str]:
    """A new secret feed URL for the person; replaces (and so disables) any earlier one.
    Returns the feed and the raw token, which is shown once and never stored."""
    raw, digest = new_token()
    feed, _ = CalendarFeed.objects.update_or_create(
        user=user,
        defaults={"token_hash": digest, "created_at": timezone.now(), "last_fetched_at": None},
    )
    return feed, raw


@transaction.atomic
def calendar_feed_delete(*, user: User) -> bool:
    """Turn the person's feed off; True if there was one."""
    deleted, _ = CalendarFeed.objects.filter(user=user).delete()
    return deleted > 0


def calendar_feed_by_token(raw: str) -> CalendarFeed | None:
    """The feed a token opens, or None (unknown, replaced, turned off, or the person's
    account deactivated)."""
    feed = CalendarFeed.objects.select_related("user").filter(token_hash=hash_token(raw)).first()
    if feed is None or not feed.user.is_active:
        return None
    return feed


def calendar_feed_record_fetch(*, feed: CalendarFeed) -> None:
    """Note that a calendar app fetched the feed, at most once a minute."""
    now = timezone.now()
    last = feed.last_fetched_at
    if last is None or now - last >= FETCH_RECORD_INTERVAL:
        CalendarFeed.objects.filter(pk=feed.pk).update(last_fetched_at=now)
        feed.last_fetched_at = now


def calendar_feed_urls(raw: str) -> tuple[str, str]:
    """The feed's https (or http) address and the same as webcal://, which opens the
    device's calendar app to subscribe."""
    url = f"{settings.SITE_URL}{reverse('calendar_feed_ics', args=[raw])}"
    return url, "webcal://" + url.split("://", 1)[1]
