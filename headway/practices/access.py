"""Scoped fetches of a practice's memberships: a coach's own, else 404 (or 403 for a non-owner)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from headway.accounts.models import User
from headway.practices.models import Membership


def membership_of(user: User) -> Membership | None:
    """The practice this coach works in (the first one, for a coach in several)."""
    return Membership.objects.select_related("practice").filter(user=user).first()


def get_membership(user: User) -> Membership:
    """The coach's practice membership; 404 for people who are not coaches."""
    membership = membership_of(user)
    if membership is None:
        raise Http404("Not a coach")
    return membership


def get_owner_membership(
    user: User, why: str = "Only the practice owner manages the practice."
) -> Membership:
    """The owner's membership: 404 for people who are not coaches, 403 (saying `why`) for a
    coach who does not own the practice."""
    membership = get_membership(user)
    if not membership.is_owner:
        raise PermissionDenied(why)
    return membership
