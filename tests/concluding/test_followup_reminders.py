"""A follow-up that opens reminds the client once, by email, as their preferences say."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from headway.concluding.models import FollowUp
from headway.concluding.services import engagement_conclude, followup_set_declined
from headway.core.followup import reminders as core
from headway.reminders.models import SentReminder
from headway.reminders.services import reminder_preferences_update
from tests.helpers import World
from tests.smtp import Mailbox, mailbox, smtp_server  # noqa: F401

pytestmark = pytest.mark.django_db


def _open_today(world: World, months: int) -> FollowUp:
    FollowUp.objects.filter(engagement=world.engagement, months=months).update(
        due_on=timezone.localdate()
    )
    return FollowUp.objects.get(engagement=world.engagement, months=months)


def _nine_am() -> dt.datetime:
    return dt.datetime.combine(timezone.localdate(), dt.time(9), tzinfo=dt.UTC)


def test_an_open_follow_up_emails_the_client_once(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    sweep,
) -> None:
    engagement_conclude(engagement=world.engagement, by=world.owner)
    # Nothing is open yet: the first follow-up is three months away.
    assert sweep(_nine_am()).reminders == 0
    _open_today(world, 3)

    sweep(_nine_am())
    email = mailbox.wait_for(world.client.email, subject="Your 3-month follow-up")
    assert "3 months since your journey ended" in email.body
    assert f"{world.owner.name} will see your answer." in email.body
    assert reverse("followups", args=[world.engagement.pk]) in email.body
    assert "decline" in email.body
    assert not mailbox.to(world.owner.email)  # the coach's dashboard says it, no email
    # Once only.
    assert sweep(_nine_am() + dt.timedelta(hours=2)).reminders == 0
    assert SentReminder.objects.filter(kind=core.FOLLOWUP).count() == 1


def test_declined_or_switched_off_follow_ups_stay_quiet(world: World, sweep) -> None:
    engagement_conclude(engagement=world.engagement, by=world.owner)
    fu = _open_today(world, 6)
    followup_set_declined(followup=fu, by=world.client, declined=True)
    assert sweep(_nine_am()).reminders == 0

    fu = _open_today(world, 3)
    reminder_preferences_update(user=world.client, followups=False)
    assert sweep(_nine_am()).reminders == 0
    reminder_preferences_update(user=world.client, followups=True)
    assert sweep(_nine_am()).reminders == 1
