"""The demo's check-ins: Grace checks in between sessions; her energy has been sliding
since the night shifts came back, which the coach's dashboard flags with a question."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from headway.accounts.models import User
from headway.checkins.models import CheckIn
from headway.checkins.services import checkin_add
from headway.engagements.models import Engagement

CHECK_INS = [
    # days ago, energy, progress, obstacles, win
    (
        20,
        8,
        "Booked the usability course and emailed Ana.",
        "",
        "Ana said yes to a coffee straight away.",
    ),
    (
        12,
        6,
        "Two of three colleague sessions done.",
        "Back on nights for two weeks; hard to read after a shift.",
        "A ward sister asked to see the case study when it is done.",
    ),
    (
        4,
        4,
        "Not much: drafted the case study outline.",
        "Nights again, and my son was ill.",
        "",
    ),
]


def demo_checkins_load(
    engagement: Engagement, *, client: User, ago: Callable[[float], datetime]
) -> None:
    for days, energy, progress, obstacles, win in CHECK_INS:
        checkin = checkin_add(
            engagement=engagement,
            by=client,
            energy=energy,
            progress=progress,
            obstacles=obstacles,
            win=win,
        )
        CheckIn.objects.filter(pk=checkin.pk).update(created_at=ago(days))
