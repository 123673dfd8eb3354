"""Placeholder: replaced by the goals and action plan pages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import path

from headway.engagements.access import get_engagement


@login_required
def goals(request: HttpRequest, pk: int) -> HttpResponse:
    get_engagement(request, pk)
    return HttpResponse("Goals")


urlpatterns = [path("e/<int:pk>/goals/", goals, name="goals")]
