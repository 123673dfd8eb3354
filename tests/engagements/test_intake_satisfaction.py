"""Satisfaction in the intake runs from 1 to 10: a 0 is refused with a clear message,
and the number field offers nothing below 1."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from headway.engagements.models import Intake
from headway.engagements.services import intake_save
from tests.helpers import World

MESSAGE = "Choose a number from 1 (not at all) to 10 (completely)."


@pytest.mark.parametrize("bad", ["0", "11"])
def test_the_intake_page_refuses_a_score_outside_1_to_10(world: World, bad: str) -> None:
    url = reverse("engagement_intake", args=[world.engagement.pk])
    response = world.login(world.client).post(url, {"current_role": "Nurse", "satisfaction": bad})
    assert response.status_code == 200
    assert response.context["form"].errors["satisfaction"] == [MESSAGE]
    assert not Intake.objects.filter(engagement=world.engagement).exists()


def test_the_number_field_starts_at_1(world: World) -> None:
    url = reverse("engagement_intake", args=[world.engagement.pk])
    html = world.login(world.client).get(url).content.decode()
    field = html[html.index('name="satisfaction"') :].split(">", 1)[0]
    assert 'min="1"' in field and 'max="10"' in field


def test_the_service_and_the_model_refuse_0(world: World) -> None:
    intake = Intake(engagement=world.engagement, satisfaction=0)
    with pytest.raises(ValidationError) as refused:
        intake.full_clean()
    assert refused.value.message_dict["satisfaction"] == [MESSAGE]
    with pytest.raises(ValidationError, match="from 1"):
        intake_save(engagement=world.engagement, intake=intake, submit=True)
    assert not Intake.objects.exists()
    intake.satisfaction = 1
    assert intake_save(engagement=world.engagement, intake=intake, submit=True).satisfaction == 1
