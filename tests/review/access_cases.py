"""Access battery cases for session review (run by tests/test_views_access.py).

A review is the coach's own development tool: the engagement's coach sees and changes it;
the client and everyone else get the 404 a missing page gets."""

from __future__ import annotations

from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from headway.review.models import Review
from headway.review.services import review_create
from tests.access import Case, Ctx, hidden
from tests.review.fixtures import VTT


def _review(c: Ctx) -> Review:
    found = Review.objects.filter(engagement=c.world.engagement).first()
    return found or review_create(
        engagement=c.world.engagement, by=c.world.owner, filename="s1.vtt", content=VTT
    )


def _url(name: str) -> Callable[[Ctx], str]:
    return lambda c: reverse(name, args=[c.world.engagement.pk, _review(c).pk])


REVIEW_CASES = [
    Case(
        "reviews",
        "coached",
        "get",
        lambda c: reverse("reviews", args=[c.world.engagement.pk]),
        hidden(owner=200),
    ),
    Case(
        "reviews",
        "coached",
        "post",
        lambda c: reverse("reviews", args=[c.world.engagement.pk]),
        hidden(owner=302),
        data=lambda c: {
            "transcript": SimpleUploadedFile("s.vtt", VTT.encode(), "text/vtt"),
            "coach_name": "Olivia Owner",
        },
        changed=lambda c: Review.objects.filter(engagement=c.world.engagement).exists(),
    ),
    Case(
        "reviews",
        "self-guided",
        "get",
        lambda c: reverse("reviews", args=[c.world.solo_engagement.pk]),
        hidden(),  # a journey without a coach has nobody to review
    ),
    Case("review_detail", "coached", "get", _url("review_detail"), hidden(owner=200)),
    Case(
        "review_coach",
        "coached",
        "post",
        _url("review_coach"),
        hidden(owner=302),
        data=lambda c: {"speaker": "Olivia Owner"},
        changed=lambda c: _review(c).is_analysed,
    ),
    Case("review_export_json", "coached", "get", _url("review_export_json"), hidden(owner=200)),
    Case("review_export_csv", "coached", "get", _url("review_export_csv"), hidden(owner=200)),
    Case(
        "review_delete",
        "coached",
        "post",
        _url("review_delete"),
        hidden(owner=302),
        changed=lambda c: not Review.objects.filter(engagement=c.world.engagement).exists(),
    ),
]
