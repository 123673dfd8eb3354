"""Placeholder for the values assessment: a single free-text reflection until the real one lands."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import QueryDict

from headway.discovery.kinds import KindSpec, Responses, Result
from headway.discovery.models import Kind


def apply(responses: Responses, data: QueryDict) -> Responses:
    return {**responses, "reflection": data.get("reflection", "").strip()}


def score(responses: Responses) -> Result:
    if not responses.get("reflection"):
        raise ValidationError("Write a few words first.")
    return {"reflection": responses["reflection"]}


def headline(result: Result) -> str:
    return str(result["reflection"])[:60]


SPEC = KindSpec(
    kind=Kind.VALUES,
    intro="A first reflection.",
    take_template="discovery/placeholder_take.html",
    result_template="discovery/placeholder_result.html",
    apply=apply,
    score=score,
    headline=headline,
)

urlpatterns: list[Any] = []
