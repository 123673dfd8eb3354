"""Helpers for the API tests: clients for each way of calling, and JSON shortcuts."""

from __future__ import annotations

from typing import Any

from django.test import Client

from headway.accounts.models import User
from headway.accounts.services import api_token_create
from headway.coaching.models import Stage, StageQuestion
from headway.engagements.models import Engagement


def session_client(user: User | None, *, enforce_csrf: bool = False) -> Client:
    """A browser: logged in as `user` (anonymous for None)."""
    client = Client(enforce_csrf_checks=enforce_csrf)
    if user is not None:
        client.force_login(user)
    return client


def token_client(user: User, **client_kwargs: Any) -> tuple[Client, str]:
    """A script holding a fresh personal API token of `user`; no session at all."""
    _, raw = api_token_create(user=user, name="tests")
    return Client(headers={"Authorization": f"Bearer {raw}"}, **client_kwargs), raw


def send(client: Client, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    """Call the API; JSON bodies for the unsafe methods."""
    if method == "get":
        return client.get(path)
    return getattr(client, method)(path, data=body or {}, content_type="application/json")


def stages_of(engagement: Engagement) -> list[Stage]:
    return list(engagement.model_version.stages.order_by("position"))


def next_stage(engagement: Engagement) -> Stage:
    stage = engagement.stage.next_stage()
    assert stage is not None
    return stage


def first_question(engagement: Engagement) -> StageQuestion:
    question = (
        StageQuestion.objects.filter(stage__version=engagement.model_version)
        .order_by("stage__position", "position")
        .first()
    )
    assert question is not None
    return question
