from __future__ import annotations

from django import forms

from headway.discovery.models import Kind


class AssignForm(forms.Form):
    kind = forms.ChoiceField(label="Assessment", choices=Kind.choices)
    due_on = forms.DateField(
        label="Due by (optional)", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label="A note for your client (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
    )
