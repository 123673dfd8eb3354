from __future__ import annotations

from django import forms

from headway.core.coaching.spec import MAX_QUESTIONS
from headway.core.coaching.tools import TOOLS


class ModelDetailsForm(forms.Form):
    name = forms.CharField(label="Name", max_length=150)
    who_for = forms.CharField(label="Who it is for", widget=forms.Textarea(attrs={"rows": 3}))
    problems_solved = forms.CharField(
        label="The problems it solves", widget=forms.Textarea(attrs={"rows": 3})
    )
    summary = forms.CharField(
        label="Summary", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class StageForm(forms.Form):
    name = forms.CharField(label="Stage name", max_length=150)
    purpose = forms.CharField(
        label="Purpose", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    questions = forms.CharField(
        label="Open questions",
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={"required": "Write at least one question."},
        help_text="One question per line. Questions whose wording you keep stay linked to clients' answers.",
    )
    exit_checklist = forms.CharField(
        label="Exit checklist",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One item per line: what is true when the stage is done.",
    )
    tools = forms.MultipleChoiceField(
        label="Tools this stage uses",
        required=False,
        choices=[(t.key, t.name) for t in TOOLS.values()],
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_questions(self) -> list[str]:
        questions = _lines(self.cleaned_data["questions"])
        if not questions:
            raise forms.ValidationError("Write at least one question.")
        if len(questions) > MAX_QUESTIONS * 2:
            raise forms.ValidationError(f"Keep it to {MAX_QUESTIONS * 2} questions or fewer.")
        return questions

    def clean_exit_checklist(self) -> list[str]:
        return _lines(self.cleaned_data.get("exit_checklist", ""))


class NewStageForm(forms.Form):
    name = forms.CharField(label="New stage name", max_length=150)
