"""The world the battery aims at: the standard world of tests/helpers.py and, beside it, the
things its cases name (`Ctx`): a practice's own model, tokens, invitations, requests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from headway.accounts.models import ApiToken, User, new_token
from headway.accounts.services import api_token_create, verification_token
from headway.coaching.models import CoachingModel
from headway.coaching.services import coaching_model_clone
from headway.concluding.services import engagement_conclude
from headway.engagements.models import Engagement, EngagementStatus
from headway.engagements.services import (
    engagement_invite_client,
    engagement_request_coach,
    invitation_decline,
)
from headway.practices.models import CoachInvitation, CoachProfile, Membership
from headway.practices.services import intro_request_create
from tests.helpers import World, transition_model


@dataclass
class Ctx:
    world: World
    own_model: CoachingModel  # a model of the owner's practice (the colleague's too)
    builtin: CoachingModel
    token: ApiToken  # the owner's personal API token
    open_invite: str  # raw token of an open coach-to-client invitation
    used_invite: str  # raw token of a declined one
    coach_invite: str  # raw token of an open invitation to join the owner's practice
    unverified: User
    unverified_token: str

    def user(self, role: str) -> User | None:
        """The person behind a role; `concluded` is the coached client (see `conclude`)."""
        people = {**self.world.battery(), "solo": self.world.solo}
        return people["client" if role == "concluded" else role]

    def conclude(self) -> None:
        """What the `concluded` role stands for: the coach concludes the coached engagement."""
        # A copy: the world's own engagement stays as it was when the savepoint rolls back.
        e = Engagement.objects.get(pk=self.world.engagement.pk)
        if e.status != EngagementStatus.CONCLUDED:  # a setup may have concluded it already
            engagement_conclude(engagement=e, by=self.world.owner)

    @property
    def colleague_membership(self) -> Membership:
        return Membership.objects.get(user=self.world.colleague)


def make_ctx(world: World) -> Ctx:
    own = coaching_model_clone(
        source=transition_model().latest_version(),
        practice_id=world.practice.pk,
        by=world.owner,
        name="Northstar Method",
    )
    token, _ = api_token_create(user=world.owner, name="calendar script")
    membership = Membership.objects.get(user=world.owner)
    _, open_raw = engagement_invite_client(
        coach=world.owner,
        membership=membership,
        email="nina@example.com",
        name="Nina New",
        model=transition_model(),
    )
    declined, used_raw = engagement_invite_client(
        coach=world.owner,
        membership=membership,
        email="dora@example.com",
        name="Dora Declined",
        model=transition_model(),
    )
    invitation_decline(invitation=declined.invitations.get())
    coach_raw, digest = new_token()
    CoachInvitation.objects.create(
        practice=world.practice,
        email="nora@example.com",
        invited_by=world.owner,
        token_hash=digest,
        sent_at=timezone.now() - timedelta(hours=1),  # long enough ago to send again
    )
    CoachProfile.objects.filter(user=world.owner).update(is_public=True)
    engagement_request_coach(
        engagement=world.solo_engagement, by=world.solo, email=world.owner.email, message="Hello"
    )
    intro_request_create(
        profile=CoachProfile.objects.get(user=world.owner),
        name="Ivy",
        email="ivy@example.com",
        message="",
    )
    unverified = User.objects.create_user(email="vera@example.com", name="Vera", password="x")
    return Ctx(
        world=world,
        own_model=own,
        builtin=transition_model(),
        token=token,
        open_invite=open_raw,
        used_invite=used_raw,
        coach_invite=coach_raw,
        unverified=unverified,
        unverified_token=verification_token(unverified),
    )
