"""Scoped fetches: each returns the object only to someone allowed to see it, else 404."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django_htmx.middleware import HtmxDetails

from headway.accounts.models import User
from headway.engagements.models import Engagement
from headway.practices.models import Membership


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def current_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User), "views using this are behind login_required"
    return user


def get_engagement(request: HttpRequest, pk: int) -> Engagement:
    """The engagement, for its coach or its client; 404 for everyone else."""
    return get_object_or_404(
        Engagement.objects.visible_to(request.user).select_related(
            "client", "coach", "practice", "stage", "model_version__model"
        ),
        pk=pk,
    )


def get_membership(request: HttpRequest) -> Membership:
    """The signed-in coach's practice membership; 404 for people who are not coaches."""
    membership = (
        Membership.objects.select_related("practice").filter(user=current_user(request)).first()
    )
    if membership is None:
        raise Http404("Not a coach")
    return membership


def get_owner_membership(
    request: HttpRequest, why: str = "Only the practice owner manages the practice."
) -> Membership:
    """The signed-in owner's membership: 404 for people who are not coaches, 403 (saying
    `why`) for a coach who does not own the practice."""
    membership = get_membership(request)
    if not membership.is_owner:
        raise PermissionDenied(why)
    return membership
