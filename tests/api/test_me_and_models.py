"""/api/me and the coaching-model catalogue."""

from __future__ import annotations

from headway.accounts.models import User
from headway.coaching.models import CoachingModel
from headway.coaching.services import coaching_model_clone
from tests.api.support import session_client
from tests.helpers import World, transition_model


def test_me_for_a_practice_owner(world: World) -> None:
    body = session_client(world.owner).get("/api/me").json()
    assert body == {
        "id": world.owner.pk,
        "email": "olivia@example.com",
        "name": "Olivia Owner",
        "roles": {
            "is_coach": True,
            "is_client": False,
            "practice": {
                "id": world.practice.pk,
                "name": "Northstar Coaching",
                "slug": world.practice.slug,
                "role": "owner",
            },
        },
    }


def test_me_for_a_colleague_coach(world: World) -> None:
    roles = session_client(world.colleague).get("/api/me").json()["roles"]
    assert roles["is_coach"] is True
    assert roles["practice"]["id"] == world.practice.pk
    assert roles["practice"]["role"] == "coach"


def test_me_for_clients(world: World) -> None:
    for user in (world.client, world.solo):
        roles = session_client(user).get("/api/me").json()["roles"]
        assert roles == {"is_coach": False, "is_client": True, "practice": None}


def _clone(world: World, name: str) -> CoachingModel:
    return coaching_model_clone(
        source=transition_model().latest_version(),
        practice_id=world.practice.pk,
        by=world.owner,
        name=name,
    )


def test_models_list_builtins_and_the_practices_own(world: World) -> None:
    own = _clone(world, "Northstar Method")
    builtin = set(CoachingModel.objects.builtin().values_list("pk", flat=True))
    assert builtin

    def listed(user: User) -> set[int]:
        response = session_client(user).get("/api/models")
        assert response.status_code == 200
        return {m["id"] for m in response.json()}

    assert listed(world.owner) == builtin | {own.pk}
    assert listed(world.colleague) == builtin | {own.pk}
    assert listed(world.outsider) == builtin
    assert listed(world.client) == builtin
    assert listed(world.solo) == builtin

    entry = next(
        m for m in session_client(world.owner).get("/api/models").json() if m["id"] == own.pk
    )
    assert entry == {
        "id": own.pk,
        "key": own.key,
        "name": "Northstar Method",
        "summary": own.summary,
        "is_builtin": False,
        "latest_version": 1,
    }


def test_model_detail_has_the_latest_stages_and_questions(world: World) -> None:
    model = transition_model()
    version = model.latest_version()
    body = session_client(world.solo).get(f"/api/models/{model.pk}").json()
    assert body["name"] == model.name
    assert body["is_builtin"] is True
    assert body["latest_version"] == version.number
    stages = list(version.stages.order_by("position"))
    assert [s["key"] for s in body["stages"]] == [s.key for s in stages]
    first = stages[0]
    assert body["stages"][0]["exit_checklist"] == first.exit_checklist
    assert [q["id"] for q in body["stages"][0]["questions"]] == [
        q.pk for q in first.questions.order_by("position")
    ]
    assert body["stages"][0]["questions"][0]["text"] == first.questions.order_by("position")[0].text
