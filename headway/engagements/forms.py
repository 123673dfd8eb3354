from __future__ import annotations

from typing import Any

from django import forms

from headway.coaching.models import CoachingModel, Stage
from headway.engagements.models import EngagementStatus, Intake, Stance


class InviteClientForm(forms.Form):
    name = forms.CharField(label="Client's name", max_length=150)
    email = forms.EmailField(label="Client's email")
    model = forms.ModelChoiceField(
        label="Coaching model",
        queryset=CoachingModel.objects.none(),
        empty_label=None,
        help_text="The engagement keeps this model's current version, even if you edit it later.",
    )
    message = forms.CharField(
        label="A personal note for the invitation",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, practice_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["model"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = CoachingModel.objects.available_to(practice_id).order_by(
            "practice_id", "name"
        )


class IntakeForm(forms.ModelForm):
    class Meta:
        model = Intake
        fields = [
            "current_role",
            "field",
            "years_in_field",
            "satisfaction",
            "stance",
            "change_prompt",
            "constraints",
            "hopes",
        ]
        widgets = {
            "change_prompt": forms.Textarea(attrs={"rows": 3}),
            "constraints": forms.Textarea(attrs={"rows": 3}),
            "hopes": forms.Textarea(attrs={"rows": 3}),
            "stance": forms.RadioSelect,
            "satisfaction": forms.NumberInput(attrs={"min": 1, "max": 10}),
            "years_in_field": forms.NumberInput(attrs={"min": 0, "max": 70}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Radio buttons need no "select an option" entry: leaving all unticked says the same.
        self.fields["stance"].choices = Stance.choices  # type: ignore[attr-defined]

    def clean_satisfaction(self) -> int | None:
        value = self.cleaned_data.get("satisfaction")
        if value is not None and not 1 <= value <= 10:
            raise forms.ValidationError("Choose a number from 1 (not at all) to 10 (completely).")
        return value


class StageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Stage) -> str:  # type: ignore[override]
        return f"{obj.position}. {obj.name}"


class MoveStageForm(forms.Form):
    stage = StageChoiceField(label="Move to stage", queryset=Stage.objects.none(), empty_label=None)
    reason = forms.CharField(
        label="Why now?",
        help_text="Kept in the stage history.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, version_id: int, current_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["stage"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            Stage.objects.filter(version_id=version_id).exclude(pk=current_id).order_by("position")
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        choices=[
            (EngagementStatus.ACTIVE, "Active"),
            (EngagementStatus.PAUSED, "Paused"),
            (EngagementStatus.CONCLUDED, "Concluded"),
        ],
    )
    reason = forms.CharField(label="Note", required=False, max_length=500)


class RequestCoachForm(forms.Form):
    email = forms.EmailField(label="Your coach's email")
    message = forms.CharField(
        label="A note to them", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AcceptAgreementForm(forms.Form):
    confirm = forms.BooleanField(
        label="I have read the coaching agreement and the confidentiality terms, and I accept them.",
        error_messages={"required": "Tick the box to accept the agreement."},
    )
