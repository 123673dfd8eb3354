from __future__ import annotations

from django import forms

from headway.privacy.models import AuditKind


class EraseForm(forms.Form):
    email = forms.EmailField(
        label="Type your email address to confirm",
        help_text="This cannot be undone.",
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


class AuditFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind", required=False, choices=[("", "All kinds"), *AuditKind.choices]
    )
    person = forms.TypedChoiceField(label="Person", required=False, coerce=int, empty_value=None)

    def __init__(self, *args: object, people: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["person"].choices = [("", "Everyone"), *people]  # type: ignore[attr-defined]
