"""The "Who I am" summary (placeholder until it lands)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from headway.engagements.access import get_engagement


@login_required
def summary(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request, pk)
    return render(request, "discovery/summary.html", {"e": engagement})
