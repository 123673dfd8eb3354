"""Forms of the decision matrix. The grid and gut forms are built from the matrix's rows: one
field per cell, each labelled with its option and criterion for screen readers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django import forms

from headway.decisions.models import Criterion, MatrixOption, Risk
from headway.decisions.services import DEFAULT_WEIGHT, criterion_help

WEIGHTS = [
    (1, "1 · a little"),
    (2, "2 · somewhat"),
    (3, "3 · quite a lot"),
    (4, "4 · a lot"),
    (5, "5 · most of all"),
]
ENDS = {1: "1 · no pull at all", 10: "10 · a strong pull"}
GUT: list[tuple[int | str, str]] = [
    ("", "Not rated yet"),
    *((n, ENDS.get(n, str(n))) for n in range(1, 11)),
]


def score_key(option_id: int, criterion_id: int) -> str:
    return f"s_{option_id}_{criterion_id}"


def weight_key(criterion_id: int) -> str:
    return f"w_{criterion_id}"


def gut_key(option_id: int) -> str:
    return f"g_{option_id}"


@dataclass(frozen=True)
class GridRow:
    criterion: Criterion
    help: str
    weight: forms.BoundField
    cells: list[tuple[MatrixOption, forms.BoundField]]


class GridForm(forms.Form):
    """Every score (empty: not scored yet) and every weight of the matrix."""

    def __init__(
        self,
        options: Sequence[MatrixOption],
        criteria: Sequence[Criterion],
        scores: dict[tuple[int, int], int],
        *args: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.options, self.criteria = list(options), list(criteria)
        for c in self.criteria:
            self.fields[weight_key(c.pk)] = forms.TypedChoiceField(
                label=f"How much {c.name} matters",
                choices=WEIGHTS,
                coerce=int,
                # Not required: an htmx post of one cell, or an older tab, may leave it out.
                required=False,
                empty_value=None,
                initial=c.weight,
                error_messages={"invalid_choice": f"Choose 1 to 5 for how much {c.name} matters."},
                widget=forms.Select(attrs={"aria-label": f"How much {c.name} matters"}),
            )
            for o in self.options:
                where = f"{o.title} on {c.name}"
                self.fields[score_key(o.pk, c.pk)] = forms.IntegerField(
                    label=f"Score for {where}",
                    required=False,
                    min_value=1,
                    max_value=10,
                    initial=scores.get((o.pk, c.pk)),
                    error_messages={
                        "invalid": f"The score for {where} needs a whole number from 1 to 10.",
                        "min_value": f"Scores run from 1 to 10: the one for {where} is below 1.",
                        "max_value": f"Scores run from 1 to 10: the one for {where} is above 10.",
                    },
                    widget=forms.NumberInput(
                        attrs={
                            "aria-label": f"Score for {where}",
                            "min": 1,
                            "max": 10,
                            "inputmode": "numeric",
                            "class": "dm-score",
                        }
                    ),
                )

    def rows(self) -> list[GridRow]:
        return [
            GridRow(
                criterion=c,
                help=criterion_help(c),
                weight=self[weight_key(c.pk)],
                cells=[(o, self[score_key(o.pk, c.pk)]) for o in self.options],
            )
            for c in self.criteria
        ]

    def posted_scores(self) -> dict[tuple[int, int], int | None]:
        """The cells this post carried: a field not posted keeps its score."""
        return {
            (o.pk, c.pk): self.cleaned_data[score_key(o.pk, c.pk)]
            for o in self.options
            for c in self.criteria
            if score_key(o.pk, c.pk) in self.data
        }

    def posted_weights(self) -> dict[int, int]:
        weights = {c.pk: self.cleaned_data.get(weight_key(c.pk)) for c in self.criteria}
        return {pk: w for pk, w in weights.items() if w is not None}


class GutForm(forms.Form):
    """How strongly each option pulls, 1-10, whatever the scores say."""

    def __init__(self, options: Sequence[MatrixOption], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options = list(options)
        for o in self.options:
            self.fields[gut_key(o.pk)] = forms.TypedChoiceField(
                label=o.title,
                choices=GUT,
                coerce=int,
                empty_value=None,
                required=False,
                initial=o.gut,
                error_messages={"invalid_choice": f"Choose 1 to 10 for the pull of {o.title}."},
            )

    def posted(self) -> dict[int, int | None]:
        return {
            o.pk: self.cleaned_data[gut_key(o.pk)]
            for o in self.options
            if gut_key(o.pk) in self.data
        }


class OptionAddForm(forms.Form):
    title = forms.CharField(
        label="Another option",
        max_length=200,
        help_text="In your own words. It joins this matrix only, not your exploration board.",
    )


class CriterionAddForm(forms.Form):
    name = forms.CharField(
        label="A criterion of your own",
        max_length=120,
        help_text="Something that matters to you in this choice, for example “Close to my family”.",
    )
    weight = forms.TypedChoiceField(
        label="How much it matters", choices=WEIGHTS, coerce=int, initial=DEFAULT_WEIGHT
    )


class CriterionRenameForm(forms.Form):
    name = forms.CharField(label="Name", max_length=120)


class RiskForm(forms.ModelForm[Risk]):
    class Meta:
        model = Risk
        fields = ["risk", "mitigation"]
        widgets = {
            "risk": forms.Textarea(attrs={"rows": 2}),
            "mitigation": forms.Textarea(attrs={"rows": 2}),
        }


class ChoiceForm(forms.Form):
    option = forms.ModelChoiceField(
        label="The option I choose",
        queryset=MatrixOption.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": "Pick the option you choose.",
            "invalid_choice": "Pick one of the options in the matrix.",
        },
    )
    reason = forms.CharField(
        label="Why this one",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="In a sentence or two: what tipped it? Reading it again later can help.",
    )

    def __init__(self, matrix_options: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["option"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = matrix_options
