from __future__ import annotations

from django import forms

from headway.exploration.models import Experiment, InformationalInterview, Option


class AddOptionForm(forms.Form):
    title = forms.CharField(
        label="An option in your own words",
        max_length=200,
        help_text="For example “Start my own business” or “Teach at a college”. To add an occupation, find it under Occupations.",
    )


class ResearchForm(forms.ModelForm[Option]):
    class Meta:
        model = Option
        fields = ["duties", "skills", "education", "culture", "growth", "resonates", "concerns"]
        widgets = {f: forms.Textarea(attrs={"rows": 3}) for f in fields}


class InterviewForm(forms.ModelForm[InformationalInterview]):
    class Meta:
        model = InformationalInterview
        fields = ["person", "role", "held_on", "questions", "learned"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}),
            "questions": forms.Textarea(attrs={"rows": 3}),
            "learned": forms.Textarea(attrs={"rows": 3}),
        }


class ExperimentForm(forms.ModelForm[Experiment]):
    class Meta:
        model = Experiment
        fields = ["kind", "description", "starts_on", "ends_on", "reflection"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
            "reflection": forms.Textarea(attrs={"rows": 3}),
        }


class CommentForm(forms.Form):
    text = forms.CharField(label="Comment", widget=forms.Textarea(attrs={"rows": 3}))
