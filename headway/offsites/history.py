"""The history of an engagement's offsites, side by side: what each ended with (insights,
priorities and what became of them), the values and energy then, and the same now. The
coach sees values and energy only where the client shares them."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from headway.accounts.models import User
from headway.core.planning import offsite as core
from headway.discovery.services import journal_shared
from headway.engagements.models import Engagement
from headway.offsites.models import Offsite, OffsiteStatus, Priority
from headway.offsites.services import answers_of, journal_entries, values_facts


@dataclass(frozen=True)
class HistoryColumn:
    column: core.Column
    offsite: Offsite | None
    priorities: tuple[Priority, ...]
    values_hidden: bool


def _snapshot(offsite: Offsite, *, for_coach: bool, journal_open: bool) -> core.Snapshot:
    snap = offsite.snapshot or {}
    answers = answers_of(offsite)
    insights = answers.get(core.INSIGHTS_KEY)
    values = snap.get("values_top") or []
    show_values = not for_coach or bool(snap.get("values_shared"))
    return core.Snapshot(
        held_on=offsite.held_on,
        insights=insights.text if insights else "",
        values_top=tuple(values) if show_values else (),
        energy_mean=snap.get("energy_mean") if journal_open else None,
        energising=tuple(snap.get("energising") or ()) if journal_open else (),
        draining=tuple(snap.get("draining") or ()) if journal_open else (),
    )


def history_columns(engagement: Engagement, user: User) -> list[HistoryColumn]:
    for_coach = not engagement.is_client(user)
    journal_open = not for_coach or journal_shared(engagement)
    done = list(
        Offsite.objects.filter(engagement=engagement, status=OffsiteStatus.COMPLETED)
        .prefetch_related("priority_rows__goal")
        .order_by("completed_at")
    )
    for o in done:
        o.engagement = engagement
    snapshots = [_snapshot(o, for_coach=for_coach, journal_open=journal_open) for o in done]
    since = done[-1].held_on if done else None
    values = values_facts(engagement, for_coach=for_coach)
    found = core.highlights(
        since=since,
        today=timezone.localdate(),
        values_now=values,
        values_then=None,
        journal=journal_entries(engagement, for_coach=for_coach),
    )
    now = core.Snapshot(
        held_on=None,
        values_top=values.top[:5] if values else (),
        energy_mean=found.mean_energy if journal_open else None,
        energising=found.energising if journal_open else (),
        draining=found.draining if journal_open else (),
    )
    columns = core.compare(snapshots, now)
    rows = []
    for index, column in enumerate(columns):
        offsite = done[index] if index < len(done) else None
        priorities = tuple(offsite.priority_rows.all()) if offsite else ()
        hidden = (
            for_coach and offsite is not None and not (offsite.snapshot or {}).get("values_shared")
        )
        rows.append(HistoryColumn(column, offsite, priorities, hidden))
    return rows
