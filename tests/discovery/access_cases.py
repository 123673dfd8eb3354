"""Access battery cases for the self-discovery pages (run by tests/test_views_access.py).

Self-discovery is the client's: the coach of the engagement reads the overview, assigns, and
sees completed results the client shares; an assessment in progress is the client's alone.
"""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse
from django.utils import timezone

from headway.discovery.models import Assessment, JournalEntry, Kind
from headway.discovery.services import assessment_start, journal_add, journal_shared
from tests.access import Case, Ctx, hidden

KIND = Kind.READINESS


def _open(c: Ctx) -> Assessment:
    """An assessment in progress on the coached engagement (made once per role, by the client)."""
    found = Assessment.objects.filter(engagement=c.world.engagement, kind=KIND).first()
    return found or assessment_start(engagement=c.world.engagement, by=c.world.client, kind=KIND)


def _e(name: str, *extra: str) -> Callable[[Ctx], str]:
    return lambda c: reverse(name, args=[c.world.engagement.pk, *extra])


def _a(name: str) -> Callable[[Ctx], str]:
    return lambda c: reverse(name, args=[c.world.engagement.pk, KIND.value, _open(c).pk])


def _assigned(c: Ctx) -> bool:
    return Assessment.objects.filter(
        engagement=c.world.engagement, assigned_by__isnull=False
    ).exists()


def _started(c: Ctx) -> bool:
    return Assessment.objects.filter(engagement=c.world.engagement, kind=Kind.VALUES).exists()


def _discarded(c: Ctx) -> bool:
    return not Assessment.objects.filter(engagement=c.world.engagement, kind=KIND).exists()


DISCOVERY_CASES = [
    Case("discovery", "coached", "get", _e("discovery"), hidden(owner=200, client=200)),
    Case(
        "discovery",
        "self-guided",
        "get",
        lambda c: reverse("discovery", args=[c.world.solo_engagement.pk]),
        hidden(solo=200),
    ),
    Case(
        "discovery_assign",
        "coached",
        "post",
        _e("discovery_assign"),
        hidden(owner=302, client=403),
        data=lambda c: {"kind": "values"},
        changed=_assigned,
    ),
    Case(
        "discovery_kind",
        "coached",
        "get",
        _e("discovery_kind", "values"),
        hidden(owner=200, client=200),
    ),
    Case(
        "discovery_kind",
        "coached",
        "post",
        _e("discovery_kind", "values"),
        hidden(owner=403, client=302),  # the client takes it; the coach assigns
        changed=_started,
    ),
    Case(
        "discovery_summary",
        "coached",
        "get",
        _e("discovery_summary"),
        hidden(owner=200, client=200),
    ),
    Case(
        "discovery_summary_pdf",
        "coached",
        "get",
        _e("discovery_summary_pdf"),
        hidden(owner=200, client=200),
    ),
    Case("assessment", "in progress", "get", _a("assessment"), hidden(client=200)),
    Case(
        "assessment_save",
        "in progress",
        "post",
        _a("assessment_save"),
        hidden(client=302),
        changed=lambda c: _open(c).started_at is not None,
    ),
    Case(
        "assessment_complete", "in progress", "post", _a("assessment_complete"), hidden(client=302)
    ),
    Case(
        "assessment_share",
        "in progress",
        "post",
        _a("assessment_share"),
        hidden(client=302),
        data=lambda c: {"shared": "0"},
        changed=lambda c: not _open(c).shared_with_coach,
    ),
    Case(
        "assessment_discard",
        "in progress",
        "post",
        _a("assessment_discard"),
        hidden(client=302),
        changed=_discarded,
    ),
]


def _skills(c: Ctx) -> Assessment:
    found = Assessment.objects.filter(engagement=c.world.engagement, kind=Kind.SKILLS).first()
    return found or assessment_start(
        engagement=c.world.engagement, by=c.world.client, kind=Kind.SKILLS
    )


def _s(name: str) -> Callable[[Ctx], str]:
    return lambda c: reverse(name, args=[c.world.engagement.pk, _skills(c).pk])


DISCOVERY_CASES += [
    Case("skills_resume", "in progress", "get", _s("skills_resume"), hidden(client=200)),
    Case(
        "skills_resume",
        "in progress",
        "post",
        _s("skills_resume"),
        hidden(client=200),  # no file: the form says what is missing
    ),
    Case(
        "skills_resume_review",
        "in progress",
        "get",
        _s("skills_resume_review"),
        hidden(client=302),  # nothing imported yet: back to the upload
    ),
    Case(
        "skills_pathways",
        "in progress",
        "get",
        _s("skills_pathways"),
        hidden(client=302),  # not finished: back to the assessment
    ),
]


def _has_entry(activity: str) -> bool:
    # Activities are encrypted at rest: the database cannot filter on them.
    return any(e.activity == activity for e in JournalEntry.objects.all())


def _entry(c: Ctx) -> JournalEntry:
    found = JournalEntry.objects.filter(engagement=c.world.engagement).first()
    return found or journal_add(
        engagement=c.world.engagement, by=c.world.client, activity="Ward round", energy=-1
    )


def _j(name: str) -> Callable[[Ctx], str]:
    return lambda c: reverse(name, args=[c.world.engagement.pk, _entry(c).pk])


DISCOVERY_CASES += [
    Case("journal", "coached", "get", _e("journal"), hidden(owner=200, client=200)),
    Case(
        "journal",
        "coached",
        "post",
        _e("journal"),
        hidden(owner=403, client=302),  # the journal is the client's own
        data=lambda c: {
            "activity": "Mentoring a student",
            "energy": "2",
            "occurred_on": timezone.localdate().isoformat(),
        },
        changed=lambda c: _has_entry("Mentoring a student"),
    ),
    Case(
        "journal_sharing",
        "coached",
        "post",
        _e("journal_sharing"),
        hidden(owner=403, client=302),
        data=lambda c: {"shared": "1"},
        changed=lambda c: journal_shared(c.world.engagement),
    ),
    Case(
        "journal_sharing",
        "self-guided",
        "post",
        lambda c: reverse("journal_sharing", args=[c.world.solo_engagement.pk]),
        hidden(solo=403),  # no coach to share with
        data=lambda c: {"shared": "1"},
    ),
    # The coach never sees single entries, shared or not.
    Case("journal_delete", "coached", "get", _j("journal_delete"), hidden(client=200)),
    Case(
        "journal_delete",
        "coached",
        "post",
        _j("journal_delete"),
        hidden(client=302),
        changed=lambda c: not _has_entry("Ward round"),
    ),
]
