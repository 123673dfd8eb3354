"""Scoped fetches for booking: a coach's own session types and busy calendars, a client's own
session; 404 for anyone else."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from headway.accounts.models import User
from headway.booking.models import BusyCalendar, SessionType
from headway.engagements.access import get_engagement
from headway.meetings.models import Session
from headway.practices.access import get_membership


def get_session_type(user: User, type_pk: int) -> SessionType:
    """One of the coach's own session types; 404 for anyone else."""
    return get_object_or_404(SessionType, pk=type_pk, coach=get_membership(user).user)


def get_calendar(user: User, calendar_pk: int) -> BusyCalendar:
    """One of the coach's own busy calendars; 404 for anyone else."""
    return get_object_or_404(BusyCalendar, pk=calendar_pk, coach=get_membership(user).user)


def get_own_session(user: Any, pk: int, session_pk: int) -> Session:
    """A session of an engagement the person is the client of; 404 for anyone else."""
    engagement = get_engagement(user, pk)
    if not engagement.is_client(user):
        raise Http404("Only the client moves their session here.")
    session = get_object_or_404(Session, pk=session_pk, engagement=engagement)
    session.engagement = engagement
    return session
