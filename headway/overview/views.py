"""The coach's dashboard: every client in one list, the most important news first."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from headway.accounts.http import current_user
from headway.engagements.models import Engagement, EngagementStatus, Invitation
from headway.overview.dashboard import dashboard_rows
from headway.practices.access import get_membership
from headway.practices.models import IntroRequest


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    membership = get_membership(current_user(request))
    coach = current_user(request)
    status = request.GET.get("status", "")
    if status not in EngagementStatus.values:
        status = ""
    stage = request.GET.get("stage", "")
    query = request.GET.get("q", "").strip()
    attention_only = request.GET.get("attention") == "1"
    rows = dashboard_rows(
        coach, status=status, stage=stage, query=query, attention_only=attention_only
    )
    stage_names = sorted(
        set(Engagement.objects.coached_by(coach).values_list("stage__name", flat=True))
    )
    coach_requests = Invitation.objects.filter(
        direction=Invitation.Direction.CLIENT_TO_COACH,
        email__iexact=coach.email,
        accepted_at__isnull=True,
        declined_at__isnull=True,
    ).select_related("engagement__client")
    return render(
        request,
        "overview/dashboard.html",
        {
            "membership": membership,
            "rows": rows,
            "statuses": EngagementStatus.choices,
            "stage_names": stage_names,
            "filters": {"status": status, "stage": stage, "q": query, "attention": attention_only},
            "intro_requests": IntroRequest.objects.filter(coach=coach, handled_at__isnull=True)[:5],
            "coach_requests": coach_requests,
            "nav": "dashboard",
        },
    )
