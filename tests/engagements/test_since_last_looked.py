"""The coach's "since you last looked": what the client did since the previous visit."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from headway.checkins.models import CheckIn
from headway.checkins.services import checkin_add
from headway.coaching.models import StageQuestion
from headway.decisions.services import (
    decision_choose,
    decision_matrix_start,
    decision_option_add,
)
from headway.discovery.models import Assessment
from headway.engagements.models import Engagement
from headway.engagements.services import VISIT_GAP, answer_save, engagement_coach_seen
from headway.goals.models import Step
from headway.goals.services import goal_create, step_add, step_set_done
from headway.overview.activity import since_last_looked
from headway.replies.services import reply_add
from tests.helpers import World

pytestmark = pytest.mark.django_db


def _page(world: World) -> str:
    url = reverse("engagement_detail", args=[world.engagement.pk])
    return world.login(world.owner).get(url).content.decode()


def _last_visit(world: World, ago: dt.timedelta) -> None:
    at = timezone.now() - ago
    Engagement.objects.filter(pk=world.engagement.pk).update(coach_seen_at=at)


def test_lists_a_check_in_and_a_shared_result_and_survives_a_reload(world: World) -> None:
    e = world.engagement
    CheckIn.objects.create(engagement=e, energy=7, created_at=timezone.now() - dt.timedelta(days=3))
    _last_visit(world, dt.timedelta(days=1))
    checkin_add(engagement=e, by=world.client, energy=3, obstacles="Worried about money")
    now = timezone.now()
    result = Assessment.objects.create(
        engagement=e, kind="values", result={}, started_at=now, completed_at=now
    )
    goal = goal_create(engagement=e, by=world.client, text="Talk to 3 product managers by March")
    step_add(goal=goal, by=world.client, title="Email Ana")
    for _ in range(2):  # the reload keeps the list: it counts from the previous visit
        page = _page(world)
        assert "Since you last looked" in page
        checkins = reverse("checkins", args=[e.pk])
        assert f'<a href="{checkins}">Check-in at energy 3/10</a>' in page
        assert "Check-in at energy 7/10" not in page  # before the previous visit
        assert f'<a href="{result.get_absolute_url()}">Result shared: ' in page
        assert "Goal added: Talk to 3 product managers by March" in page
        assert "Step added: Email Ana" in page
        assert "Worried about money" not in page  # check-in words stay on the check-ins page


def test_a_visit_after_the_gap_starts_from_the_last_view(world: World) -> None:
    e = world.engagement
    start = timezone.now() - dt.timedelta(days=2)
    engagement_coach_seen(engagement=e, now=start)
    engagement_coach_seen(engagement=e, now=start + dt.timedelta(minutes=5))
    e.refresh_from_db()
    assert e.coach_prev_seen_at is None  # still the first visit
    later = start + dt.timedelta(minutes=5) + VISIT_GAP
    engagement_coach_seen(engagement=e, now=later)
    e.refresh_from_db()
    assert e.coach_prev_seen_at == start + dt.timedelta(minutes=5) and e.coach_seen_at == later


def test_nothing_new_says_so(world: World) -> None:
    _last_visit(world, dt.timedelta(days=1))
    assert "Nothing new since your last visit" in _page(world)


def test_the_client_does_not_see_it(world: World) -> None:
    url = reverse("engagement_detail", args=[world.engagement.pk])
    page = world.login(world.client).get(url).content.decode()
    assert "Since you last looked" not in page


def test_the_dashboard_shows_the_latest_check_in_since_the_last_visit(world: World) -> None:
    earlier = timezone.now() - dt.timedelta(days=1)
    CheckIn.objects.create(engagement=world.engagement, energy=8, created_at=earlier)
    _last_visit(world, VISIT_GAP)  # the coach has seen that one, in a visit that is over
    url = reverse("dashboard")
    page = world.login(world.owner).get(url).content.decode()
    assert "New check-in at energy" not in page
    checkin_add(engagement=world.engagement, by=world.client, energy=6)
    checkin_add(engagement=world.engagement, by=world.client, energy=3)
    page = world.login(world.owner).get(url).content.decode()
    checkins = reverse("checkins", args=[world.engagement.pk])
    assert f'<a class="small" href="{checkins}">New check-in at energy 3/10</a>' in page


def test_every_kind_of_news_in_a_bounded_number_of_queries(
    world: World, django_assert_max_num_queries: Any
) -> None:
    e = world.engagement
    since = timezone.now() - dt.timedelta(days=5)
    goal = goal_create(engagement=e, by=world.client, text="Talk to 3 product managers by March")
    done = step_add(goal=goal, by=world.client, title="Email Ana")
    step_set_done(step=done, by=world.client, done=True)
    late = step_add(goal=goal, by=world.client, title="Draft questions")
    Step.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - dt.timedelta(days=2))
    matrix = decision_matrix_start(engagement=e, by=world.client)
    option = decision_option_add(matrix=matrix, by=world.client, title="UX research")
    decision_choose(matrix=matrix, by=world.client, option=option)
    question = StageQuestion.objects.filter(stage=e.stage).first()
    assert question is not None
    answer_save(engagement=e, question=question, text="Talking to people", by=world.client)
    reply_add(about=goal, by=world.owner, text="Which one first?")
    reply_add(about=goal, by=world.client, text="Ana, on Monday.")
    with django_assert_max_num_queries(7):
        items = since_last_looked(e, since)
    texts = {i.text for i in items}
    coach = world.login(world.owner)
    assert {coach.get(i.url).status_code for i in items} == {200}  # every link opens for them
    assert {
        "Goal added: Talk to 3 product managers by March",
        "Step done: Email Ana",
        "Step overdue: Draft questions",
        "Decision: chose UX research",
        "Replied about a goal",
    } <= texts
    assert sum(t.startswith("Replied") for t in texts) == 1  # the client's, not the coach's
    assert any(t.startswith("Answered: ") for t in texts)
    assert since_last_looked(e, timezone.now()) == []


def test_the_dashboard_shows_a_clients_answer_when_no_check_in_came(world: World) -> None:
    e = world.engagement
    check_in = checkin_add(engagement=e, by=world.client, energy=5)
    CheckIn.objects.filter(pk=check_in.pk).update(created_at=timezone.now() - 3 * VISIT_GAP)
    check_in.refresh_from_db()
    reply_add(about=check_in, by=world.owner, text="What would help?")
    _last_visit(world, VISIT_GAP)  # seen the check-in, in a visit that is over
    reply_add(about=check_in, by=world.client, text="Fewer applications")
    page = world.login(world.owner).get(reverse("dashboard")).content.decode()
    day = f"{check_in.created_at:%-d %B %Y}"
    assert f"Replied about the check-in of {day}</a>" in page
    assert "Fewer applications" not in page
