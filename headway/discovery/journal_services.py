"""Reading the energy journal: its patterns (for the client, and for the coach when shared) and
the client's earlier activities. The writes (add, delete, sharing) are in services.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from headway.core.assessments import energy
from headway.discovery.models import JournalEntry
from headway.engagements.models import Engagement

ACTIVITY_SUGGESTIONS = 30


def journal_patterns(
    engagement: Engagement, *, today: dt.date | None = None, weeks: int = energy.WEEKS
) -> energy.Patterns:
    rows = JournalEntry.objects.filter(engagement=engagement).values_list(
        "occurred_on", "activity", "energy", "flow"
    )  # newest first (the model's ordering): the latest spelling names a group on ties
    return energy.find_patterns(
        (energy.Entry(*row) for row in rows),
        today=today or timezone.localdate(),
        weeks=weeks,
    )


def journal_activities(engagement: Engagement) -> list[str]:
    """The client's earlier activities, most recent first, each spelling once: the quick-add
    form suggests them so that the same activity is written the same way."""
    seen: dict[str, None] = {}
    for activity in JournalEntry.objects.filter(engagement=engagement).values_list(
        "activity", flat=True
    ):
        seen.setdefault(activity.strip(), None)
        if len(seen) >= ACTIVITY_SUGGESTIONS:
            break
    return list(seen)


def _activity(a: energy.Activity) -> dict[str, Any]:
    return {
        "label": a.label,
        "spellings": list(a.spellings),
        "count": a.count,
        "mean_energy": round(a.mean_energy, 2),
        "flow_count": a.flow_count,
    }


def patterns_as_dict(p: energy.Patterns) -> dict[str, Any]:
    """The patterns as JSON: what the coach may see of a shared journal (no entries, no notes)."""
    return {
        "count": p.count,
        "flow_count": p.flow_count,
        "mean_energy": None if p.mean_energy is None else round(p.mean_energy, 2),
        "min_count": p.min_count,
        "activities": [_activity(a) for a in p.activities],
        "energising": [a.label for a in p.energising],
        "draining": [a.label for a in p.draining],
        "flow": [a.label for a in p.flow],
        "weeks": [
            {
                "starts_on": w.starts_on.isoformat(),
                "count": w.count,
                "mean_energy": None if w.mean_energy is None else round(w.mean_energy, 2),
                "flow_count": w.flow_count,
            }
            for w in p.weeks
        ],
    }
