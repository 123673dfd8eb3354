"""Who may call the API: a session (with CSRF for changes) or a personal API token."""

from __future__ import annotations

import pytest
from django.test import Client

from headway.accounts.models import ApiToken
from headway.accounts.services import api_token_revoke
from headway.engagements.models import StageTransition
from tests.api.support import next_stage, session_client, token_client
from tests.helpers import World

READ_PATHS = ["/api/me", "/api/models", "/api/engagements"]


@pytest.mark.parametrize("path", READ_PATHS)
def test_anonymous_gets_401(world: World, path: str) -> None:
    response = Client().get(path)
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


def test_anonymous_change_is_401_not_a_csrf_complaint(world: World) -> None:
    client = session_client(None, enforce_csrf=True)
    response = client.post(
        f"/api/engagements/{world.engagement.pk}/stage",
        data={"stage": next_stage(world.engagement).key},
        content_type="application/json",
    )
    assert response.status_code == 401


def test_token_authenticates_without_a_session(world: World) -> None:
    client, _ = token_client(world.owner)
    response = client.get("/api/me")
    assert response.status_code == 200
    assert response.json()["email"] == "olivia@example.com"
    token = ApiToken.objects.get(user=world.owner)
    assert token.last_used_at is not None


def test_token_changes_need_no_csrf_token(world: World) -> None:
    client, _ = token_client(world.owner, enforce_csrf_checks=True)
    to_stage = next_stage(world.engagement)
    response = client.post(
        f"/api/engagements/{world.engagement.pk}/stage",
        data={"stage": to_stage.key},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert StageTransition.objects.filter(engagement=world.engagement, to_stage=to_stage).exists()


def test_revoked_token_gets_401(world: World) -> None:
    client, _ = token_client(world.owner)
    assert client.get("/api/me").status_code == 200
    api_token_revoke(token=ApiToken.objects.get(user=world.owner))
    response = client.get("/api/me")
    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]


def test_unknown_token_gets_401(world: World) -> None:
    client = Client(headers={"Authorization": "Bearer hw_not-a-real-token"})
    assert client.get("/api/me").status_code == 401


def test_token_of_a_deactivated_user_gets_401(world: World) -> None:
    client, _ = token_client(world.owner)
    world.owner.is_active = False
    world.owner.save(update_fields=["is_active"])
    assert client.get("/api/me").status_code == 401


def test_a_failed_token_is_not_rescued_by_the_session(world: World) -> None:
    client = session_client(world.owner)
    assert client.get("/api/me").status_code == 200
    response = client.get("/api/me", headers={"Authorization": "Bearer hw_revoked-or-wrong"})
    assert response.status_code == 401


def test_session_works_for_reading(world: World) -> None:
    response = session_client(world.client).get("/api/me")
    assert response.status_code == 200
    assert response.json()["email"] == "cleo@example.com"


def test_session_change_without_csrf_token_is_refused(world: World) -> None:
    client = session_client(world.owner, enforce_csrf=True)
    response = client.post(
        f"/api/engagements/{world.engagement.pk}/stage",
        data={"stage": next_stage(world.engagement).key},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert not StageTransition.objects.filter(
        engagement=world.engagement, from_stage__isnull=False
    ).exists()


def test_session_change_with_csrf_token_goes_through(world: World) -> None:
    client = session_client(world.owner, enforce_csrf=True)
    # The docs page hands the browser its CSRF cookie, as Swagger's "Try it out" needs.
    assert client.get("/api/docs").status_code == 200
    csrf = client.cookies["csrftoken"].value
    response = client.post(
        f"/api/engagements/{world.engagement.pk}/stage",
        data={"stage": next_stage(world.engagement).key},
        content_type="application/json",
        headers={"X-CSRFToken": csrf},
    )
    assert response.status_code == 200, response.content
