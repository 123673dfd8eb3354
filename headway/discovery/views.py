"""Self-discovery pages common to every assessment kind: the overview, assigning, starting,
autosaving, completing, sharing and the history of results.

What differs between kinds (the form, the scoring, the result) comes from the kind's
`KindSpec` in discovery/kinds/.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from headway.accounts.http import HtmxHttpRequest, current_user
from headway.discovery.access import get_assessment, get_kind
from headway.discovery.forms import AssignForm
from headway.discovery.kinds import KindSpec, spec, specs
from headway.discovery.models import ASSESSMENTS, Assessment, Kind
from headway.discovery.services import (
    assessment_assign,
    assessment_complete,
    assessment_discard,
    assessment_save,
    assessment_set_sharing,
    assessment_start,
)
from headway.engagements.access import get_engagement
from headway.engagements.models import Engagement


@dataclass(frozen=True)
class KindRow:
    """One line of the overview: a kind with its open and latest completed assessment."""

    spec: KindSpec
    open: Assessment | None
    latest: Assessment | None
    completed: int

    @property
    def headline(self) -> str:
        return self.spec.headline(self.latest.result or {}) if self.latest else ""


def kind_rows(engagement: Engagement, *, for_client: bool) -> list[KindRow]:
    everything = list(engagement.assessments.all())
    rows = []
    for s in specs():
        mine = [a for a in everything if a.kind == s.kind]
        done = [a for a in mine if a.is_completed and (for_client or a.shared_with_coach)]
        open_ = next((a for a in mine if not a.is_completed), None)
        rows.append(KindRow(s, open_, done[0] if done else None, len(done)))
    return rows


@login_required
def discovery_home(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    is_client = engagement.is_client(current_user(request))
    return render(
        request,
        "discovery/home.html",
        {
            "e": engagement,
            "rows": kind_rows(engagement, for_client=is_client),
            "is_client": is_client,
            "can_write": engagement.client_may_write(current_user(request)),
            "assign_form": None if is_client else AssignForm(),
        },
    )


@login_required
@require_POST
def discovery_assign(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    user = current_user(request)
    if not engagement.is_coach(user):
        raise PermissionDenied("Only the coach assigns assessments.")
    form = AssignForm(request.POST)
    if form.is_valid():
        try:
            assessment = assessment_assign(
                engagement=engagement,
                by=user,
                kind=form.cleaned_data["kind"],
                due_on=form.cleaned_data["due_on"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, f"{assessment.get_kind_display()} assigned to {engagement.client_name}."
            )
    else:
        messages.error(request, "Choose an assessment and a valid due date.")
    return redirect("discovery", pk=engagement.pk)


@login_required
def discovery_kind(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """The history of one kind, oldest to newest with what changed; the client starts here."""
    engagement = get_engagement(request.user, pk)
    kind_spec = spec(get_kind(kind))
    if request.method == "POST":
        engagement.require_client_write(current_user(request), ASSESSMENTS)
        assessment = assessment_start(
            engagement=engagement, by=current_user(request), kind=kind_spec.kind
        )
        return redirect(assessment)
    is_client = engagement.is_client(current_user(request))
    done = engagement.assessments.completed().of_kind(kind_spec.kind)
    if not is_client:
        done = done.filter(shared_with_coach=True)
    history = list(reversed(done))
    entries = [
        (
            a,
            kind_spec.headline(a.result or {}),
            kind_spec.changes(history[i - 1].result or {}, a.result or {}) if i else [],
        )
        for i, a in enumerate(history)
    ]
    return render(
        request,
        "discovery/kind.html",
        {
            "e": engagement,
            "spec": kind_spec,
            "entries": list(reversed(entries)),  # newest first on the page
            "open": engagement.assessments.open().of_kind(kind_spec.kind).first()
            if is_client
            else None,
            "can_write": engagement.client_may_write(current_user(request)),
        },
    )


def _take_context(a: Assessment, step: str) -> dict[str, Any]:
    kind_spec = spec(a.kind)
    if kind_spec.steps and step not in kind_spec.steps:
        # No step asked for (a return from elsewhere): where the client left off.
        step = a.step if a.step in kind_spec.steps else kind_spec.steps[0]
    return {
        "a": a,
        "e": a.engagement,
        "spec": kind_spec,
        "step": step,
        "responses": a.responses,
        "save_url": reverse("assessment_save", args=[a.engagement_id, a.kind, a.pk]),
        "complete_url": reverse("assessment_complete", args=[a.engagement_id, a.kind, a.pk]),
        **kind_spec.context(a.responses, step),
    }


@login_required
def assessment_view(request: HttpRequest, pk: int, kind: str, apk: int) -> HttpResponse:
    assessment = get_assessment(request.user, pk, kind, apk)
    engagement = assessment.engagement
    if assessment.is_completed:
        prefetch_related_objects([assessment], "replies__author")  # the conversation under it
        return render(
            request,
            "discovery/result.html",
            {
                "a": assessment,
                "e": engagement,
                "spec": spec(assessment.kind),
                "result": assessment.result,
                "is_client": engagement.is_client(current_user(request)),
                "can_reply": engagement.is_open,
            },
        )
    engagement.require_client_write(current_user(request), ASSESSMENTS)
    return render(
        request, "discovery/take.html", _take_context(assessment, request.GET.get("step", ""))
    )


def _back_to_take(assessment: Assessment, step: str) -> HttpResponse:
    url = assessment.get_absolute_url()
    return redirect(f"{url}?step={step}" if step else url)


@login_required
@require_POST
def assessment_save_view(request: HtmxHttpRequest, pk: int, kind: str, apk: int) -> HttpResponse:
    """Every change autosaves here (htmx); without JavaScript the form posts here too and
    `goto` names the step to show next."""
    assessment = get_assessment(request.user, pk, kind, apk)
    assessment.engagement.require_client_write(current_user(request), ASSESSMENTS)
    goto = request.POST.get("goto", request.POST.get("step", ""))
    try:
        assessment_save(
            assessment=assessment, by=current_user(request), data=request.POST, step=goto
        )
    except ValidationError as exc:
        if request.htmx:
            return render(
                request,
                "discovery/_saved.html",
                {"error": " ".join(exc.messages)},
                status=422,
            )
        messages.error(request, " ".join(exc.messages))
        return _back_to_take(assessment, request.POST.get("step", ""))
    if request.htmx:
        return render(request, "discovery/_saved.html", {"a": assessment})
    messages.success(request, "Saved.")
    return _back_to_take(assessment, goto)


@login_required
@require_POST
def assessment_complete_view(request: HttpRequest, pk: int, kind: str, apk: int) -> HttpResponse:
    """Save what the last form carried, then score; if something is missing, say what and keep
    everything entered so far."""
    assessment = get_assessment(request.user, pk, kind, apk)
    assessment.engagement.require_client_write(current_user(request), ASSESSMENTS)
    user = current_user(request)
    step = request.POST.get("step", "")
    try:
        assessment_save(assessment=assessment, by=user, data=request.POST)
        assessment_complete(assessment=assessment, by=user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _back_to_take(assessment, step)
    messages.success(request, f"Your {assessment.kind_in_sentence} result is ready.")
    return redirect(assessment)


@login_required
@require_POST
def assessment_share_view(request: HttpRequest, pk: int, kind: str, apk: int) -> HttpResponse:
    assessment = get_assessment(request.user, pk, kind, apk)
    if not assessment.engagement.is_client(current_user(request)):
        raise PermissionDenied("Only the client decides who sees their results.")
    shared = request.POST.get("shared") == "1"
    assessment_set_sharing(assessment=assessment, by=current_user(request), shared=shared)
    messages.success(
        request,
        "Your coach can see this result." if shared else "This result is now private to you.",
    )
    return redirect(assessment)


@login_required
@require_POST
def assessment_discard_view(request: HttpRequest, pk: int, kind: str, apk: int) -> HttpResponse:
    assessment = get_assessment(request.user, pk, kind, apk)
    assessment.engagement.require_client_write(current_user(request), ASSESSMENTS)
    try:
        assessment_discard(assessment=assessment, by=current_user(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(assessment)
    messages.success(request, "Discarded. Your earlier results are unchanged.")
    return redirect("discovery_kind", pk=pk, kind=Kind(kind).value)
