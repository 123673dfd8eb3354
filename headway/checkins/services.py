"""Check-in writes (the client's own) and the facts the signals are computed from."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from headway.accounts.models import User
from headway.checkins.models import CHECKINS, ENERGY_MAX, ENERGY_MIN, CheckIn
from headway.core.followup.signals import RECENT_DAYS, CheckInFacts, Signal, checkin_signals
from headway.engagements.models import Engagement, EngagementStatus
from headway.goals.models import GoalStatus, Step
from headway.goals.services import step_set_done

MAX_TEXT = 4000


def open_steps(engagement: Engagement) -> QuerySet[Step]:
    """The steps a check-in may tick done: not done yet, on one of the active goals."""
    return (
        Step.objects.filter(
            goal__engagement=engagement, goal__status=GoalStatus.ACTIVE, done_at__isnull=True
        )
        .select_related("goal")
        .order_by("goal__position", "goal__pk", "position", "pk")
    )


@transaction.atomic
def checkin_add(
    *,
    engagement: Engagement,
    by: User,
    energy: int,
    progress: str = "",
    obstacles: str = "",
    win: str = "",
    steps: Sequence[Step] = (),
) -> CheckIn:
    engagement.require_client_write(by, CHECKINS)
    if not ENERGY_MIN <= energy <= ENERGY_MAX:
        raise ValidationError(f"Energy is a number from {ENERGY_MIN} to {ENERGY_MAX}.")
    texts = {"progress": progress, "obstacles": obstacles, "win": win}
    if any(len(t) > MAX_TEXT for t in texts.values()):
        raise ValidationError(f"Keep each answer under {MAX_TEXT} characters.")
    allowed = set(open_steps(engagement).values_list("pk", flat=True))
    if any(s.pk not in allowed for s in steps):
        raise ValidationError("Only open steps of your active goals can be ticked done here.")
    check_in = CheckIn.objects.create(
        engagement=engagement, energy=energy, **{k: v.strip() for k, v in texts.items()}
    )
    for step in steps:
        step_set_done(step=step, by=by, done=True)
    check_in.steps_done.set(steps)
    engagement.touch()
    return check_in


def checkin_facts(
    engagements: Iterable[Engagement], *, now: dt.datetime | None = None
) -> dict[int, CheckInFacts]:
    """The facts for each engagement, in four queries however many engagements there are
    (the dashboard asks for all of a coach's clients at once)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    by_pk = {e.pk: e for e in engagements}
    dates: dict[int, list[dt.date]] = defaultdict(list)
    energies: dict[int, list[int]] = defaultdict(list)
    latest: dict[int, tuple[int, dt.datetime]] = {}
    for pk, checkin_pk, at, energy in (
        CheckIn.objects.filter(engagement__in=by_pk)
        .order_by("created_at", "pk")
        .values_list("engagement_id", "pk", "created_at", "energy")
    ):
        dates[pk].append(timezone.localdate(at))
        energies[pk].append(energy)
        latest[pk] = (checkin_pk, at)
    # Only the latest check-in's words are decrypted: they decide whether it sounds worried.
    texts = {
        pk: " \n".join(parts)
        for pk, *parts in CheckIn.objects.filter(
            pk__in=[checkin_pk for checkin_pk, _ in latest.values()]
        ).values_list("engagement_id", "progress", "obstacles", "win")
    }
    since = today - dt.timedelta(days=RECENT_DAYS)
    overdue: dict[int, int] = defaultdict(int)
    overdue_recently: dict[int, int] = defaultdict(int)
    done_recently: dict[int, int] = defaultdict(int)
    for pk, due_on, done_at in Step.objects.filter(
        Q(done_at__isnull=True, due_on__lt=today) | Q(done_at__gte=now - dt.timedelta(RECENT_DAYS)),
        goal__engagement__in=by_pk,
        goal__status=GoalStatus.ACTIVE,
    ).values_list("goal__engagement_id", "due_on", "done_at"):
        if done_at is not None:
            done_recently[pk] += 1
        else:
            overdue[pk] += 1
            overdue_recently[pk] += due_on is not None and due_on >= since
    return {
        pk: CheckInFacts(
            today=today,
            started_on=timezone.localdate(e.created_at),
            active=e.status == EngagementStatus.ACTIVE,
            check_in_dates=tuple(dates[pk]),
            energies=tuple(energies[pk]),
            steps_overdue=overdue[pk],
            steps_overdue_recently=overdue_recently[pk],
            steps_done_recently=done_recently[pk],
            latest_at=latest[pk][1] if pk in latest else None,
            latest_text=texts.get(pk, ""),
        )
        for pk, e in by_pk.items()
    }


def engagement_signals(engagement: Engagement) -> tuple[Signal, ...]:
    if not engagement.is_open or engagement.status == EngagementStatus.INVITED:
        return ()
    return checkin_signals(checkin_facts([engagement])[engagement.pk])
