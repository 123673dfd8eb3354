"""Running a case: each role in turn on a world of its own, and what to look for in the answer."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db import transaction

from tests.battery.cases import Case
from tests.battery.world import Ctx

# Names that must never show on a refusal: the people and things behind the ids.
SECRETS = ["Cleo", "Otto", "Sam Solo", "Northstar Method", "calendar script"]


def leaks(c: Ctx, role: str, text: str) -> list[str]:
    """The secrets a refusal shows `role` (their own name aside)."""
    own_name = getattr(c.user(role), "name", "")
    return [
        f"{role}: the refusal shows {secret!r}"
        for secret in SECRETS
        if secret not in own_name and secret in text
    ]


def change_problems(case: Case, c: Ctx, role: str) -> list[str]:
    """The data must have changed exactly when the role may act."""
    if case.changed is None:
        return []
    acts = role in case.acting_roles()
    if case.changed(c) is acts:
        return []
    return [f"{role}: " + ("allowed, yet nothing changed" if acts else "refused, yet data changed")]


def each_role(c: Ctx, roles: Iterable[str], problems_of: Callable[[str], list[str]]) -> list[str]:
    """Each role on an untouched world: a savepoint undoes what the one before did."""
    return _each(roles, problems_of)


def each_case(cases: Iterable[Case], problems_of: Callable[[Case], list[str]]) -> list[str]:
    """Each case on an untouched world, as `each_role`."""
    return _each(cases, problems_of)


def _each[T](items: Iterable[T], problems_of: Callable[[T], list[str]]) -> list[str]:
    problems = []
    for item in items:
        savepoint = transaction.savepoint_create()
        try:
            problems += problems_of(item)
        finally:
            transaction.savepoint_rollback(savepoint)
    return problems
