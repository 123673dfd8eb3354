"""SMART goals: the goals page (write a goal with the SMART panel asking as you type), one
goal's page (edit with a reason, status) and the panel itself for htmx. The client writes;
the coach reads. The action plan's views are in plan_views, accountability links in
partner_views; every URL of the part is listed here."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from headway.accounts.http import current_user
from headway.engagements.access import get_engagement
from headway.engagements.models import Engagement
from headway.goals import partner_views, plan_views
from headway.goals.access import get_goal
from headway.goals.common import (
    TEMPLATES,
    auto_due,
    panel_for,
    parse_day,
)
from headway.goals.forms import EditGoalForm, GoalForm, StatusForm
from headway.goals.models import GOALS, Goal, GoalStatus
from headway.goals.pages import render_goal_page, render_goals_page
from headway.goals.services import goal_create, goal_set_status, goal_update

STATUS_MESSAGES = {
    GoalStatus.ACHIEVED: "Marked as achieved. What made the difference?",
    GoalStatus.PAUSED: "Paused. It waits here until you pick it up again.",
    GoalStatus.DROPPED: "Let go. It stays in your history.",
    GoalStatus.ACTIVE: "Active again.",
}


def _checked(request: HttpRequest, engagement: Engagement, goal: Goal | None = None) -> GoalForm:
    """The form as the client left it, for "Check my goal" without JavaScript: no errors yet,
    and the due date filled in from the text where the analysis may."""
    data = request.POST.dict()
    data.pop("csrfmiddlewaretoken", None)
    due = auto_due(data.get("text", ""), data.get("due_on", ""), data.get("due_auto", ""))
    if due is not None:
        data["due_on"] = data["due_auto"] = due
    form_class = EditGoalForm if goal is not None else GoalForm
    return form_class(initial=data, engagement=engagement, goal=goal)


def _fill_due(form: GoalForm) -> dict[str, Any]:
    """The goal's fields; an empty due date takes the date the goal's own words name."""
    fields = form.goal_fields()
    if fields["due_on"] is None:
        panel = panel_for(fields["text"], None)
        fields["due_on"] = panel.deadline if panel else None
    return fields


@login_required
def goals(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    if request.method != "POST":
        return render_goals_page(request, engagement)
    engagement.require_client_write(current_user(request), GOALS)
    if "check" in request.POST:
        return render_goals_page(request, engagement, form=_checked(request, engagement))
    form = GoalForm(request.POST, engagement=engagement)
    if form.is_valid():
        paused = bool(request.POST.get("keep_paused"))
        try:
            goal = goal_create(
                engagement=engagement,
                by=current_user(request),
                status=GoalStatus.PAUSED if paused else GoalStatus.ACTIVE,
                **_fill_due(form),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            full = getattr(exc, "code", None) == "full"
            return render_goals_page(request, engagement, form=form, full=full)
        note = "kept as a paused goal" if paused else "saved"
        messages.success(request, f"Your goal is {note}. What could be a first step?")
        return redirect("goal_detail", engagement.pk, goal.pk)
    return render_goals_page(request, engagement, form=form)


@login_required
@require_POST
def goal_check(request: HttpRequest, pk: int) -> HttpResponse:
    """The SMART panel for the words typed so far (htmx, as the client types); the due-date
    field too, when the analysis may fill it."""
    engagement = get_engagement(request.user, pk)
    engagement.require_client_write(current_user(request), GOALS)
    text = request.POST.get("text", "")
    due_on, due_auto = request.POST.get("due_on", ""), request.POST.get("due_auto", "")
    new_due = auto_due(text, due_on, due_auto)
    context = {
        "panel": panel_for(text, parse_day(due_on if new_due is None else new_due)),
        "update_due": new_due is not None,
        "due_value": due_on if new_due is None else new_due,
        "due_auto": due_auto if new_due is None else new_due,
    }
    return render(request, f"{TEMPLATES}_smart_check.html", context)


@login_required
def goal_detail(request: HttpRequest, pk: int, goal_pk: int) -> HttpResponse:
    goal = get_goal(request.user, pk, goal_pk)
    if request.method != "POST":
        return render_goal_page(request, goal)
    goal.engagement.require_client_write(current_user(request), GOALS)
    if "check" in request.POST:
        form = _checked(request, goal.engagement, goal)
        return render_goal_page(request, goal, form=form, editing=True)
    form = EditGoalForm(request.POST, engagement=goal.engagement, goal=goal)
    if form.is_valid():
        try:
            revision = goal_update(
                goal=goal,
                by=current_user(request),
                fields=_fill_due(form),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if revision is None:
                messages.info(request, "Nothing changed.")
            else:
                messages.success(request, "Saved. The change is in the goal's history.")
            return redirect("goal_detail", goal.engagement_id, goal.pk)
    return render_goal_page(request, goal, form=form)


@login_required
@require_POST
def goal_status(request: HttpRequest, pk: int, goal_pk: int) -> HttpResponse:
    goal = get_goal(request.user, pk, goal_pk)
    goal.engagement.require_client_write(current_user(request), GOALS)
    back = (
        reverse("goals", args=[pk])
        if request.POST.get("back") == "list"
        else reverse("goal_detail", args=[pk, goal.pk])
    )
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose where the goal stands: achieved, paused, let go or active.")
        return redirect(back)
    status = form.cleaned_data["status"]
    try:
        goal_set_status(
            goal=goal, by=current_user(request), status=status, reason=form.cleaned_data["reason"]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, STATUS_MESSAGES[status])
    return redirect(back)


urlpatterns = [
    path("e/<int:pk>/goals/", goals, name="goals"),
    path("e/<int:pk>/goals/check/", goal_check, name="goal_check"),
    path("e/<int:pk>/goals/<int:goal_pk>/", goal_detail, name="goal_detail"),
    path("e/<int:pk>/goals/<int:goal_pk>/status/", goal_status, name="goal_status"),
    *plan_views.urlpatterns,
    *partner_views.urlpatterns,
]
