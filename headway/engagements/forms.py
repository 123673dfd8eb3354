from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from headway.accounts.models import User
from headway.coaching.models import CoachingModel, Stage
from headway.engagements.models import (
    SATISFACTION_RANGE,
    EngagementStatus,
    FlagCode,
    Intake,
    Stance,
)


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

    def __init__(
        self, *args: Any, practice_id: int, coaches: QuerySet[User] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["model"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = CoachingModel.objects.available_to(practice_id).order_by(
            "practice_id", "name"
        )
        if coaches is not None:
            # A practice owner chooses whom the client works with; others invite for themselves.
            self.fields["coach"] = forms.ModelChoiceField(
                label="Coach",
                queryset=coaches,
                empty_label=None,
                help_text="The coach the client works with. Only they see the client's work.",
            )
            self.order_fields(["name", "email", "coach", "model", "message"])


class IntakeForm(forms.ModelForm[Intake]):
    # Declared: the model field's own form field would start at 0 (min="0" in the page).
    satisfaction = forms.IntegerField(
        label=Intake._meta.get_field("satisfaction").verbose_name,
        required=False,
        min_value=1,
        max_value=10,
        error_messages={"min_value": SATISFACTION_RANGE, "max_value": SATISFACTION_RANGE},
    )

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
            "years_in_field": forms.NumberInput(attrs={"min": 0, "max": 70}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Radio buttons need no "select an option" entry: leaving all unticked says the same.
        self.fields["stance"].choices = Stance.choices  # type: ignore[attr-defined]


class StageChoiceField(forms.ModelChoiceField[Stage]):
    def label_from_instance(self, obj: Stage) -> str:
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
    """The engagement's status. An invitation not yet accepted reads Invited (never a
    preselected "Active"): it can only stay so, or be concluded, which withdraws it."""

    status = forms.ChoiceField(
        label="Status",
        choices=[
            (EngagementStatus.ACTIVE, "Active"),
            (EngagementStatus.PAUSED, "Paused"),
            (EngagementStatus.CONCLUDED, "Concluded"),
        ],
    )
    reason = forms.CharField(label="Note", required=False, max_length=500)

    def __init__(self, *args: Any, current: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if current == EngagementStatus.INVITED:
            self.fields["status"].choices = [  # type: ignore[attr-defined]
                (EngagementStatus.INVITED, "Invited: the client has not joined yet"),
                (EngagementStatus.CONCLUDED, "Concluded: withdraw the invitation"),
            ]
            self.fields["status"].error_messages["invalid_choice"] = (
                "The client has not accepted the invitation yet."
            )


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


class AcknowledgeForm(forms.Form):
    code = forms.ChoiceField(choices=FlagCode.choices)
    next = forms.CharField(required=False, max_length=500)
