"""Access battery cases for the sessions pages (run by tests/test_views_access.py).

Coach and client of a coached engagement see its sessions; only the coach schedules, moves
and cancels them; both add topics. A self-guided journey has a sessions page with a note.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.urls import reverse
from django.utils import timezone

from headway.meetings.models import Session, SessionStatus, SessionTopic
from tests.access import Case, Ctx, hidden


def _session(c: Ctx) -> Session:
    e = c.world.engagement
    found = Session.objects.filter(engagement=e).first()
    if found is not None:
        return found
    return Session.objects.create(
        engagement=e,
        starts_at=timezone.now() + dt.timedelta(days=3),
        time_zone="Europe/London",
        created_by=c.world.owner,
    )


def _s(name: str) -> Callable[[Ctx], str]:
    return lambda c: reverse(name, args=[c.world.engagement.pk, _session(c).pk])


def _form(c: Ctx) -> dict[str, Any]:
    day = timezone.localdate() + dt.timedelta(days=8)
    return {
        "day": day.isoformat(),
        "time": "18:00",
        "zone": "Europe/London",
        "duration_minutes": "60",
        "place": "Room 4",
        "agenda": "",
    }


SESSION_CASES = [
    Case(
        "sessions",
        "coached",
        "get",
        lambda c: reverse("sessions", args=[c.world.engagement.pk]),
        hidden(owner=200, client=200),
    ),
    Case(
        "sessions",
        "coached",
        "post",
        lambda c: reverse("sessions", args=[c.world.engagement.pk]),
        hidden(owner=302, client=403),
        data=_form,
        changed=lambda c: Session.objects.filter(place="Room 4").exists(),
    ),
    Case(
        "sessions",
        "self-guided",
        "get",
        lambda c: reverse("sessions", args=[c.world.solo_engagement.pk]),
        hidden(solo=200),
    ),
    Case(
        "sessions",
        "self-guided",
        "post",
        lambda c: reverse("sessions", args=[c.world.solo_engagement.pk]),
        hidden(solo=403),
        data=_form,
        changed=lambda c: Session.objects.exists(),
    ),
    Case("session_detail", "coached", "get", _s("session_detail"), hidden(owner=200, client=200)),
    Case(
        "session_reschedule",
        "coached",
        "post",
        _s("session_reschedule"),
        hidden(owner=302, client=403),
        data=_form,
        changed=lambda c: Session.objects.filter(sequence=1).exists(),
    ),
    Case(
        "session_cancel",
        "coached",
        "post",
        _s("session_cancel"),
        hidden(owner=302, client=403),
        data=lambda c: {"reason": "Ill"},
        changed=lambda c: Session.objects.filter(status=SessionStatus.CANCELLED).exists(),
    ),
    Case(
        "session_topics",
        "coached",
        "post",
        _s("session_topics"),
        hidden(owner=302, client=302),
        data=lambda c: {"text": "My CV"},
        changed=lambda c: SessionTopic.objects.exists(),
    ),
]
