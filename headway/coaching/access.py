"""Scoped fetches of coaching models: 404 for a model the person may not use, whether or not
it exists (pages and the API alike)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from headway.accounts.models import User
from headway.coaching.models import CoachingModel, CoachingModelQuerySet
from headway.practices.access import get_membership, membership_of


def available_models(user: User) -> CoachingModelQuerySet:
    """The built-ins, and the models of the person's practice when they coach."""
    membership = membership_of(user)
    return CoachingModel.objects.available_to(membership.practice_id if membership else None)


def get_coaching_model(user: User, model_id: int) -> CoachingModel:
    """The model, if this person may use it; 404 otherwise."""
    return get_object_or_404(available_models(user), pk=model_id)


def get_model(user: User, pk: int) -> CoachingModel:
    """For a coach: a built-in model or one of their practice's; 404 otherwise (and for
    people who do not coach: the model pages are the coach's)."""
    membership = get_membership(user)
    return get_object_or_404(CoachingModel.objects.available_to(membership.practice_id), pk=pk)


def get_own_model(user: User, pk: int) -> CoachingModel:
    """A model the coach's practice owns and may edit; 404 otherwise (built-ins are cloned,
    not edited)."""
    membership = get_membership(user)
    return get_object_or_404(
        CoachingModel, pk=pk, practice_id=membership.practice_id, archived=False
    )
