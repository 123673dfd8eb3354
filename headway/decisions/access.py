"""Scoped fetch of an engagement's decision matrix: for its coach and client, 404 for anyone
else or before the matrix exists (pages and the API alike)."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from headway.decisions.models import DecisionMatrix
from headway.engagements.access import get_engagement


def get_matrix(user: Any, pk: int) -> DecisionMatrix:
    """The matrix of an engagement the user may see; 404 for anyone else or before it starts."""
    engagement = get_engagement(user, pk)
    matrix = DecisionMatrix.objects.filter(engagement=engagement).first()
    if matrix is None:
        raise Http404("No decision matrix yet")
    matrix.engagement = engagement  # already fetched with its people
    return matrix
