"""The exploration board of an engagement: the client's options; the coach reads and comments."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from headway.accounts.http import HtmxHttpRequest, current_user, safe_next
from headway.engagements.access import get_engagement
from headway.exploration.access import get_option
from headway.exploration.forms import (
    AddOptionForm,
    CommentForm,
    ExperimentForm,
    InterviewForm,
    ResearchForm,
)
from headway.exploration.models import BOARD, MAX_ACTIVE_OPTIONS, Option
from headway.exploration.services import (
    comment_add,
    experiment_add,
    interview_add,
    option_add,
    option_restore,
    option_set_aside,
    option_update,
)
from headway.onet.models import Occupation


@login_required
def board(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    form = AddOptionForm(request.POST or None)
    if request.method == "POST":
        engagement.require_client_write(current_user(request), BOARD)
        if form.is_valid():
            try:
                option = option_add(
                    engagement=engagement,
                    by=current_user(request),
                    title=form.cleaned_data["title"],
                )
            except ValidationError as exc:
                form.add_error("title", exc)
            else:
                messages.success(request, f"“{option.title}” is on your board.")
                return redirect(option)
    options = list(engagement.options.prefetch_related("interviews", "experiments", "comments"))
    active = [o for o in options if o.set_aside_at is None]
    return render(
        request,
        "exploration/board.html",
        {
            "e": engagement,
            "active": active,
            "set_aside": [o for o in options if o.set_aside_at is not None],
            "form": form,
            "can_write": engagement.client_may_write(current_user(request)),
            "room": MAX_ACTIVE_OPTIONS - len(active),
            "max_options": MAX_ACTIVE_OPTIONS,
            "nav": "dashboard" if engagement.is_coach(current_user(request)) else "journey",
        },
    )


@login_required
@require_POST
def board_add_occupation(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    engagement.require_client_write(current_user(request), BOARD)
    occupation = get_object_or_404(Occupation, code=request.POST.get("code", ""))
    try:
        option = option_add(
            engagement=engagement,
            by=current_user(request),
            title=occupation.title,
            occupation_code=occupation.code,
        )
    except ValidationError as exc:
        if request.htmx:  # in place, beside the result: the page stays where it was
            return render(
                request,
                "exploration/_board_added.html",
                {"e": engagement, "error": " ".join(exc.messages), "title": occupation.title},
            )
        messages.error(request, " ".join(exc.messages))
        return redirect(_back(request) or reverse("board", args=[engagement.pk]))
    if request.htmx:
        return render(request, "exploration/_board_added.html", {"e": engagement, "option": option})
    messages.success(request, f"“{option.title}” is on your exploration board.")
    # From a list of pathways, back to the list (at the same result) to go on looking.
    return redirect(_back(request) or option.get_absolute_url())


def _back(request: HttpRequest) -> str | None:
    return safe_next(request, request.POST.get("next", ""))


@login_required
def board_option(request: HttpRequest, pk: int, option_pk: int) -> HttpResponse:
    option = get_option(request.user, pk, option_pk)
    engagement = option.engagement
    research = ResearchForm(request.POST or None, instance=option)
    if request.method == "POST":
        engagement.require_client_write(current_user(request), BOARD)
        if research.is_valid():
            option_update(option=option, by=current_user(request), fields=research.cleaned_data)
            messages.success(request, "Your notes are saved.")
            return redirect(option)
    return _render_option(request, option, research=research)


def _render_option(request: HttpRequest, option: Option, **forms: object) -> HttpResponse:
    engagement = option.engagement
    context = {
        "e": engagement,
        "option": option,
        "occupation": Occupation.objects.filter(code=option.occupation_code).first()
        if option.occupation_code
        else None,
        "can_write": engagement.client_may_write(current_user(request)),
        "can_comment": engagement.is_open,
        "research": ResearchForm(instance=option),
        "interview_form": InterviewForm(),
        "experiment_form": ExperimentForm(),
        "comment_form": CommentForm(),
        "nav": "dashboard" if engagement.is_coach(current_user(request)) else "journey",
        **forms,
    }
    return render(request, "exploration/option.html", context)


@login_required
@require_POST
def option_interview(request: HttpRequest, pk: int, option_pk: int) -> HttpResponse:
    option = get_option(request.user, pk, option_pk)
    option.engagement.require_client_write(current_user(request), BOARD)
    form = InterviewForm(request.POST)
    if form.is_valid():
        interview_add(option=option, by=current_user(request), **form.cleaned_data)
        messages.success(request, "Conversation logged.")
        return redirect(f"{option.get_absolute_url()}#interviews")
    return _render_option(request, option, interview_form=form)


@login_required
@require_POST
def option_experiment(request: HttpRequest, pk: int, option_pk: int) -> HttpResponse:
    option = get_option(request.user, pk, option_pk)
    option.engagement.require_client_write(current_user(request), BOARD)
    form = ExperimentForm(request.POST)
    if form.is_valid():
        try:
            experiment_add(option=option, by=current_user(request), **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Experiment added.")
            return redirect(f"{option.get_absolute_url()}#experiments")
    return _render_option(request, option, experiment_form=form)


@login_required
@require_POST
def option_comment(request: HttpRequest, pk: int, option_pk: int) -> HttpResponse:
    option = get_option(request.user, pk, option_pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            comment_add(option=option, by=current_user(request), text=form.cleaned_data["text"])
        except ValidationError as exc:
            form.add_error("text", exc)
        else:
            return redirect(f"{option.get_absolute_url()}#comments")
    return _render_option(request, option, comment_form=form)


@login_required
@require_POST
def option_set_aside_view(request: HttpRequest, pk: int, option_pk: int) -> HttpResponse:
    option = get_option(request.user, pk, option_pk)
    option.engagement.require_client_write(current_user(request), BOARD)
    try:
        if request.POST.get("restore"):
            option_restore(option=option, by=current_user(request))
            messages.success(request, f"“{option.title}” is back on your board.")
        else:
            option_set_aside(
                option=option, by=current_user(request), reason=request.POST.get("reason", "")
            )
            messages.success(request, f"“{option.title}” is set aside. It stays in your history.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("board", option.engagement_id)
