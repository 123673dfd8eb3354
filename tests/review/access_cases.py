"""Access battery cases for session review (run by tests/battery/test_pages.py).

A review is the coach's own development tool: the engagement's coach sees and changes it;
the client and everyone else get the 404 a missing page gets."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from headway.review.models import Review
from tests.battery.cases import exists, gone, hidden, page
from tests.battery.setups import coached, review, solo
from tests.review.fixtures import VTT


def _upload(c: Any) -> dict[str, Any]:
    upload = SimpleUploadedFile("s.vtt", VTT.encode(), "text/vtt")
    return {"transcript": upload, "coach_name": "Olivia Owner"}


def _analysed(c: Any) -> bool:
    return review(c).is_analysed


COACH = hidden(owner=200)
REVIEW = (coached, review)

# fmt: off
REVIEW_CASES = [
    page("reviews", "get", COACH, coached),
    page("reviews", "post", hidden(owner=302), coached, data=_upload, changed=exists(Review, engagement=coached)),
    page("reviews", "get", hidden(), solo, label="self-guided"),  # nobody to review without a coach
    page("review_detail", "get", COACH, *REVIEW),
    page("review_coach", "post", hidden(owner=302), *REVIEW, data={"speaker": "Olivia Owner"}, changed=_analysed),
    page("review_export_json", "get", COACH, *REVIEW),
    page("review_export_csv", "get", COACH, *REVIEW),
    page("review_delete", "post", hidden(owner=302), *REVIEW, changed=gone(Review, engagement=coached)),
]
# fmt: on
