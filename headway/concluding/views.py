"""Concluding pages: readiness to conclude (and the conclusion itself), the self-efficacy
scale, insights in the client's own words, the celebration summary (page and PDF) and the
follow-ups after the end."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from headway.accounts.http import current_user, pdf_response
from headway.concluding.forms import ConcludeForm, EfficacyForm, FollowUpForm, InsightForm
from headway.concluding.journey import celebration_of, insight_of, readiness_of
from headway.concluding.models import FollowUp
from headway.concluding.services import (
    efficacy_record,
    engagement_conclude,
    followup_answer,
    followup_is_open,
    followup_set_declined,
    followups_mark_seen,
    followups_offer,
    insights_save,
    suggested_phase,
)
from headway.core.assessments.efficacy import RATING_MAX, SCALE
from headway.engagements.access import get_engagement
from headway.engagements.models import Engagement


def _base(request: HttpRequest, engagement: Engagement) -> dict[str, Any]:
    user = current_user(request)
    is_client = engagement.is_client(user)
    return {
        "e": engagement,
        "is_client": is_client,
        "is_coach": engagement.is_coach(user),
        "concluded": not engagement.is_open,
        "nav": "journey" if is_client else "dashboard",
    }


@login_required
def readiness(request: HttpRequest, pk: int) -> HttpResponse:
    """The profile with its open questions; the coach (or a self-guided client) concludes."""
    engagement = get_engagement(request.user, pk)
    user = current_user(request)
    can_conclude = engagement.can_change_status(user)
    form = ConcludeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not can_conclude:
            raise PermissionDenied("The coach concludes a coached engagement.")
        if form.is_valid():
            try:
                engagement_conclude(
                    engagement=engagement, by=user, reflection=form.cleaned_data["reflection"]
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, "Concluded. Here is the journey, for both of you.")
                return redirect("celebration", pk=engagement.pk)
    profile, efficacy = readiness_of(engagement)
    context = {
        **_base(request, engagement),
        "profile": profile,
        "efficacy": efficacy,
        "scale_max": RATING_MAX,
        "insight": insight_of(engagement),
        "form": form,
        "can_conclude": can_conclude and engagement.is_open,
    }
    return render(request, "concluding/readiness.html", context)


@login_required
def efficacy(request: HttpRequest, pk: int) -> HttpResponse:
    """The scale: the client rates it; the phase is suggested and theirs to change."""
    engagement = get_engagement(request.user, pk)
    user = current_user(request)
    from_concluding = (
        request.GET.get("from") == "conclude" or request.POST.get("from") == "conclude"
    )
    initial = {"phase": suggested_phase(engagement, from_concluding=from_concluding)}
    form = EfficacyForm(request.POST or None, initial=initial)
    may_write = engagement.client_may_write(user)
    if request.method == "POST":
        if not engagement.is_client(user):
            raise PermissionDenied("The scale is the client's own.")
        if form.is_valid():
            try:
                efficacy_record(
                    engagement=engagement,
                    by=user,
                    responses=form.responses(),
                    phase=form.cleaned_data["phase"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, "Saved. Thank you.")
                return redirect("conclude", pk=engagement.pk)
    context = {
        **_base(request, engagement),
        "form": form,
        "may_write": may_write,
        "from_concluding": from_concluding,
        "items": SCALE,
    }
    return render(request, "concluding/efficacy.html", context)


@login_required
def insights(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    user = current_user(request)
    insight = insight_of(engagement)
    initial = {}
    if insight is not None:
        initial = {
            "learned": insight.learned,
            "changed": insight.changed,
            "network": insight.network,
            "satisfaction_now": insight.satisfaction_now,
        }
    form = InsightForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST":
        if not engagement.is_client(user):
            raise PermissionDenied("Insights are the client's own words.")
        if form.is_valid():
            try:
                insights_save(engagement=engagement, by=user, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, "Your insights are saved.")
                return redirect("conclude", pk=engagement.pk)
    context = {**_base(request, engagement), "form": form, "insight": insight}
    return render(request, "concluding/insights.html", context)


def _celebration_context(request: HttpRequest, pk: int) -> dict[str, Any]:
    engagement = get_engagement(request.user, pk)
    return {**_base(request, engagement), "c": celebration_of(engagement)}


@login_required
def celebration(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "concluding/celebration.html", _celebration_context(request, pk))


@login_required
def celebration_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    context = _celebration_context(request, pk)
    name = slugify(f"my-journey-{context['e'].client_name}") or "my-journey"
    return pdf_response(request, "concluding/celebration_pdf.html", context, filename=name)


def _followups_page(
    request: HttpRequest, engagement: Engagement, forms: dict[int, FollowUpForm] | None = None
) -> HttpResponse:
    user = current_user(request)
    followups = followups_offer(engagement=engagement)
    if engagement.is_coach(user):
        followups_mark_seen(engagement=engagement, by=user)
    forms = forms or {}
    rows = [
        {
            "f": f,
            "open": followup_is_open(f),
            "form": forms.get(f.pk) or FollowUpForm(prefix=f"fu{f.pk}"),
        }
        for f in followups
    ]
    return render(
        request, "concluding/followups.html", {**_base(request, engagement), "rows": rows}
    )


@login_required
def followups(request: HttpRequest, pk: int) -> HttpResponse:
    return _followups_page(request, get_engagement(request.user, pk))


@login_required
@require_POST
def followup_act(request: HttpRequest, pk: int, followup_pk: int) -> HttpResponse:
    """Decline, accept again, or answer one follow-up."""
    engagement = get_engagement(request.user, pk)
    followup = get_object_or_404(FollowUp, pk=followup_pk, engagement=engagement)
    user = current_user(request)
    if not engagement.is_client(user):
        raise PermissionDenied("Follow-ups are the client's to answer or decline.")
    action = request.POST.get("action", "")
    form = FollowUpForm(request.POST, prefix=f"fu{followup.pk}")
    try:
        if action in ("decline", "accept"):
            followup_set_declined(followup=followup, by=user, declined=action == "decline")
            messages.success(
                request,
                f"The {followup.label} is declined: you can change your mind any time."
                if action == "decline"
                else f"The {followup.label} is back on.",
            )
            return redirect("followups", pk=engagement.pk)
        if form.is_valid():
            followup_answer(followup=followup, by=user, **form.cleaned_data)
            messages.success(request, "Thank you: your coach will read it.")
            return redirect("followups", pk=engagement.pk)
    except ValidationError as exc:
        form.add_error(None, exc)
    return _followups_page(request, engagement, {followup.pk: form})
