"""Session review pages: upload, choose the speaker, read the review, export, delete."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from headway.review.models import Review
from tests.helpers import World
from tests.review.fixtures import VTT

pytestmark = pytest.mark.django_db


def _upload(
    world: World, content: bytes = VTT.encode(), name: str = "s1.vtt", coach: str = "Olivia Owner"
):
    browser = world.login(world.owner)
    url = reverse("reviews", args=[world.engagement.pk])
    data = {"transcript": SimpleUploadedFile(name, content), "coach_name": coach}
    return browser, browser.post(url, data)


def test_upload_then_read_the_review(world: World):
    browser, response = _upload(world)
    review = Review.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("review_detail", args=[world.engagement.pk, review.pk])
    page = browser.get(response.url).content.decode()
    assert "You asked 2 questions" in page
    assert "You said: <strong>“You should update your CV and apply for HR roles.”</strong>" in page
    assert "What ideas do you have about updating your CV" in page
    assert "I love working with people, and I miss that in my job." in page  # their own words
    assert "aim for" in page


def test_the_upload_form_is_prefilled_with_the_coach_name_and_linked_from_the_engagement(
    world: World,
):
    browser = world.login(world.owner)
    page = browser.get(reverse("reviews", args=[world.engagement.pk])).content.decode()
    assert 'value="Olivia Owner"' in page
    detail = browser.get(reverse("engagement_detail", args=[world.engagement.pk])).content.decode()
    assert reverse("reviews", args=[world.engagement.pk]) in detail
    client_view = world.login(world.client).get(
        reverse("engagement_detail", args=[world.engagement.pk])
    )
    assert reverse("reviews", args=[world.engagement.pk]) not in client_view.content.decode()


def test_a_malformed_file_is_explained_on_the_page(world: World):
    _, response = _upload(world, b"this is not a transcript", "notes.vtt")
    assert response.status_code == 200
    assert "the first line should be" in response.content.decode()
    assert not Review.objects.exists()


def test_unknown_name_asks_which_speaker_is_the_coach(world: World):
    browser, response = _upload(world, coach="Someone Else")
    review = Review.objects.get()
    page = browser.get(response.url).content.decode()
    assert "Which speaker is you?" in page and "Clara Client" in page
    response = browser.post(
        reverse("review_coach", args=[world.engagement.pk, review.pk]), {"speaker": "Nobody"}
    )
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    response = browser.post(
        reverse("review_coach", args=[world.engagement.pk, review.pk]), {"speaker": "Olivia Owner"}
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.coach_speaker == "Olivia Owner"


def test_exports_and_trend(world: World):
    browser, _ = _upload(world)
    _upload(world)
    review = Review.objects.order_by("pk").first()
    assert review is not None
    args = [world.engagement.pk, review.pk]
    data = json.loads(browser.get(reverse("review_export_json", args=args)).content)
    assert len(data["utterances"]) == 8 and data["summary"]["counts"]
    response = browser.get(reverse("review_export_csv", args=args))
    assert response["Content-Disposition"] == 'attachment; filename="review-s1.csv"'
    page = browser.get(reverse("reviews", args=[world.engagement.pk])).content.decode()
    assert "Across sessions" in page


def test_delete(world: World):
    browser, _ = _upload(world)
    review = Review.objects.get()
    response = browser.post(reverse("review_delete", args=[world.engagement.pk, review.pk]))
    assert response.status_code == 302 and not Review.objects.exists()


def test_a_huge_upload_is_refused_with_its_size(world: World):
    _, response = _upload(world, b"A: hi\n" * 2_000_000, "huge.txt")
    assert response.status_code == 200
    assert (
        "The file is 12.0 MB; transcripts up to 10 MB can be reviewed." in response.content.decode()
    )
    assert not Review.objects.exists()
