"""Checks on the built-in coaching models (pure data, no Django, no database)."""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Any

import pytest

from headway.core.coaching.builtin import (
    BUILTIN_MODELS,
    CAREER_OFFSITE_MODEL,
    CAREER_TRANSITION_JOURNEY,
)
from headway.core.coaching.spec import MAX_QUESTIONS, MIN_QUESTIONS, ModelSpec, problems
from headway.core.coaching.tools import unknown_tools

KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CLOSED_STARTERS = frozenset(
    {
        "do",
        "does",
        "did",
        "are",
        "is",
        "was",
        "were",
        "can",
        "could",
        "have",
        "has",
        "would",
        "will",
        "should",
        "shall",
        "may",
    }
)

MODELS = pytest.mark.parametrize("spec", BUILTIN_MODELS, ids=lambda s: s.key)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


def _first_word(text: str) -> str:
    match = re.match(r"[A-Za-z']+", text.strip())
    return match.group(0).lower() if match else ""


def test_builtin_models_are_the_two_expected() -> None:
    assert BUILTIN_MODELS == (CAREER_TRANSITION_JOURNEY, CAREER_OFFSITE_MODEL)
    assert CAREER_TRANSITION_JOURNEY.key == "career-transition-journey"
    assert CAREER_TRANSITION_JOURNEY.name == "Career Transition Journey"
    assert CAREER_OFFSITE_MODEL.key == "career-offsite-model"
    assert CAREER_OFFSITE_MODEL.name == "Career Offsite Model"


@MODELS
def test_no_problems(spec: ModelSpec) -> None:
    assert problems(spec) == []


@MODELS
def test_descriptions_present(spec: ModelSpec) -> None:
    assert spec.summary.strip()
    assert spec.who_for.strip()
    assert spec.problems_solved.strip()
    for stage in spec.stages:
        assert stage.purpose.strip(), stage.key


@MODELS
def test_question_counts(spec: ModelSpec) -> None:
    for stage in spec.stages:
        assert MIN_QUESTIONS <= len(stage.questions) <= MAX_QUESTIONS, stage.key


@MODELS
def test_tools_exist(spec: ModelSpec) -> None:
    for stage in spec.stages:
        assert stage.tools, stage.key
        assert unknown_tools(stage.tools) == [], stage.key


@MODELS
def test_keys_are_kebab_case(spec: ModelSpec) -> None:
    assert KEBAB.match(spec.key)
    for stage in spec.stages:
        assert KEBAB.match(stage.key), stage.key
        for question in stage.questions:
            assert KEBAB.match(question.key), (stage.key, question.key)


@MODELS
def test_questions_are_open(spec: ModelSpec) -> None:
    for stage in spec.stages:
        for question in stage.questions:
            text = question.text.strip()
            assert text.endswith("?"), (stage.key, question.key)
            assert _first_word(text) not in CLOSED_STARTERS, (stage.key, question.key)


@MODELS
def test_no_prescriptive_text(spec: ModelSpec) -> None:
    for text in _strings(asdict(spec)):
        assert "you should" not in text.lower(), text


@MODELS
def test_exit_checklists(spec: ModelSpec) -> None:
    for stage in spec.stages:
        assert 3 <= len(stage.exit_checklist) <= 5, stage.key
        assert all(item.strip() for item in stage.exit_checklist), stage.key


def test_fingerprints_differ_and_are_stable() -> None:
    journey = CAREER_TRANSITION_JOURNEY.fingerprint()
    offsite = CAREER_OFFSITE_MODEL.fingerprint()
    assert journey == CAREER_TRANSITION_JOURNEY.fingerprint()
    assert offsite == CAREER_OFFSITE_MODEL.fingerprint()
    assert journey != offsite


def test_career_transition_journey_stage_order() -> None:
    assert tuple(s.key for s in CAREER_TRANSITION_JOURNEY.stages) == (
        "rapport",
        "current-state",
        "self-assessment",
        "readiness",
        "exploring",
        "choosing",
        "planning",
        "accountability",
        "concluding",
    )


def test_career_offsite_model_stage_order() -> None:
    assert tuple(s.key for s in CAREER_OFFSITE_MODEL.stages) == (
        "rapport",
        "current-state",
        "offsite",
        "resources",
        "accountability",
    )
