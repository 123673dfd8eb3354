"""The "Who I am" summary: the latest result of every assessment on one page, and as a PDF.

The coach's summary holds only what the client shares; the client's holds everything and
marks what stays private.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify

from headway.accounts.http import current_user, pdf_response
from headway.discovery.journal_services import journal_patterns
from headway.discovery.kinds import KindSpec, specs
from headway.discovery.models import Assessment
from headway.discovery.services import journal_shared
from headway.engagements.access import get_engagement
from headway.engagements.models import Engagement


@dataclass(frozen=True)
class Section:
    spec: KindSpec
    assessment: Assessment | None

    @property
    def headline(self) -> str:
        a = self.assessment
        return self.spec.headline(a.result) if a is not None and a.result else ""


def summary_sections(engagement: Engagement, *, for_client: bool) -> list[Section]:
    """The latest completed result of each kind the viewer may see, in the model's order."""
    done = engagement.assessments.completed()
    if not for_client:
        done = done.filter(shared_with_coach=True)
    latest: dict[str, Assessment] = {}
    for a in done.order_by("-completed_at", "-pk"):
        latest.setdefault(a.kind, a)
    return [Section(s, latest.get(s.kind)) for s in specs()]


def _context(request: HttpRequest, pk: int) -> dict[str, Any]:
    engagement = get_engagement(request.user, pk)
    is_client = engagement.is_client(current_user(request))
    sections = summary_sections(engagement, for_client=is_client)
    journal = None
    if is_client or journal_shared(engagement):
        journal = journal_patterns(engagement)
    return {
        "journal": journal if journal is not None and journal.count else None,
        "e": engagement,
        "is_client": is_client,
        "sections": sections,
        "done": [s for s in sections if s.assessment is not None],
        "today": timezone.localdate(),
    }


@login_required
def summary(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "discovery/summary.html", _context(request, pk))


@login_required
def summary_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    context = _context(request, pk)
    name = slugify(f"who-i-am-{context['e'].client_name}") or "who-i-am"
    return pdf_response(request, "discovery/summary_pdf.html", context, filename=name)
