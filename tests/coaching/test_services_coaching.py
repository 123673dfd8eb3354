"""Coaching models in the database: built-ins, clones and copy-on-write editing."""

from __future__ import annotations

import dataclasses

import pytest
from django.core.exceptions import ValidationError

from headway.coaching import services as coaching_services
from headway.coaching.models import CoachingModel, ModelVersion, Stage, StageQuestion
from headway.coaching.services import (
    builtin_models_sync,
    coaching_model_clone,
    coaching_model_editable_version,
    stage_add,
    stage_delete,
    stage_move,
    stage_update,
)
from headway.core.coaching.builtin import BUILTIN_MODELS, CAREER_TRANSITION_JOURNEY
from headway.core.coaching.spec import problems
from headway.engagements.models import Engagement
from headway.engagements.services import engagement_invite_client, engagement_move_stage
from headway.practices.models import Membership
from tests.helpers import World, transition_model

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, int, int, int]:
    return (
        CoachingModel.objects.count(),
        ModelVersion.objects.count(),
        Stage.objects.count(),
        StageQuestion.objects.count(),
    )


def clone_of_transition(world: World, name: str = "Our Journey") -> CoachingModel:
    return coaching_model_clone(
        source=transition_model().latest_version(),
        practice_id=world.practice.pk,
        by=world.owner,
        name=name,
    )


def invite_on(world: World, model: CoachingModel, email: str = "dora@example.com") -> Engagement:
    membership = Membership.objects.get(user=world.owner, practice=world.practice)
    engagement, _ = engagement_invite_client(
        coach=world.owner, membership=membership, email=email, name="Dora", model=model
    )
    return engagement


def question_texts(stage: Stage) -> list[str]:
    return list(stage.questions.order_by("position").values_list("text", flat=True))


def question_keys(stage: Stage) -> dict[str, str]:
    return dict(stage.questions.values_list("text", "key"))


# built-in models --------------------------------------------------------------


def test_builtin_models_exist_after_migrate() -> None:
    builtin = CoachingModel.objects.builtin()
    assert sorted(builtin.values_list("key", flat=True)) == sorted(s.key for s in BUILTIN_MODELS)
    for spec in BUILTIN_MODELS:
        model = builtin.get(key=spec.key)
        assert model.is_builtin
        assert model.name == spec.name
        version = model.latest_version()
        assert version.fingerprint == spec.fingerprint()
        assert version.to_spec() == spec
        assert problems(version.to_spec()) == []


def test_builtin_models_sync_is_idempotent() -> None:
    before = counts()
    latest = {m.key: m.latest_version().pk for m in CoachingModel.objects.builtin()}
    builtin_models_sync()
    builtin_models_sync()
    assert counts() == before
    assert {m.key: m.latest_version().pk for m in CoachingModel.objects.builtin()} == latest


def test_changed_builtin_model_becomes_a_new_version(world: World, monkeypatch) -> None:
    model = transition_model()
    old = model.latest_version()
    first = CAREER_TRANSITION_JOURNEY.stages[0]
    changed = dataclasses.replace(
        CAREER_TRANSITION_JOURNEY,
        summary="A reworded summary.",
        stages=(
            dataclasses.replace(first, name="Getting started"),
            *CAREER_TRANSITION_JOURNEY.stages[1:],
        ),
    )
    monkeypatch.setattr(coaching_services, "BUILTIN_MODELS", (changed, *BUILTIN_MODELS[1:]))

    builtin_models_sync()
    builtin_models_sync()

    model.refresh_from_db()
    new = model.latest_version()
    assert new.number == old.number + 1
    assert new.fingerprint == changed.fingerprint()
    assert new.to_spec() == changed
    assert model.summary == "A reworded summary."
    assert model.versions.count() == 2
    world.solo_engagement.refresh_from_db()
    assert world.solo_engagement.model_version == old
    assert world.solo_engagement.stage.name == first.name


def test_builtin_sync_keeps_practice_models_alone(world: World) -> None:
    clone = clone_of_transition(world, name="Career Transition Journey")
    builtin_models_sync()
    clone.refresh_from_db()
    assert clone.practice == world.practice
    assert clone.versions.count() == 1
    assert CoachingModel.objects.builtin().filter(key="career-transition-journey").count() == 1


# cloning --------------------------------------------------------------------


def test_clone_copies_stages_and_questions(world: World) -> None:
    source = transition_model().latest_version()
    clone = coaching_model_clone(
        source=source,
        practice_id=world.practice.pk,
        by=world.owner,
        name="  Our Journey ",
        who_for="Our clients.",
    )
    assert clone.practice == world.practice
    assert clone.name == "Our Journey"
    assert clone.key == "our-journey"
    assert clone.based_on == source.model
    assert clone.created_by == world.owner
    assert clone.who_for == "Our clients."
    assert clone.problems_solved == source.model.problems_solved
    assert not clone.is_builtin
    version = clone.latest_version()
    assert version.number == 1
    copied, original = version.to_spec(), source.to_spec()
    assert copied.stages == original.stages
    # A copy, not shared rows.
    assert not set(version.stages.values_list("pk", flat=True)) & set(
        source.stages.values_list("pk", flat=True)
    )


def test_clones_with_the_same_name_get_distinct_keys(world: World) -> None:
    first = clone_of_transition(world)
    second = clone_of_transition(world)
    assert first.key != second.key
    assert {first.key, second.key} == {"our-journey", "our-journey-2"}


def test_clone_appears_only_for_its_practice(world: World) -> None:
    clone = clone_of_transition(world)
    other = Membership.objects.get(user=world.outsider).practice
    assert clone in CoachingModel.objects.available_to(world.practice.pk)
    assert clone not in CoachingModel.objects.available_to(other.pk)
    assert clone not in CoachingModel.objects.available_to(None)


# copy-on-write ----------------------------------------------------------------


def test_editing_an_unused_version_edits_it_in_place(world: World) -> None:
    clone = clone_of_transition(world)
    version = clone.latest_version()
    assert coaching_model_editable_version(model=clone) == version
    stage_update(
        model=clone,
        stage_key="rapport",
        name="Hello",
        purpose="",
        questions=["What brings you here?"],
        exit_checklist=[],
        tools=[],
    )
    assert clone.versions.count() == 1
    assert version.stages.get(key="rapport").name == "Hello"


def test_editing_a_used_model_makes_a_new_version_and_the_engagement_keeps_its_own(
    world: World,
) -> None:
    clone = clone_of_transition(world)
    engagement = invite_on(world, clone)
    v1 = clone.latest_version()
    assert engagement.model_version == v1
    exploring = v1.stages.get(key="exploring")
    engagement_move_stage(engagement=engagement, to_stage=exploring, by=world.owner)
    old_texts = question_texts(exploring)

    stage_update(
        model=clone,
        stage_key="exploring",
        name="Trying things out",
        purpose="New purpose.",
        questions=["Which option will you test first?", *old_texts[1:]],
        exit_checklist=["One option tested."],
        tools=["exploration_board"],
    )

    clone.refresh_from_db()
    v2 = clone.latest_version()
    assert v2.number == v1.number + 1
    assert v2.stages.count() == v1.stages.count()
    new_stage = v2.stages.get(key="exploring")
    assert new_stage.name == "Trying things out"
    assert question_texts(new_stage)[0] == "Which option will you test first?"
    assert new_stage.exit_checklist == ["One option tested."]

    engagement.refresh_from_db()
    assert engagement.model_version == v1
    assert engagement.stage == exploring
    exploring.refresh_from_db()
    assert exploring.name != "Trying things out"
    assert question_texts(exploring) == old_texts

    # Further edits go into the new, still unused version.
    stage_add(model=clone, name="Extra")
    assert clone.versions.count() == 2
    assert v2.stages.filter(key="extra").exists()
    assert not v1.stages.filter(key="extra").exists()


def test_new_engagements_start_on_the_latest_version(world: World) -> None:
    clone = clone_of_transition(world)
    invite_on(world, clone, "first@example.com")
    stage_add(model=clone, name="Extra")
    later = invite_on(world, clone, "second@example.com")
    assert later.model_version == clone.latest_version()
    assert later.model_version.number == 2


def test_stage_update_keeps_keys_of_unchanged_questions(world: World) -> None:
    clone = clone_of_transition(world)
    invite_on(world, clone)  # so the edit is a copy-on-write as well
    before = question_keys(clone.latest_version().stages.get(key="rapport"))
    texts = list(before)
    kept_a, kept_b, dropped = texts[0], texts[1], texts[2]
    new_text = "Which question have you been waiting for someone to ask you?"

    stage = stage_update(
        model=clone,
        stage_key="rapport",
        name="Rapport",
        purpose="",
        questions=[kept_b, "   ", new_text, f"  {kept_a}  ", *texts[3:]],
        exit_checklist=["  First item ", "", "Second item"],
        tools=["agreement"],
    )

    after = question_keys(stage)
    assert after[kept_a] == before[kept_a]
    assert after[kept_b] == before[kept_b]
    assert dropped not in after
    assert after[new_text] not in before.values()
    assert all(after[t] == before[t] for t in texts[3:])
    assert question_texts(stage)[:3] == [kept_b, new_text, kept_a]
    assert stage.exit_checklist == ["First item", "Second item"]
    assert stage.tools == ["agreement"]
    assert problems(clone.latest_version().to_spec()) == []


def test_stage_update_never_gives_two_questions_the_same_key(world: World) -> None:
    clone = clone_of_transition(world)
    rapport = clone.latest_version().stages.get(key="rapport")
    text = question_texts(rapport)[0]
    stage = stage_update(
        model=clone,
        stage_key="rapport",
        name="Rapport",
        purpose="",
        questions=[text, text, "A new question?", "A new question?"],
        exit_checklist=[],
        tools=[],
    )
    keys = list(stage.questions.values_list("key", flat=True))
    assert len(keys) == 4
    assert len(set(keys)) == 4
    assert problems(clone.latest_version().to_spec()) == []


def test_stage_delete_and_move(world: World) -> None:
    clone = clone_of_transition(world)
    version = clone.latest_version()
    order = list(version.stages.order_by("position").values_list("key", flat=True))
    stage_move(model=clone, stage_key=order[0], offset=1)
    moved = list(version.stages.order_by("position").values_list("key", flat=True))
    assert moved[:2] == [order[1], order[0]]
    assert moved[2:] == order[2:]
    stage_move(model=clone, stage_key=order[-1], offset=5)  # clamped at the end
    assert list(version.stages.order_by("position").values_list("key", flat=True)) == moved

    for key in order[1:]:
        stage_delete(model=clone, stage_key=key)
    assert list(version.stages.values_list("key", flat=True)) == [order[0]]
    with pytest.raises(ValidationError, match="at least one stage"):
        stage_delete(model=clone, stage_key=order[0])
