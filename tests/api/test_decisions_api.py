"""The decision matrix over the API: who may read and write, and a client's round trip."""

from __future__ import annotations

import types
from functools import cache

import pytest
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, path, resolve

from headway.decisions.models import DecisionMatrix, Risk
from headway.decisions.services import decision_matrix_start
from headway.discovery.models import Kind
from headway.engagements.models import EngagementStatus
from headway.exploration.services import option_add
from tests.api.support import send, session_client, token_client
from tests.decisions.test_decision import completed, values_result


@cache
def _test_urlconf() -> types.ModuleType:
    """The main URLs with the decisions router mounted in front, on an API of its own."""
    from ninja import NinjaAPI

    from headway import urls as main
    from headway.api import decisions
    from headway.api.auth import SessionAuth, TokenAuth

    api = NinjaAPI(urls_namespace="decisions_test", auth=[TokenAuth(), SessionAuth()])

    @api.exception_handler(ValidationError)
    def refused(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return api.create_response(request, {"detail": " ".join(exc.messages)}, status=400)

    api.add_router("", decisions.router)
    module = types.ModuleType("decisions_test_urls")
    module.urlpatterns = [path("api/", api.urls), *main.urlpatterns]  # type: ignore[attr-defined]
    return module


@pytest.fixture(autouse=True)
def _router_mounted(settings) -> None:
    # The lead mounts the router on the main API; until then these tests mount it themselves.
    try:
        resolve("/api/engagements/1/decision")
    except Resolver404:
        settings.ROOT_URLCONF = _test_urlconf()


def _user(world, role):
    return None if role == "anonymous" else getattr(world, role)


@pytest.fixture
def matrix(world) -> DecisionMatrix:
    for title in ("UX research", "Teaching"):
        option_add(engagement=world.engagement, by=world.client, title=title)
    completed(world.engagement, Kind.VALUES, values_result())
    return decision_matrix_start(engagement=world.engagement, by=world.client)


def base(world) -> str:
    return f"/api/engagements/{world.engagement.pk}/decision"


READERS = [
    ("owner", 200),
    ("client", 200),
    ("colleague", 404),
    ("outsider", 404),
    ("other_client", 404),
    ("anonymous", 401),
]
WRITERS = [
    ("owner", 403),
    ("client", 200),
    ("colleague", 404),
    ("outsider", 404),
    ("other_client", 404),
    ("anonymous", 401),
]


@pytest.mark.parametrize("role, status", READERS)
def test_reading_the_matrix(world, matrix, role, status):
    response = send(session_client(_user(world, role)), "get", base(world))
    assert response.status_code == status
    if status == 200:
        body = response.json()
        assert [o["title"] for o in body["options"]] == ["UX research", "Teaching"]
        assert body["criteria"][0]["name"] == "Helping others"
        assert body["criteria"][0]["help"].startswith("One of my top values")


def test_no_matrix_yet_is_a_404(world):
    assert send(session_client(world.client), "get", base(world)).status_code == 404


@pytest.mark.parametrize("role, status", WRITERS)
def test_changing_scores(world, matrix, role, status):
    option, criterion = matrix.options.first(), matrix.criteria.first()
    cells = [{"option_id": option.pk, "criterion_id": criterion.pk, "value": 7}]
    response = send(
        session_client(_user(world, role)), "put", base(world) + "/scores", {"cells": cells}
    )
    assert response.status_code == status
    assert option.scores.exists() is (status == 200)


@pytest.mark.parametrize("role, status", WRITERS)
def test_adding_a_risk(world, matrix, role, status):
    option = matrix.options.first()
    response = send(
        session_client(_user(world, role)),
        "post",
        base(world) + f"/options/{option.pk}/risks",
        {"risk": "A pay cut", "mitigation": "Save six months first"},
    )
    assert response.status_code == (201 if status == 200 else status)
    assert Risk.objects.exists() is (status == 200)


def test_starting_with_a_token_then_again(world):
    option_add(engagement=world.engagement, by=world.client, title="UX research")
    client, _ = token_client(world.client)
    first = send(client, "post", base(world))
    assert first.status_code == 201
    assert [c["name"] for c in first.json()["criteria"]] == [
        "Lifestyle",
        "Responsibilities",
        "Finances",
        "Risk",
    ]
    assert send(client, "post", base(world)).status_code == 200
    coach, _ = token_client(world.owner)
    assert send(coach, "post", base(world)).status_code == 403


def test_a_round_trip(world, matrix):
    client, _ = token_client(world.client)
    ux, teach = matrix.options.all()
    fin = matrix.criteria.get(name="Finances")
    helping = matrix.criteria.get(name="Helping others")
    cells = [
        {"option_id": ux.pk, "criterion_id": fin.pk, "value": 4},
        {"option_id": ux.pk, "criterion_id": helping.pk, "value": 9},
        {"option_id": teach.pk, "criterion_id": fin.pk, "value": 8},
        {"option_id": teach.pk, "criterion_id": helping.pk, "value": 4},
    ]
    body = send(client, "put", base(world) + "/scores", {"cells": cells}).json()
    assert [t["title"] for t in body["totals"]] == ["UX research", "Teaching"]
    assert body["totals"][0]["weighted"] == 6.5 and body["totals"][0]["missing"] == 9 - 2
    assert body["leader_id"] == ux.pk
    assert body["robustness"].startswith("If ")

    response = send(client, "put", base(world) + f"/criteria/{fin.pk}", {"weight": 5})
    assert response.status_code == 200 and response.json()["weight"] == 5
    body = send(client, "get", base(world)).json()
    assert body["leader_id"] == teach.pk  # (40 + 12) / 8 against (20 + 27) / 8

    gut = {"options": [{"option_id": ux.pk, "gut": 9}, {"option_id": teach.pk, "gut": 3}]}
    body = send(client, "put", base(world) + "/gut", gut).json()
    assert body["gut_questions"] == [
        "Your scores put Teaching first, your gut pulls towards UX research. "
        "What might your gut know that the criteria miss?"
    ]

    new = send(client, "post", base(world) + "/criteria", {"name": "Near the coast"})
    assert new.status_code == 201 and new.json()["source"] == "own"
    deleted = send(client, "delete", base(world) + f"/criteria/{new.json()['id']}")
    assert deleted.status_code == 204

    stay = send(client, "post", base(world) + "/options", {"title": "Stay where I am"})
    assert stay.status_code == 201 and stay.json()["board_option_id"] is None
    risk = send(
        client, "post", base(world) + f"/options/{stay.json()['id']}/risks", {"risk": "Nights"}
    ).json()
    changed = send(
        client,
        "put",
        base(world) + f"/risks/{risk['id']}",
        {"risk": "Nights", "mitigation": "Ask for days"},
    )
    assert changed.json()["mitigation"] == "Ask for days"
    assert send(client, "delete", base(world) + f"/risks/{risk['id']}").status_code == 204
    assert send(client, "delete", base(world) + f"/options/{stay.json()['id']}").status_code == 204

    body = send(
        client, "put", base(world) + "/choice", {"option_id": teach.pk, "reason": "Steadier"}
    ).json()
    assert body["chosen_id"] == teach.pk and body["choice_reason"] == "Steadier"
    assert body["chosen_at"] is not None
    body = send(client, "put", base(world) + "/choice", {"option_id": None}).json()
    assert body["chosen_id"] is None


def test_bad_input_is_a_400_that_says_why(world, matrix):
    client = session_client(world.client)
    option, criterion = matrix.options.first(), matrix.criteria.get(name="Risk")
    cells = [{"option_id": option.pk, "criterion_id": criterion.pk, "value": 11}]
    response = send(client, "put", base(world) + "/scores", {"cells": cells})
    assert response.status_code == 400
    assert response.json()["detail"] == (
        "Scores run from 1 to 10: 11 for UX research on Risk is outside that."
    )
    response = send(client, "put", base(world) + f"/criteria/{criterion.pk}", {"weight": 0})
    assert response.status_code == 400 and "1 (a little) to 5" in response.json()["detail"]
    response = send(client, "post", base(world) + "/criteria", {"name": "risk"})
    assert response.json()["detail"] == "“risk” is already a criterion."
    other = matrix.options.first().pk + 1000
    assert send(client, "put", base(world) + "/choice", {"option_id": other}).status_code == 404


def test_a_concluded_engagement_is_read_only(world, matrix):
    world.engagement.status = EngagementStatus.CONCLUDED
    world.engagement.save()
    client = session_client(world.client)
    assert send(client, "get", base(world)).status_code == 200
    response = send(client, "post", base(world) + "/options", {"title": "New"})
    assert response.status_code == 403 and "concluded" in response.json()["detail"]
