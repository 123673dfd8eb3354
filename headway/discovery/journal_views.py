"""The energy journal page: quick entries and their patterns for the client; for the coach, the
patterns alone and only when the client shares them, never single entries or notes."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from headway.accounts.http import HtmxHttpRequest, current_user
from headway.core.assessments import energy
from headway.discovery.access import get_journal_entry
from headway.discovery.journal_forms import JournalEntryForm
from headway.discovery.journal_services import journal_activities, journal_patterns
from headway.discovery.models import JOURNAL, JournalEntry
from headway.discovery.services import (
    journal_add,
    journal_delete,
    journal_set_sharing,
    journal_shared,
)
from headway.engagements.access import get_engagement
from headway.engagements.models import Engagement

RECENT = 30  # entries listed on the page; the patterns use them all


def _signed(value: float) -> str:
    """+1.5, 0.0, −2.0: with a true minus sign, which screen readers read as "minus"."""
    text = f"{value:+.1f}"
    return "0.0" if text in ("+0.0", "-0.0") else text.replace("-", "\u2212")


def _activity_rows(patterns: energy.Patterns) -> list[dict[str, Any]]:
    """The table by activity, with each mean as a bar either side of a centre line (0-100)."""
    rows = []
    for a in patterns.activities:
        half = abs(a.mean_energy) / energy.ENERGY_MAX * 50
        rows.append(
            {
                "activity": a,
                "also": [s for s in a.spellings if s != a.label],
                "mean": _signed(a.mean_energy),
                "bar_x": round(50 if a.mean_energy >= 0 else 50 - half, 1),
                "bar_width": round(half, 1),
                "positive": a.mean_energy >= 0,
                "flow_percent": round(a.flow_share * 100),
            }
        )
    return rows


def _patterns_context(engagement: Engagement) -> dict[str, Any]:
    patterns = journal_patterns(engagement)
    return {
        "patterns": patterns,
        "chart": energy.week_chart(patterns.weeks),
        "activity_rows": _activity_rows(patterns),
    }


def _live_context(engagement: Engagement, request: HttpRequest) -> dict[str, Any]:
    """What the quick add refreshes: the patterns, the recent entries, the suggestions."""
    entries = engagement.journal_entries.all()
    return {
        "e": engagement,
        "is_client": True,
        "can_write": engagement.client_may_write(current_user(request)),
        "entries": entries[:RECENT],
        "entry_count": entries.count(),
        "activities": journal_activities(engagement),
        **_patterns_context(engagement),
    }


@login_required
def journal(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    user = current_user(request)
    form = JournalEntryForm(request.POST or None)
    if request.method == "POST":
        engagement.require_client_write(user, JOURNAL)
        if form.is_valid():
            data = form.cleaned_data
            try:
                entry = journal_add(engagement=engagement, by=user, **data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                if request.htmx:
                    live = {**_live_context(engagement, request), "added": entry}
                    return render(request, "discovery/journal/_added.html", live)
                messages.success(request, f"Added “{entry.activity}” to your journal.")
                return redirect("journal", pk=engagement.pk)
        if request.htmx:
            response = render(
                request, "discovery/journal/_form.html", {"e": engagement, "form": form}
            )
            return reswap(retarget(response, "#quick-add"), "outerHTML")
    context: dict[str, Any] = {
        "e": engagement,
        "form": form,
        "nav": "dashboard" if engagement.is_coach(user) else "journey",
    }
    if engagement.is_client(user):
        context.update(_live_context(engagement, request))
        context["shared"] = journal_shared(engagement)
    else:
        context.update({"is_client": False, "shared": journal_shared(engagement)})
        if context["shared"]:
            context.update(_patterns_context(engagement))
    return render(request, "discovery/journal/journal.html", context)


@login_required
def journal_delete_view(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    """A confirm step first (GET), then the delete (POST): an entry is gone for good."""
    entry: JournalEntry = get_journal_entry(request.user, pk, entry_pk)
    entry.engagement.require_client_write(current_user(request), JOURNAL)
    if request.method == "POST":
        journal_delete(entry=entry, by=current_user(request))
        messages.success(request, f"Deleted “{entry.activity}” from your journal.")
        return redirect("journal", pk=pk)
    return render(
        request,
        "discovery/journal/delete.html",
        {"e": entry.engagement, "entry": entry, "nav": "journey"},
    )


@login_required
@require_POST
def journal_sharing(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    user = current_user(request)
    if not engagement.is_client(user) or engagement.is_self_guided:
        raise PermissionDenied("Only the client of a coached journey shares their journal.")
    shared = request.POST.get("shared") == "1"
    journal_set_sharing(engagement=engagement, by=user, shared=shared)
    messages.success(
        request,
        "Your coach can now see the patterns, never single entries or notes."
        if shared
        else "Your journal is private again.",
    )
    return redirect("journal", pk=engagement.pk)


urlpatterns = [
    path("e/<int:pk>/journal/", journal, name="journal"),
    path("e/<int:pk>/journal/sharing/", journal_sharing, name="journal_sharing"),
    path("e/<int:pk>/journal/<int:entry_pk>/delete/", journal_delete_view, name="journal_delete"),
]
