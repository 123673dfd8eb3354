"""Practices: creation, agreement versions, coach invitations and memberships."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from headway.accounts.models import User
from headway.engagements.models import EngagementStatus
from headway.engagements.services import engagement_set_status
from headway.practices import defaults
from headway.practices.access import membership_of
from headway.practices.models import (
    Agreement,
    CoachInvitation,
    CoachProfile,
    MemberRole,
    Membership,
    Practice,
)
from headway.practices.services import (
    agreement_publish,
    coach_invitation_accept,
    coach_invitation_by_token,
    coach_invitation_resend,
    coach_invitation_withdraw,
    coach_invitation_withdrawn,
    coach_signup,
    membership_remove,
    membership_set_role,
    practice_create,
    practice_invite_coach,
)
from tests.helpers import PASSWORD, World, link_token, person

pytestmark = pytest.mark.django_db


# practice_create ------------------------------------------------------------


def test_practice_create_makes_owner_agreement_and_profile() -> None:
    owner = person("pat@example.com", "Pat Coach")
    practice = practice_create(owner=owner, name="  Bright Paths ")
    assert practice.name == "Bright Paths"
    assert practice.slug == "bright-paths"
    membership = Membership.objects.get(practice=practice)
    assert membership.user == owner
    assert membership.role == MemberRole.OWNER
    assert membership.is_owner
    agreement = practice.current_agreement()
    assert agreement is not None
    assert agreement.version == 1
    assert agreement.created_by == owner
    assert agreement.terms == defaults.AGREEMENT_TERMS
    assert agreement.confidentiality == defaults.AGREEMENT_CONFIDENTIALITY
    assert agreement.exception_list() == [
        line.strip() for line in defaults.AGREEMENT_EXCEPTIONS.splitlines() if line.strip()
    ]
    profile = CoachProfile.objects.get(user=owner)
    assert profile.slug == "pat-coach"
    assert profile.is_public is False
    assert owner.is_coach


def test_practice_create_needs_a_name() -> None:
    owner = person("pat@example.com")
    with pytest.raises(ValidationError):
        practice_create(owner=owner, name="   ")
    assert not Practice.objects.exists()
    assert not Membership.objects.filter(user=owner).exists()


def test_practices_with_the_same_name_get_distinct_slugs() -> None:
    a = practice_create(owner=person("a@example.com", "Alex Same"), name="Same Name")
    b = practice_create(owner=person("b@example.com", "Alex Same"), name="Same Name")
    assert a.slug != b.slug
    profiles = CoachProfile.objects.filter(user__email__in=["a@example.com", "b@example.com"])
    assert len({p.slug for p in profiles}) == 2


def test_coach_signup_creates_the_person_and_their_practice() -> None:
    coach = coach_signup(
        email="Pat@Example.com",
        name="Pat",
        password=PASSWORD,
        practice_name="Pat & Co",
        verified=True,
    )
    assert coach.email == "pat@example.com"
    membership = membership_of(coach)
    assert membership is not None
    assert membership.practice.name == "Pat & Co"
    assert membership.is_owner


def test_failed_coach_signup_leaves_nothing_behind() -> None:
    with pytest.raises(ValidationError):
        coach_signup(email="pat@example.com", name="Pat", password=PASSWORD, practice_name=" ")
    assert not Practice.objects.exists()
    assert not CoachProfile.objects.exists()
    assert not User.objects.filter(email="pat@example.com").exists()


# agreement_publish ----------------------------------------------------------


def test_publishing_new_wording_makes_a_new_version(world: World) -> None:
    first = world.practice.current_agreement()
    assert first is not None
    second = agreement_publish(
        practice=world.practice,
        by=world.colleague,
        terms="  New terms.  ",
        confidentiality="Kept private.",
        exceptions="Risk of harm.\nCourt order.",
    )
    assert second.version == 2
    assert second.terms == "New terms."
    assert second.created_by == world.colleague
    assert second.exception_list() == ["Risk of harm.", "Court order."]
    assert world.practice.current_agreement() == second
    first_again = Agreement.objects.get(pk=first.pk)
    assert (first_again.version, first_again.terms) == (1, first.terms)


def test_publishing_unchanged_wording_keeps_the_version(world: World) -> None:
    current = world.practice.current_agreement()
    assert current is not None
    same = agreement_publish(
        practice=world.practice,
        by=world.owner,
        terms=current.terms + "\n",
        confidentiality="  " + current.confidentiality,
        exceptions=current.exceptions,
    )
    assert same == current
    assert same.version == 1
    assert world.practice.agreements.count() == 1


def test_any_changed_part_makes_a_new_version(world: World) -> None:
    current = world.practice.current_agreement()
    assert current is not None
    new = agreement_publish(
        practice=world.practice,
        by=world.owner,
        terms=current.terms,
        confidentiality=current.confidentiality,
        exceptions=current.exceptions + "\nA new exception.",
    )
    assert new.version == 2
    again = agreement_publish(
        practice=world.practice,
        by=world.owner,
        terms=current.terms,
        confidentiality=current.confidentiality,
        exceptions=current.exceptions,
    )
    assert again.version == 3  # going back to old words is still a new version


def test_agreement_versions_are_per_practice(world: World) -> None:
    agreement_publish(
        practice=world.practice, by=world.owner, terms="T", confidentiality="C", exceptions="E"
    )
    other = Membership.objects.get(user=world.outsider).practice
    current = other.current_agreement()
    assert current is not None
    assert current.version == 1


# coach invitations ----------------------------------------------------------


def test_coach_invitation_is_emailed_with_a_working_link(
    world: World, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        invitation = practice_invite_coach(
            practice=world.practice, by=world.owner, email="  New.Coach@Example.com "
        )
    assert invitation.email == "new.coach@example.com"
    assert invitation.is_open
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.coach@example.com"]
    assert world.practice.name in message.body
    raw = link_token(message.body, "coach_invitation")
    assert coach_invitation_by_token(raw) == invitation
    assert invitation.token_hash != raw


def test_accepting_a_coach_invitation_makes_a_coach(
    world: World, django_capture_on_commit_callbacks
) -> None:
    newcomer = person("nina@example.com", "Nina New")
    with django_capture_on_commit_callbacks(execute=True):
        practice_invite_coach(practice=world.practice, by=world.owner, email=newcomer.email)
    raw = link_token(mail.outbox[0].body, "coach_invitation")
    invitation = coach_invitation_by_token(raw)
    assert invitation is not None

    membership = coach_invitation_accept(invitation=invitation, user=newcomer)

    assert membership.practice == world.practice
    assert membership.role == MemberRole.COACH
    assert CoachProfile.objects.filter(user=newcomer).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    assert coach_invitation_by_token(raw) is None
    with pytest.raises(ValidationError, match="already been used"):
        coach_invitation_accept(invitation=invitation, user=person("x@example.com"))
    assert world.practice.memberships.count() == 3


def test_a_stale_copy_of_a_coach_invitation_cannot_be_accepted_again(world: World) -> None:
    invitation = practice_invite_coach(
        practice=world.practice, by=world.owner, email="nina@example.com"
    )
    stale = CoachInvitation.objects.get(pk=invitation.pk)
    coach_invitation_accept(invitation=invitation, user=person("nina@example.com"))
    with pytest.raises(ValidationError, match="already been used"):
        coach_invitation_accept(invitation=stale, user=person("eve@example.com"))
    assert not Membership.objects.filter(user__email="eve@example.com").exists()


def test_a_member_cannot_be_invited_again(world: World) -> None:
    with pytest.raises(ValidationError, match="already a coach"):
        practice_invite_coach(practice=world.practice, by=world.owner, email="CARL@example.com")
    assert not CoachInvitation.objects.filter(
        email="carl@example.com", accepted_at__isnull=True
    ).exists()


def test_unknown_coach_token_finds_nothing(world: World) -> None:
    assert coach_invitation_by_token("nope") is None


# memberships ----------------------------------------------------------------


def test_the_last_owner_cannot_be_removed(world: World) -> None:
    owner_membership = Membership.objects.get(user=world.owner, practice=world.practice)
    with pytest.raises(ValidationError, match="at least one owner"):
        membership_remove(membership=owner_membership, by=world.owner)
    assert Membership.objects.filter(pk=owner_membership.pk).exists()


def test_a_coach_without_open_engagements_can_be_removed(world: World) -> None:
    colleague = Membership.objects.get(user=world.colleague, practice=world.practice)
    membership_remove(membership=colleague, by=world.owner)
    assert not Membership.objects.filter(pk=colleague.pk).exists()


def test_an_owner_can_leave_once_another_owner_exists_and_engagements_are_closed(
    world: World,
) -> None:
    owner_membership = Membership.objects.get(user=world.owner, practice=world.practice)
    colleague = Membership.objects.get(user=world.colleague, practice=world.practice)
    membership_set_role(membership=colleague, role=MemberRole.OWNER)
    with pytest.raises(ValidationError, match="open engagements"):
        membership_remove(membership=owner_membership, by=world.colleague)
    engagement_set_status(
        engagement=world.engagement, status=EngagementStatus.CONCLUDED, by=world.owner
    )
    membership_remove(membership=owner_membership, by=world.colleague)
    assert list(world.practice.memberships.values_list("user__email", "role")) == [
        ("carl@example.com", "owner")
    ]


def test_the_last_owner_cannot_be_demoted(world: World) -> None:
    owner_membership = Membership.objects.get(user=world.owner, practice=world.practice)
    with pytest.raises(ValidationError, match="at least one owner"):
        membership_set_role(membership=owner_membership, role=MemberRole.COACH)
    owner_membership.refresh_from_db()
    assert owner_membership.role == MemberRole.OWNER


# resending and withdrawing a coach invitation -----------------------------------------------


def _invite_long_ago(world: World, email: str = "nina@example.com") -> CoachInvitation:
    invitation = practice_invite_coach(practice=world.practice, by=world.owner, email=email)
    CoachInvitation.objects.filter(pk=invitation.pk).update(
        sent_at=timezone.now() - timedelta(hours=2)
    )
    invitation.refresh_from_db()
    return invitation


def test_resending_a_coach_invitation_emails_a_new_link_and_retires_the_old(
    world: World, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        invitation = _invite_long_ago(world)
    first = link_token(mail.outbox[-1].body, "coach_invitation")
    with django_capture_on_commit_callbacks(execute=True):
        coach_invitation_resend(invitation=invitation, by=world.owner)
    assert len(mail.outbox) == 2
    assert mail.outbox[-1].to == ["nina@example.com"]
    second = link_token(mail.outbox[-1].body, "coach_invitation")
    assert second != first
    assert coach_invitation_by_token(first) is None
    assert coach_invitation_by_token(second) == invitation


def test_an_invitation_is_not_sent_again_within_a_minute(world: World) -> None:
    invitation = practice_invite_coach(
        practice=world.practice, by=world.owner, email="nina@example.com"
    )
    with pytest.raises(ValidationError, match="less than a minute ago"):
        coach_invitation_resend(invitation=invitation, by=world.owner)


def test_a_withdrawn_invitation_cannot_be_sent_again_or_accepted(
    world: World, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        invitation = _invite_long_ago(world)
    raw = link_token(mail.outbox[-1].body, "coach_invitation")
    coach_invitation_withdraw(invitation=invitation, by=world.owner)
    assert coach_invitation_by_token(raw) is None
    assert coach_invitation_withdrawn(raw)
    with pytest.raises(ValidationError, match="withdrawn"):
        coach_invitation_resend(invitation=invitation, by=world.owner)
    with pytest.raises(ValidationError, match="withdrawn"):
        coach_invitation_withdraw(invitation=invitation, by=world.owner)


def test_an_accepted_invitation_cannot_be_withdrawn(world: World) -> None:
    invitation = _invite_long_ago(world)
    coach_invitation_accept(invitation=invitation, user=person("nina@example.com"))
    with pytest.raises(ValidationError, match="already joined"):
        coach_invitation_withdraw(invitation=invitation, by=world.owner)


def test_an_open_invitation_is_not_made_twice(world: World) -> None:
    practice_invite_coach(practice=world.practice, by=world.owner, email="nina@example.com")
    with pytest.raises(ValidationError, match="already invited"):
        practice_invite_coach(practice=world.practice, by=world.owner, email="NINA@example.com")
    assert CoachInvitation.objects.filter(email="nina@example.com").count() == 1
