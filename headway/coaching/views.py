from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from headway.accounts.http import current_user
from headway.coaching.access import get_model, get_own_model
from headway.coaching.forms import ModelDetailsForm, NewStageForm, StageForm
from headway.coaching.models import CoachingModel, Stage
from headway.coaching.services import (
    coaching_model_clone,
    stage_add,
    stage_delete,
    stage_move,
    stage_update,
)
from headway.core.coaching.question_hints import QuestionPanel, question_panel
from headway.core.coaching.tools import TOOLS
from headway.practices.access import get_membership


@login_required
def model_list(request: HttpRequest) -> HttpResponse:
    membership = get_membership(current_user(request))
    models = CoachingModel.objects.available_to(membership.practice_id).order_by(
        "practice_id", "name"
    )
    return render(
        request,
        "coaching/model_list.html",
        {
            "builtin": [m for m in models if m.is_builtin],
            "own": [m for m in models if not m.is_builtin],
            "nav": "models",
        },
    )


@login_required
def model_detail(request: HttpRequest, pk: int) -> HttpResponse:
    model = get_model(current_user(request), pk)
    version = model.latest_version()
    stages = list(version.stages.prefetch_related("questions"))
    return render(
        request,
        "coaching/model_detail.html",
        {
            "model": model,
            "version": version,
            # Each stage with the names of its tools, so a coach can judge a model before
            # cloning it.
            "stages": [(s, [TOOLS[k].name for k in s.tools if k in TOOLS]) for s in stages],
            "in_use": version.is_in_use(),
            # Only the practice's own engagements: other practices' use of a built-in is theirs.
            "engagement_count": get_membership(current_user(request))
            .practice.engagements.filter(model_version__model=model)
            .count(),
            "editable": model.practice_id is not None,
            "new_stage_form": NewStageForm(),
            "nav": "models",
        },
    )


@login_required
def model_clone(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_model(current_user(request), pk)
    initial = {
        "name": f"My {source.name}",
        "who_for": source.who_for,
        "problems_solved": source.problems_solved,
        "summary": source.summary,
    }
    form = ModelDetailsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        model = coaching_model_clone(
            source=source.latest_version(),
            practice_id=get_membership(current_user(request)).practice_id,
            by=current_user(request),
            name=d["name"],
            who_for=d["who_for"],
            problems_solved=d["problems_solved"],
        )
        if d["summary"]:
            CoachingModel.objects.filter(pk=model.pk).update(summary=d["summary"])
        messages.success(
            request, f"“{model.name}” is yours to shape: edit its stages and questions below."
        )
        return redirect("model_detail", model.pk)
    return render(
        request, "coaching/model_form.html", {"form": form, "source": source, "nav": "models"}
    )


@login_required
def model_edit(request: HttpRequest, pk: int) -> HttpResponse:
    model = get_own_model(current_user(request), pk)
    form = ModelDetailsForm(
        request.POST or None,
        initial={
            "name": model.name,
            "who_for": model.who_for,
            "problems_solved": model.problems_solved,
            "summary": model.summary,
        },
    )
    if request.method == "POST" and form.is_valid():
        CoachingModel.objects.filter(pk=model.pk).update(**form.cleaned_data)
        messages.success(request, "Saved.")
        return redirect("model_detail", model.pk)
    return render(
        request, "coaching/model_form.html", {"form": form, "model": model, "nav": "models"}
    )


def _saved_questions(stage: Stage) -> list[str]:
    return [q.text for q in stage.questions.all()]


def _panel(stage: Stage, typed: str | None = None) -> QuestionPanel:
    """The "is this question open?" hint: for the questions as typed, or as saved."""
    saved = _saved_questions(stage)
    return question_panel(saved if typed is None else typed.splitlines(), saved=saved)


def _checked(request: HttpRequest) -> StageForm:
    """The form as the coach left it, for "Check my questions" without JavaScript: nothing
    saved, no errors yet."""
    fields = ("name", "purpose", "questions", "exit_checklist")
    initial: dict[str, object] = {f: request.POST.get(f, "") for f in fields}
    initial["tools"] = request.POST.getlist("tools")
    return StageForm(initial=initial)


@login_required
def stage_edit(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    model = get_own_model(current_user(request), pk)
    stage = get_object_or_404(model.latest_version().stages, key=key)
    form = StageForm(
        request.POST or None,
        initial={
            "name": stage.name,
            "purpose": stage.purpose,
            "questions": "\n".join(_saved_questions(stage)),
            "exit_checklist": "\n".join(stage.exit_checklist),
            "tools": stage.tools,
        },
    )
    typed = request.POST.get("questions") if request.method == "POST" else None
    if "check" in request.POST:
        form = _checked(request)
    elif request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        panel = _panel(stage, typed)
        stage_update(
            model=model,
            stage_key=key,
            name=d["name"],
            purpose=d["purpose"],
            questions=d["questions"],
            exit_checklist=d["exit_checklist"],
            tools=d["tools"],
        )
        messages.success(request, f"Stage “{d['name']}” saved.")
        # The hint once more, for anyone who saved without seeing it (no JavaScript).
        for hint in panel.to_reconsider:
            messages.info(request, f"“{hint.text}” {hint.message[0].lower()}{hint.message[1:]}")
        return redirect("model_detail", model.pk)
    return render(
        request,
        "coaching/stage_form.html",
        {
            "form": form,
            "model": model,
            "stage": stage,
            "panel": _panel(stage, typed),
            "nav": "models",
        },
    )


@login_required
@require_POST
def stage_check(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    """The question hint for the questions typed so far (htmx, as the coach types)."""
    model = get_own_model(current_user(request), pk)
    stage = get_object_or_404(model.latest_version().stages, key=key)
    panel = _panel(stage, request.POST.get("questions", ""))
    return render(request, "coaching/_question_hints.html", {"panel": panel})


@login_required
@require_POST
def stage_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    model = get_own_model(current_user(request), pk)
    form = NewStageForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the new stage a name.")
        return redirect("model_detail", model.pk)
    stage = stage_add(model=model, name=form.cleaned_data["name"])
    return redirect("stage_edit", model.pk, stage.key)


@login_required
@require_POST
def stage_delete_view(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    model = get_own_model(current_user(request), pk)
    get_object_or_404(model.latest_version().stages, key=key)
    try:
        stage_delete(model=model, stage_key=key)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Stage removed.")
    return redirect("model_detail", model.pk)


@login_required
@require_POST
def stage_move_view(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    model = get_own_model(current_user(request), pk)
    offset = -1 if request.POST.get("direction") == "up" else 1
    get_object_or_404(model.latest_version().stages, key=key)
    stage_move(model=model, stage_key=key, offset=offset)
    return redirect("model_detail", model.pk)
