"""Access battery cases for choosing and planning (run by tests/test_views_access.py).

The plan is the client's; the coach of the engagement reads it. Calendar feeds answer to
their secret token alone, the same for everyone.
"""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

from headway.exploration.services import option_add
from headway.planning.calendar_services import calendar_feed_create
from headway.planning.decision_services import decision_matrix_start, decision_risk_add
from headway.planning.models import Criterion, DecisionMatrix, MatrixOption, Risk
from tests.access import Case, Ctx, everyone, hidden


def _e(name: str, *extra: object) -> Callable[[Ctx], str]:
    return lambda c: reverse(name, args=[c.world.engagement.pk, *extra])


def _feed(c: Ctx) -> str:
    _, raw = calendar_feed_create(user=c.world.client)
    return reverse("calendar_feed_ics", args=[raw])


PLANNING_CASES = [
    Case("plan_ics", "coached", "get", _e("plan_ics"), hidden(owner=200, client=200)),
    Case("calendar_feed_ics", "the client's feed", "get", _feed, everyone(200)),
    Case(
        "calendar_feed_ics",
        "unknown token",
        "get",
        lambda c: reverse("calendar_feed_ics", args=["not-a-token"]),
        everyone(404),
    ),
]


def _matrix(c: Ctx) -> DecisionMatrix:
    e = c.world.engagement
    found = DecisionMatrix.objects.filter(engagement=e).first()
    if found is not None:
        return found
    if not e.options.exists():
        option_add(engagement=e, by=c.world.client, title="Teach at a college")
    matrix = decision_matrix_start(engagement=e, by=c.world.client)
    option = matrix.options.first()
    assert option is not None
    decision_risk_add(option=option, by=c.world.client, risk="Pay cut", mitigation="Savings")
    return matrix


def _d(name: str, pick: Callable[[DecisionMatrix], int] | None = None) -> Callable[[Ctx], str]:
    def url(c: Ctx) -> str:
        matrix = _matrix(c)
        extra = [pick(matrix)] if pick else []
        return reverse(name, args=[c.world.engagement.pk, *extra])

    return url


def _option(m: DecisionMatrix) -> int:
    return m.options.values_list("pk", flat=True)[0]


def _criterion(m: DecisionMatrix) -> int:
    return m.criteria.values_list("pk", flat=True)[0]


def _risk(m: DecisionMatrix) -> int:
    return Risk.objects.filter(option__matrix=m).values_list("pk", flat=True)[0]


CLIENT_WRITES = hidden(owner=403, client=302)  # the matrix is the client's; the coach reads it

PLANNING_CASES += [
    Case("decision_matrix", "coached", "get", _d("decision_matrix"), hidden(owner=200, client=200)),
    Case("decision_start", "coached", "post", _e("decision_start"), CLIENT_WRITES),
    Case("decision_scores", "coached", "post", _d("decision_scores"), CLIENT_WRITES),
    Case("decision_gut", "coached", "post", _d("decision_gut"), CLIENT_WRITES),
    Case(
        "decision_options",
        "coached",
        "post",
        _d("decision_options"),
        CLIENT_WRITES,
        data=lambda c: {"title": "Stay where I am"},
        changed=lambda c: MatrixOption.objects.filter(title="Stay where I am").exists(),
    ),
    Case(
        "decision_option_remove",
        "coached",
        "post",
        _d("decision_option_remove", _option),
        CLIENT_WRITES,
    ),
    Case(
        "decision_risks",
        "coached",
        "post",
        _d("decision_risks", _option),
        CLIENT_WRITES,
        data=lambda c: {
            f"o{_option(_matrix(c))}-risk": "No openings nearby",
            f"o{_option(_matrix(c))}-mitigation": "Look remote",
        },
        changed=lambda c: Risk.objects.filter(risk="No openings nearby").exists(),
    ),
    Case(
        "decision_criteria",
        "coached",
        "post",
        _d("decision_criteria"),
        CLIENT_WRITES,
        data=lambda c: {"name": "Commute", "weight": "3"},
        changed=lambda c: Criterion.objects.filter(name="Commute").exists(),
    ),
    Case(
        "decision_criterion",
        "coached",
        "post",
        _d("decision_criterion", _criterion),
        hidden(owner=403, client=200),
    ),
    Case(
        "decision_criterion_remove",
        "coached",
        "post",
        _d("decision_criterion_remove", _criterion),
        CLIENT_WRITES,
    ),
    Case(
        "decision_risk",
        "coached",
        "post",
        _d("decision_risk", _risk),
        hidden(owner=403, client=200),
    ),
    Case(
        "decision_risk_remove",
        "coached",
        "post",
        _d("decision_risk_remove", _risk),
        CLIENT_WRITES,
        changed=lambda c: not Risk.objects.filter(risk="Pay cut").exists(),
    ),
    Case(
        "decision_choice",
        "coached",
        "post",
        _d("decision_choice"),
        CLIENT_WRITES,
        data=lambda c: {"option": _option(_matrix(c))},
        changed=lambda c: _matrix(c).chosen_id is not None,
    ),
]
