"""Writing a reply, and what a reply is about: its engagement, its page and its words in an
email (which never quote what anyone wrote)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from headway.accounts.mail import absolute, send_templated
from headway.accounts.models import User
from headway.checkins.models import CheckIn
from headway.discovery.models import Assessment
from headway.engagements.models import Engagement
from headway.goals.models import Goal, Step
from headway.replies.models import REPLY_MAX, TARGET_FIELDS, Reply, Target

About = CheckIn | Goal | Step | Assessment


def target_of(about: About) -> Target:
    if isinstance(about, CheckIn):
        return Target.CHECK_IN
    if isinstance(about, Goal):
        return Target.GOAL
    if isinstance(about, Step):
        return Target.STEP
    return Target.RESULT


def engagement_of(about: About) -> Engagement:
    if isinstance(about, Step):
        return about.goal.engagement
    return about.engagement


def page_of(about: About) -> str:
    """The page the conversation is on, with the anchor of the thing it is about."""
    if isinstance(about, CheckIn):
        return reverse("checkins", args=[about.engagement_id]) + f"#checkin-{about.pk}"
    if isinstance(about, Goal):
        return reverse("goal_detail", args=[about.engagement_id, about.pk]) + "#conversation"
    if isinstance(about, Step):
        return reverse("goal_detail", args=[about.goal.engagement_id, about.goal_id]) + (
            f"#step-{about.pk}"
        )
    return about.get_absolute_url() + "#conversation"


def described(about: About) -> str:
    """What the reply is about, in words an email may carry: a date or a kind, no one's text."""
    if isinstance(about, CheckIn):
        return f"the check-in of {about.created_at:%-d %B %Y}"
    if isinstance(about, Goal):
        return "a goal"
    if isinstance(about, Step):
        return "a step of a goal's plan"
    return f"the {about.get_kind_display().lower()} result"


def _may_talk(about: About, engagement: Engagement, by: User) -> None:
    if not (engagement.is_client(by) or engagement.is_coach(by)):
        raise ValidationError("Only the client and their coach talk here.")
    if not engagement.is_open:
        raise ValidationError(
            "This engagement is concluded: its conversations are kept as they were."
        )
    shared = isinstance(about, Assessment) and about.is_completed and about.shared_with_coach
    if isinstance(about, Assessment) and not (engagement.is_client(by) or shared):
        raise ValidationError("This result is not shared with you.")


def _clean(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError("Write a few words before sending.")
    if len(text) > REPLY_MAX:
        raise ValidationError(
            f"A reply holds up to {REPLY_MAX} characters; this one has {len(text)}. "
            "The rest may suit a session better."
        )
    return text


@transaction.atomic
def reply_add(*, about: About, by: User, text: str) -> Reply:
    """The coach answers something the client did, or the client answers the coach; the
    other is told by email, never with the words themselves."""
    engagement = engagement_of(about)
    _may_talk(about, engagement, by)
    reply = Reply.objects.create(
        engagement=engagement,
        author=by,
        text=_clean(text),
        **{TARGET_FIELDS[target_of(about)]: about},
    )
    reader = engagement.client if engagement.is_coach(by) else engagement.coach
    if reader is not None:
        send_templated(
            reader.email,
            "reply",
            {
                "reader": reader,
                "by": by,
                "about": described(about),
                "link": absolute(page_of(about)),
            },
        )
    engagement.touch()
    return reply
