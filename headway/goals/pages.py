"""The two pages of goals, rendered with whichever of their forms came back with errors: the
goals page (every goal, the new-goal form, accountability links) and one goal's page (edit,
status, steps, obstacles, history)."""

from __future__ import annotations

from typing import Any

from django.db.models import prefetch_related_objects
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from headway.decisions.models import DecisionMatrix, MatrixOption
from headway.engagements.models import Engagement
from headway.goals.common import (
    TEMPLATES,
    GoalView,
    analyse,
    goal_view,
    nav_of,
    panel_for,
    parse_day,
    reader_about,
    revision_views,
    today,
)
from headway.goals.forms import (
    EditGoalForm,
    GoalForm,
    ObstacleForm,
    PartnerForm,
    StatusForm,
    StepForm,
)
from headway.goals.models import (
    MAX_ACTIVE_GOALS,
    AccountabilityLink,
    Goal,
    GoalStatus,
    Obstacle,
    StepKind,
)

FROM_DECISION = "decision"  # ?from=decision: the client came from the decision matrix


def _value(form: Form, name: str) -> str:
    value = form[name].value()
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def form_context(form: GoalForm) -> dict[str, Any]:
    """The new or edited goal's SMART panel and due-date field, from what the form holds."""
    text, due = _value(form, "text"), _value(form, "due_on")
    return {
        "form": form,
        "panel": panel_for(text, parse_day(due)),
        "due_value": due,
        "due_auto": _value(form, "due_auto"),
        "due_errors": form.errors.get("due_on") if form.is_bound else None,
    }


def decision_choice(engagement: Engagement, request: HttpRequest) -> MatrixOption | None:
    """The option chosen in the decision matrix, when the client came from "Turn this into
    goals" (kept through the form's posts by a hidden field)."""
    came = request.POST.get("from") if request.method == "POST" else request.GET.get("from")
    if came != FROM_DECISION or not engagement.client_may_write(request.user):
        return None
    matrix = (
        DecisionMatrix.objects.filter(engagement=engagement)
        .select_related("chosen__board_option")
        .first()
    )
    return matrix.chosen if matrix else None


def goal_form_from(engagement: Engagement, chosen: MatrixOption | None) -> GoalForm:
    """A new goal's form; from a decision, it starts with the chosen option in the client's
    words and as the option the goal moves forward, for the client to make their own."""
    if chosen is None:
        return GoalForm(engagement=engagement)
    initial: dict[str, Any] = {"text": f"Move into {chosen.title}"}
    board = chosen.board_option
    if board is not None and engagement.options.active().filter(pk=board.pk).exists():
        initial["option"] = board.pk
    return GoalForm(engagement=engagement, initial=initial)


def render_goals_page(
    request: HttpRequest,
    engagement: Engagement,
    *,
    form: GoalForm | None = None,
    full: bool = False,
    new_link: str = "",
    partner_form: PartnerForm | None = None,
    status: int = 200,
) -> HttpResponse:
    goals = list(
        Goal.objects.filter(engagement=engagement)
        .select_related("option")
        .prefetch_related("steps")
    )
    on = today()
    about = reader_about(engagement, request)
    views = [goal_view(g, on=on, about=about) for g in goals]
    chosen = decision_choice(engagement, request)
    active = [v for v in views if v.goal.status == GoalStatus.ACTIVE]
    context = {
        "e": engagement,
        "active": active,
        "paused": [v for v in views if v.goal.status == GoalStatus.PAUSED],
        "closed": [v for v in views if v.goal.status in (GoalStatus.ACHIEVED, GoalStatus.DROPPED)],
        "can_write": engagement.client_may_write(request.user),
        "is_client": engagement.is_client(request.user),
        "about": about,
        "room": MAX_ACTIVE_GOALS - len(active),
        "max_goals": MAX_ACTIVE_GOALS,
        "full": full,
        "links": AccountabilityLink.objects.filter(engagement=engagement),
        "new_link": new_link,
        "partner_form": partner_form or PartnerForm(),
        "nav": nav_of(engagement, request),
        "chosen": chosen,
        "from_decision": FROM_DECISION,
        **form_context(form or goal_form_from(engagement, chosen)),
    }
    return render(request, f"{TEMPLATES}goals.html", context, status=status)


def edit_form_of(goal: Goal) -> EditGoalForm:
    due = goal.due_on.isoformat() if goal.due_on else ""
    check = analyse(goal.text)
    deadline = check.deadline if check else None
    return EditGoalForm(
        engagement=goal.engagement,
        goal=goal,
        initial={
            "text": goal.text,
            "confidence": goal.confidence,
            "hours_per_week": goal.hours_per_week,
            "value_key": goal.value_key,
            "option": goal.option_id,
            "due_on": due,
            # A due date the text itself names may follow the text when it changes.
            "due_auto": due if deadline and deadline == goal.due_on else "",
        },
    )


def obstacle_rows(
    goal: Goal, edit_obstacle: int | None, edit_form: ObstacleForm | None
) -> list[tuple[Obstacle, ObstacleForm]]:
    """Each obstacle with its edit form: the one sent back with errors, or its words."""
    rows = []
    for o in goal.obstacles.all():
        if o.pk == edit_obstacle and edit_form is not None:
            form = edit_form
        else:
            parts = o.if_then
            form = ObstacleForm(
                initial={"obstacle": parts.obstacle, "plan": parts.plan},
                auto_id=f"obstacle-{o.pk}-%s",
            )
        rows.append((o, form))
    return rows


def render_goal_page(
    request: HttpRequest, goal: Goal, *, status: int = 200, **forms: Any
) -> HttpResponse:
    engagement = goal.engagement
    # The conversations under the goal and under each step, with their authors, in 3 queries.
    prefetch_related_objects([goal], "replies__author", "steps__replies__author")
    about = reader_about(engagement, request)
    view: GoalView = goal_view(goal, about=about)
    edit = forms.pop("form", None) or edit_form_of(goal)
    context = {
        "e": engagement,
        "g": view,
        "goal": goal,
        "can_write": engagement.client_may_write(request.user),
        "about": about,
        "is_client": engagement.is_client(request.user),
        "can_reply": engagement.is_open,
        "plan_open": goal.status in (GoalStatus.ACTIVE, GoalStatus.PAUSED),
        "obstacles": obstacle_rows(
            goal, forms.get("edit_obstacle"), forms.pop("edit_obstacle_form", None)
        ),
        "revisions": revision_views(goal),
        "status_form": StatusForm(),
        "status_choices": [
            (value, label)
            for value, label in StatusForm.base_fields["status"].choices  # type: ignore[attr-defined]
            if value != goal.status
        ],
        "kinds": StepKind.choices,
        "step_form": StepForm(),
        "obstacle_form": ObstacleForm(),
        "edit_step": None,
        "edit_obstacle": None,
        "nav": nav_of(engagement, request),
        **form_context(edit),
        **forms,
    }
    return render(request, f"{TEMPLATES}goal.html", context, status=status)
