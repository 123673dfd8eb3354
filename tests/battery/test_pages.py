"""The access battery of the pages: every page that takes an object id or a token, every role.

A refusal names no one behind the ids (the CSRF tokens blanked first: random letters once
held "Otto"); anonymous visitors are sent to log in. The tables are in tests/battery/pages.py
and tests/<app>/access_cases.py; the walk below fails, naming the view, when a URL pattern
with parameters has no entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from headway.engagements.models import StageTransition
from headway.engagements.services import engagement_invite_client
from headway.practices.models import Membership
from tests.battery.cases import ROLES, Case
from tests.battery.pages import CASES
from tests.battery.run import change_problems, each_role, leaks
from tests.battery.setups import fresh
from tests.battery.world import Ctx, make_ctx
from tests.helpers import World, without_tokens

TOKEN_LINKS = {"verify_email", "password_reset_confirm"}


@pytest.fixture
def ctx(world: World) -> Ctx:
    return make_ctx(world)


def _request(case: Case, c: Ctx, role: str) -> Any:
    browser = Client()
    if (user := c.user(role)) is not None:
        browser.force_login(user)
    url = case.url(c)
    if case.method == "get":
        return browser.get(url)
    return browser.post(url, case.data(c))


def _problems(case: Case, c: Ctx, role: str) -> list[str]:
    """What is wrong with the answer `role` gets; empty when it is as the table says."""
    response = _request(case, c, role)
    expected = case.expected[role]
    if response.status_code != expected:
        return [f"{role}: expected {expected}, got {response.status_code}"]
    problems = []
    if expected == 302:
        to_login = response.url.startswith(f"{reverse('login')}?next=")
        if to_login is not (role == "anonymous" and case.name not in TOKEN_LINKS):
            problems.append(f"{role}: unexpected redirect to {response.url}")
    if expected in (403, 404):
        problems += leaks(c, role, without_tokens(response.content))
    return problems + change_problems(case, c, role)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_battery(ctx: Ctx, case: Case) -> None:
    problems = each_role(ctx, ROLES, lambda role: _problems(case, ctx, role))
    assert not problems, f"{case.method.upper()} {case.url(ctx)}:\n" + "\n".join(problems)


def test_the_table_expects_something_of_every_role() -> None:
    for case in CASES:
        assert set(case.expected) == set(ROLES), case


def test_refused_posts_leave_the_stage_alone(ctx: Ctx) -> None:
    """The battery's `changed` checks, spelled out for the stage of a coached engagement."""
    e = ctx.world.engagement
    stages = list(e.model_version.stages.order_by("position"))
    before = (e.stage_id, StageTransition.objects.filter(engagement=e).count())
    for role in ["colleague", "outsider", "client", "other_client", "solo", "anonymous"]:
        browser = Client()
        if (user := ctx.user(role)) is not None:
            browser.force_login(user)
        response = browser.post(
            reverse("engagement_move_stage", args=[e.pk]), {"stage": stages[1].pk}
        )
        assert response.status_code in (302, 403, 404)
    after = fresh(e)
    assert (after.stage_id, StageTransition.objects.filter(engagement=e).count()) == before


@pytest.mark.parametrize(
    "method, name, args",
    [
        ("get", "engagement_detail", lambda c: [999_999]),
        ("get", "engagement_intake", lambda c: [999_999]),
        ("post", "engagement_move_stage", lambda c: [999_999]),
        ("get", "model_detail", lambda c: [999_999]),
        ("get", "model_edit", lambda c: [999_999]),
        ("get", "stage_edit", lambda c: [c.own_model.pk, "no-such-stage"]),
        ("post", "stage_delete", lambda c: [c.own_model.pk, "no-such-stage"]),
        ("post", "stage_move", lambda c: [c.own_model.pk, "no-such-stage"]),
        ("post", "member_role", lambda c: [999_999]),
        ("post", "token_revoke", lambda c: [999_999]),
    ],
)
def test_a_missing_object_looks_like_a_hidden_one(
    ctx: Ctx, method: str, name: str, args: Callable[[Ctx], list[Any]]
) -> None:
    browser = ctx.world.login(ctx.world.owner)
    missing = getattr(browser, method)(reverse(name, args=args(ctx)))
    assert missing.status_code == 404
    hidden_one = browser.get(reverse("engagement_detail", args=[ctx.world.other_engagement.pk]))
    # The pages are the same but for the per-response mask of the CSRF token.
    assert without_tokens(missing.content) == without_tokens(hidden_one.content)


def test_a_missing_stage_makes_no_new_version(ctx: Ctx) -> None:
    """Even when an engagement uses the model, a request for a stage that is not there
    must not copy the model into a new version."""
    engagement_invite_client(
        coach=ctx.world.owner,
        membership=Membership.objects.get(user=ctx.world.owner),
        email="una@example.com",
        name="Una",
        model=ctx.own_model,
    )
    browser = ctx.world.login(ctx.world.owner)
    for name in ["stage_delete", "stage_move"]:
        response = browser.post(reverse(name, args=[ctx.own_model.pk, "no-such-stage"]))
        assert response.status_code == 404
    assert ctx.own_model.versions.count() == 1


# --- every URL with parameters has an entry ----------------------------------------------------


def _parameterised(
    patterns: list[Any], prefix: str = "", inherited: bool = False
) -> Iterator[tuple[str, str]]:
    """Name (or route, when unnamed) and view of the URL patterns that take parameters, api/
    aside."""
    for p in patterns:
        route = prefix + str(p.pattern)
        takes = inherited or bool(p.pattern.converters or p.pattern.regex.groups)
        if isinstance(p, URLResolver):
            if route.startswith("api/"):
                continue  # the API's operations are walked in tests/battery/test_api.py
            yield from _parameterised(p.url_patterns, route, takes)
        elif isinstance(p, URLPattern) and takes:
            yield p.name or route, p.lookup_str


def test_every_url_with_parameters_is_in_the_table() -> None:
    views = dict(_parameterised(get_resolver().url_patterns))
    covered = {case.name for case in CASES}
    assert views, "found no URL patterns: the walk is broken"
    assert "engagement_detail" in views and "token_revoke" in views
    missing = [f"{name} ({views[name]})" for name in sorted(set(views) - covered)]
    assert not missing, "add access battery entries (tests/battery/pages.py or the app's "
    "tests/<app>/access_cases.py) for the views: " + ", ".join(missing)
    # Cases for pages without parameters (one's own settings, say) are welcome too.
    every = dict(_parameterised(get_resolver().url_patterns, inherited=True))
    stale = covered - set(every)
    assert not stale, f"the table names URLs that no longer exist: {sorted(stale)}"
