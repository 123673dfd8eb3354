"""Access battery cases for replies (run by tests/test_views_access.py): the client and their
coach talk under a check-in, a goal, a step or a shared result; nobody else sees there is one.
A result the client keeps to themselves is not there for the coach either."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from headway.checkins.models import CheckIn
from headway.discovery.models import Assessment, Kind
from headway.goals.models import Goal, Step
from headway.replies.models import Reply
from tests.access import Case, Ctx, hidden


def _check_in(c: Ctx) -> CheckIn:
    """Made on first use (each role runs on a world of its own, rolled back after)."""
    found = CheckIn.objects.filter(engagement=c.world.engagement).first()
    return found or CheckIn.objects.create(engagement=c.world.engagement, energy=3)


def _goal(c: Ctx) -> Goal:
    found = Goal.objects.filter(engagement=c.world.engagement).first()
    return found or Goal.objects.create(engagement=c.world.engagement, text="Two calls a week")


def _step(c: Ctx) -> Step:
    goal = _goal(c)
    return goal.steps.first() or Step.objects.create(goal=goal, title="Write to Ana")


def _result(c: Ctx, *, shared: bool) -> Assessment:
    found = Assessment.objects.filter(engagement=c.world.engagement, shared_with_coach=shared)
    return found.first() or Assessment.objects.create(
        engagement=c.world.engagement,
        kind=Kind.READINESS,
        completed_at=timezone.now(),
        shared_with_coach=shared,
        result={},
    )


def _url(target: str, about):  # type: ignore[no-untyped-def]
    return lambda c: reverse("reply", args=[c.world.engagement.pk, target, about(c).pk])


def _case(target: str, about, expected: dict[str, int], name: str = "coached") -> Case:  # type: ignore[no-untyped-def]
    return Case(
        "reply",
        f"{name} {target}",
        "post",
        _url(target, about),
        expected,
        data=lambda c: {"text": "How did it go?"},
        changed=lambda c: Reply.objects.exists(),
    )


REPLY_CASES = [
    _case("check-in", _check_in, hidden(owner=302, client=302)),
    _case("goal", _goal, hidden(owner=302, client=302)),
    _case("step", _step, hidden(owner=302, client=302)),
    _case("result", lambda c: _result(c, shared=True), hidden(owner=302, client=302), "shared"),
    _case("result", lambda c: _result(c, shared=False), hidden(client=302), "private"),
    _case("nothing", _check_in, hidden()),
]
