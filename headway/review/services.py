"""Session review: upload a transcript, say which speaker is the coach, code and summarize,
export, delete. Only the engagement's coach does any of it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from headway.accounts.models import User
from headway.core.classifier import load_model
from headway.core.review.session_review import analyze, trend_point
from headway.core.review.transcripts import MAX_BYTES, TranscriptError, parse_transcript
from headway.core.review.transcripts import Utterance as Turn
from headway.engagements.models import Engagement
from headway.meetings.models import Session
from headway.review.models import Review, Utterance

MAX_UPLOAD = MAX_BYTES


def may_review(engagement: Engagement, user: Any) -> bool:
    """A coach's own development tool: the engagement's coach, nobody else."""
    return not engagement.is_self_guided and engagement.is_coach(user)


def _require_coach(engagement: Engagement, user: User) -> None:
    if not may_review(engagement, user):
        raise ValidationError("Only the coach of this engagement reviews its sessions.")


@transaction.atomic
def review_create(
    *,
    engagement: Engagement,
    by: User,
    filename: str,
    content: bytes | str,
    coach_name: str = "",
    session: Session | None = None,
    held_on: dt.date | None = None,
) -> Review:
    """Read the transcript and keep it; code it at once if `coach_name` is one of its
    speakers, otherwise the coach picks their name from the speakers afterwards."""
    _require_coach(engagement, by)
    if len(content) > MAX_UPLOAD:
        raise ValidationError(
            f"The file is {len(content) / 1e6:.1f} MB; transcripts up to "
            f"{MAX_UPLOAD // (1024 * 1024)} MB can be reviewed. Split it into sessions first."
        )
    if session is not None and session.engagement_id != engagement.pk:
        raise ValidationError("That session belongs to another engagement.")
    try:
        transcript = parse_transcript(content, filename=filename)
    except TranscriptError as exc:
        raise ValidationError(str(exc)) from exc
    review = Review.objects.create(
        engagement=engagement,
        session=session,
        uploaded_by=by,
        filename=filename[:200] or "transcript",
        file_format=transcript.format,
        held_on=held_on or (session.starts_at.date() if session else timezone.localdate()),
        speakers=json.dumps(list(transcript.speakers)),
    )
    Utterance.objects.bulk_create(
        [
            Utterance(
                review=review, position=i, speaker=u.speaker, text=u.text, start=u.start, end=u.end
            )
            for i, u in enumerate(transcript.utterances)
        ],
        batch_size=500,
    )
    coach = transcript.find_speaker(coach_name) if coach_name.strip() else None
    if coach is not None:
        _analyse(review, coach, list(transcript.utterances))
    return review


def _turns(review: Review) -> list[Turn]:
    return [
        Turn(u.speaker, u.text, u.start, u.end)
        for u in review.utterances.order_by("position").only("speaker", "text", "start", "end")
    ]


def _analyse(review: Review, coach: str, turns: list[Turn]) -> None:
    coded, summary = analyze(turns, coach)
    rows = list(review.utterances.order_by("position"))
    for row, c in zip(rows, coded, strict=True):
        row.code, row.subtype = c.code or "", c.subtype or ""
    Utterance.objects.bulk_update(rows, ["code", "subtype"], batch_size=500)
    data = summary.to_dict()
    review.coach_speaker = coach
    review.summary_json = json.dumps(data, ensure_ascii=False)
    review.figures = {**trend_point(data), "counts": data["counts"], "subtypes": data["subtypes"]}
    review.model_info = load_model().info[:300]
    review.save(update_fields=["coach_speaker", "summary_json", "figures", "model_info"])


@transaction.atomic
def review_set_coach(*, review: Review, by: User, speaker: str) -> Review:
    """Which speaker is the coach: (re)code the coach's turns and summarize."""
    _require_coach(review.engagement, by)
    if speaker not in review.speaker_list:
        raise ValidationError(
            f"Nobody called {speaker!r} speaks in this transcript. Choose one of: "
            + ", ".join(review.speaker_list)
        )
    _analyse(review, speaker, _turns(review))
    return review


@transaction.atomic
def review_delete(*, review: Review, by: User) -> None:
    _require_coach(review.engagement, by)
    review.delete()


def review_export(review: Review) -> dict[str, Any]:
    """The whole review as data: every turn in order with its code, and the summary."""
    return {
        "file": review.filename,
        "format": review.file_format,
        "held_on": review.held_on.isoformat(),
        "coach": review.coach_speaker or None,
        "model": review.model_info,
        "utterances": [
            {
                "speaker": u.speaker,
                "text": u.text,
                "code": u.code or None,
                "subtype": u.subtype or None,
                "start": u.start,
                "end": u.end,
            }
            for u in review.utterances.order_by("position")
        ],
        "summary": review.summary,
    }


def review_export_csv(review: Review) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["position", "speaker", "text", "code", "subtype", "start", "end"])
    for u in review.utterances.order_by("position"):
        writer.writerow([u.position, u.speaker, u.text, u.code, u.subtype, u.start, u.end])
    return out.getvalue()


def reviews_trend(engagement: Engagement) -> list[dict[str, Any]]:
    """The coded reviews of one engagement, oldest first, with the figures to follow."""
    rows = []
    for r in engagement.reviews.exclude(figures={}).order_by("held_on", "pk"):
        rows.append({"review": r, **r.figures})
    return rows
