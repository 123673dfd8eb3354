"""The scoped fetch of what a reply is about: 404 for anyone who may not see it."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from headway.accounts.models import User
from headway.checkins.models import CheckIn
from headway.discovery.models import Assessment
from headway.engagements.access import get_engagement
from headway.engagements.models import Engagement
from headway.goals.models import Goal, Step
from headway.replies.models import Reply, Target
from headway.replies.services import About


def about_in(engagement: Engagement, user: User, target: str, target_pk: int) -> About:
    """A check-in, goal, step or result of an engagement `user` already may see; a result
    only if it is theirs or shared with them."""
    about: About
    if target == Target.CHECK_IN:
        about = get_object_or_404(CheckIn, pk=target_pk, engagement=engagement)
    elif target == Target.GOAL:
        about = get_object_or_404(Goal, pk=target_pk, engagement=engagement)
    elif target == Target.STEP:
        step = get_object_or_404(
            Step.objects.select_related("goal"), pk=target_pk, goal__engagement=engagement
        )
        step.goal.engagement = engagement
        return step
    elif target == Target.RESULT:
        results = Assessment.objects.completed().filter(engagement=engagement)
        if not engagement.is_client(user):
            results = results.seen_by_coach()
        about = get_object_or_404(results, pk=target_pk)
    else:
        raise Http404("Nothing to reply to")
    about.engagement = engagement  # already fetched with its people
    return about


def get_about(user: User, pk: int, target: str, target_pk: int) -> About:
    """What a reply is about, in an engagement the person may see; 404 for anyone else."""
    return about_in(get_engagement(user, pk), user, target, target_pk)


def replies_seen_by(engagement: Engagement, user: User):  # type: ignore[no-untyped-def]
    """Every reply of the engagement the person may read: the coach not those under a
    result the client has since taken back."""
    replies = Reply.objects.filter(engagement=engagement).with_author()
    if not engagement.is_client(user):
        replies = replies.exclude(assessment__shared_with_coach=False)
    return replies
