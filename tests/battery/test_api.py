"""The access battery of the API: every operation of the OpenAPI schema, every role.

A refusal is a 404 exactly like an id that does not exist ({"detail": "Not Found"}) or a 401 or
403 that says why in words; it names no one behind the ids. The tables are in
tests/battery/api.py; the walk below fails, naming the operation, when one has no entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from headway.onet import pathways, search
from tests.api.support import send, session_client, token_client
from tests.battery.api import CASES, NOT_FOUND, UP_TO_VALIDATION
from tests.battery.cases import API_ROLES, Case, operations
from tests.battery.run import change_problems, each_case, each_role, leaks
from tests.battery.world import Ctx, make_ctx
from tests.helpers import World

MISSING = {"detail": "Not Found"}  # the answer for an id that does not exist


@pytest.fixture
def ctx(world: World) -> Ctx:
    return make_ctx(world)


@pytest.fixture(autouse=True)
def _fresh_indexes() -> Iterator[None]:
    """The O*NET indexes are cached per process: none from another test's release."""
    search.clear_cache()
    pathways.clear_cache()
    yield
    search.clear_cache()
    pathways.clear_cache()


def _call(case: Case, c: Ctx, role: str) -> Any:
    url, body = case.url(c), case.data(c)  # the setups run first: some need an open engagement
    if role == "concluded":
        c.conclude()
    return send(session_client(c.user(role)), case.method, url, body)


def _problems(case: Case, c: Ctx, role: str) -> list[str]:
    """What is wrong with the answer `role` gets; empty when it is as the table says."""
    response = _call(case, c, role)
    expected = case.expected[role]
    if response.status_code != expected:
        said = response.content[:300].decode(errors="replace")
        return [f"{role}: expected {expected}, got {response.status_code} {said}"]
    problems = []
    if expected == 404 and response.json() != NOT_FOUND.get((case.name, role), MISSING):
        problems.append(f"{role}: a 404 unlike a missing id's: {response.content[:200]!r}")
    if expected in (401, 403) and not str(response.json().get("detail", "")).strip():
        problems.append(f"{role}: a {expected} that does not say why")
    if expected >= 400:
        problems += leaks(c, role, response.content.decode())
    return problems + change_problems(case, c, role)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_api_battery(ctx: Ctx, case: Case) -> None:
    problems = each_role(ctx, API_ROLES, lambda role: _problems(case, ctx, role))
    assert not problems, f"{case.method.upper()} {case.url(ctx)}:\n" + "\n".join(problems)


def test_every_operation_has_an_entry() -> None:
    schema = operations()
    assert len(schema) > 100, "found few operations: the walk of the schema is broken"
    covered = {case.name for case in CASES}
    missing = [f"{m.upper()} {path} ({name})" for name, (m, path) in schema.items()]
    missing = [line for line, name in zip(missing, schema, strict=True) if name not in covered]
    assert not missing, "add access battery entries (tests/battery/api.py) for:\n" + "\n".join(
        missing
    )
    stale = covered - set(schema)
    assert not stale, f"the table names operations that no longer exist: {sorted(stale)}"


def test_every_entry_expects_something_of_every_role_and_lets_someone_in() -> None:
    for case in CASES:
        assert set(case.expected) == set(API_ROLES), case
    allowed = {case.name for case in CASES if min(case.expected.values()) < 300}
    nobody = set(operations()) - allowed - UP_TO_VALIDATION
    assert not nobody, f"no entry lets the right caller in: {sorted(nobody)}"


@pytest.mark.parametrize("role", ["owner", "client", "outsider"])
def test_the_battery_holds_for_token_callers_too(ctx: Ctx, role: str) -> None:
    user = ctx.user(role)
    assert user is not None
    caller, _ = token_client(user)
    gets = [case for case in CASES if case.method == "get"]

    def problems(case: Case) -> list[str]:
        status = caller.get(case.url(ctx)).status_code
        return [] if status == case.expected[role] else [f"{case}: {status}"]

    assert not each_case(gets, problems)


def test_a_missing_engagement_looks_like_a_hidden_one(ctx: Ctx) -> None:
    """For every operation on an engagement, an id past the last one: the hidden one's 404."""
    pk = ctx.world.engagement.pk
    ours = re.compile(rf"/engagements/{pk}(?=/|$)")
    owner = session_client(ctx.world.owner)
    on_one = [case for case in CASES if case.label == "coached"]

    def problems(case: Case) -> list[str]:
        url = case.url(ctx)
        if not ours.search(url):
            return []
        path = ours.sub(f"/engagements/{pk + 1000}", url)
        response = send(owner, case.method, path, case.data(ctx))
        if response.status_code == 404 and response.json() == MISSING:
            return []
        return [f"{case}: {response.status_code} {response.content[:100]!r}"]

    assert not each_case(on_one, problems)
