"""What the engagement endpoints say and do, beyond who may call them."""

from __future__ import annotations

from typing import Any

from headway.accounts.services import user_signup
from headway.coaching.models import CoachingModel, StageQuestion
from headway.coaching.services import coaching_model_clone, stage_update
from headway.engagements.models import (
    Answer,
    Engagement,
    EngagementStatus,
    Intake,
    StageTransition,
)
from headway.engagements.services import (
    answer_save,
    checklist_toggle,
    engagement_invite_client,
    engagement_set_status,
    invitation_accept,
    invitation_by_token,
)
from headway.practices.models import Membership
from tests.api.support import first_question, next_stage, session_client, stages_of
from tests.helpers import PASSWORD, World, offsite_model, transition_model


def _json(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.content
    return response.json()


# --- listing and detail ----------------------------------------------------------------


def test_each_user_lists_only_their_own_engagements(world: World) -> None:
    def ids(user: Any) -> list[int]:
        return [e["id"] for e in _json(session_client(user).get("/api/engagements"))]

    assert ids(world.owner) == [world.engagement.pk]
    assert ids(world.client) == [world.engagement.pk]
    assert ids(world.colleague) == []
    assert ids(world.outsider) == [world.other_engagement.pk]
    assert ids(world.solo) == [world.solo_engagement.pk]


def test_detail_describes_the_engagement(world: World) -> None:
    e = world.engagement
    body = _json(session_client(world.client).get(f"/api/engagements/{e.pk}"))
    assert body["id"] == e.pk
    assert body["kind"] == "coached"
    assert body["status"] == "active"
    assert body["coach"] == {
        "id": world.owner.pk,
        "name": "Olivia Owner",
        "email": "olivia@example.com",
    }
    assert body["client"]["id"] == world.client.pk
    assert body["client_name"] == "Cleo Client"
    assert body["model"] == {
        "id": transition_model().pk,
        "name": transition_model().name,
        "version": e.model_version.number,
    }
    assert body["stage"] == {"key": e.stage.key, "name": e.stage.name}
    assert body["created_at"].startswith(str(e.created_at.year))  # ISO 8601
    assert body["concluded_at"] is None
    [start] = body["stage_history"]
    assert start["from_stage"] is None
    assert start["to_stage"]["key"] == e.stage.key
    assert start["moved_by"]["id"] == world.owner.pk


def test_a_self_guided_journey_has_no_coach(world: World) -> None:
    body = _json(session_client(world.solo).get(f"/api/engagements/{world.solo_engagement.pk}"))
    assert body["kind"] == "self_guided"
    assert body["coach"] is None
    assert body["client"]["id"] == world.solo.pk


def test_an_invited_client_shows_by_name_until_they_join(world: World) -> None:
    invited, _ = engagement_invite_client(
        coach=world.owner,
        membership=Membership.objects.get(user=world.owner),
        email="ivy@example.com",
        name="Ivy Invited",
        model=transition_model(),
    )
    listed = _json(session_client(world.owner).get("/api/engagements"))
    entry = next(e for e in listed if e["id"] == invited.pk)
    assert entry["status"] == "invited"
    assert entry["client"] is None
    assert entry["client_name"] == "Ivy Invited"
    # No one is its client yet, so no one may write the intake.
    response = session_client(world.owner).put(
        f"/api/engagements/{invited.pk}/intake", data={}, content_type="application/json"
    )
    assert response.status_code == 403


# --- moving the stage ------------------------------------------------------------------


def test_coach_moves_the_stage_and_a_transition_is_recorded(world: World) -> None:
    e = world.engagement
    start, to_stage = e.stage, next_stage(e)
    response = session_client(world.owner).post(
        f"/api/engagements/{e.pk}/stage",
        data={"stage": to_stage.key, "reason": "  Trust is there  "},
        content_type="application/json",
    )
    body = _json(response)
    transition = StageTransition.objects.get(engagement=e, to_stage=to_stage)
    assert transition.from_stage == start
    assert transition.moved_by == world.owner
    assert transition.reason == "Trust is there"
    e.refresh_from_db()
    assert e.stage == to_stage
    assert body["stage"]["key"] == to_stage.key
    assert [h["to_stage"]["key"] for h in body["stage_history"]] == [start.key, to_stage.key]
    assert body["stage_history"][-1]["from_stage"]["key"] == start.key


def test_client_of_a_coached_engagement_may_not_move_the_stage(world: World) -> None:
    e = world.engagement
    response = session_client(world.client).post(
        f"/api/engagements/{e.pk}/stage",
        data={"stage": next_stage(e).key},
        content_type="application/json",
    )
    assert _json(response, 403) == {"detail": "Only the coach moves the stage of this engagement."}
    assert StageTransition.objects.filter(engagement=e).count() == 1


def test_self_guided_client_moves_their_own_stage(world: World) -> None:
    e = world.solo_engagement
    to_stage = stages_of(e)[-1]
    response = session_client(world.solo).post(
        f"/api/engagements/{e.pk}/stage",
        data={"stage": to_stage.key},
        content_type="application/json",
    )
    assert _json(response)["stage"]["key"] == to_stage.key
    assert StageTransition.objects.filter(
        engagement=e, to_stage=to_stage, moved_by=world.solo
    ).exists()


def test_moving_to_an_unknown_stage_is_a_400(world: World) -> None:
    e = world.engagement
    response = session_client(world.owner).post(
        f"/api/engagements/{e.pk}/stage", data={"stage": "nowhere"}, content_type="application/json"
    )
    assert "no stage 'nowhere'" in _json(response, 400)["detail"]


def test_a_stage_of_another_model_is_unknown_here(world: World) -> None:
    e = world.engagement
    own_keys = [s.key for s in stages_of(e)]
    foreign = offsite_model().latest_version().stages.exclude(key__in=own_keys).first()
    assert foreign is not None
    response = session_client(world.owner).post(
        f"/api/engagements/{e.pk}/stage",
        data={"stage": foreign.key},
        content_type="application/json",
    )
    assert response.status_code == 400
    e.refresh_from_db()
    assert e.stage.key == own_keys[0]


def test_service_refusals_come_back_as_400_with_the_reason(world: World) -> None:
    e = world.engagement
    client = session_client(world.owner)
    same = client.post(
        f"/api/engagements/{e.pk}/stage",
        data={"stage": e.stage.key},
        content_type="application/json",
    )
    assert _json(same, 400) == {"detail": "The engagement is already at that stage."}

    engagement_set_status(engagement=e, status=EngagementStatus.CONCLUDED, by=world.owner)
    concluded = client.post(
        f"/api/engagements/{e.pk}/stage",
        data={"stage": next_stage(e).key},
        content_type="application/json",
    )
    assert _json(concluded, 400) == {"detail": "This engagement is concluded."}


def test_a_malformed_body_is_a_422(world: World) -> None:
    response = session_client(world.owner).post(
        f"/api/engagements/{world.engagement.pk}/stage", data={}, content_type="application/json"
    )
    assert response.status_code == 422


# --- stages with questions, answers and checklists -------------------------------------


def test_stages_show_questions_answers_and_checklist(world: World) -> None:
    e = world.engagement
    question = first_question(e)
    answer_save(engagement=e, question=question, text="Ten years in audit", by=world.client)
    first = stages_of(e)[0]
    assert first.exit_checklist, "the built-in first stage has an exit checklist"
    checklist_toggle(engagement=e, stage=first, index=0, done=True)

    body = _json(session_client(world.owner).get(f"/api/engagements/{e.pk}/stages"))
    assert [s["key"] for s in body] == [s.key for s in stages_of(e)]
    assert [s["is_current"] for s in body] == [s.pk == e.stage_id for s in stages_of(e)]
    stage = next(s for s in body if s["key"] == question.stage.key)
    q = next(q for q in stage["questions"] if q["id"] == question.pk)
    assert q["answer"] == "Ten years in audit"
    assert q["text"] == question.text
    others = [q["answer"] for s in body for q in s["questions"] if q["id"] != question.pk]
    assert set(others) == {None}
    checklist = body[0]["exit_checklist"]
    assert checklist[0] == {"index": 0, "text": first.exit_checklist[0], "done": True}
    assert all(item["done"] is False for item in checklist[1:])


def _practice_engagement(world: World) -> tuple[CoachingModel, Engagement]:
    """An engagement on the practice's own model, which then gets edited into version 2."""
    model = coaching_model_clone(
        source=transition_model().latest_version(),
        practice_id=world.practice.pk,
        by=world.owner,
        name="Northstar Method",
    )
    engagement, raw = engagement_invite_client(
        coach=world.owner,
        membership=Membership.objects.get(user=world.owner),
        email="nina@example.com",
        name="Nina New",
        model=model,
    )
    nina = user_signup(email="nina@example.com", name="Nina New", password=PASSWORD, verified=True)
    invitation = invitation_by_token(raw)
    assert invitation is not None
    engagement = invitation_accept(invitation=invitation, user=nina)
    first = engagement.model_version.first_stage()
    stage_update(
        model=model,
        stage_key=first.key,
        name="Rapport, renamed",
        purpose=first.purpose,
        questions=["A brand new question?"],
        exit_checklist=[],
        tools=[],
    )
    assert model.latest_version().number == 2
    return model, engagement


def test_an_engagement_keeps_its_own_model_version(world: World) -> None:
    model, engagement = _practice_engagement(world)
    client = session_client(world.owner)

    catalogue = _json(client.get(f"/api/models/{model.pk}"))
    assert catalogue["latest_version"] == 2
    assert catalogue["stages"][0]["name"] == "Rapport, renamed"

    detail = _json(client.get(f"/api/engagements/{engagement.pk}"))
    assert detail["model"]["version"] == 1
    stages = _json(client.get(f"/api/engagements/{engagement.pk}/stages"))
    assert stages[0]["name"] == engagement.model_version.first_stage().name != "Rapport, renamed"
    assert "A brand new question?" not in [q["text"] for s in stages for q in s["questions"]]


def test_a_question_of_a_newer_version_cannot_be_answered(world: World) -> None:
    model, engagement = _practice_engagement(world)
    newer = StageQuestion.objects.get(
        stage__version=model.latest_version(), text="A brand new question?"
    )
    client = session_client(engagement.client)
    response = client.put(
        f"/api/engagements/{engagement.pk}/answers/{newer.pk}",
        data={"text": "Lost"},
        content_type="application/json",
    )
    assert _json(response, 404) == {"detail": "Not Found"}
    assert not Answer.objects.filter(engagement=engagement).exists()


# --- answers ---------------------------------------------------------------------------


def test_answer_put_then_get_roundtrip(world: World) -> None:
    e = world.engagement
    question = first_question(e)
    client = session_client(world.client)
    url = f"/api/engagements/{e.pk}/answers/{question.pk}"

    saved = _json(
        client.put(url, data={"text": "I miss building things"}, content_type="application/json")
    )
    assert saved["question_id"] == question.pk
    assert saved["text"] == "I miss building things"
    assert saved["updated_by"]["id"] == world.client.pk

    _json(client.put(url, data={"text": "I miss making things"}, content_type="application/json"))
    answers = _json(client.get(f"/api/engagements/{e.pk}/answers"))
    assert [(a["question_id"], a["stage_key"], a["question_key"], a["text"]) for a in answers] == [
        (question.pk, question.stage.key, question.key, "I miss making things")
    ]
    # The coach reads the same answer.
    coach_view = _json(session_client(world.owner).get(f"/api/engagements/{e.pk}/answers"))
    assert coach_view == answers


def test_a_question_of_another_model_is_a_404(world: World) -> None:
    foreign = StageQuestion.objects.filter(stage__version=offsite_model().latest_version()).first()
    assert foreign is not None
    response = session_client(world.client).put(
        f"/api/engagements/{world.engagement.pk}/answers/{foreign.pk}",
        data={"text": "x"},
        content_type="application/json",
    )
    assert _json(response, 404) == {"detail": "Not Found"}


def test_coach_may_not_write_the_clients_answer(world: World) -> None:
    e = world.engagement
    response = session_client(world.owner).put(
        f"/api/engagements/{e.pk}/answers/{first_question(e).pk}",
        data={"text": "Words in the client's mouth"},
        content_type="application/json",
    )
    assert _json(response, 403) == {"detail": "Only the client answers the questions."}
    assert not Answer.objects.filter(engagement=e).exists()


# --- intake ----------------------------------------------------------------------------

INTAKE = {
    "current_role": "Senior auditor",
    "field": "Accounting",
    "years_in_field": 12,
    "satisfaction": 4,
    "change_prompt": "The work no longer fits.",
    "stance": "exploring",
    "constraints": "Mortgage; two children.",
    "hopes": "A clear next step.",
}


def test_intake_starts_empty(world: World) -> None:
    body = _json(session_client(world.owner).get(f"/api/engagements/{world.engagement.pk}/intake"))
    assert body == {
        "current_role": "",
        "field": "",
        "years_in_field": None,
        "satisfaction": None,
        "change_prompt": "",
        "stance": "",
        "constraints": "",
        "hopes": "",
        "submitted_at": None,
        "updated_at": None,
    }


def test_client_saves_then_submits_the_intake_and_the_coach_reads_it(world: World) -> None:
    e = world.engagement
    url = f"/api/engagements/{e.pk}/intake"
    client = session_client(world.client)

    draft = _json(
        client.put(url, data={**INTAKE, "submit": False}, content_type="application/json")
    )
    assert draft["submitted_at"] is None
    assert draft["updated_at"] is not None

    submitted = _json(
        client.put(url, data={**INTAKE, "submit": True}, content_type="application/json")
    )
    assert submitted["submitted_at"] is not None
    assert Intake.objects.get(engagement=e).is_complete

    coach_view = _json(session_client(world.owner).get(url))
    assert {k: coach_view[k] for k in INTAKE} == INTAKE
    assert coach_view["submitted_at"] == submitted["submitted_at"]


def test_intake_put_replaces_the_whole_intake(world: World) -> None:
    url = f"/api/engagements/{world.engagement.pk}/intake"
    client = session_client(world.client)
    _json(client.put(url, data=INTAKE, content_type="application/json"))
    body = _json(client.put(url, data={"hopes": "Only this"}, content_type="application/json"))
    assert body["hopes"] == "Only this"
    assert body["current_role"] == ""
    assert Intake.objects.filter(engagement=world.engagement).count() == 1


def test_coach_may_not_write_the_intake(world: World) -> None:
    response = session_client(world.owner).put(
        f"/api/engagements/{world.engagement.pk}/intake",
        data=INTAKE,
        content_type="application/json",
    )
    assert _json(response, 403) == {"detail": "Only the client fills in the intake."}
    assert not Intake.objects.filter(engagement=world.engagement).exists()


def test_intake_values_are_validated(world: World) -> None:
    url = f"/api/engagements/{world.engagement.pk}/intake"
    client = session_client(world.client)
    for bad in (
        {"satisfaction": 11},
        {"satisfaction": 0},
        {"stance": "bored"},
        {"years_in_field": -1},
    ):
        response = client.put(url, data={**INTAKE, **bad}, content_type="application/json")
        assert response.status_code == 422, bad
    assert not Intake.objects.filter(engagement=world.engagement).exists()
