"""What a coach sees of a single check-in: flags that stay until they acknowledge them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from headway.checkins.services import checkin_add, checkin_facts
from headway.core.signals import LOW, WORRIED
from headway.engagements.dashboard import dashboard_rows
from tests.helpers import World

pytestmark = pytest.mark.django_db

WORDS = "Worried I'll stall... not sure we can afford a pay cut"


def _codes(world: World) -> set[str]:
    (row,) = [r for r in dashboard_rows(world.owner) if r.engagement == world.engagement]
    return {a.code for a in row.attention}


def test_a_single_low_check_in_raises_a_flag(world: World) -> None:
    checkin_add(engagement=world.engagement, by=world.client, energy=3)
    assert LOW in _codes(world)
    page = world.login(world.owner).get(reverse("dashboard")).content.decode()
    assert "Latest check-in at energy 3/10" in page


def test_worried_words_raise_a_flag_that_does_not_quote_them(world: World) -> None:
    checkin_add(engagement=world.engagement, by=world.client, energy=6, obstacles=WORDS)
    facts = checkin_facts([world.engagement])[world.engagement.pk]
    assert facts.latest_text.strip() == WORDS and facts.latest_at is not None
    assert WORRIED in _codes(world)
    page = world.login(world.owner).get(reverse("dashboard")).content.decode()
    assert "Latest check-in sounds worried" in page and "pay cut" not in page


def test_not_worried_raises_nothing(world: World) -> None:
    checkin_add(engagement=world.engagement, by=world.client, energy=6, progress="Not worried")
    assert WORRIED not in _codes(world)


def test_only_the_latest_check_in_counts(world: World) -> None:
    checkin_add(engagement=world.engagement, by=world.client, energy=2, obstacles=WORDS)
    checkin_add(engagement=world.engagement, by=world.client, energy=7, win="A good call")
    assert not {LOW, WORRIED} & _codes(world)
