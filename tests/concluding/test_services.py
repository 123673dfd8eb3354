"""Concluding services: the scale, insights, the conclusion and the follow-ups after it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from headway.concluding.journey import celebration_of, readiness_of
from headway.concluding.models import Conclusion, EfficacyRating, FollowUp
from headway.concluding.services import (
    due_followups,
    efficacy_record,
    engagement_conclude,
    engagements_needing_followup_attention,
    followup_answer,
    followup_set_declined,
    followups_mark_seen,
    followups_offer,
    insights_save,
    latest_by_phase,
)
from headway.core.assessments.efficacy import SCALE_KEYS
from headway.core.dates import add_months
from headway.engagements.models import EngagementStatus, StatusChange
from headway.engagements.services import engagement_set_status
from headway.goals.services import goal_create, goal_set_status, step_add, step_set_done
from headway.overview.dashboard import dashboard_rows
from tests.helpers import World

pytestmark = pytest.mark.django_db


def _rate(world: World, value: int, **kw: object) -> EfficacyRating:
    return efficacy_record(
        engagement=world.engagement,
        by=world.client,
        responses=dict.fromkeys(SCALE_KEYS, value),
        **kw,  # type: ignore[arg-type]
    )


def _due(world: World, months: int) -> FollowUp:
    """Make the follow-up of `months` due today, as if the conclusion were long ago."""
    fu = FollowUp.objects.get(engagement=world.engagement, months=months)
    FollowUp.objects.filter(pk=fu.pk).update(due_on=timezone.localdate())
    fu.refresh_from_db()
    return fu


def test_the_phase_is_start_before_goals_middle_after_end_from_concluding(world: World) -> None:
    assert _rate(world, 2).phase == "start"
    goal_create(engagement=world.engagement, by=world.client, text="Try UX research")
    assert _rate(world, 3).phase == "middle"
    assert _rate(world, 4, from_concluding=True).phase == "end"
    assert _rate(world, 5, phase="start").phase == "start"
    latest = latest_by_phase(world.engagement)
    assert latest["start"].mean == 5  # the latest in each phase counts


def test_only_the_client_rates_and_every_item_is_needed(world: World) -> None:
    with pytest.raises(ValidationError, match="client's own"):
        efficacy_record(
            engagement=world.engagement, by=world.owner, responses=dict.fromkeys(SCALE_KEYS, 3)
        )
    with pytest.raises(ValidationError, match="still open"):
        efficacy_record(engagement=world.engagement, by=world.client, responses={"plan": 3})
    assert not EfficacyRating.objects.exists()


def test_insights_are_the_clients_before_or_after_concluding(world: World) -> None:
    with pytest.raises(ValidationError, match="client's own"):
        insights_save(engagement=world.engagement, by=world.owner, learned="x")
    insights_save(engagement=world.engagement, by=world.client, learned="I like research")
    engagement_conclude(engagement=world.engagement, by=world.owner)
    insight = insights_save(
        engagement=world.engagement, by=world.client, learned="I like research", changed="More"
    )
    assert (insight.learned, insight.changed) == ("I like research", "More")


def test_the_coach_concludes_with_a_reflection_and_the_history_is_kept(world: World) -> None:
    e = world.engagement
    conclusion = engagement_conclude(engagement=e, by=world.owner, reflection="Proud of you")
    e.refresh_from_db()
    assert e.status == EngagementStatus.CONCLUDED and e.concluded_at is not None
    assert conclusion.reflection == "Proud of you"
    change = StatusChange.objects.filter(engagement=e).first()
    assert change is not None and change.to_status == EngagementStatus.CONCLUDED
    assert change.changed_by == world.owner


def test_concluding_twice_is_refused_clearly(world: World) -> None:
    engagement_conclude(engagement=world.engagement, by=world.owner)
    with pytest.raises(ValidationError, match="already concluded on"):
        engagement_conclude(engagement=world.engagement, by=world.owner)
    assert Conclusion.objects.count() == 1


def test_only_the_coach_or_a_self_guided_client_concludes(world: World) -> None:
    for someone in (world.client, world.colleague):
        with pytest.raises(ValidationError, match="The coach concludes"):
            engagement_conclude(engagement=world.engagement, by=someone)
    engagement_conclude(engagement=world.solo_engagement, by=world.solo)
    world.solo_engagement.refresh_from_db()
    assert world.solo_engagement.status == EngagementStatus.CONCLUDED


def test_follow_ups_at_3_6_and_12_months(world: World) -> None:
    engagement_conclude(engagement=world.engagement, by=world.owner)
    day = timezone.localdate(world.engagement.concluded_at)
    fus = list(FollowUp.objects.filter(engagement=world.engagement))
    assert [(f.months, f.due_on) for f in fus] == [(m, add_months(day, m)) for m in (3, 6, 12)]
    assert len(followups_offer(engagement=world.engagement)) == 3  # offered once


def test_concluding_from_the_status_form_offers_them_too(world: World) -> None:
    e = world.engagement
    engagement_set_status(engagement=e, status=EngagementStatus.CONCLUDED, by=world.owner)
    assert len(followups_offer(engagement=e)) == 3


def test_the_client_declines_and_changes_their_mind(world: World) -> None:
    engagement_conclude(engagement=world.engagement, by=world.owner)
    fu = _due(world, 3)
    with pytest.raises(ValidationError, match="client's own"):
        followup_set_declined(followup=fu, by=world.owner, declined=True)
    followup_set_declined(followup=fu, by=world.client, declined=True)
    assert due_followups() == []
    with pytest.raises(ValidationError, match="declined"):
        followup_answer(followup=fu, by=world.client, energy=7)
    followup_set_declined(followup=fu, by=world.client, declined=False)
    assert due_followups() == [fu]


def test_a_due_follow_up_comes_back_to_the_coach(world: World) -> None:
    e = world.engagement
    engagement_conclude(engagement=e, by=world.owner)
    assert e.pk not in {r.engagement.pk for r in dashboard_rows(world.owner)}
    fu = FollowUp.objects.get(engagement=e, months=3)
    with pytest.raises(ValidationError, match="opens on"):
        followup_answer(followup=fu, by=world.client, energy=7)
    fu = _due(world, 3)
    (row,) = [r for r in dashboard_rows(world.owner) if r.engagement.pk == e.pk]
    assert [a.message for a in row.attention] == ["3-month follow-up due"]

    followup_answer(followup=fu, by=world.client, energy=8, how="Good", next="A course")
    (row,) = [r for r in dashboard_rows(world.owner) if r.engagement.pk == e.pk]
    assert [a.message for a in row.attention] == ["3-month follow-up answered"]
    assert row.needs_action
    with pytest.raises(ValidationError, match="already answered"):
        followup_answer(followup=fu, by=world.client, energy=8)

    assert followups_mark_seen(engagement=e, by=world.client) == 0
    assert followups_mark_seen(engagement=e, by=world.owner) == 1
    assert engagements_needing_followup_attention(world.owner) == set()


def test_a_lapsed_follow_up_is_no_longer_due(world: World) -> None:
    engagement_conclude(engagement=world.engagement, by=world.owner)
    FollowUp.objects.filter(months=3).update(due_on=timezone.localdate() - dt.timedelta(days=90))
    assert due_followups() == []


def test_readiness_and_celebration_read_the_journey(world: World) -> None:
    e = world.engagement
    _rate(world, 2)
    goal = goal_create(engagement=e, by=world.client, text="Try UX research")
    step = step_add(goal=goal, by=world.client, title="Call Ana", due_on=timezone.localdate())
    step_set_done(step=step, by=world.client, done=True)
    goal_set_status(goal=goal, by=world.client, status="achieved")
    _rate(world, 4, from_concluding=True)
    insights_save(engagement=e, by=world.client, learned="I love research", satisfaction_now=8)

    profile, efficacy = readiness_of(e)
    aspects = {a.key: a for a in profile.aspects}
    assert aspects["confidence"].in_place == ("At the start: 2 of 5", "Now: 4 of 5")
    assert "1 of 1 step done" in aspects["plans"].in_place
    assert efficacy.start is not None and efficacy.end is not None

    engagement_conclude(engagement=e, by=world.owner)
    c = celebration_of(e)
    whats = [m.what for m in c.timeline]
    assert whats[0] == "The journey began" and whats[-1] == "Concluded"
    assert "Achieved a goal" in whats
    assert [g.text for g, _ in c.achieved] == ["Try UX research"]
    assert c.changes[0].before == "2" and c.changes[0].after == "4"
    assert c.insight is not None and c.insight.learned == "I love research"
