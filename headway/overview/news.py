"""The coach's email of what their clients did: once a day or as it happens, by their
reminder preferences; counts and links only (headway/core/followup/client_news.py words them).

Each email tells of what came after the previous one (or the last week, for a first one)
and after the coach last looked at that client's page, from the same read model as the
page's "since you last looked". The key of a sent email (SentReminder, kind "news") is the
day, or the newest thing it tells of, so two sweeps side by side send it once."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.db.models import Max
from django.urls import reverse

from headway.accounts.mail import absolute, send_templated
from headway.accounts.models import User
from headway.core.followup import client_news as core
from headway.engagements.models import Engagement, EngagementStatus
from headway.overview.activity import since_last_looked
from headway.reminders.models import ClientNews, SentReminder, preferences_map

KIND = "news"
DAY = dt.timedelta(days=1)
SUBJECT = "clients"


def _candidates(now: dt.datetime) -> dict[int, list[Engagement]]:
    """Active coached engagements with something new in the last week, by coach."""
    rows = Engagement.objects.filter(
        status=EngagementStatus.ACTIVE,
        coach__isnull=False,
        client__isnull=False,
        last_activity_at__gt=now - core.LOOKBACK,
    ).select_related("client")
    by_coach: dict[int, list[Engagement]] = defaultdict(list)
    for e in rows.order_by("pk"):
        assert e.coach_id is not None
        by_coach[e.coach_id].append(e)
    return by_coach


def _lines(
    engagements: list[Engagement], since: dt.datetime, now: dt.datetime
) -> tuple[list[dict[str, str]], dt.datetime | None]:
    lines, latest = [], None
    for e in engagements:
        start = max(since, e.coach_seen_at) if e.coach_seen_at else since
        if e.last_activity_at <= start:
            continue
        items = [i for i in since_last_looked(e, start, now=now) if i.when <= now]
        said = core.summary([core.News(i.kind, i.energy) for i in items])
        if not said:
            continue
        newest = max(i.when for i in items)
        latest = newest if latest is None else max(latest, newest)
        url = absolute(reverse("engagement_detail", args=[e.pk]))
        lines.append({"name": e.client_name, "said": said, "url": url})
    return lines, latest


@transaction.atomic
def news_deliver(
    *, coach: User, occasion: str, lines: list[dict[str, str]], mode: str, now: dt.datetime
) -> bool:
    if not lines or not SentReminder.claim(coach.pk, KIND, SUBJECT, occasion, now):
        return False
    send_templated(
        coach.email,
        "client_news",
        {
            "person": coach,
            "lines": lines,
            "daily": mode == ClientNews.DAILY,
            "preferences_url": absolute(reverse("reminder_preferences")),
        },
    )
    return True


def client_news_send(*, now: dt.datetime) -> int:
    """Every coach's email that is due now; the number sent."""
    by_coach = _candidates(now)
    prefs = preferences_map(by_coach)
    last = dict(
        SentReminder.objects.filter(user_id__in=list(by_coach), kind=KIND)
        .values("user_id")
        .annotate(at=Max("sent_at"))
        .values_list("user_id", "at")
    )
    done = set(
        SentReminder.objects.filter(
            user_id__in=list(by_coach), kind=KIND, sent_at__gt=now - 2 * DAY
        ).values_list("user_id", "occasion")
    )
    coaches = User.objects.filter(is_active=True).in_bulk(list(by_coach))
    sent = 0
    for pk, coach in coaches.items():
        pref = prefs[pk]
        if pref.client_news == ClientNews.OFF:
            continue
        if pref.client_news == ClientNews.DAILY:
            today = core.occasion(core.DAILY, now, pref.time_zone, now)
            if today is None or (pk, today) in done:
                continue  # before the coach's morning, or sent: nothing to work out
        since = max(last.get(pk) or now - core.LOOKBACK, now - core.LOOKBACK)
        lines, latest = _lines(by_coach[pk], since, now)
        if latest is None:
            continue
        key = core.occasion(pref.client_news, now, pref.time_zone, latest)
        if key:
            sent += news_deliver(
                coach=coach, occasion=key, lines=lines, mode=pref.client_news, now=now
            )
    return sent
