"""Placeholder: replaced by the decision matrix pages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import path

from headway.engagements.access import get_engagement


@login_required
def decision_matrix(request: HttpRequest, pk: int) -> HttpResponse:
    get_engagement(request, pk)
    return HttpResponse("Decision matrix")


urlpatterns = [path("e/<int:pk>/decide/", decision_matrix, name="decision_matrix")]
