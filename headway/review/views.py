"""Session review pages: the list of reviewed sessions with the trend and the upload form,
one review (or, until the coach says which speaker they are, the choice of speaker), the
export, and deleting a review. The coach's alone: anyone else gets a 404, as if there were
nothing here."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.http import require_POST

from headway.accounts.http import current_user
from headway.core.review import session_review
from headway.engagements.access import get_engagement
from headway.engagements.models import Engagement
from headway.review.forms import CoachSpeakerForm, UploadForm
from headway.review.models import Review
from headway.review.services import (
    may_review,
    review_create,
    review_delete,
    review_export,
    review_export_csv,
    review_set_coach,
    reviews_trend,
)

REFERENCE = {
    "reflections_per_question": session_review.REFERENCE_REFLECTIONS_PER_QUESTION,
    "complex_share": session_review.REFERENCE_COMPLEX_SHARE,
    "open_share": session_review.REFERENCE_OPEN_SHARE,
}


def _engagement(request: HttpRequest, pk: int) -> Engagement:
    engagement = get_engagement(request.user, pk)
    if not may_review(engagement, current_user(request)):
        raise Http404("Session reviews are the coach's own")
    return engagement


def _review(request: HttpRequest, pk: int, review_pk: int) -> Review:
    engagement = _engagement(request, pk)
    review = get_object_or_404(Review, engagement=engagement, pk=review_pk)
    review.engagement = engagement
    return review


def _render_list(request: HttpRequest, engagement: Engagement, form: UploadForm) -> HttpResponse:
    context = {
        "e": engagement,
        "form": form,
        "reviews": engagement.reviews.select_related("session"),
        "trend": reviews_trend(engagement),
        "nav": "dashboard",
    }
    return render(request, "review/list.html", context)


@login_required
def reviews(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = _engagement(request, pk)
    if request.method != "POST":
        form = UploadForm(engagement=engagement, initial={"coach_name": current_user(request).name})
        return _render_list(request, engagement, form)
    form = UploadForm(request.POST, request.FILES, engagement=engagement)
    if form.is_valid():
        upload = form.cleaned_data["transcript"]
        try:
            review = review_create(
                engagement=engagement,
                by=current_user(request),
                filename=upload.name or "transcript",
                content=upload.read(),
                coach_name=form.cleaned_data["coach_name"],
                session=form.cleaned_data["session"],
                held_on=form.cleaned_data["held_on"],
            )
        except ValidationError as exc:
            form.add_error("transcript", exc)
        else:
            if not review.is_analysed:
                messages.info(request, "Which of the speakers is you? Choose below.")
            return redirect("review_detail", engagement.pk, review.pk)
    return _render_list(request, engagement, form)


@login_required
def review_detail(request: HttpRequest, pk: int, review_pk: int) -> HttpResponse:
    review = _review(request, pk, review_pk)
    return _render_detail(request, review, CoachSpeakerForm(speakers=review.speaker_list))


def _render_detail(request: HttpRequest, review: Review, form: CoachSpeakerForm) -> HttpResponse:
    summary = review.summary
    utterances = list(review.utterances.all()) if review.is_analysed else []
    coach = review.coach_speaker
    context = {
        "e": review.engagement,
        "review": review,
        "form": form,
        "summary": summary,
        "utterances": utterances,
        "coach": coach,
        "reference": REFERENCE,
        "nav": "dashboard",
        "counts": summary.get("counts", {}),
        # Minutes with one decimal: a short call's 40 seconds should not read as 0.
        "talk": [
            {**t, "minutes": round((t.get("seconds") or 0) / 60, 1)}
            for t in summary.get("talk", [])
        ],
        "subtypes": {k.replace("/", "_"): v for k, v in summary.get("subtypes", {}).items()},
    }
    return render(request, "review/detail.html", context)


@login_required
@require_POST
def review_coach(request: HttpRequest, pk: int, review_pk: int) -> HttpResponse:
    review = _review(request, pk, review_pk)
    form = CoachSpeakerForm(request.POST, speakers=review.speaker_list)
    if form.is_valid():
        try:
            review_set_coach(
                review=review, by=current_user(request), speaker=form.cleaned_data["speaker"]
            )
        except ValidationError as exc:
            form.add_error("speaker", exc)
        else:
            return redirect("review_detail", pk, review.pk)
    return _render_detail(request, review, form)


@login_required
def review_download(request: HttpRequest, pk: int, review_pk: int, fmt: str) -> HttpResponse:
    review = _review(request, pk, review_pk)
    stem = (review.filename.rsplit(".", 1)[0] or "review")[:80]
    if fmt == "csv":
        response = HttpResponse(review_export_csv(review), content_type="text/csv; charset=utf-8")
    else:
        body = json.dumps(review_export(review), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="review-{stem}.{fmt}"'
    return response


@login_required
@require_POST
def review_remove(request: HttpRequest, pk: int, review_pk: int) -> HttpResponse:
    review = _review(request, pk, review_pk)
    review_delete(review=review, by=current_user(request))
    messages.success(request, "The review and its transcript are deleted.")
    return redirect("reviews", pk)


urlpatterns = [
    path("e/<int:pk>/reviews/", reviews, name="reviews"),
    path("e/<int:pk>/reviews/<int:review_pk>/", review_detail, name="review_detail"),
    path("e/<int:pk>/reviews/<int:review_pk>/coach/", review_coach, name="review_coach"),
    path(
        "e/<int:pk>/reviews/<int:review_pk>/export.json",
        review_download,
        {"fmt": "json"},
        name="review_export_json",
    ),
    path(
        "e/<int:pk>/reviews/<int:review_pk>/export.csv",
        review_download,
        {"fmt": "csv"},
        name="review_export_csv",
    ),
    path("e/<int:pk>/reviews/<int:review_pk>/delete/", review_remove, name="review_delete"),
]
