"""A time under a minute ago reads "just now", never "0 minutes ago", on every page that
says how long ago something happened."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from headway.accounts.templatetags.when import ago
from headway.engagements.services import engagement_invite_client
from headway.feeds.services import calendar_feed_create
from headway.practices.models import Membership
from headway.practices.services import practice_invite_coach
from tests.helpers import World, transition_model

NOW = dt.datetime(2026, 12, 7, 12, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0, "just now"),
        (59, "just now"),
        (-30, "just now"),  # a clock a little ahead
        (60, "1\xa0minute ago"),
        (3 * 3600 + 120, "3\xa0hours, 2\xa0minutes ago"),  # as timesince spaces them
    ],
)
def test_ago_in_words(seconds: int, words: str) -> None:
    assert ago(NOW - dt.timedelta(seconds=seconds), NOW) == words


def test_no_time_says_nothing() -> None:
    assert ago(None) == ""


def test_a_new_invitation_was_sent_just_now(world: World) -> None:
    engagement, _ = engagement_invite_client(
        coach=world.owner,
        membership=Membership.objects.get(user=world.owner),
        email="grace@example.com",
        name="Grace O'Neil",
        model=transition_model(),
    )
    html = world.login(world.owner).get(engagement.get_absolute_url()).content.decode()
    assert "Invitation sent to grace@example.com just now." in html
    assert "0\xa0minutes" not in html and "0 minutes" not in html


def test_a_new_coach_invitation_reads_invited_just_now(world: World) -> None:
    practice_invite_coach(practice=world.practice, by=world.owner, email="nina@example.com")
    html = world.login(world.owner).get(reverse("practice")).content.decode()
    assert "invited just now" in html and "0\xa0minutes" not in html


def test_a_feed_fetched_a_moment_ago_reads_just_now(world: World) -> None:
    feed, _ = calendar_feed_create(user=world.client)
    feed.last_fetched_at = timezone.now()
    feed.save()
    html = world.login(world.client).get(reverse("calendar_feed")).content.decode()
    assert "last fetched by a calendar app just now" in html
    html = world.login(world.client).get(reverse("account")).content.decode()
    assert "last fetched just now" in html
