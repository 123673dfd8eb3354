from __future__ import annotations

from django import forms

from headway.practices.models import Agreement, CoachProfile


class CoachProfileForm(forms.ModelForm[CoachProfile]):
    class Meta:
        model = CoachProfile
        fields = [
            "headline",
            "story",
            "background",
            "training",
            "specialties",
            "session_formats",
            "is_public",
        ]
        widgets = {
            f: forms.Textarea(attrs={"rows": 4})
            for f in ["story", "background", "training", "specialties", "session_formats"]
        }


class AgreementForm(forms.ModelForm[Agreement]):
    class Meta:
        model = Agreement
        fields = ["terms", "confidentiality", "exceptions"]
        widgets = {
            "terms": forms.Textarea(attrs={"rows": 10}),
            "confidentiality": forms.Textarea(attrs={"rows": 5}),
            "exceptions": forms.Textarea(attrs={"rows": 5}),
        }


class InviteCoachForm(forms.Form):
    email = forms.EmailField(label="Coach's email")


class PracticeForm(forms.Form):
    name = forms.CharField(label="Practice name", max_length=150)


class IntroRequestForm(forms.Form):
    name = forms.CharField(label="Your name", max_length=150)
    email = forms.EmailField(label="Your email")
    message = forms.CharField(
        label="What would you like to talk about?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
