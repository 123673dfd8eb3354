"""Access battery cases for the self-discovery pages (run by tests/battery/test_pages.py).

Self-discovery is the client's: the coach of the engagement reads the overview, assigns, and
sees completed results the client shares; an assessment in progress is the client's alone.
"""

from __future__ import annotations

from django.utils import timezone

from headway.discovery.models import Assessment, JournalEntry, Kind
from headway.discovery.services import journal_shared
from tests.battery import setups as s
from tests.battery.cases import exists, gone, hidden, page
from tests.battery.world import Ctx

E = s.coached
BOTH = hidden(owner=200, client=200)
CLIENT_WRITES = hidden(owner=403, client=302)  # the client takes it; the coach assigns
READINESS = (E, Kind.READINESS.value, s.assessment(Kind.READINESS))
SKILLS = (E, s.assessment(Kind.SKILLS))
ENTRY = (E, s.journal_entry)
assigned = exists(Assessment, engagement=E, assigned_by__isnull=False)
readiness_gone = gone(Assessment, engagement=E, kind=Kind.READINESS)


def _started(c: Ctx) -> bool:
    return s.assessment(Kind.READINESS)(c).started_at is not None


def _not_shared(c: Ctx) -> bool:
    return not s.assessment(Kind.READINESS)(c).shared_with_coach


def _has_entry(activity: str) -> bool:
    # Activities are encrypted at rest: the database cannot filter on them.
    return any(e.activity == activity for e in JournalEntry.objects.all())


def _entry_form(c: Ctx) -> dict[str, str]:
    today = timezone.localdate().isoformat()
    return {"activity": "Mentoring a student", "energy": "2", "occurred_on": today}


# fmt: off
DISCOVERY_CASES = [
    page("discovery", "get", BOTH, E),
    page("discovery", "get", hidden(solo=200), s.solo, label="self-guided"),
    page("discovery_assign", "post", hidden(owner=302, client=403), E, data={"kind": "values"}, changed=assigned),
    page("discovery_kind", "get", BOTH, E, "values"),
    page("discovery_kind", "post", CLIENT_WRITES, E, "values", changed=exists(Assessment, engagement=E, kind=Kind.VALUES)),
    page("discovery_summary", "get", BOTH, E),
    page("discovery_summary_pdf", "get", BOTH, E),
    page("assessment", "get", hidden(client=200), *READINESS, label="in progress"),
    page("assessment_save", "post", hidden(client=302), *READINESS, label="in progress", changed=_started),
    page("assessment_complete", "post", hidden(client=302), *READINESS, label="in progress"),
    page("assessment_share", "post", hidden(client=302), *READINESS, label="in progress", data={"shared": "0"}, changed=_not_shared),
    page("assessment_discard", "post", hidden(client=302), *READINESS, label="in progress", changed=readiness_gone),
    page("skills_resume", "get", hidden(client=200), *SKILLS, label="in progress"),
    page("skills_resume", "post", hidden(client=200), *SKILLS, label="in progress"),  # no file: the form says what is missing
    page("skills_resume_review", "get", hidden(client=302), *SKILLS, label="in progress"),  # nothing imported yet: back to the upload
    page("skills_pathways", "get", hidden(client=302), *SKILLS, label="in progress"),  # not finished: back to the assessment
    page("journal", "get", BOTH, E),
    # The journal is the client's own.
    page("journal", "post", CLIENT_WRITES, E, data=_entry_form, changed=lambda c: _has_entry("Mentoring a student")),
    page("journal_sharing", "post", CLIENT_WRITES, E, data={"shared": "1"}, changed=lambda c: journal_shared(c.world.engagement)),
    # No coach to share with.
    page("journal_sharing", "post", hidden(solo=403), s.solo, label="self-guided", data={"shared": "1"}),
    # The coach never sees single entries, shared or not.
    page("journal_delete", "get", hidden(client=200), *ENTRY),
    page("journal_delete", "post", hidden(client=302), *ENTRY, changed=lambda c: not _has_entry("Ward round")),
]
# fmt: on
