"""Forms of the offsite and resource pages."""

from __future__ import annotations

from typing import Any

from django import forms

from headway.core.planning import offsite as core
from headway.engagements.models import Engagement
from headway.offsites.models import Mode, Offsite, Resource, ResourceKind
from headway.offsites.resource_services import MAX_FILE_MB

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _months(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        coerce=int,
        choices=[(n, "1 month" if n == 1 else f"{n} months") for n in core.EVERY_MONTHS],
    )


class CycleForm(forms.Form):
    every_months = _months("An offsite every")
    minutes = forms.IntegerField(
        label="Length of each offsite, in minutes",
        min_value=core.MINUTES.start,
        max_value=core.MINUTES.stop - 1,
        help_text="180 minutes is three hours.",
    )
    priorities = forms.TypedChoiceField(
        label="Things to leave with, at most",
        coerce=int,
        choices=[(n, str(n)) for n in core.PRIORITIES],
    )
    horizon_months = _months("For the next")
    mode = forms.ChoiceField(label="Usually run", choices=Mode.choices, widget=forms.RadioSelect)
    next_on = forms.DateField(
        label="Next offsite", required=False, widget=DATE, help_text="Set after each offsite."
    )

    def __init__(self, *args: Any, engagement: Engagement, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if engagement.is_self_guided:
            self.fields["mode"].choices = [(Mode.SELF_GUIDED, Mode.SELF_GUIDED.label)]  # type: ignore[attr-defined]


class ResourceForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind", choices=ResourceKind.choices, widget=forms.RadioSelect, initial="link"
    )
    title = forms.CharField(label="Title", max_length=200)
    url = forms.URLField(
        label="Link",
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text="For a link: the address.",
    )
    note = forms.CharField(
        label="Note",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For a note: a few lines. For a link or file: what it is good for.",
    )
    file = forms.FileField(
        label="File", required=False, help_text=f"For a file: up to {MAX_FILE_MB} MB."
    )
    stages = forms.MultipleChoiceField(
        label="Stages it suits", required=False, widget=forms.CheckboxSelectMultiple
    )
    themes = forms.CharField(
        label="Themes",
        required=False,
        max_length=300,
        help_text="Your own words, separated by commas, e.g. values, energy, networking.",
    )

    def __init__(self, *args: Any, stages: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stages"].choices = stages  # type: ignore[attr-defined]


class OffsiteChoiceField(forms.ModelChoiceField[Offsite]):
    def label_from_instance(self, obj: Offsite) -> str:
        return f"{obj.held_on:%-d %B %Y}"


class ShareForm(forms.Form):
    resource = forms.ModelChoiceField(label="Resource", queryset=Resource.objects.none())
    offsite = OffsiteChoiceField(
        label="For the offsite",
        queryset=Offsite.objects.none(),
        required=False,
        empty_label="No particular offsite",
    )
    stage_key = forms.ChoiceField(label="For the stage", required=False)
    note = forms.CharField(
        label="Why this one",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, engagement: Engagement, owner: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["resource"].queryset = Resource.objects.filter(owner=owner)  # type: ignore[attr-defined]
        offsite_field = self.fields["offsite"]
        assert isinstance(offsite_field, forms.ModelChoiceField)
        offsite_field.queryset = engagement.offsites.all()
        stages = engagement.model_version.stages.order_by("position")
        self.fields["stage_key"].choices = [  # type: ignore[attr-defined]
            ("", "No particular stage"),
            *((s.key, s.name) for s in stages),
        ]


class MarkForm(forms.Form):
    used = forms.BooleanField(label="I have used it", required=False)
    useful = forms.TypedChoiceField(
        label="Was it useful?",
        required=False,
        choices=[("", "Not saying yet"), ("yes", "Yes"), ("no", "Not really")],
        coerce=lambda v: {"yes": True, "no": False}.get(v),
        empty_value=None,
    )
