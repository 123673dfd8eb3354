"""What a coach sees of a single check-in: flags that stay until they acknowledge them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from headway.checkins.services import checkin_add, checkin_facts
from headway.core.followup.signals import LOW, WORRIED
from headway.overview.dashboard import dashboard_rows
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


def _detail(world: World) -> str:
    url = reverse("engagement_detail", args=[world.engagement.pk])
    return world.login(world.owner).get(url).content.decode()


def _acknowledge(world: World, code: str, back: str = "") -> str:
    url = reverse("engagement_acknowledge", args=[world.engagement.pk])
    response = world.login(world.owner).post(url, {"code": code, "next": back})
    assert response.status_code == 302
    return response["Location"]


def test_a_flag_stays_after_visits_and_goes_when_acknowledged(world: World) -> None:
    checkin_add(engagement=world.engagement, by=world.client, energy=3)
    for _ in range(2):  # opening the page is not acknowledging
        page = _detail(world)
        assert "Latest check-in at energy 3/10" in page and "Got it" in page
    assert LOW in _codes(world)
    assert _acknowledge(world, LOW, "/dashboard/") == "/dashboard/"
    assert "Latest check-in at energy 3/10" not in _detail(world)
    assert LOW not in _codes(world)
    # A newer low check-in raises it again.
    checkin_add(engagement=world.engagement, by=world.client, energy=2)
    assert "Latest check-in at energy 2/10" in _detail(world)
    assert LOW in _codes(world)


def test_acknowledging_goes_back_to_the_engagement_not_elsewhere(world: World) -> None:
    checkin_add(engagement=world.engagement, by=world.client, energy=3)
    detail = reverse("engagement_detail", args=[world.engagement.pk])
    assert _acknowledge(world, LOW, "https://elsewhere.example/") == detail
    url = reverse("engagement_acknowledge", args=[world.engagement.pk])
    assert world.login(world.owner).post(url, {"code": "intake"}).status_code == 400
