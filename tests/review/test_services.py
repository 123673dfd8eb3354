"""Session review services: upload, choose the coach, code, export, trends; encrypted text."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from headway.meetings.models import Session
from headway.review.models import Review, Utterance
from headway.review.services import (
    MAX_UPLOAD,
    review_create,
    review_delete,
    review_export,
    review_export_csv,
    review_set_coach,
    reviews_trend,
)
from tests.helpers import World
from tests.review.fixtures import VTT

pytestmark = pytest.mark.django_db


def _create(world: World, coach: str = "Olivia Owner", **kw):
    return review_create(
        engagement=world.engagement, by=world.owner, filename="s1.vtt", content=VTT.encode(),
        coach_name=coach, **kw,
    )  # fmt: skip


def test_upload_codes_the_coach_turns_and_summarizes(world: World):
    review = _create(world)
    assert review.is_analysed and review.coach_speaker == "Olivia Owner"
    assert review.speaker_list == ["Olivia Owner", "Clara Client"]
    rows = list(review.utterances.all())
    assert len(rows) == 8
    assert [r.code != "" for r in rows] == [True, False] * 4
    assert (rows[6].code, rows[6].subtype) == ("input", "advice")
    summary = review.summary
    assert summary["counts"]["question"] >= 2
    assert summary["advice"][0]["reframes"][0] == ("What ideas do you have about updating your CV?")
    assert review.figures["advice"] == 1.0
    assert "AnnoMI" in review.model_info


def test_text_is_encrypted_at_rest(world: World):
    review = _create(world)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT text, speaker FROM review_utterance WHERE review_id = %s", [review.pk]
        )
        stored = cursor.fetchall()
        cursor.execute("SELECT summary_json FROM review_review WHERE id = %s", [review.pk])
        (summary,) = cursor.fetchone()
    assert stored and all(t.startswith("hw1:") and s.startswith("hw1:") for t, s in stored)
    assert "accounting" not in summary and summary.startswith("hw1:")


def test_unknown_coach_name_keeps_the_transcript_to_choose_later(world: World):
    review = _create(world, coach="")
    assert not review.is_analysed and review.utterances.count() == 8
    assert not review.utterances.exclude(code="").exists()
    review_set_coach(review=review, by=world.owner, speaker="Olivia Owner")
    assert review.is_analysed and review.utterances.exclude(code="").count() == 4
    with pytest.raises(ValidationError, match="Nobody called 'Zed'"):
        review_set_coach(review=review, by=world.owner, speaker="Zed")


@pytest.mark.parametrize("who", ["client", "colleague", "solo"])
def test_only_the_coach_of_the_engagement_reviews(world: World, who: str):
    with pytest.raises(ValidationError, match="Only the coach"):
        review_create(
            engagement=world.engagement, by=getattr(world, who), filename="s.vtt", content=VTT
        )
    assert not Review.objects.exists()


def test_malformed_and_huge_files_are_refused_with_the_reason(world: World):
    with pytest.raises(ValidationError, match="first line should be"):
        review_create(engagement=world.engagement, by=world.owner, filename="x.vtt", content=b"hi")
    with pytest.raises(ValidationError, match="MB"):
        review_create(
            engagement=world.engagement,
            by=world.owner,
            filename="x.txt",
            content=b"A: hi\n" * (MAX_UPLOAD // 6 + 1),
        )
    assert not Review.objects.exists()


def test_a_few_megabytes_upload(world: World):
    lines = "".join(
        f"{'Olivia Owner' if i % 2 else 'Clara Client'}: this is turn {i}, talking about my career plans.\n"
        for i in range(40_000)
    ).encode()
    assert len(lines) > 2_000_000
    review = review_create(
        engagement=world.engagement, by=world.owner, filename="long.txt", content=lines,
        coach_name="Olivia Owner",
    )  # fmt: skip
    assert review.utterances.count() == 40_000 and review.is_analysed


def test_session_link_date_export_and_trend(world: World):
    session = Session.objects.create(
        engagement=world.engagement,
        starts_at=timezone.now() - dt.timedelta(days=7),
        created_by=world.owner,
    )
    first = _create(world, session=session)
    assert first.held_on == session.starts_at.date()
    second = _create(world, held_on=timezone.localdate())
    trend = reviews_trend(world.engagement)
    assert [t["review"].pk for t in trend] == [first.pk, second.pk]
    data = review_export(first)
    assert data["coach"] == "Olivia Owner" and len(data["utterances"]) == 8
    assert data["utterances"][1] | {} == {
        "speaker": "Clara Client",
        "text": "I want to figure out whether to leave accounting. I feel stuck and I'm tired.",
        "code": None,
        "subtype": None,
        "start": 4.5,
        "end": 12.0,
    }
    json.dumps(data)
    csv_text = review_export_csv(first)
    assert csv_text.splitlines()[0] == "position,speaker,text,code,subtype,start,end"
    other = Session.objects.create(
        engagement=world.other_engagement, starts_at=timezone.now(), created_by=world.outsider
    )
    with pytest.raises(ValidationError, match="another engagement"):
        _create(world, session=other)


def test_delete_removes_text(world: World):
    review = _create(world)
    review_delete(review=review, by=world.owner)
    assert not Review.objects.exists() and not Utterance.objects.exists()
