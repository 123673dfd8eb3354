"""The forms of the sessions pages: a date, a time and a zone, read into one UTC moment."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from headway.meetings.models import Session
from headway.meetings.session_services import (
    COMMON_ZONES,
    LONGEST_PLACE,
    LONGEST_TEXT,
    MAX_MINUTES,
    MIN_MINUTES,
    local_to_utc,
    valid_zone,
    when,
)

DURATIONS = [30, 45, 60, 75, 90, 120, 180, 240, 480]


def _duration_label(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return " ".join(
        part for part in (f"{hours} h" * bool(hours), f"{rest} min" * bool(rest)) if part
    )


class SessionForm(forms.Form):
    day = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(label="Time", widget=forms.TimeInput(attrs={"type": "time"}))
    zone = forms.ChoiceField(label="Time zone")
    other_zone = forms.CharField(
        label="Or another time zone",
        required=False,
        max_length=64,
        help_text="Any IANA name, e.g. America/Toronto. It wins over the list.",
    )
    duration_minutes = forms.TypedChoiceField(
        label="Duration",
        coerce=int,
        initial=60,
        choices=[(m, _duration_label(m)) for m in DURATIONS],
    )
    place = forms.CharField(
        label="Place or video link",
        required=False,
        max_length=LONGEST_PLACE,
        help_text="An address, a room, or the link to the video call.",
    )
    agenda = forms.CharField(
        label="Agenda",
        required=False,
        max_length=LONGEST_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What you plan to cover. Your client sees it, in the invitation too.",
    )

    def __init__(self, *args: Any, zone: str = "UTC", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        zones = list(COMMON_ZONES)
        if zone not in zones:
            zones.insert(0, zone)  # the zone last used stays one click away
        field = self.fields["zone"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(z, z.replace("_", " ")) for z in zones]
        self.fields["zone"].initial = zone
        assert min(DURATIONS) >= MIN_MINUTES and max(DURATIONS) <= MAX_MINUTES

    @classmethod
    def for_session(cls, session: Session, *args: Any, **kwargs: Any) -> SessionForm:
        local = when(session).start
        initial = {
            "day": local.date(),
            "time": local.time().replace(tzinfo=None),
            "zone": session.time_zone,
            "duration_minutes": session.duration_minutes,
            "place": session.place,
            "agenda": session.agenda,
        }
        return cls(*args, zone=session.time_zone, initial=initial, **kwargs)

    def clean_other_zone(self) -> str:
        other = self.cleaned_data["other_zone"].strip()
        return valid_zone(other) if other else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        zone = data.get("other_zone") or data["zone"]
        try:
            data["starts_at"] = local_to_utc(data["day"], data["time"], zone)
        except ValidationError as exc:
            self.add_error("time", exc)
        data["time_zone"] = zone
        return data

    def session_fields(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "starts_at": d["starts_at"],
            "time_zone": d["time_zone"],
            "duration_minutes": d["duration_minutes"],
            "place": d["place"],
            "agenda": d["agenda"],
        }


class CancelForm(forms.Form):
    reason = forms.CharField(
        label="Reason for cancelling",
        required=False,
        max_length=LONGEST_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Goes into the cancellation email.",
    )


class TopicForm(forms.Form):
    text = forms.CharField(
        label="What I want to talk about",
        max_length=LONGEST_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
