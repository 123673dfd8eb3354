"""The dashboard's "new answers" and "new results" stay until the coach's "got it", not until
a visit to the client's page, and come back when something newer arrives."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from headway.coaching.models import StageQuestion
from headway.discovery.models import Assessment
from headway.engagements.models import ClientWriteRefused
from headway.engagements.services import answer_save, engagement_coach_seen
from tests.helpers import World


def _dashboard(world: World) -> str:
    return world.login(world.owner).get(reverse("dashboard")).content.decode()


def _result(world: World, ago: dt.timedelta = dt.timedelta()) -> Assessment:
    at = timezone.now() - ago
    return Assessment.objects.create(
        engagement=world.engagement, kind="values", result={}, started_at=at, completed_at=at
    )


def _got_it(world: World, code: str) -> None:
    url = reverse("engagement_acknowledge", args=[world.engagement.pk])
    assert world.login(world.owner).post(url, {"code": code}).status_code == 302


def test_new_results_stay_after_a_visit_until_got_it(world: World) -> None:
    _result(world, dt.timedelta(minutes=5))
    _result(world, dt.timedelta(minutes=4))
    world.login(world.owner).get(reverse("engagement_detail", args=[world.engagement.pk]))
    engagement_coach_seen(engagement=world.engagement)  # and once more, later
    assert "2 new results shared with you" in _dashboard(world)
    _got_it(world, "new-results")
    assert "new results shared" not in _dashboard(world)
    _result(world)
    assert "1 new result shared with you" in _dashboard(world)


def test_new_answers_stay_until_got_it_and_the_coach_writes_none(world: World) -> None:
    e = world.engagement
    question = StageQuestion.objects.filter(stage=e.stage).first()
    assert question is not None
    answer_save(engagement=e, question=question, text="Talking to people", by=world.client)
    world.login(world.owner).get(reverse("engagement_detail", args=[e.pk]))
    assert "New answers to read" in _dashboard(world)
    _got_it(world, "new-answers")
    assert "New answers to read" not in _dashboard(world)
    with pytest.raises(ClientWriteRefused):  # the answers are the client's own words
        answer_save(engagement=e, question=question, text="Noted in session", by=world.owner)
    assert "New answers to read" not in _dashboard(world)
