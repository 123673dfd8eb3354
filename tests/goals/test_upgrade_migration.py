"""A database made when the decision matrix, goals and calendar feeds were all the planning
app's upgrades to the decisions, goals and feeds apps with every row where it was: the models
move by state alone (their tables keep the planning_* names), the foreign keys of replies,
check-ins and offsites follow them, and the upgrade creates, drops or copies no table.

It runs on SQLite and, in the CI's second run (DATABASE_URL), on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.helpers import World, build_world

# The latest migrations before the split, of planning and of the apps that point at it.
BEFORE: list[tuple[str, str]] = [
    ("planning", "0001_initial"),
    ("checkins", "0003_delete_checkinreply"),
    ("replies", "0002_copy_checkin_replies"),
    ("offsites", "0003_shared_note_encrypted"),
]
NEW_APPS: list[tuple[str, str | None]] = [("decisions", None), ("goals", None), ("feeds", None)]
MOVED = {
    "decisions": ["decisionmatrix", "criterion", "matrixoption", "score", "risk"],
    "goals": ["goal", "goalrevision", "step", "obstacle", "accountabilitylink"],
    "feeds": ["calendarfeed"],
}
# What an upgrade must not do to a table of existing rows (SQLite rebuilds a table by
# creating a copy, inserting from a select and dropping the original).
DDL = re.compile(r"^\s*(CREATE|DROP|ALTER)\b|\bINSERT\s+INTO\b.*\bSELECT\b", re.I | re.S)
WHEN = timezone.now().replace(microsecond=0) - dt.timedelta(days=10)


@dataclass
class Old:
    """The primary keys of the rows made before the upgrade."""

    matrix: int
    criteria: list[int]
    options: list[int]
    goal: int
    steps: list[int]
    content_types: dict[str, int]


def _make_matrix(apps: Any, world: World, board_option: Any) -> tuple[int, list[int], list[int]]:
    matrix = apps.get_model("planning", "DecisionMatrix").objects.create(
        engagement_id=world.engagement.pk, choice_reason="It uses what I know"
    )
    criterion = apps.get_model("planning", "Criterion").objects
    money = criterion.create(matrix=matrix, name="Pays the bills", source="finances", weight=5)
    growth = criterion.create(matrix=matrix, name="Growth", source="value", source_key="growth")
    option = apps.get_model("planning", "MatrixOption").objects
    ux = option.create(matrix=matrix, title="UX designer", board_option=board_option, gut=8)
    stay = option.create(matrix=matrix, title="Stay where I am", position=1, gut=3)
    score = apps.get_model("planning", "Score").objects
    for o, c, value in [(ux, money, 6), (ux, growth, 9), (stay, money, 8), (stay, growth, 2)]:
        score.create(option=o, criterion=c, value=value)
    apps.get_model("planning", "Risk").objects.create(
        option=ux, risk="A pay cut at first", mitigation="Six months' savings"
    )
    matrix.chosen = ux
    matrix.chosen_at = WHEN
    matrix.save()
    return matrix.pk, [money.pk, growth.pk], [ux.pk, stay.pk]


def _make_goal(apps: Any, world: World, board_option: Any) -> tuple[int, list[int]]:
    goal = apps.get_model("planning", "Goal").objects.create(
        engagement_id=world.engagement.pk,
        text="Move into UX design by June",
        option=board_option,
        due_on=dt.date(2027, 6, 30),
        confidence=7,
    )
    apps.get_model("planning", "GoalRevision").objects.create(
        goal=goal,
        by_id=world.client.pk,
        changes={"text": ["Move into UX", "Move into UX design by June"]},
        reason="A date makes it real",
    )
    step = apps.get_model("planning", "Step").objects
    course = step.create(goal=goal, title="Finish the course", kind="course", done_at=WHEN)
    talk = step.create(goal=goal, title="Talk to Priya", due_on=dt.date(2027, 2, 1), position=1)
    apps.get_model("planning", "Obstacle").objects.create(
        goal=goal, obstacle="I am tired after work", plan="I study on Saturday mornings"
    )
    apps.get_model("planning", "AccountabilityLink").objects.create(
        engagement_id=world.engagement.pk, partner_name="Sam", token_hash="a" * 64
    )
    return goal.pk, [course.pk, talk.pk]


def _make_rows(apps: Any, world: World) -> Old:
    """Every kind of row the split moves or points at, through the models as they were."""
    board_option = apps.get_model("exploration", "Option").objects.create(
        engagement_id=world.engagement.pk, title="UX designer"
    )
    matrix, criteria, options = _make_matrix(apps, world, board_option)
    goal, steps = _make_goal(apps, world, board_option)
    apps.get_model("planning", "CalendarFeed").objects.create(
        user_id=world.client.pk, token_hash="f" * 64
    )
    reply = apps.get_model("replies", "Reply").objects
    by_coach = {"engagement_id": world.engagement.pk, "author_id": world.owner.pk}
    reply.create(goal_id=goal, text="What would June look like?", **by_coach)
    reply.create(step_id=steps[1], text="Ask her about portfolios", **by_coach)
    check_in = apps.get_model("checkins", "CheckIn").objects.create(
        engagement_id=world.engagement.pk, energy=6, win="Finished the course"
    )
    check_in.steps_done.add(steps[0])
    offsite = apps.get_model("offsites", "Offsite").objects.create(
        engagement_id=world.engagement.pk
    )
    apps.get_model("offsites", "Priority").objects.create(
        offsite=offsite, position=1, text="UX by June", path="goal", goal_id=goal
    )
    moved = [model for models in MOVED.values() for model in models]
    types = ContentType.objects.filter(app_label="planning", model__in=moved)
    return Old(matrix, criteria, options, goal, steps, dict(types.values_list("model", "pk")))


def _check_matrix(world: World, old: Old) -> None:
    from headway.decisions.models import DecisionMatrix, Risk, Score

    matrix = DecisionMatrix.objects.get(engagement=world.engagement)
    assert matrix.pk == old.matrix
    assert (matrix.chosen_id, matrix.chosen_at, matrix.choice_reason) == (
        old.options[0],
        WHEN,
        "It uses what I know",
    )
    assert [(c.pk, c.name, c.source, c.source_key, c.weight) for c in matrix.criteria.all()] == [
        (old.criteria[0], "Pays the bills", "finances", "", 5),
        (old.criteria[1], "Growth", "value", "growth", 1),
    ]
    options = [(o.pk, o.title, o.gut, o.board_option is not None) for o in matrix.options.all()]
    assert options == [
        (old.options[0], "UX designer", 8, True),
        (old.options[1], "Stay where I am", 3, False),
    ]
    scores = Score.objects.filter(option__matrix=matrix).values_list("option", "criterion", "value")
    assert sorted(scores) == sorted(
        [
            (old.options[0], old.criteria[0], 6),
            (old.options[0], old.criteria[1], 9),
            (old.options[1], old.criteria[0], 8),
            (old.options[1], old.criteria[1], 2),
        ]
    )
    risk = Risk.objects.get(option__matrix=matrix)
    assert (risk.option_id, risk.risk, risk.mitigation) == (
        old.options[0],
        "A pay cut at first",
        "Six months' savings",
    )


def _check_goal(world: World, old: Old) -> None:
    from headway.goals.models import AccountabilityLink, Goal

    goal = Goal.objects.select_related("option").get(engagement=world.engagement)
    assert (goal.pk, goal.text, goal.due_on, goal.confidence) == (
        old.goal,
        "Move into UX design by June",
        dt.date(2027, 6, 30),
        7,
    )
    assert goal.option is not None and goal.option.title == "UX designer"
    revision = goal.revisions.get()
    assert (revision.by, revision.reason) == (world.client, "A date makes it real")
    assert revision.changes == {"text": ["Move into UX", "Move into UX design by June"]}
    steps = [(s.pk, s.title, s.kind, s.due_on, s.done_at) for s in goal.steps.all()]
    assert steps == [
        (old.steps[0], "Finish the course", "course", None, WHEN),
        (old.steps[1], "Talk to Priya", "action", dt.date(2027, 2, 1), None),
    ]
    obstacle = goal.obstacles.get()
    assert (obstacle.obstacle, obstacle.plan) == (
        "I am tired after work",
        "I study on Saturday mornings",
    )
    link = AccountabilityLink.objects.get(engagement=world.engagement)
    assert (link.partner_name, link.token_hash) == ("Sam", "a" * 64)


def _check_pointers(world: World, old: Old) -> None:
    """The rows of other apps that point at the moved ones, and the moved content types."""
    from headway.checkins.models import CheckIn
    from headway.feeds.models import CalendarFeed
    from headway.goals.models import Goal, Step
    from headway.offsites.models import Priority
    from headway.replies.models import Reply

    assert CalendarFeed.objects.get(user=world.client).token_hash == "f" * 64
    replies = Reply.objects.filter(engagement=world.engagement).order_by("pk")
    assert [(r.goal_id, r.step_id, r.text) for r in replies] == [
        (old.goal, None, "What would June look like?"),
        (None, old.steps[1], "Ask her about portfolios"),
    ]
    assert Goal.objects.get(pk=old.goal).replies.count() == 1
    check_in = CheckIn.objects.get(engagement=world.engagement)
    assert list(check_in.steps_done.values_list("pk", flat=True)) == [old.steps[0]]
    assert Step.objects.get(pk=old.steps[0]).check_ins.get() == check_in
    assert CheckIn.steps_done.through._meta.db_table == "checkins_checkin_steps_done"
    assert Priority.objects.get(offsite__engagement=world.engagement).goal_id == old.goal
    moved = {(app, model) for app, models in MOVED.items() for model in models}
    types = ContentType.objects.filter(model__in=[model for _, model in moved])
    now = {t.model: (t.app_label, t.pk) for t in types if (t.app_label, t.model) in moved}
    assert now == {model: (app, old.content_types[model]) for app, model in moved}
    # The tables' sequences carried on: a new row takes the next key.
    step = Step.objects.create(goal_id=old.goal, title="Apply for two roles")
    assert step.pk > max(old.steps)


@pytest.mark.django_db(transaction=True)
def test_an_upgrade_keeps_every_row_and_rebuilds_no_table() -> None:
    world = build_world()
    executor = MigrationExecutor(connection)
    try:
        executor.migrate([*BEFORE, *NEW_APPS])
        old = _make_rows(MigrationExecutor(connection).loader.project_state(BEFORE).apps, world)
        assert len(old.content_types) == 11  # the database had them under planning's name
        executor = MigrationExecutor(connection)
        with CaptureQueriesContext(connection) as upgrade:
            executor.migrate(executor.loader.graph.leaf_nodes())
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    rebuilt = [q["sql"] for q in upgrade.captured_queries if DDL.search(q["sql"])]
    assert rebuilt == []
    _check_matrix(world, old)
    _check_goal(world, old)
    _check_pointers(world, old)
