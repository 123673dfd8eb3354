from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from headway.checkins.models import ENERGY_MAX, ENERGY_MIN
from headway.checkins.services import MAX_TEXT
from headway.goals.models import Step


class StepChoiceField(forms.ModelMultipleChoiceField[Step]):
    def label_from_instance(self, obj: Step) -> str:
        due = f" (due {obj.due_on:%-d %b})" if obj.due_on else ""
        return f"{obj.title}{due}"


def _text(label: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CheckInForm(forms.Form):
    energy = forms.TypedChoiceField(
        label="Your energy these days, from 1 (running on empty) to 10 (full of it)",
        choices=[(n, str(n)) for n in range(ENERGY_MIN, ENERGY_MAX + 1)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a number for your energy."},
    )
    progress = _text("What moved since last time?", "Small things count.")
    obstacles = _text("What got in the way?", "Time, doubts, other people: whatever it was.")
    win = _text("A win, however small", "Something that went well, or that you are glad you did.")
    steps = StepChoiceField(
        label="Steps done since last time",
        queryset=Step.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, steps: QuerySet[Step], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["steps"]
        assert isinstance(field, StepChoiceField)
        field.queryset = steps
