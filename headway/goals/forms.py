"""Forms of the goals and action plan pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.dateparse import parse_date

from headway.core.assessments.values_cards import CARDS_BY_KEY
from headway.core.planning.plan import format_day, past_date_guess
from headway.discovery.models import Assessment, Kind
from headway.engagements.models import Engagement
from headway.exploration.models import Option
from headway.goals.models import Goal, GoalStatus, StepKind

CONFIDENCE: list[tuple[int | str, str]] = [
    ("", "Not sure yet"),
    (1, "1 · not at all confident"),
    *((n, str(n)) for n in range(2, 10)),
    (10, "10 · certain"),
]
GAP_KINDS = [
    (StepKind.COURSE, "A course"),
    (StepKind.CERTIFICATION, "A certification"),
    (StepKind.MENTORING, "Mentoring"),
    (StepKind.VOLUNTEERING, "Volunteering"),
    (StepKind.ACTION, "Something else"),
]
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PAST_KEEP = "keep"  # "Save anyway": the date in the past is the one the client means


def parse_date_or_none(raw: str) -> dt.date | None:
    try:
        return parse_date(raw)
    except ValueError:
        return None


def top_values(engagement: Engagement) -> list[tuple[str, str]]:
    """(card key, name) of the top values in the latest completed values card sort."""
    latest: Assessment | None = (
        engagement.assessments.completed().of_kind(Kind.VALUES).order_by("-completed_at").first()
    )
    rows = ((latest.result or {}).get("top") or []) if latest else []
    return [
        (str(row["key"]), str(row["name"]))
        for row in rows
        if isinstance(row, dict) and row.get("key") and row.get("name")
    ]


class GoalForm(forms.Form):
    text = forms.CharField(
        label="My goal",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="In your own words: what you will do, how you will know, and by when.",
    )
    confidence = forms.TypedChoiceField(
        label="How confident am I that I will get there?",
        choices=CONFIDENCE,
        coerce=int,
        empty_value=None,
        required=False,
    )
    hours_per_week = forms.IntegerField(
        label="Hours a week I can give it", min_value=0, max_value=168, required=False
    )
    value_key = forms.ChoiceField(label="A value it serves", required=False)
    option = forms.ModelChoiceField(
        label="An option it moves forward",
        queryset=Option.objects.none(),
        required=False,
        empty_label="None",
    )
    due_on = forms.DateField(label="Due date", required=False, widget=DATE)
    # The date the analysis last filled in, so a later analysis may replace it (never one the
    # client typed).
    due_auto = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, engagement: Engagement, goal: Goal | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        values = top_values(engagement)
        current = goal.value_key if goal else ""
        if current and current not in dict(values):
            card = CARDS_BY_KEY.get(current)
            values.append((current, card.name if card else current))
        self.fields["value_key"].choices = [("", "None"), *values]  # type: ignore[attr-defined]
        options = engagement.options.active()
        if goal is not None and goal.option_id:
            options = Option.objects.filter(engagement=engagement).filter(
                pk__in=[*options.values_list("pk", flat=True), goal.option_id]
            )
        self.fields["option"].queryset = options  # type: ignore[attr-defined]
        if not values:
            self.fields[
                "value_key"
            ].help_text = "Your top values appear here once you have sorted your values."

    def goal_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in ("text", "confidence", "hours_per_week", "value_key", "option", "due_on")
        }


class EditGoalForm(GoalForm):
    reason = forms.CharField(
        label="What changed, and why?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Kept with this revision in the goal's history.",
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label="Where this goal stands",
        choices=[
            (GoalStatus.ACHIEVED, "Achieved"),
            (GoalStatus.PAUSED, "Paused for now"),
            (GoalStatus.DROPPED, "Let go"),
            (GoalStatus.ACTIVE, "Active"),
        ],
    )
    reason = forms.CharField(label="What led to this?", required=False, max_length=2000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Its own ids: it shares a page with the goal's form, whose fields have the same names.
        kwargs.setdefault("auto_id", "status_%s")
        super().__init__(*args, **kwargs)


class StepForm(forms.Form):
    """A step. A new date before today is asked about, not refused: the page offers the date
    the client more likely meant and "Save anyway" (the buttons post `past`)."""

    title = forms.CharField(label="Step", max_length=300)
    kind = forms.ChoiceField(label="Kind", choices=StepKind.choices, initial=StepKind.ACTION)
    due_on = forms.DateField(label="By when", required=False, widget=DATE)

    def __init__(
        self,
        *args: Any,
        today: dt.date | None = None,
        current_due: dt.date | None = None,
        **kwargs: Any,
    ) -> None:
        # Its own ids: it shares a page with the goal's form, whose fields have the same names.
        kwargs.setdefault("auto_id", "step_%s")
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.current_due = current_due  # a date kept as it was is not asked about again
        self.past_day: dt.date | None = None
        self.past_guess: dt.date | None = None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, choice = data.get("due_on"), self.data.get("past", "")
        if choice and choice != PAST_KEEP:
            guess = parse_date_or_none(choice)
            if guess is not None and guess >= self.today:
                data["due_on"] = guess
                return data
        if day and day < self.today and day != self.current_due and choice != PAST_KEEP:
            self.past_day, self.past_guess = day, past_date_guess(day, today=self.today)
            meant = f" Did you mean {format_day(self.past_guess)}?" if self.past_guess else ""
            self.add_error("due_on", f"{format_day(day)} is in the past.{meant}")
        return data


class ObstacleForm(forms.Form):
    obstacle = forms.CharField(
        label="If…",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Something that might get in the way, e.g. “If a night shift leaves me too tired to study”.",
    )
    plan = forms.CharField(
        label="…then I will",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What you will do when it happens.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Its own ids: it shares a page with the goal's form, whose fields have the same names.
        kwargs.setdefault("auto_id", "obstacle_%s")
        super().__init__(*args, **kwargs)


class GapStepForm(forms.Form):
    """A skill gap made into a step. The gap's own facts travel as hidden fields so the page
    can be shown again, unchanged, when something is missing."""

    element_id = forms.CharField(max_length=20, required=False, widget=forms.HiddenInput)
    element_name = forms.CharField(max_length=200, required=False, widget=forms.HiddenInput)
    occupation = forms.CharField(max_length=200, required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        label="What kind of step?",
        choices=GAP_KINDS,
        widget=forms.RadioSelect,
        initial=StepKind.COURSE,
    )
    title = forms.CharField(label="The step", max_length=300)
    goal = forms.ModelChoiceField(
        label="For which goal?",
        queryset=Goal.objects.none(),
        required=False,
        empty_label="A new goal",
        widget=forms.RadioSelect,
    )
    goal_text = forms.CharField(
        label="The new goal, in your own words",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Only when the step is for a new goal.",
    )

    def __init__(self, *args: Any, engagement: Engagement, **kwargs: Any):
        super().__init__(*args, **kwargs)
        goals = Goal.objects.filter(
            engagement=engagement, status__in=[GoalStatus.ACTIVE, GoalStatus.PAUSED]
        )
        self.fields["goal"].queryset = goals  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("goal") and not (data.get("goal_text") or "").strip():
            self.add_error("goal_text", "Pick one of your goals, or write the new goal here.")
        return data


def gap_title(kind: str, element: str, occupation: str) -> str:
    """The suggested title of a step from a gap: the client edits it as they like."""
    verbs: dict[str, str] = {
        StepKind.COURSE: "Find a course in",
        StepKind.CERTIFICATION: "Look into a certification in",
        StepKind.MENTORING: "Find a mentor for",
        StepKind.VOLUNTEERING: "Find volunteering that builds",
    }
    verb = verbs.get(kind, "Build up")
    for_whom = f" (for {occupation})" if occupation else ""
    return f"{verb} {element}{for_whom}"[:300]


class PartnerForm(forms.Form):
    partner_name = forms.CharField(
        label="Who is the link for?",
        max_length=120,
        help_text="Their name, to tell your links apart. They will see your first name, active goals and steps: nothing else.",
    )
