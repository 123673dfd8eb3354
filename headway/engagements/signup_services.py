"""Workflows that make an account and an engagement together: a self-guided start, and
accepting an invitation (signing up first, or opening a practice first), each all or nothing."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from headway.accounts.models import User
from headway.accounts.services import user_signup
from headway.coaching.models import CoachingModel
from headway.engagements.models import Engagement, Invitation
from headway.engagements.services import engagement_start_self_guided, invitation_accept
from headway.practices.models import Membership
from headway.practices.services import practice_create


@transaction.atomic
def self_guided_signup(
    *, email: str, name: str, password: str, model_key: str
) -> tuple[User, Engagement]:
    """A new account and its self-guided journey on one of the built-in models."""
    model = CoachingModel.objects.builtin().filter(key=model_key).first()
    if model is None:
        raise ValidationError("Choose one of the journeys.")
    user = user_signup(email=email, name=name, password=password)
    return user, engagement_start_self_guided(user=user, model=model)


@transaction.atomic
def invitation_accept_as(
    *,
    invitation: Invitation,
    user: User,
    practice_name: str = "",
    bring_from: Engagement | None = None,
) -> Engagement:
    """Accept; a client's request to someone who is not yet a coach opens their practice first."""
    to_coach = invitation.direction == Invitation.Direction.CLIENT_TO_COACH
    if to_coach and not Membership.objects.filter(user=user).exists():
        practice_create(owner=user, name=practice_name)
    return invitation_accept(invitation=invitation, user=user, bring_from=bring_from)


@transaction.atomic
def invitation_accept_signing_up(
    *, invitation: Invitation, email: str, name: str, password: str, practice_name: str = ""
) -> tuple[User, Engagement]:
    """A new account that accepts the invitation it was made for."""
    # Following the emailed link proves the address when it is the invited one.
    verified = email.lower() == invitation.email.lower()
    user = user_signup(email=email, name=name, password=password, verified=verified)
    engagement = invitation_accept_as(invitation=invitation, user=user, practice_name=practice_name)
    return user, engagement
