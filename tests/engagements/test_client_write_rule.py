"""The one rule that protects a client's work: only the client writes, and not once concluded.

Services, pages and the API all ask `Engagement.require_client_write`; these tests hold each
of the three to it through a real call, so a copy of the rule that drifts shows up here.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from headway.discovery.models import JOURNAL
from headway.discovery.services import journal_add
from headway.engagements.models import ClientWriteRefused, EngagementStatus
from headway.engagements.services import engagement_set_status
from headway.exploration.models import BOARD
from headway.exploration.services import option_add
from tests.api.support import send, session_client
from tests.helpers import World


def _conclude(world: World) -> None:
    engagement_set_status(
        engagement=world.engagement, by=world.owner, status=EngagementStatus.CONCLUDED
    )
    world.engagement.refresh_from_db()


def test_the_rule_reads_who_and_when(world: World) -> None:
    e = world.engagement
    assert e.is_open and e.client_may_write(world.client)
    assert not e.client_may_write(world.owner)
    assert not e.client_may_write(world.other_client)
    _conclude(world)
    assert not e.is_open and not e.client_may_write(world.client)


def test_a_refusal_is_both_a_validation_error_and_a_permission_denial(world: World) -> None:
    with pytest.raises(ClientWriteRefused) as refused:
        option_add(engagement=world.engagement, by=world.owner, title="Teach adults")
    assert isinstance(refused.value, ValidationError)
    assert isinstance(refused.value, PermissionDenied)
    assert refused.value.messages == [BOARD.not_client]


def test_services_refuse_a_concluded_engagement_in_the_domain_words(world: World) -> None:
    _conclude(world)
    with pytest.raises(ValidationError) as refused:
        journal_add(engagement=world.engagement, by=world.client, activity="Planning", energy=1)
    assert refused.value.messages == [JOURNAL.concluded]


def test_a_page_answers_403_to_the_coach_and_once_concluded(world: World) -> None:
    url = reverse("board", args=[world.engagement.pk])
    assert world.login(world.owner).post(url, {"title": "Teach adults"}).status_code == 403
    assert world.login(world.client).post(url, {"title": "Teach adults"}).status_code == 302
    _conclude(world)
    assert world.login(world.client).post(url, {"title": "Retrain"}).status_code == 403
    assert world.engagement.options.count() == 1  # type: ignore[attr-defined]


def test_the_api_answers_403_with_the_domain_words(world: World) -> None:
    path = f"/api/engagements/{world.engagement.pk}/journal"
    entry = {"activity": "Planning", "energy": 1}
    coach = send(session_client(world.owner), "post", path, entry)
    assert coach.status_code == 403 and coach.json() == {"detail": JOURNAL.not_client}
    assert send(session_client(world.client), "post", path, entry).status_code == 201
    _conclude(world)
    late = send(session_client(world.client), "post", path, entry)
    assert late.status_code == 403 and late.json() == {"detail": JOURNAL.concluded}
