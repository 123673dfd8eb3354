"""One module per assessment kind, each exposing `SPEC` (a `KindSpec`) and `urlpatterns`.

The generic views (discovery/views.py) start, autosave, complete, share and compare any kind;
a kind module says how its form data becomes responses, how responses are scored (by calling
`headway.core`), and which templates show it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from django.http import QueryDict

from headway.discovery.models import Kind

Responses = dict[str, Any]
Result = dict[str, Any]


def _no_context(responses: Responses, step: str) -> dict[str, Any]:
    return {}


def _no_changes(before: Result, after: Result) -> list[str]:
    return []


@dataclass(frozen=True)
class KindSpec:
    kind: Kind
    # One sentence for the overview: what the client will do and what they get.
    intro: str
    # Rendered inside discovery/take.html with `a` (the assessment), `e`, `step`, `responses`
    # and whatever `context` adds. Its form posts to the `assessment_save` URL.
    take_template: str
    # Renders a completed result from `result` (a dict as returned by `score`); used on the
    # result page, in the history and in the "Who I am" summary (so no page chrome).
    result_template: str
    # Merge posted form data into the responses; raise ValidationError with a clear message for
    # bad input. Returns the new responses (it must not mutate the old ones).
    apply: Callable[[Responses, QueryDict], Responses]
    # Score complete responses into a JSON-safe result; raise ValidationError naming what is
    # missing when they are not complete.
    score: Callable[[Responses], Result]
    # One line for lists and the summary, e.g. "Holland code SIA".
    headline: Callable[[Result], str]
    # Extra template context for the take page; `step` comes from ?step= (multi-step kinds).
    context: Callable[[Responses, str], dict[str, Any]] = field(default=_no_context)
    # What changed between two completed results, in plain sentences, oldest first.
    changes: Callable[[Result, Result], list[str]] = field(default=_no_changes)
    # The steps of a multi-step kind, in order (empty for one-page kinds).
    steps: tuple[str, ...] = ()


_MODULES = {
    Kind.VALUES: "headway.discovery.kinds.values",
    Kind.STRENGTHS: "headway.discovery.kinds.strengths",
    Kind.INTERESTS: "headway.discovery.kinds.interests",
    Kind.SKILLS: "headway.discovery.kinds.skills",
    Kind.READINESS: "headway.discovery.kinds.readiness",
}


def kind_module(kind: str) -> str:
    return _MODULES[Kind(kind)]


def spec(kind: str) -> KindSpec:
    return import_module(_MODULES[Kind(kind)]).SPEC  # type: ignore[no-any-return]


def specs() -> list[KindSpec]:
    return [spec(k) for k in Kind]


def extra_urlpatterns() -> list[Any]:
    patterns: list[Any] = []
    for name in _MODULES.values():
        patterns += getattr(import_module(name), "urlpatterns", [])
    return patterns
