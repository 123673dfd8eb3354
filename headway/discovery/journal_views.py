"""The energy journal (placeholder until the journal lands)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from headway.engagements.access import get_engagement


@login_required
def journal(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request, pk)
    return render(request, "discovery/journal/journal.html", {"e": engagement})


urlpatterns = [
    path("e/<int:pk>/journal/", journal, name="journal"),
]
