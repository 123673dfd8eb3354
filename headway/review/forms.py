from __future__ import annotations

from typing import Any

from django import forms

from headway.engagements.models import Engagement
from headway.meetings.models import Session, SessionStatus
from headway.review.services import MAX_UPLOAD


class SessionChoiceField(forms.ModelChoiceField[Session]):
    def label_from_instance(self, obj: Session) -> str:
        return f"{obj.starts_at:%d %b %Y, %H:%M}"


class UploadForm(forms.Form):
    transcript = forms.FileField(
        label="Transcript file",
        help_text="WebVTT (.vtt) or SRT from your video-call tool, a CSV with speaker and text "
        "columns, or plain “Name: what they said” lines. Up to 10 MB.",
    )
    coach_name = forms.CharField(
        label="Your name in the transcript",
        max_length=200,
        required=False,
        help_text="As the file spells it. Leave it empty to choose from the speakers found.",
    )
    session = SessionChoiceField(label="Session", queryset=Session.objects.none(), required=False)
    held_on = forms.DateField(
        label="Date of the conversation",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Defaults to the session's date, or today.",
    )

    def __init__(self, *args: Any, engagement: Engagement, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["session"]
        assert isinstance(field, SessionChoiceField)
        field.queryset = Session.objects.filter(
            engagement=engagement, status=SessionStatus.SCHEDULED
        ).order_by("-starts_at")

    def clean_transcript(self) -> Any:
        upload = self.cleaned_data["transcript"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(
                f"The file is {upload.size / 1e6:.1f} MB; transcripts up to "
                f"{MAX_UPLOAD // (1024 * 1024)} MB can be reviewed. Split it into sessions first."
            )
        return upload


class CoachSpeakerForm(forms.Form):
    speaker = forms.ChoiceField(label="Which speaker is you?", widget=forms.RadioSelect)

    def __init__(self, *args: Any, speakers: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["speaker"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(s, s) for s in speakers]
