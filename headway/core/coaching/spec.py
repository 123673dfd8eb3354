"""Coaching models as plain data: a model is an ordered list of stages.

Pure computation only (no Django): the built-in models are declared with these
dataclasses, and the database copies of them are checked against the same rules.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class QuestionSpec:
    key: str  # stable across versions and clones, so answers can follow a client
    text: str


@dataclass(frozen=True)
class StageSpec:
    key: str
    name: str
    purpose: str
    questions: tuple[QuestionSpec, ...]
    tools: tuple[str, ...]  # keys of headway.core.coaching.tools.TOOLS
    exit_checklist: tuple[str, ...]


@dataclass(frozen=True)
class ModelSpec:
    key: str
    name: str
    summary: str
    who_for: str
    problems_solved: str
    stages: tuple[StageSpec, ...]

    def fingerprint(self) -> str:
        """A digest of the content, so a changed built-in model becomes a new version."""
        payload = json.dumps(asdict(self), sort_keys=True).encode()
        return hashlib.sha256(payload).hexdigest()[:16]


def questions(*pairs: tuple[str, str]) -> tuple[QuestionSpec, ...]:
    """Questions from (key, text) pairs: keeps model definitions short."""
    return tuple(QuestionSpec(key=key, text=text) for key, text in pairs)


MIN_QUESTIONS = 8
MAX_QUESTIONS = 15


def problems(spec: ModelSpec) -> list[str]:
    """What is wrong with a model, in words a coach understands (empty when fine)."""
    found: list[str] = []
    if not spec.stages:
        found.append("A model needs at least one stage.")
    stage_keys = [s.key for s in spec.stages]
    if len(set(stage_keys)) != len(stage_keys):
        found.append("Two stages share the same key.")
    for stage in spec.stages:
        if not stage.name.strip():
            found.append("Every stage needs a name.")
        keys = [q.key for q in stage.questions]
        if len(set(keys)) != len(keys):
            found.append(f"Stage “{stage.name}” has two questions with the same key.")
        if any(not q.text.strip() for q in stage.questions):
            found.append(f"Stage “{stage.name}” has an empty question.")
    return found
