"""Check-ins: the service, the page for client and coach, and the signals on the dashboard."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from headway.checkins.models import CheckIn
from headway.checkins.services import (
    checkin_add,
    checkin_facts,
    engagement_signals,
)
from headway.core.followup.signals import ENERGY_FALLING, QUIET, SLIPPING
from headway.engagements.models import EngagementStatus
from headway.goals.models import Step
from headway.goals.services import goal_create, step_add
from headway.overview.dashboard import dashboard_rows
from tests.helpers import World
from tests.smtp import Mailbox, mailbox, smtp_server  # noqa: F401

QUESTION = "What has been taking your energy lately, and what would give some back?"


def _step(world: World, title: str = "Call Ana", due_on: dt.date | None = None) -> Step:
    goal = goal_create(engagement=world.engagement, by=world.client, text="Try UX research")
    return step_add(goal=goal, by=world.client, title=title, due_on=due_on)


def test_the_client_checks_in_and_ticks_a_step_done(world: World) -> None:
    step = _step(world)
    c = checkin_add(
        engagement=world.engagement,
        by=world.client,
        energy=7,
        progress=" Read two job ads ",
        win="Asked Ana",
        steps=[step],
    )
    step.refresh_from_db()
    assert step.done_at is not None
    assert list(c.steps_done.all()) == [step]
    assert CheckIn.objects.get().progress == "Read two job ads"


def test_texts_are_encrypted_at_rest(world: World) -> None:
    checkin_add(engagement=world.engagement, by=world.client, energy=5, win="A quiet win")
    with connection.cursor() as cursor:
        cursor.execute("SELECT win FROM checkins_checkin")
        (stored,) = cursor.fetchone()
    assert stored.startswith("hw1:") and "quiet" not in stored


@pytest.mark.parametrize("who", ["owner", "outsider"])
def test_only_the_client_checks_in(world: World, who: str) -> None:
    with pytest.raises(ValidationError):
        checkin_add(engagement=world.engagement, by=getattr(world, who), energy=5)


def test_energy_is_one_to_ten_and_concluded_is_read_only(world: World) -> None:
    with pytest.raises(ValidationError):
        checkin_add(engagement=world.engagement, by=world.client, energy=11)
    world.engagement.status = EngagementStatus.CONCLUDED
    world.engagement.save()
    with pytest.raises(ValidationError):
        checkin_add(engagement=world.engagement, by=world.client, energy=5)


def test_a_done_step_cannot_be_ticked_again(world: World) -> None:
    step = _step(world)
    checkin_add(engagement=world.engagement, by=world.client, energy=5, steps=[step])
    with pytest.raises(ValidationError):
        checkin_add(engagement=world.engagement, by=world.client, energy=5, steps=[step])


def test_facts_count_overdue_and_recent_steps(world: World) -> None:
    today = timezone.localdate()
    _step(world, "Old", today - dt.timedelta(days=40))
    _step(world, "Lately", today - dt.timedelta(days=3))
    done = _step(world, "Done", today - dt.timedelta(days=2))
    checkin_add(engagement=world.engagement, by=world.client, energy=6, steps=[done])
    f = checkin_facts([world.engagement])[world.engagement.pk]
    assert (f.steps_overdue, f.steps_overdue_recently, f.steps_done_recently) == (2, 1, 1)
    assert f.energies == (6,) and f.check_in_dates == (today,)
    assert [s.code for s in engagement_signals(world.engagement)] == [SLIPPING]


def _falling(world: World) -> None:
    for energy in (8, 6, 4):
        checkin_add(engagement=world.engagement, by=world.client, energy=energy)


def test_the_page_for_the_client(world: World) -> None:
    step = _step(world)
    browser = world.login(world.client)
    url = reverse("checkins", args=[world.engagement.pk])
    page = browser.get(url).content.decode()
    assert "Check in" in page and "Call Ana" in page and "Signals" not in page
    response = browser.post(url, {"energy": "6", "obstacles": "Busy week", "steps": [str(step.pk)]})
    assert response.status_code == 302
    page = browser.get(url).content.decode()
    assert "Busy week" in page and "Energy 6 of 10" in page
    assert browser.post(url, {"energy": "12"}).status_code == 200  # the form says why


def test_the_page_for_the_coach_shows_signals_and_the_sparkline(world: World) -> None:
    _falling(world)
    page = world.login(world.owner).get(reverse("checkins", args=[world.engagement.pk]))
    text = page.content.decode()
    assert 'name="energy"' not in text
    assert "<polyline" in text and "oldest first, out of 10: 8, 6, 4" in text
    assert QUESTION in text


def test_the_dashboard_flags_falling_energy(world: World) -> None:
    _falling(world)
    (row,) = [r for r in dashboard_rows(world.owner) if r.engagement == world.engagement]
    assert ENERGY_FALLING in {a.code for a in row.attention}
    assert row.needs_action
    page = world.login(world.owner).get(reverse("dashboard")).content.decode()
    assert "Energy falling across check-ins" in page


def test_no_check_in_for_weeks_is_information(world: World) -> None:
    CheckIn.objects.create(
        engagement=world.engagement, energy=6, created_at=timezone.now() - dt.timedelta(days=20)
    )
    codes = {s.code for s in engagement_signals(world.engagement)}
    assert codes == {QUIET}


def test_the_engagement_page_links_to_check_ins(world: World) -> None:
    for user in (world.client, world.owner):
        page = world.login(user).get(reverse("engagement_detail", args=[world.engagement.pk]))
        assert reverse("checkins", args=[world.engagement.pk]) in page.content.decode()
