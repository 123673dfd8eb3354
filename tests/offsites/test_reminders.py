"""The next offsite reminds the client (and the facilitating coach) by email two days
before, once, as their preferences say; none while an offsite is under way."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from headway.core.followup import reminders as core
from headway.offsites.models import Mode, OffsiteCycle
from headway.offsites.reminders import offsite_reminders
from headway.offsites.services import cycle_of, offsite_start
from headway.reminders.models import SentReminder
from headway.reminders.services import reminder_preferences_update
from headway.reminders.sources import SOURCES
from tests.helpers import World
from tests.smtp import Mailbox, mailbox, smtp_server  # noqa: F401

pytestmark = pytest.mark.django_db


def _nine_am() -> dt.datetime:
    return dt.datetime.combine(timezone.localdate(), dt.time(9), tzinfo=dt.UTC)


def _next_in(world: World, days: int, mode: str = Mode.SELF_GUIDED) -> OffsiteCycle:
    cycle = cycle_of(world.engagement)
    OffsiteCycle.objects.filter(pk=cycle.pk).update(
        next_on=timezone.localdate() + dt.timedelta(days=days),
        mode=mode,
        updated_at=timezone.now() - dt.timedelta(days=30),
    )
    return OffsiteCycle.objects.get(pk=cycle.pk)


def test_the_source_is_registered_for_offsites() -> None:
    assert (core.OFFSITE, offsite_reminders) in SOURCES


def test_two_days_before_the_client_hears_once(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    sweep,
) -> None:
    _next_in(world, 5)
    assert sweep(_nine_am()).reminders == 0  # too early
    _next_in(world, 2)
    sweep(_nine_am())
    email = mailbox.wait_for(world.client.email, subject="Your career offsite")
    assert reverse("offsites", args=[world.engagement.pk]) in email.body
    assert not mailbox.to(world.owner.email)  # self-guided: the client's date
    assert sweep(_nine_am() + dt.timedelta(hours=2)).reminders == 0
    assert SentReminder.objects.filter(kind=core.OFFSITE).count() == 1


def test_a_facilitating_coach_hears_too_and_preferences_are_kept(world: World, sweep) -> None:
    _next_in(world, 2, Mode.FACILITATED)
    reminder_preferences_update(user=world.client, offsites=False)
    assert sweep(_nine_am()).reminders == 1  # the coach only
    assert SentReminder.objects.get(kind=core.OFFSITE).user == world.owner


def test_no_reminder_while_an_offsite_is_under_way(world: World) -> None:
    _next_in(world, 2)
    offsite_start(engagement=world.engagement, by=world.client, mode=Mode.SELF_GUIDED)
    assert list(offsite_reminders(_nine_am())) == []


def test_a_passed_date_is_still_open_in_the_digest_only(world: World) -> None:
    _next_in(world, -3)
    (reminder,) = offsite_reminders(_nine_am())
    assert reminder.still_open and reminder.send_from is None
    assert reminder.when.startswith("was planned for")
