"""The decision matrix pages: one page to score, read the totals, check the gut, note risks
and choose; small form posts for each change. The client writes; the coach reads. Every form
works as a plain post; with htmx the grid and the gut check save as the client goes."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from headway.accounts.http import HtmxHttpRequest, current_user
from headway.decisions.access import get_matrix
from headway.decisions.forms import (
    ChoiceForm,
    CriterionAddForm,
    CriterionRenameForm,
    GridForm,
    GutForm,
    OptionAddForm,
    RiskForm,
)
from headway.decisions.models import DECISIONS, Criterion, DecisionMatrix, MatrixOption, Risk, Score
from headway.decisions.services import (
    MAX_OPTIONS,
    STAY,
    decision_analyse,
    decision_choose,
    decision_criterion_add,
    decision_criterion_remove,
    decision_criterion_update,
    decision_gut_set,
    decision_matrix_start,
    decision_option_add,
    decision_option_remove,
    decision_risk_add,
    decision_risk_remove,
    decision_risk_update,
    decision_scores_set,
)
from headway.engagements.access import get_engagement

TEMPLATES = "decisions/"


def _writable_matrix(request: HttpRequest, pk: int) -> DecisionMatrix:
    matrix = get_matrix(request.user, pk)
    matrix.engagement.require_client_write(current_user(request), DECISIONS)
    return matrix


def _back(matrix: DecisionMatrix, anchor: str = "") -> HttpResponse:
    url = reverse("decision_matrix", args=[matrix.engagement_id])
    return redirect(f"{url}#{anchor}" if anchor else url)


def _scores(matrix: DecisionMatrix) -> dict[tuple[int, int], int]:
    rows = Score.objects.filter(option__matrix=matrix).values_list(
        "option_id", "criterion_id", "value"
    )
    return {(o, c): v for o, c, v in rows}


def _page(request: HttpRequest, matrix: DecisionMatrix, **bound: Any) -> HttpResponse:
    """The whole page; `bound` holds forms that came back with errors, to show as typed."""
    engagement = matrix.engagement
    options = list(matrix.options.prefetch_related("risks"))
    criteria = list(matrix.criteria.all())
    can_write = engagement.client_may_write(current_user(request))
    grid = bound.pop("grid", None) or GridForm(options, criteria, _scores(matrix))
    risk_forms = bound.pop("risk_forms", {})
    rename_forms = bound.pop("rename_forms", {})
    edit_forms = bound.pop("edit_forms", {})
    for c in criteria:
        form = rename_forms.get(c.pk) or CriterionRenameForm(
            prefix=f"c{c.pk}", initial={"name": c.name}
        )
        form.fields["name"].label = f"Rename “{c.name}”"
        c.rename_form = form  # type: ignore[attr-defined]
    for o in options:
        o.risk_form = risk_forms.get(o.pk) or RiskForm(prefix=f"o{o.pk}")  # type: ignore[attr-defined]
        o.risk_list = list(o.risks.all())  # type: ignore[attr-defined]
        for r in o.risk_list:  # type: ignore[attr-defined]
            r.form = edit_forms.get(r.pk) or RiskForm(instance=r, prefix=f"r{r.pk}")
    titles = {o.title.casefold() for o in options}
    board = engagement.options.active()
    in_matrix = {o.board_option_id for o in options}
    context = {
        "e": engagement,
        "matrix": matrix,
        "options": options,
        "criteria": criteria,
        "grid": grid,
        "rows": grid.rows(),
        "analysis": decision_analyse(matrix, options, criteria),
        "gut_form": bound.pop("gut_form", None) or GutForm(options),
        "option_form": bound.pop("option_form", None) or OptionAddForm(),
        "criterion_form": bound.pop("criterion_form", None) or CriterionAddForm(),
        "choice_form": bound.pop("choice_form", None)
        or ChoiceForm(
            matrix.options.all(),
            initial={"option": matrix.chosen_id, "reason": matrix.choice_reason},
        ),
        "open_setup": bound.pop("open_setup", False),
        "can_write": can_write,
        "concluded": not engagement.is_open,
        "offer_stay": can_write and STAY.casefold() not in titles and len(options) < MAX_OPTIONS,
        "stay": STAY,
        "new_on_board": [o for o in board if o.pk not in in_matrix],
        "nav": "dashboard" if engagement.is_coach(current_user(request)) else "journey",
    }
    return render(request, TEMPLATES + "matrix.html", context)


@login_required
def decision_matrix(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    matrix = DecisionMatrix.objects.filter(engagement=engagement).first()
    if matrix is None:
        values = engagement.assessments.completed().of_kind("values").exists()
        strengths = engagement.assessments.completed().of_kind("strengths").exists()
        return render(
            request,
            TEMPLATES + "start.html",
            {
                "e": engagement,
                "board": list(engagement.options.active()),
                "has_values": values,
                "has_strengths": strengths,
                "stay": STAY,
                "can_write": engagement.client_may_write(current_user(request)),
                "nav": "dashboard" if engagement.is_coach(current_user(request)) else "journey",
            },
        )
    matrix.engagement = engagement
    return _page(request, matrix)


@login_required
@require_POST
def decision_start(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    engagement.require_client_write(current_user(request), DECISIONS)
    fresh = not DecisionMatrix.objects.filter(engagement=engagement).exists()
    try:
        decision_matrix_start(engagement=engagement, by=current_user(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            "Your matrix is ready: the options from your board against what matters to you."
            if fresh
            else "Brought in what changed on your board and in your results. Your scores are kept.",
        )
    return redirect("decision_matrix", engagement.pk)


def _all_errors(form: Form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def _saved(request: HttpRequest, matrix: DecisionMatrix, error: str = "") -> HttpResponse:
    """The htmx answer: a status line, and the results and gut questions out of band."""
    if error:
        return render(request, TEMPLATES + "_saved.html", {"error": error}, status=422)
    options = list(matrix.options.all())
    criteria = list(matrix.criteria.all())
    context = {"e": matrix.engagement, "analysis": decision_analyse(matrix, options, criteria)}
    return render(request, TEMPLATES + "_saved.html", context)


@login_required
@require_POST
def decision_scores(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    matrix = _writable_matrix(request, pk)
    grid = GridForm(
        list(matrix.options.all()), list(matrix.criteria.all()), _scores(matrix), request.POST
    )
    if grid.is_valid():
        try:
            decision_scores_set(
                matrix=matrix,
                by=current_user(request),
                scores=grid.posted_scores(),
                weights=grid.posted_weights(),
            )
        except ValidationError as exc:
            grid.add_error(None, exc)
    if request.htmx:
        return _saved(request, matrix, _all_errors(grid))
    if grid.errors:
        return _page(request, matrix, grid=grid)
    messages.success(request, "Scores saved.")
    return _back(matrix, "results")


@login_required
@require_POST
def decision_gut(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    matrix = _writable_matrix(request, pk)
    form = GutForm(list(matrix.options.all()), request.POST)
    if form.is_valid():
        try:
            decision_gut_set(matrix=matrix, by=current_user(request), gut=form.posted())
        except ValidationError as exc:
            form.add_error(None, exc)
    if request.htmx:
        return _saved(request, matrix, _all_errors(form))
    if form.errors:
        return _page(request, matrix, gut_form=form)
    messages.success(request, "Your gut check is saved.")
    return _back(matrix, "gut")


@login_required
@require_POST
def decision_options(request: HttpRequest, pk: int) -> HttpResponse:
    matrix = _writable_matrix(request, pk)
    form = OptionAddForm(request.POST)
    if form.is_valid():
        try:
            option = decision_option_add(
                matrix=matrix, by=current_user(request), title=form.cleaned_data["title"]
            )
        except ValidationError as exc:
            form.add_error("title", exc)
        else:
            messages.success(request, f"“{option.title}” is in your matrix. Score it below.")
            return _back(matrix, "scores")
    return _page(request, matrix, option_form=form, open_setup=True)


@login_required
@require_POST
def decision_option_remove_view(request: HttpRequest, pk: int, option_pk: int) -> HttpResponse:
    matrix = _writable_matrix(request, pk)
    option = get_object_or_404(MatrixOption, pk=option_pk, matrix=matrix)
    option.matrix = matrix
    decision_option_remove(option=option, by=current_user(request))
    where = " It stays on your board." if option.board_option_id else ""
    messages.success(request, f"“{option.title}” left the matrix.{where}")
    return _back(matrix, "setup")


@login_required
@require_POST
def decision_criteria(request: HttpRequest, pk: int) -> HttpResponse:
    matrix = _writable_matrix(request, pk)
    form = CriterionAddForm(request.POST)
    if form.is_valid():
        try:
            criterion = decision_criterion_add(
                matrix=matrix, by=current_user(request), **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error("name", exc)
        else:
            messages.success(request, f"“{criterion.name}” is a criterion now. Score it below.")
            return _back(matrix, "scores")
    return _page(request, matrix, criterion_form=form, open_setup=True)


def _criterion(matrix: DecisionMatrix, criterion_pk: int) -> Criterion:
    criterion = get_object_or_404(Criterion, pk=criterion_pk, matrix=matrix)
    criterion.matrix = matrix
    return criterion


@login_required
@require_POST
def decision_criterion(request: HttpRequest, pk: int, criterion_pk: int) -> HttpResponse:
    matrix = _writable_matrix(request, pk)
    criterion = _criterion(matrix, criterion_pk)
    form = CriterionRenameForm(request.POST, prefix=f"c{criterion.pk}")
    if form.is_valid():
        try:
            decision_criterion_update(
                criterion=criterion, by=current_user(request), name=form.cleaned_data["name"]
            )
        except ValidationError as exc:
            form.add_error("name", exc)
        else:
            messages.success(request, f"Renamed to “{criterion.name}”.")
            return _back(matrix, "setup")
    return _page(request, matrix, rename_forms={criterion.pk: form}, open_setup=True)


@login_required
@require_POST
def decision_criterion_remove_view(
    request: HttpRequest, pk: int, criterion_pk: int
) -> HttpResponse:
    matrix = _writable_matrix(request, pk)
    criterion = _criterion(matrix, criterion_pk)
    decision_criterion_remove(criterion=criterion, by=current_user(request))
    messages.success(request, f"“{criterion.name}” is no longer a criterion.")
    return _back(matrix, "setup")


@login_required
@require_POST
def decision_risks(request: HttpRequest, pk: int, option_pk: int) -> HttpResponse:
    matrix = _writable_matrix(request, pk)
    option = get_object_or_404(MatrixOption, pk=option_pk, matrix=matrix)
    option.matrix = matrix
    form = RiskForm(request.POST, prefix=f"o{option.pk}")
    if form.is_valid():
        try:
            decision_risk_add(option=option, by=current_user(request), **form.cleaned_data)
        except ValidationError as exc:
            form.add_error("risk", exc)
        else:
            messages.success(request, f"Risk noted for “{option.title}”.")
            return _back(matrix, f"risks-{option.pk}")
    return _page(request, matrix, risk_forms={option.pk: form})


def _risk(matrix: DecisionMatrix, risk_pk: int) -> Risk:
    risk = get_object_or_404(
        Risk.objects.select_related("option"), pk=risk_pk, option__matrix=matrix
    )
    risk.option.matrix = matrix
    return risk


@login_required
@require_POST
def decision_risk(request: HttpRequest, pk: int, risk_pk: int) -> HttpResponse:
    matrix = _writable_matrix(request, pk)
    risk = _risk(matrix, risk_pk)
    form = RiskForm(request.POST, prefix=f"r{risk.pk}")
    if form.is_valid():
        try:
            decision_risk_update(
                risk=risk,
                by=current_user(request),
                text=form.cleaned_data["risk"],
                mitigation=form.cleaned_data["mitigation"],
            )
        except ValidationError as exc:
            form.add_error("risk", exc)
        else:
            messages.success(request, "Risk updated.")
            return _back(matrix, f"risks-{risk.option_id}")
    return _page(request, matrix, edit_forms={risk.pk: form})


@login_required
@require_POST
def decision_risk_remove_view(request: HttpRequest, pk: int, risk_pk: int) -> HttpResponse:
    matrix = _writable_matrix(request, pk)
    risk = _risk(matrix, risk_pk)
    decision_risk_remove(risk=risk, by=current_user(request))
    messages.success(request, "Risk removed.")
    return _back(matrix, f"risks-{risk.option_id}")


@login_required
@require_POST
def decision_choice(request: HttpRequest, pk: int) -> HttpResponse:
    matrix = _writable_matrix(request, pk)
    if request.POST.get("undo"):
        decision_choose(matrix=matrix, by=current_user(request), option=None)
        messages.success(request, "Your choice is open again.")
        return _back(matrix, "choose")
    form = ChoiceForm(matrix.options.all(), request.POST)
    if not form.is_valid():
        return _page(request, matrix, choice_form=form)
    option = form.cleaned_data["option"]
    decision_choose(
        matrix=matrix,
        by=current_user(request),
        option=option,
        reason=form.cleaned_data["reason"],
    )
    messages.success(request, f"You chose “{option.title}”.")
    return _back(matrix, "choose")


base = "e/<int:pk>/decide/"
urlpatterns = [
    path(base, decision_matrix, name="decision_matrix"),
    path(base + "start/", decision_start, name="decision_start"),
    path(base + "scores/", decision_scores, name="decision_scores"),
    path(base + "gut/", decision_gut, name="decision_gut"),
    path(base + "options/", decision_options, name="decision_options"),
    path(
        base + "options/<int:option_pk>/remove/",
        decision_option_remove_view,
        name="decision_option_remove",
    ),
    path(base + "options/<int:option_pk>/risks/", decision_risks, name="decision_risks"),
    path(base + "criteria/", decision_criteria, name="decision_criteria"),
    path(base + "criteria/<int:criterion_pk>/", decision_criterion, name="decision_criterion"),
    path(
        base + "criteria/<int:criterion_pk>/remove/",
        decision_criterion_remove_view,
        name="decision_criterion_remove",
    ),
    path(base + "risks/<int:risk_pk>/", decision_risk, name="decision_risk"),
    path(
        base + "risks/<int:risk_pk>/remove/", decision_risk_remove_view, name="decision_risk_remove"
    ),
    path(base + "choice/", decision_choice, name="decision_choice"),
]
