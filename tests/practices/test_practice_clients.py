"""Practices with several coaches: inviting a client for a colleague, every client of the
practice for the owner, and handing a client over."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from headway.engagements.models import Engagement, EngagementStatus
from headway.engagements.services import engagement_handover, engagement_invite_client
from headway.meetings.models import NoteKind, SessionNote
from headway.practices.models import Membership
from headway.privacy.consent import consent_log
from headway.privacy.models import ConsentWhat
from tests.helpers import World, transition_model
from tests.smtp import Mailbox, mailbox, smtp_server  # noqa: F401

pytestmark = pytest.mark.django_db


def _invite_for_colleague(world: World, email: str = "nina@example.com") -> Engagement:
    engagement, _ = engagement_invite_client(
        coach=world.colleague,
        by=world.owner,
        membership=Membership.objects.get(user=world.owner),
        email=email,
        name="Nina New",
        model=transition_model(),
    )
    return engagement


def test_the_owner_invites_a_client_for_a_colleague(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    django_capture_on_commit_callbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        engagement = _invite_for_colleague(world)
    assert engagement.coach == world.colleague and engagement.status == EngagementStatus.INVITED
    message = mailbox.wait_for("nina@example.com")
    assert message.subject == "Carl Colleague invites you to coaching on Headway"
    assert (
        "Olivia Owner of Northstar Coaching has invited you to a coaching engagement with "
        "Carl Colleague" in message.body
    )


def test_a_coach_invites_only_for_themselves_and_only_for_members(world: World) -> None:
    with pytest.raises(ValidationError, match="Only the practice owner"):
        engagement_invite_client(
            coach=world.owner,
            by=world.colleague,
            membership=Membership.objects.get(user=world.colleague),
            email="nina@example.com",
            name="Nina",
            model=transition_model(),
        )
    with pytest.raises(ValidationError, match="not a coach of Northstar Coaching"):
        engagement_invite_client(
            coach=world.outsider,
            by=world.owner,
            membership=Membership.objects.get(user=world.owner),
            email="nina@example.com",
            name="Nina",
            model=transition_model(),
        )
    assert not Engagement.objects.filter(invited_email="nina@example.com").exists()


def test_the_invite_form_offers_the_owner_the_practices_coaches(world: World) -> None:
    owner = world.login(world.owner)
    page = owner.get(reverse("client_invite")).content.decode()
    assert 'name="coach"' in page and "Carl Colleague" in page
    response = owner.post(
        reverse("client_invite"),
        {
            "name": "Nina New",
            "email": "nina@example.com",
            "coach": world.colleague.pk,
            "model": transition_model().pk,
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("practice_clients")
    assert "to work with Carl Colleague" in response.content.decode()
    assert Engagement.objects.get(invited_email="nina@example.com").coach == world.colleague
    colleague_page = world.login(world.colleague).get(reverse("client_invite")).content.decode()
    assert 'name="coach"' not in colleague_page


def test_the_owner_sees_every_client_but_none_of_their_work(world: World) -> None:
    colleagues_client = _invite_for_colleague(world)
    owner = world.login(world.owner)
    html = owner.get(reverse("practice_clients")).content.decode()
    assert "Cleo Client" in html and "Nina New" in html and "Carl Colleague" in html
    assert "Otto Other" not in html  # another practice
    assert reverse("engagement_detail", args=[world.engagement.pk]) in html  # the owner's own
    assert reverse("engagement_detail", args=[colleagues_client.pk]) not in html
    assert owner.get(reverse("engagement_detail", args=[colleagues_client.pk])).status_code == 404
    assert world.login(world.colleague).get(reverse("practice_clients")).status_code == 403
    assert world.login(world.client).get(reverse("practice_clients")).status_code == 404


def test_handing_a_client_over(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    django_capture_on_commit_callbacks,
) -> None:
    from headway.meetings.models import Session

    e = world.engagement
    session = Session.objects.create(
        engagement=e, starts_at=e.created_at, duration_minutes=60, time_zone="UTC"
    )
    SessionNote.objects.create(
        session=session, author=world.owner, kind=NoteKind.PRIVATE, text="my own thoughts"
    )
    owner = world.login(world.owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = owner.post(
            reverse("engagement_handover", args=[e.pk]),
            {"coach": world.colleague.pk, "reason": "Carl knows the field you're moving into."},
            follow=True,
        )
    assert "Cleo Client now works with Carl Colleague." in response.content.decode()
    e.refresh_from_db()
    assert e.coach == world.colleague
    to_client = mailbox.wait_for(world.client.email)
    assert to_client.subject == "Your coaching continues with Carl Colleague"
    assert "from Olivia Owner to Carl Colleague" in to_client.body
    assert "Carl knows the field you're moving into." in to_client.body
    assert mailbox.wait_for(world.colleague.email).subject == "Cleo Client is now your client"
    # The old coach no longer sees it; the new one does, without the old private note.
    assert owner.get(reverse("engagement_detail", args=[e.pk])).status_code == 404
    carl = world.login(world.colleague)
    assert carl.get(reverse("engagement_detail", args=[e.pk])).status_code == 200
    sessions = carl.get(reverse("sessions", args=[e.pk])).content.decode()
    assert "my own thoughts" not in sessions
    log = consent_log(user=world.client, engagement=e)
    moved = [i for i in log if i.what == ConsentWhat.COACH_CHANGE]
    assert len(moved) == 1 and moved[0].detail == "from Olivia Owner to Carl Colleague"


def test_only_the_owner_hands_over_and_only_to_a_colleague(world: World) -> None:
    e = world.engagement
    with pytest.raises(ValidationError, match="Only the practice owner"):
        engagement_handover(engagement=e, to_coach=world.owner, by=world.colleague)
    with pytest.raises(ValidationError, match="not a coach of Northstar Coaching"):
        engagement_handover(engagement=e, to_coach=world.outsider, by=world.owner)
    with pytest.raises(ValidationError, match="already coaches"):
        engagement_handover(engagement=e, to_coach=world.owner, by=world.owner)
    e.refresh_from_db()
    assert e.coach == world.owner
