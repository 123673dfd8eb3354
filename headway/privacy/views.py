"""Your data: the export, erasure and consent log (the person's own), and the practice
owner's audit log. Each page works without JavaScript."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from headway.accounts.http import current_user
from headway.engagements.access import get_engagement
from headway.practices.access import get_membership
from headway.privacy.consent import consent_log
from headway.privacy.forms import AuditFilterForm, EraseForm
from headway.privacy.services import (
    account_erase,
    account_export,
    audit_log,
    audit_people,
    erase_blockers,
)

AUDIT_PAGE = 50


@login_required
def data_home(request: HttpRequest) -> HttpResponse:
    return render(request, "privacy/data.html", {"nav": "account"})


@login_required
@require_POST
def data_export(request: HttpRequest) -> HttpResponse:
    # POST, not GET: each export is written to the audit log, so a prefetch must not make one.
    data = account_export(user=current_user(request))
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="headway-export.zip"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def data_erase(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    form = EraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account_erase(user=user, confirm_email=form.cleaned_data["email"])
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            logout(request)
            messages.success(request, "Your account and everything in it have been erased.")
            return redirect("login")
    return render(
        request,
        "privacy/erase.html",
        {"form": form, "blockers": erase_blockers(user), "nav": "account"},
    )


@login_required
def consent_own(request: HttpRequest) -> HttpResponse:
    items = consent_log(user=current_user(request))
    return render(request, "privacy/consent.html", {"items": items, "nav": "account"})


@login_required
def consent_engagement(request: HttpRequest, pk: int) -> HttpResponse:
    """The coach reads the consent log of the engagement's client (the client reads it too)."""
    engagement = get_engagement(request.user, pk)
    if engagement.client is None:
        raise Http404("No client yet")
    items = consent_log(user=engagement.client, engagement=engagement)
    return render(
        request,
        "privacy/consent.html",
        {"items": items, "engagement": engagement, "nav": "engagements"},
    )


@login_required
def audit(request: HttpRequest) -> HttpResponse:
    membership = get_membership(current_user(request))
    if not membership.is_owner:
        raise Http404("Only the practice owner reads the audit log")
    practice = membership.practice
    people = audit_people(practice)
    form = AuditFilterForm(request.GET or None, people=[(p.pk, p.name) for p in people])
    kind, person = "", None
    if form.is_valid():
        kind = form.cleaned_data["kind"] or ""
        person = next((p for p in people if p.pk == form.cleaned_data["person"]), None)
    rows = audit_log(practice=practice, kind=kind, person=person)
    page = Paginator(rows, AUDIT_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "privacy/audit.html",
        {
            "practice": practice,
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "nav": "practice",
        },
    )
