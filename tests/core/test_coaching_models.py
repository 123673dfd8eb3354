"""Coaching models as plain data: problems(), fingerprints and the tool registry (no Django)."""

from __future__ import annotations

import dataclasses
import re

from headway.core.coaching.builtin import BUILTIN_MODELS, CAREER_TRANSITION_JOURNEY
from headway.core.coaching.spec import ModelSpec, QuestionSpec, StageSpec, problems
from headway.core.coaching.tools import TOOLS, ToolSpec, unknown_tools


def stage(key: str = "start", name: str = "Start", *questions: tuple[str, str]) -> StageSpec:
    qs = questions or (("why", "Why now?"), ("what", "What would change?"))
    return StageSpec(
        key=key,
        name=name,
        purpose="Getting going.",
        questions=tuple(QuestionSpec(k, t) for k, t in qs),
        tools=("intake",),
        exit_checklist=("Done.",),
    )


def model(*stages: StageSpec) -> ModelSpec:
    return ModelSpec(
        key="mine",
        name="Mine",
        summary="A model.",
        who_for="Anyone.",
        problems_solved="Some.",
        stages=stages,
    )


# problems() -----------------------------------------------------------------


def test_a_sound_model_has_no_problems() -> None:
    assert problems(model(stage("a", "A"), stage("b", "B"))) == []


def test_a_model_needs_a_stage() -> None:
    assert problems(model()) == ["A model needs at least one stage."]


def test_stage_keys_must_be_unique() -> None:
    assert problems(model(stage("a", "A"), stage("a", "Again"))) == [
        "Two stages share the same key."
    ]


def test_every_stage_needs_a_name() -> None:
    assert problems(model(stage("a", "   "))) == ["Every stage needs a name."]


def test_question_keys_must_be_unique_within_a_stage() -> None:
    found = problems(model(stage("a", "Alpha", ("same", "One?"), ("same", "Two?"))))
    assert len(found) == 1
    assert "Alpha" in found[0]
    assert "same key" in found[0]


def test_question_keys_may_repeat_across_stages() -> None:
    spec = model(stage("a", "A", ("same", "One?")), stage("b", "B", ("same", "Two?")))
    assert problems(spec) == []


def test_questions_must_have_text() -> None:
    found = problems(model(stage("a", "Alpha", ("q", "  "))))
    assert len(found) == 1
    assert "Alpha" in found[0]
    assert "empty question" in found[0]


def test_all_problems_are_reported_together() -> None:
    spec = model(stage("a", ""), stage("a", "Beta", ("x", "One?"), ("x", "")))
    found = problems(spec)
    assert "Two stages share the same key." in found
    assert "Every stage needs a name." in found
    assert any("Beta" in p and "same key" in p for p in found)
    assert any("Beta" in p and "empty question" in p for p in found)


# fingerprint() --------------------------------------------------------------


def test_fingerprint_is_a_short_hex_digest_of_the_content() -> None:
    spec = model(stage())
    assert re.fullmatch(r"[0-9a-f]{16}", spec.fingerprint())
    assert spec.fingerprint() == model(stage()).fingerprint()  # equal content, distinct objects


def test_fingerprint_changes_with_any_wording() -> None:
    base = model(stage("a", "A"), stage("b", "B"))
    reworded_question = model(
        stage("a", "A", ("why", "Why now, really?"), ("what", "What would change?")),
        stage("b", "B"),
    )
    renamed = dataclasses.replace(base, name="Other")
    new_checklist = model(
        dataclasses.replace(stage("a", "A"), exit_checklist=("Done!",)), stage("b", "B")
    )
    new_tools = model(
        dataclasses.replace(stage("a", "A"), tools=("intake", "strengths")), stage("b", "B")
    )
    reordered = model(stage("b", "B"), stage("a", "A"))
    prints = {
        spec.fingerprint()
        for spec in (base, reworded_question, renamed, new_checklist, new_tools, reordered)
    }
    assert len(prints) == 6


def test_builtin_fingerprints_are_distinct() -> None:
    prints = [spec.fingerprint() for spec in BUILTIN_MODELS]
    assert len(set(prints)) == len(prints)


def test_builtin_fingerprint_changes_when_one_question_changes() -> None:
    first = CAREER_TRANSITION_JOURNEY.stages[0]
    q0 = dataclasses.replace(first.questions[0], text=first.questions[0].text + " ")
    edited_stage = dataclasses.replace(first, questions=(q0, *first.questions[1:]))
    edited = dataclasses.replace(
        CAREER_TRANSITION_JOURNEY, stages=(edited_stage, *CAREER_TRANSITION_JOURNEY.stages[1:])
    )
    assert edited.fingerprint() != CAREER_TRANSITION_JOURNEY.fingerprint()


# tools ----------------------------------------------------------------------


def test_tool_registry_is_keyed_by_tool_key() -> None:
    assert TOOLS
    for key, tool in TOOLS.items():
        assert isinstance(tool, ToolSpec)
        assert tool.key == key
        assert re.fullmatch(r"[a-z]+(?:_[a-z]+)*", key), key
        assert tool.name.strip()
        assert tool.description.strip()


def test_tool_names_are_distinct() -> None:
    names = [t.name for t in TOOLS.values()]
    assert len(set(names)) == len(names)


def test_unknown_tools_lists_only_the_unknown_in_order() -> None:
    assert unknown_tools(["intake", "crystal_ball", "strengths", "tarot"]) == [
        "crystal_ball",
        "tarot",
    ]
    assert unknown_tools(("intake", "agreement")) == []
    assert unknown_tools([]) == []


def test_every_builtin_stage_uses_known_tools() -> None:
    used = {tool for spec in BUILTIN_MODELS for s in spec.stages for tool in s.tools}
    assert used <= set(TOOLS)
