from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from headway.discovery.models import Energy

# The energy scale as the form shows it: energised first, the way people tend to read a scale.
ENERGY_CHOICES = [(e.value, e.label) for e in sorted(Energy, key=lambda e: -e.value)]


class JournalEntryForm(forms.Form):
    activity = forms.CharField(
        label="What did you do?",
        max_length=200,
        help_text="A few words, like “client call” or “planning the week”. Earlier ones are suggested as you type.",
    )
    energy = forms.TypedChoiceField(
        label="How did it leave you?",
        choices=ENERGY_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how it left you."},
    )
    flow = forms.BooleanField(label="I lost track of time", required=False)
    occurred_on = forms.DateField(
        label="When", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    note = forms.CharField(
        label="Anything else",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["occurred_on"].initial = today
        # The journal is for what already happened: the date picker stops at today.
        self.fields["occurred_on"].widget.attrs["max"] = today.isoformat()
        self.fields["activity"].widget.attrs.update(
            {"list": "journal-activities", "autocomplete": "off"}
        )

    def clean_occurred_on(self) -> dt.date:
        day: dt.date = self.cleaned_data["occurred_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("Choose today or an earlier day.")
        return day
