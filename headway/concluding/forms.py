from __future__ import annotations

from typing import Any

from django import forms

from headway.concluding.models import ENERGY_MAX, ENERGY_MIN, EfficacyPhase
from headway.concluding.services import MAX_TEXT
from headway.core.assessments.efficacy import RATING_LABELS, SCALE


def _text(label: str, help_text: str = "", rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class EfficacyForm(forms.Form):
    """One 1-5 rating per statement, and when in the journey this is."""

    phase = forms.ChoiceField(
        label="When in your journey is this?",
        choices=EfficacyPhase.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in SCALE:
            self.fields[f"item_{item.key}"] = forms.TypedChoiceField(
                label=item.text,
                choices=[(n, f"{n}: {label}") for n, label in RATING_LABELS.items()],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Choose how confident you feel about this."},
            )

    def item_fields(self) -> list[forms.BoundField]:
        return [self[f"item_{item.key}"] for item in SCALE]

    def responses(self) -> dict[str, int]:
        return {item.key: self.cleaned_data[f"item_{item.key}"] for item in SCALE}


class InsightForm(forms.Form):
    learned = _text("What I learned", "About yourself, about work, about change.")
    changed = _text("What changed", "In how you see things, what you do, or where you are.")
    network = _text(
        "Who I can turn to from here",
        "People for encouragement, advice or introductions, in your own words.",
    )
    satisfaction_now = forms.TypedChoiceField(
        label="Satisfaction with your work today, from 1 to 10",
        choices=[("", "Leave empty"), *[(n, str(n)) for n in range(1, 11)]],
        coerce=int,
        empty_value=None,
        required=False,
    )


class ConcludeForm(forms.Form):
    reflection = _text(
        "A closing reflection",
        "Optional. It appears in the celebration summary, for both of you to read.",
        rows=4,
    )


class FollowUpForm(forms.Form):
    energy = forms.TypedChoiceField(
        label="Your energy these days, from 1 (running on empty) to 10 (full of it)",
        choices=[(n, str(n)) for n in range(ENERGY_MIN, ENERGY_MAX + 1)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a number for your energy."},
    )
    how = _text("How are things?")
    happened = _text("What happened since we finished?")
    next = _text("What's next?")
