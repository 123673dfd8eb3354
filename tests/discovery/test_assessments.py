"""The workflow every assessment kind shares: assign, start, save, complete, share, retake.

Kind-specific scoring is tested with each kind; here the responses are left incomplete or
the kind's own scoring is not reached, so these tests hold whatever a kind asks."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from headway.discovery.models import Assessment, AssessmentStatus, Kind
from headway.discovery.services import (
    assessment_assign,
    assessment_complete,
    assessment_discard,
    assessment_save,
    assessment_set_sharing,
    assessment_start,
)
from headway.engagements.models import EngagementStatus
from tests.helpers import site_link

TOMORROW = timezone.localdate() + dt.timedelta(days=1)


def test_the_coach_assigns_with_a_due_date_and_the_client_is_told(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        a = assessment_assign(
            engagement=world.engagement,
            by=world.owner,
            kind=Kind.VALUES,
            due_on=TOMORROW,
            note="Before our next session",
        )
    assert a.status == AssessmentStatus.ASSIGNED and a.assigned_by == world.owner
    [message] = mail.outbox
    assert message.to == [world.client.email]
    assert "values card sort" in message.subject
    assert "Before our next session" in message.body
    assert site_link(message.body, "discovery_kind") == reverse(
        "discovery_kind", args=[world.engagement.pk, "values"]
    )


def test_assigning_again_moves_the_date_of_the_open_one(world):
    first = assessment_assign(engagement=world.engagement, by=world.owner, kind=Kind.STRENGTHS)
    again = assessment_assign(
        engagement=world.engagement, by=world.owner, kind=Kind.STRENGTHS, due_on=TOMORROW
    )
    assert again.pk == first.pk and again.due_on == TOMORROW
    assert Assessment.objects.count() == 1


@pytest.mark.parametrize("who", ["client", "colleague", "outsider"])
def test_only_the_engagements_coach_assigns(world, who):
    with pytest.raises(ValidationError):
        assessment_assign(engagement=world.engagement, by=getattr(world, who), kind=Kind.VALUES)


def test_a_due_date_in_the_past_is_refused(world):
    with pytest.raises(ValidationError, match="from today on"):
        assessment_assign(
            engagement=world.engagement,
            by=world.owner,
            kind=Kind.VALUES,
            due_on=timezone.localdate() - dt.timedelta(days=1),
        )


def test_starting_picks_up_the_assigned_one(world):
    assigned = assessment_assign(engagement=world.engagement, by=world.owner, kind=Kind.VALUES)
    started = assessment_start(engagement=world.engagement, by=world.client, kind=Kind.VALUES)
    assert started.pk == assigned.pk


def test_the_coach_cannot_take_it_for_the_client(world):
    with pytest.raises(ValidationError, match="Only the client"):
        assessment_start(engagement=world.engagement, by=world.owner, kind=Kind.VALUES)


def test_a_concluded_engagement_keeps_its_results_as_they_were(world):
    world.engagement.status = EngagementStatus.CONCLUDED
    world.engagement.save()
    with pytest.raises(ValidationError, match="concluded"):
        assessment_start(engagement=world.engagement, by=world.client, kind=Kind.VALUES)


def test_incomplete_responses_are_kept_when_scoring_refuses(world):
    a = assessment_start(engagement=world.engagement, by=world.client, kind=Kind.READINESS)
    with pytest.raises(ValidationError):
        assessment_complete(assessment=a, by=world.client)
    a.refresh_from_db()
    assert a.completed_at is None and a.result is None


def test_a_completed_result_is_frozen_and_a_retake_is_new(world):
    a = assessment_start(engagement=world.engagement, by=world.client, kind=Kind.VALUES)
    Assessment.objects.filter(pk=a.pk).update(
        completed_at=timezone.now(), result={"frozen": True}, shared_with_coach=False
    )
    a.refresh_from_db()
    with pytest.raises(ValidationError, match="retake"):
        assessment_save(assessment=a, by=world.client, data=QueryDict(""))
    with pytest.raises(ValidationError):
        assessment_discard(assessment=a, by=world.client)
    retake = assessment_start(engagement=world.engagement, by=world.client, kind=Kind.VALUES)
    assert retake.pk != a.pk
    assert retake.shared_with_coach is False  # the choice made last time carries over


def test_only_the_client_changes_sharing(world):
    a = assessment_start(engagement=world.engagement, by=world.client, kind=Kind.VALUES)
    with pytest.raises(ValidationError):
        assessment_set_sharing(assessment=a, by=world.owner, shared=False)
    assessment_set_sharing(assessment=a, by=world.client, shared=False)
    a.refresh_from_db()
    assert a.shared_with_coach is False


def test_the_coach_sees_only_shared_completed_results(world):
    e = world.engagement
    done = assessment_start(engagement=e, by=world.client, kind=Kind.VALUES)
    Assessment.objects.filter(pk=done.pk).update(completed_at=timezone.now(), result={})
    private = Assessment.objects.create(
        engagement=e, kind=Kind.STRENGTHS, completed_at=timezone.now(), result={}
    )
    private.shared_with_coach = False
    private.save()
    in_progress = assessment_start(engagement=e, by=world.client, kind=Kind.INTERESTS)
    assert list(e.assessments.seen_by_coach()) == [done]
    coach = world.login(world.owner)
    for hidden in (private, in_progress):
        url = reverse("assessment", args=[e.pk, hidden.kind, hidden.pk])
        assert coach.get(url).status_code == 404
    url = reverse("assessment", args=[e.pk, in_progress.kind, in_progress.pk])
    assert world.login(world.client).get(url).status_code == 200


def test_overdue_assignments_and_new_results_reach_the_dashboard(world):
    e = world.engagement
    a = assessment_assign(engagement=e, by=world.owner, kind=Kind.VALUES, due_on=TOMORROW)
    Assessment.objects.filter(pk=a.pk).update(due_on=timezone.localdate() - dt.timedelta(days=2))
    page = world.login(world.owner).get(reverse("dashboard")).content.decode()
    assert "1 assessment past due" in page
