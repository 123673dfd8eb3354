"""The intake saves a draft as it is typed: kept, not sent, until the client sends it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from headway.engagements.models import Intake
from tests.helpers import World

pytestmark = pytest.mark.django_db


def test_a_draft_is_kept_and_not_sent(world: World) -> None:
    e = world.engagement
    client = world.login(world.client)
    url = reverse("engagement_intake", args=[e.pk])
    response = client.post(url, {"_draft": "1", "current_role": "Teacher", "satisfaction": "4"})
    assert response.status_code == 200 and response.content.decode().startswith("Draft saved at")
    intake = Intake.objects.get(engagement=e)
    assert intake.current_role == "Teacher" and not intake.is_complete
    page = client.get(url).content.decode()
    assert 'value="Teacher"' in page and "Send my intake" in page
    assert "Your draft is saved" in page


def test_a_draft_that_does_not_validate_says_why_and_changes_nothing(world: World) -> None:
    e = world.engagement
    client = world.login(world.client)
    url = reverse("engagement_intake", args=[e.pk])
    response = client.post(url, {"_draft": "1", "current_role": "Teacher", "satisfaction": "0"})
    assert response.status_code == 422
    assert response.content.decode().startswith("Not saved yet: Choose a number from 1")
    assert not Intake.objects.filter(engagement=e).exists()


def test_only_the_client_saves_a_draft(world: World) -> None:
    url = reverse("engagement_intake", args=[world.engagement.pk])
    response = world.login(world.owner).post(url, {"_draft": "1", "current_role": "Coach"})
    assert response.status_code == 403
    assert not Intake.objects.filter(engagement=world.engagement).exists()
