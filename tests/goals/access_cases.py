"""Access battery cases for choosing and planning (run by the access battery, tests/battery/).

The plan is the client's; the coach of the engagement reads it. Calendar feeds answer to
their secret token alone, the same for everyone.
"""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

from headway.decisions.models import Criterion, DecisionMatrix, MatrixOption, Risk
from headway.decisions.services import decision_matrix_start, decision_risk_add
from headway.exploration.services import option_add
from headway.feeds.services import calendar_feed_create
from headway.goals.models import AccountabilityLink, Goal, Obstacle, Step
from headway.goals.services import (
    accountability_link_create,
    goal_create,
    obstacle_add,
    step_add,
)
from tests.battery.cases import Case, everyone, hidden
from tests.battery.world import Ctx


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


GOAL_TEXT = "Talk to three UX researchers by the end of March"


def _goal(c: Ctx) -> Goal:
    e = c.world.engagement
    found = Goal.objects.filter(engagement=e, text=GOAL_TEXT).first()
    if found is not None:
        return found
    goal = goal_create(engagement=e, by=c.world.client, text=GOAL_TEXT)
    step_add(goal=goal, by=c.world.client, title="List five people to ask")
    obstacle_add(goal=goal, by=c.world.client, obstacle="I feel shy", plan="I write first")
    return goal


def _g(name: str, pick: Callable[[Goal], int] | None = None) -> Callable[[Ctx], str]:
    def url(c: Ctx) -> str:
        goal = _goal(c)
        extra = [pick(goal)] if pick else []
        return reverse(name, args=[c.world.engagement.pk, goal.pk, *extra])

    return url


def _step(g: Goal) -> int:
    return g.steps.values_list("pk", flat=True)[0]


def _obstacle(g: Goal) -> int:
    return g.obstacles.values_list("pk", flat=True)[0]


def _link(c: Ctx) -> tuple[AccountabilityLink, str]:
    return accountability_link_create(
        engagement=c.world.engagement, by=c.world.client, partner_name="Sam"
    )


PLANNING_CASES += [
    Case("goals", "coached", "get", _e("goals"), hidden(owner=200, client=200)),
    Case(
        "goals",
        "coached",
        "post",
        _e("goals"),
        CLIENT_WRITES,
        data=lambda c: {"text": "Finish the UX course by June", "status": "active"},
        changed=lambda c: Goal.objects.filter(text="Finish the UX course by June").exists(),
    ),
    Case("goal_check", "coached", "post", _e("goal_check"), hidden(owner=403, client=200)),
    Case("goal_detail", "coached", "get", _g("goal_detail"), hidden(owner=200, client=200)),
    Case("goal_status", "coached", "post", _g("goal_status"), CLIENT_WRITES),
    Case("goal_from_gap", "coached", "get", _e("goal_from_gap"), hidden(owner=403, client=200)),
    Case(
        "goal_step_add",
        "coached",
        "post",
        _g("goal_step_add"),
        CLIENT_WRITES,
        data=lambda c: {"title": "Book a coffee", "kind": "action"},
        changed=lambda c: Step.objects.filter(title="Book a coffee").exists(),
    ),
    # Sent empty, these come back with what is missing (200) for the client.
    Case(
        "goal_step_edit",
        "coached",
        "post",
        _g("goal_step_edit", _step),
        hidden(owner=403, client=200),
    ),
    Case(
        "goal_step_done",
        "coached",
        "post",
        _g("goal_step_done", _step),
        CLIENT_WRITES,
        data=lambda c: {"done": "1"},
        changed=lambda c: Step.objects.filter(done_at__isnull=False).exists(),
    ),
    Case(
        "goal_step_delete",
        "coached",
        "post",
        _g("goal_step_delete", _step),
        CLIENT_WRITES,
        changed=lambda c: not Step.objects.filter(title="List five people to ask").exists(),
    ),
    Case(
        "goal_obstacle_add",
        "coached",
        "post",
        _g("goal_obstacle_add"),
        hidden(owner=403, client=200),
    ),
    Case(
        "goal_obstacle_edit",
        "coached",
        "post",
        _g("goal_obstacle_edit", _obstacle),
        CLIENT_WRITES,
        data=lambda c: {"obstacle": "If I feel unsure", "plan": "then I will write first"},
        changed=lambda c: Obstacle.objects.filter(
            obstacle="I feel unsure", plan="write first"
        ).exists(),
    ),
    Case(
        "goal_obstacle_delete",
        "coached",
        "post",
        _g("goal_obstacle_delete", _obstacle),
        CLIENT_WRITES,
        changed=lambda c: not Obstacle.objects.filter(obstacle="I feel shy").exists(),
    ),
    Case(
        "goal_partners",
        "coached",
        "post",
        _e("goal_partners"),
        hidden(owner=403, client=200),  # the new link is shown once, on the page
        data=lambda c: {"partner_name": "Alex"},
        changed=lambda c: AccountabilityLink.objects.filter(partner_name="Alex").exists(),
    ),
    Case(
        "goal_partner_revoke",
        "coached",
        "post",
        lambda c: reverse("goal_partner_revoke", args=[c.world.engagement.pk, _link(c)[0].pk]),
        CLIENT_WRITES,
        changed=lambda c: AccountabilityLink.objects.filter(revoked_at__isnull=False).exists(),
    ),
    # The partner's read-only page answers to its token alone.
    Case(
        "partner_page",
        "valid link",
        "get",
        lambda c: reverse("partner_page", args=[_link(c)[1]]),
        everyone(200),
    ),
    Case(
        "partner_page",
        "unknown link",
        "get",
        lambda c: reverse("partner_page", args=["nope"]),
        everyone(404),
    ),
]
