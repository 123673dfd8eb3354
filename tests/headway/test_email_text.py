"""Emails are plain text: names and words arrive as typed, never HTML-escaped."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from headway.accounts.models import User
from headway.engagements.services import engagement_invite_client
from headway.meetings.session_services import local_to_utc, session_schedule
from headway.practices.models import Membership
from headway.practices.services import coach_signup, practice_invite_coach
from tests.helpers import PASSWORD, World, transition_model
from tests.smtp import Mailbox, mailbox, smtp_server  # noqa: F401


def _coach() -> User:
    return coach_signup(
        email="olivia@example.com",
        name="Olivia O'Brien",
        password=PASSWORD,
        practice_name="O'Brien & Partners",
        verified=True,
    )


def test_client_invitation_keeps_apostrophes(
    db,
    mailbox: Mailbox,  # noqa: F811
    django_capture_on_commit_callbacks,
) -> None:
    coach = _coach()
    with django_capture_on_commit_callbacks(execute=True):
        engagement_invite_client(
            coach=coach,
            membership=Membership.objects.get(user=coach),
            email="grace@example.com",
            name="Grace O'Neil",
            model=transition_model(),
            message="I'm glad we're starting <soon>.",
        )
    message = mailbox.wait_for("grace@example.com")
    assert message.subject == "Olivia O'Brien invites you to coaching on Headway"
    assert "Hello Grace O'Neil," in message.body
    assert "I'm glad we're starting <soon>." in message.body
    assert "&#x27;" not in message.body and "&lt;" not in message.body


def test_coach_invitation_keeps_apostrophes(
    db,
    mailbox: Mailbox,  # noqa: F811
    django_capture_on_commit_callbacks,
) -> None:
    coach = _coach()
    practice = Membership.objects.get(user=coach).practice
    with django_capture_on_commit_callbacks(execute=True):
        practice_invite_coach(practice=practice, by=coach, email="carl@example.com")
    message = mailbox.wait_for("carl@example.com")
    assert "O'Brien & Partners" in message.subject
    assert "Olivia O'Brien has invited you to coach with O'Brien & Partners" in message.body
    assert "&#x27;" not in message.body + message.subject
    assert "&amp;" not in message.body + message.subject


def test_session_email_keeps_apostrophes(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    django_capture_on_commit_callbacks,
) -> None:
    world.owner.name = "Olivia O'Brien"
    world.owner.save()
    world.client.name = "Grace O'Neil"
    world.client.save()
    day = timezone.localdate() + dt.timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        session_schedule(
            engagement=world.engagement,
            by=world.owner,
            starts_at=local_to_utc(day, dt.time(18), "Europe/London"),
            time_zone="Europe/London",
            agenda="What's next",
        )
    to_client = mailbox.wait_for(world.client.email)
    assert "Hello Grace," in to_client.body
    assert "Olivia O'Brien" in to_client.body
    assert "What's next" in to_client.body
    assert "&#x27;" not in to_client.body
    to_coach = mailbox.wait_for(world.owner.email)
    assert "Grace O'Neil" in to_coach.body
