"""The access battery for every API endpoint that takes an id.

Only the coach and the client of an engagement see it; everyone else gets the same
404 as for an engagement that does not exist. A party whose role may not make a
change gets a 403; an anonymous caller gets a 401.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from headway.accounts.models import User
from headway.coaching.services import coaching_model_clone
from headway.concluding.models import Insight
from headway.engagements.models import Answer, Engagement, Intake, StageTransition
from headway.offsites.models import OffsiteCycle
from tests.api.support import first_question, next_stage, send, session_client, token_client
from tests.helpers import World, transition_model

ROLES = ["owner", "colleague", "outsider", "client", "other_client", "anonymous"]
HIDDEN = {"colleague": 404, "outsider": 404, "other_client": 404, "anonymous": 401}


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str
    path: Callable[[Engagement], str]
    expected: dict[str, int]
    body: Callable[[Engagement], dict[str, Any]] = field(default=lambda e: {})
    # What a successful call leaves behind, checked after a 2xx; what a refused one must not.
    changed: Callable[[Engagement], bool] | None = None

    def __str__(self) -> str:
        return self.name


def _moved(e: Engagement) -> bool:
    return StageTransition.objects.filter(engagement=e, from_stage__isnull=False).exists()


def _intake_saved(e: Engagement) -> bool:
    return Intake.objects.filter(engagement=e, current_role="Accountant").exists()


def _answered(e: Engagement) -> bool:
    return Answer.objects.filter(engagement=e, text="Numbers, people").exists()


def _offsite_rhythm_changed(e: Engagement) -> bool:
    return OffsiteCycle.objects.filter(engagement=e, every_months=2).exists()


ENDPOINTS = [
    Endpoint(
        "engagement detail",
        "get",
        lambda e: f"/api/engagements/{e.pk}",
        {"owner": 200, "client": 200, **HIDDEN},
    ),
    Endpoint(
        "engagement stages",
        "get",
        lambda e: f"/api/engagements/{e.pk}/stages",
        {"owner": 200, "client": 200, **HIDDEN},
    ),
    Endpoint(
        "move stage",
        "post",
        lambda e: f"/api/engagements/{e.pk}/stage",
        {"owner": 200, "client": 403, **HIDDEN},
        body=lambda e: {"stage": next_stage(e).key, "reason": "Rapport is there"},
        changed=_moved,
    ),
    Endpoint(
        "read intake",
        "get",
        lambda e: f"/api/engagements/{e.pk}/intake",
        {"owner": 200, "client": 200, **HIDDEN},
    ),
    Endpoint(
        "write intake",
        "put",
        lambda e: f"/api/engagements/{e.pk}/intake",
        {"owner": 403, "client": 200, **HIDDEN},
        body=lambda e: {"current_role": "Accountant", "submit": True},
        changed=_intake_saved,
    ),
    Endpoint(
        "read answers",
        "get",
        lambda e: f"/api/engagements/{e.pk}/answers",
        {"owner": 200, "client": 200, **HIDDEN},
    ),
    Endpoint(
        "write answer",
        "put",
        lambda e: f"/api/engagements/{e.pk}/answers/{first_question(e).pk}",
        {"owner": 403, "client": 200, **HIDDEN},
        body=lambda e: {"text": "Numbers, people"},
        changed=_answered,
    ),
    Endpoint(
        "readiness to conclude",
        "get",
        lambda e: f"/api/engagements/{e.pk}/conclusion/readiness",
        {"owner": 200, "client": 200, **HIDDEN},
    ),
    Endpoint(
        "write insights",
        "put",
        lambda e: f"/api/engagements/{e.pk}/insights",
        {"owner": 403, "client": 200, **HIDDEN},
        body=lambda e: {"learned": "Numbers, people"},
        changed=lambda e: Insight.objects.filter(engagement=e).exists(),
    ),
    # Career offsites: the rhythm is agreed between client and coach, so both may set it.
    Endpoint(
        "offsite cycle",
        "get",
        lambda e: f"/api/engagements/{e.pk}/offsite-cycle",
        {"owner": 200, "client": 200, **HIDDEN},
    ),
    Endpoint(
        "write offsite cycle",
        "put",
        lambda e: f"/api/engagements/{e.pk}/offsite-cycle",
        {"owner": 200, "client": 200, **HIDDEN},
        body=lambda e: {"every_months": 2},
        changed=_offsite_rhythm_changed,
    ),
    Endpoint(
        "offsites",
        "get",
        lambda e: f"/api/engagements/{e.pk}/offsites",
        {"owner": 200, "client": 200, **HIDDEN},
    ),
    Endpoint(
        "shared resources",
        "get",
        lambda e: f"/api/engagements/{e.pk}/resources",
        {"owner": 200, "client": 200, **HIDDEN},
    ),
    Endpoint(
        "consent log",
        "get",
        lambda e: f"/api/engagements/{e.pk}/consent",
        {"owner": 200, "client": 200, **HIDDEN},
    ),
]


def _check(endpoint: Endpoint, engagement: Engagement, user: User | None, expected: int) -> None:
    response = send(
        session_client(user), endpoint.method, endpoint.path(engagement), endpoint.body(engagement)
    )
    assert response.status_code == expected, response.content
    body = response.json()
    if expected == 404:
        assert body == {"detail": "Not Found"}  # the very answer a missing engagement gets
    elif expected >= 400:
        assert isinstance(body["detail"], str) and body["detail"]
    if endpoint.changed is not None:
        assert endpoint.changed(engagement) is (expected == 200)


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
@pytest.mark.parametrize("role", ROLES)
def test_engagement_battery(world: World, endpoint: Endpoint, role: str) -> None:
    _check(endpoint, world.engagement, world.battery()[role], endpoint.expected[role])


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_self_guided_client_may_do_everything_and_no_one_else_sees_it(
    world: World, endpoint: Endpoint
) -> None:
    for role, user in world.battery().items():
        _check(endpoint, world.solo_engagement, user, 401 if user is None else 404)
        assert role  # every role of the battery is a stranger to Sam's journey
    _check(endpoint, world.solo_engagement, world.solo, 200)


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_a_missing_engagement_looks_like_a_hidden_one(world: World, endpoint: Endpoint) -> None:
    missing = Engagement.objects.order_by("-pk").first()
    assert missing is not None
    path = endpoint.path(world.engagement).replace(
        f"/engagements/{world.engagement.pk}", f"/engagements/{missing.pk + 1000}"
    )
    response = send(
        session_client(world.owner), endpoint.method, path, endpoint.body(world.engagement)
    )
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


@pytest.mark.parametrize("role", ["owner", "client", "outsider"])
def test_the_battery_holds_for_token_callers_too(world: World, role: str) -> None:
    user = world.battery()[role]
    assert user is not None
    client, _ = token_client(user)
    expected = {"owner": 200, "client": 200, "outsider": 404}[role]
    for endpoint in ENDPOINTS:
        if endpoint.method != "get":
            continue
        assert client.get(endpoint.path(world.engagement)).status_code == expected, endpoint


# --- coaching models -------------------------------------------------------------------

MODEL_EXPECTED = {
    "owner": 200,
    "colleague": 200,  # the practice's models are every coach's in it
    "outsider": 404,
    "client": 404,
    "other_client": 404,
    "anonymous": 401,
}


@pytest.mark.parametrize("role", ROLES)
def test_practice_model_battery(world: World, role: str) -> None:
    source = transition_model().latest_version()
    own = coaching_model_clone(
        source=source, practice_id=world.practice.pk, by=world.owner, name="Northstar Method"
    )
    response = session_client(world.battery()[role]).get(f"/api/models/{own.pk}")
    assert response.status_code == MODEL_EXPECTED[role]
    if response.status_code == 200:
        assert response.json()["name"] == "Northstar Method"
    elif response.status_code == 404:
        assert response.json() == {"detail": "Not Found"}


@pytest.mark.parametrize("role", ROLES)
def test_builtin_model_battery(world: World, role: str) -> None:
    model = transition_model()
    response = session_client(world.battery()[role]).get(f"/api/models/{model.pk}")
    assert response.status_code == (401 if role == "anonymous" else 200)


def test_an_archived_model_is_gone_from_the_api(world: World) -> None:
    source = transition_model().latest_version()
    own = coaching_model_clone(
        source=source, practice_id=world.practice.pk, by=world.owner, name="Old Method"
    )
    own.archived = True
    own.save(update_fields=["archived"])
    client = session_client(world.owner)
    assert client.get(f"/api/models/{own.pk}").status_code == 404
    assert own.pk not in [m["id"] for m in client.get("/api/models").json()]


# --- one's own resources (no id): everyone reaches only their own ----------------------


@pytest.mark.parametrize("role", ROLES)
def test_own_reminder_preferences(world: World, role: str) -> None:
    user = world.battery()[role]
    client = session_client(user)
    response = client.get("/api/me/reminders")
    assert response.status_code == (401 if user is None else 200)
    if user is None:
        return
    body = response.json() | {"delivery": "off"}
    assert send(client, "put", "/api/me/reminders", body).status_code == 200
    from headway.reminders.models import ReminderPreference

    assert list(ReminderPreference.objects.values_list("user_id", flat=True)) == [user.pk]


# --- session review: the coach's alone; the client gets the same 404 as a stranger --------

REVIEW_VTT = "WEBVTT\n\n00:01.000 --> 00:03.000\n<v Olivia Owner>What brings you here?</v>\n"
REVIEW_EXPECTED = {"owner": 200, "client": 404, **HIDDEN}


def _a_review(e: Engagement) -> int:
    from headway.review.models import Review
    from headway.review.services import review_create

    found = Review.objects.filter(engagement=e).first()
    if found is None:
        assert e.coach is not None
        found = review_create(engagement=e, by=e.coach, filename="s.vtt", content=REVIEW_VTT)
    return found.pk


REVIEW_ENDPOINTS = [
    Endpoint("list reviews", "get", lambda e: f"/api/engagements/{e.pk}/reviews", REVIEW_EXPECTED),
    Endpoint(
        "upload review",
        "post",
        lambda e: f"/api/engagements/{e.pk}/reviews",
        {**REVIEW_EXPECTED, "owner": 201},
        body=lambda e: {"filename": "s.vtt", "content": REVIEW_VTT, "coach": "Olivia Owner"},
    ),
    Endpoint(
        "read review",
        "get",
        lambda e: f"/api/engagements/{e.pk}/reviews/{_a_review(e)}",
        REVIEW_EXPECTED,
    ),
    Endpoint(
        "review coach",
        "post",
        lambda e: f"/api/engagements/{e.pk}/reviews/{_a_review(e)}/coach",
        REVIEW_EXPECTED,
        body=lambda e: {"speaker": "Olivia Owner"},
    ),
    Endpoint(
        "delete review",
        "delete",
        lambda e: f"/api/engagements/{e.pk}/reviews/{_a_review(e)}",
        {**REVIEW_EXPECTED, "owner": 204},
    ),
]


@pytest.mark.parametrize("endpoint", REVIEW_ENDPOINTS, ids=str)
@pytest.mark.parametrize("role", ROLES)
def test_review_battery(world: World, endpoint: Endpoint, role: str) -> None:
    path = endpoint.path(world.engagement)
    response = send(
        session_client(world.battery()[role]),
        endpoint.method,
        path,
        endpoint.body(world.engagement),
    )
    expected = endpoint.expected[role]
    assert response.status_code == expected, response.content
    if expected == 404:
        assert response.json() == {"detail": "Not Found"}
    elif expected == 401:
        assert response.json()["detail"]
