"""The action plan of a goal: steps (add, edit, done or not, remove), obstacles with their
if-then plans, and a skill gap from transition pathways made into a step. Plain form posts,
each back to the goal's page; the client writes, the coach reads. The plan also downloads as
an .ics file."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.decorators.http import require_POST, require_safe

from headway.accounts.http import current_user
from headway.engagements.access import get_engagement
from headway.feeds.calendar import CALENDAR_TYPE
from headway.goals.access import get_goal, get_step
from headway.goals.calendar import plan_ical
from headway.goals.common import (
    TEMPLATES,
    nav_of,
    today,
)
from headway.goals.forms import GapStepForm, ObstacleForm, StepForm, gap_title
from headway.goals.models import GOALS, Goal, GoalStatus, Obstacle, StepKind
from headway.goals.pages import render_goal_page
from headway.goals.services import (
    obstacle_add,
    obstacle_delete,
    obstacle_update,
    step_add,
    step_add_from_gap,
    step_delete,
    step_set_done,
    step_update,
)


def _back(goal: Goal, anchor: str) -> HttpResponse:
    return redirect(reverse("goal_detail", args=[goal.engagement_id, goal.pk]) + f"#{anchor}")


@login_required
@require_POST
def goal_step_add(request: HttpRequest, pk: int, goal_pk: int) -> HttpResponse:
    goal = get_goal(request.user, pk, goal_pk)
    goal.engagement.require_client_write(current_user(request), GOALS)
    form = StepForm(request.POST, today=today())
    if form.is_valid():
        try:
            step = step_add(goal=goal, by=current_user(request), **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Step added: “{step.title}”.")
            return _back(goal, "steps")
    return render_goal_page(request, goal, step_form=form)


@login_required
@require_POST
def goal_step_edit(request: HttpRequest, pk: int, goal_pk: int, step_pk: int) -> HttpResponse:
    step = get_step(request.user, pk, goal_pk, step_pk)
    step.goal.engagement.require_client_write(current_user(request), GOALS)
    form = StepForm(request.POST, today=today(), current_due=step.due_on)
    if form.is_valid():
        try:
            step_update(step=step, by=current_user(request), fields=form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Step saved: “{step.title}”.")
            return _back(step.goal, f"step-{step.pk}")
    return render_goal_page(request, step.goal, edit_step=step.pk, edit_step_form=form)


@login_required
@require_POST
def goal_step_done(request: HttpRequest, pk: int, goal_pk: int, step_pk: int) -> HttpResponse:
    step = get_step(request.user, pk, goal_pk, step_pk)
    step.goal.engagement.require_client_write(current_user(request), GOALS)
    done = request.POST.get("done") == "1"
    try:
        step_set_done(step=step, by=current_user(request), done=done)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        state = "done" if done else "not done yet"
        messages.success(request, f"“{step.title}” is marked {state}.")
    return _back(step.goal, f"step-{step.pk}")


@login_required
@require_POST
def goal_step_delete(request: HttpRequest, pk: int, goal_pk: int, step_pk: int) -> HttpResponse:
    step = get_step(request.user, pk, goal_pk, step_pk)
    step.goal.engagement.require_client_write(current_user(request), GOALS)
    try:
        step_delete(step=step, by=current_user(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Step removed: “{step.title}”. The history keeps a note of it.")
    return _back(step.goal, "steps")


@login_required
@require_POST
def goal_obstacle_add(request: HttpRequest, pk: int, goal_pk: int) -> HttpResponse:
    goal = get_goal(request.user, pk, goal_pk)
    goal.engagement.require_client_write(current_user(request), GOALS)
    form = ObstacleForm(request.POST)
    if form.is_valid():
        try:
            obstacle_add(goal=goal, by=current_user(request), **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Your if-then plan is saved.")
            return _back(goal, "obstacles")
    return render_goal_page(request, goal, obstacle_form=form)


@login_required
@require_POST
def goal_obstacle_edit(
    request: HttpRequest, pk: int, goal_pk: int, obstacle_pk: int
) -> HttpResponse:
    goal = get_goal(request.user, pk, goal_pk)
    goal.engagement.require_client_write(current_user(request), GOALS)
    obstacle = get_object_or_404(Obstacle, pk=obstacle_pk, goal=goal)
    obstacle.goal = goal
    form = ObstacleForm(request.POST, auto_id=f"obstacle-{obstacle.pk}-%s")
    if form.is_valid():
        d = form.cleaned_data
        try:
            obstacle_update(
                obstacle=obstacle, by=current_user(request), text=d["obstacle"], plan=d["plan"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Your if-then plan is saved.")
            return _back(goal, f"obstacle-{obstacle.pk}")
    return render_goal_page(request, goal, edit_obstacle=obstacle.pk, edit_obstacle_form=form)


@login_required
@require_POST
def goal_obstacle_delete(
    request: HttpRequest, pk: int, goal_pk: int, obstacle_pk: int
) -> HttpResponse:
    goal = get_goal(request.user, pk, goal_pk)
    goal.engagement.require_client_write(current_user(request), GOALS)
    obstacle = get_object_or_404(Obstacle, pk=obstacle_pk, goal=goal)
    obstacle.goal = goal
    try:
        obstacle_delete(obstacle=obstacle, by=current_user(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Obstacle removed.")
    return _back(goal, "obstacles")


@login_required
def goal_from_gap(request: HttpRequest, pk: int) -> HttpResponse:
    """A gap from transition pathways, made a step: the pathways page posts the gap (element
    id and name, and the occupation); the client picks the goal and the kind of step, edits
    the suggested title and saves (the "save" button)."""
    engagement = get_engagement(request.user, pk)
    engagement.require_client_write(current_user(request), GOALS)
    data = request.POST if request.method == "POST" else request.GET
    if "save" in data:
        form = GapStepForm(data, engagement=engagement)
        if form.is_valid():
            d = form.cleaned_data
            try:
                step = step_add_from_gap(
                    engagement=engagement,
                    by=current_user(request),
                    goal=d["goal"],
                    goal_text=d["goal_text"],
                    title=d["title"],
                    kind=d["kind"],
                    element_id=d["element_id"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, f"Step added: “{step.title}”.")
                return _back(step.goal, f"step-{step.pk}")
    else:
        name, occupation = data.get("element_name", "")[:200], data.get("occupation", "")[:200]
        first_goal = Goal.objects.active().filter(engagement=engagement).first()
        form = GapStepForm(
            engagement=engagement,
            initial={
                "element_id": data.get("element_id", "")[:20],
                "element_name": name,
                "occupation": occupation,
                "kind": StepKind.COURSE,
                "title": gap_title(StepKind.COURSE, name, occupation) if name else "",
                "goal": first_goal.pk if first_goal else None,
            },
        )
    context = {
        "e": engagement,
        "form": form,
        "element_name": form["element_name"].value(),
        "occupation": form["occupation"].value(),
        "has_goals": Goal.objects.filter(
            engagement=engagement, status__in=[GoalStatus.ACTIVE, GoalStatus.PAUSED]
        ).exists(),
        "nav": nav_of(engagement, request),
    }
    return render(request, f"{TEMPLATES}from_gap.html", context)


@login_required
@require_safe
def plan_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """One engagement's plan as a file, for its client and its coach."""
    engagement = get_engagement(request.user, pk)
    name = slugify(engagement.client_name) or str(engagement.pk)
    response = HttpResponse(plan_ical(engagement), content_type=CALENDAR_TYPE)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"headway-plan-{name}.ics"
    )
    response["Cache-Control"] = "private, no-cache"
    return response


urlpatterns = [
    path("e/<int:pk>/goals/from-gap/", goal_from_gap, name="goal_from_gap"),
    path("e/<int:pk>/goals/<int:goal_pk>/steps/", goal_step_add, name="goal_step_add"),
    path(
        "e/<int:pk>/goals/<int:goal_pk>/steps/<int:step_pk>/",
        goal_step_edit,
        name="goal_step_edit",
    ),
    path(
        "e/<int:pk>/goals/<int:goal_pk>/steps/<int:step_pk>/done/",
        goal_step_done,
        name="goal_step_done",
    ),
    path(
        "e/<int:pk>/goals/<int:goal_pk>/steps/<int:step_pk>/delete/",
        goal_step_delete,
        name="goal_step_delete",
    ),
    path(
        "e/<int:pk>/goals/<int:goal_pk>/obstacles/",
        goal_obstacle_add,
        name="goal_obstacle_add",
    ),
    path(
        "e/<int:pk>/goals/<int:goal_pk>/obstacles/<int:obstacle_pk>/",
        goal_obstacle_edit,
        name="goal_obstacle_edit",
    ),
    path(
        "e/<int:pk>/goals/<int:goal_pk>/obstacles/<int:obstacle_pk>/delete/",
        goal_obstacle_delete,
        name="goal_obstacle_delete",
    ),
    path("e/<int:pk>/plan.ics", plan_ics, name="plan_ics"),
]
