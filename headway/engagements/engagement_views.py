"""One engagement: the client's home in it, the coach's view of it, and its actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from headway.accounts.http import HtmxHttpRequest, current_user
from headway.coaching.models import Stage, StageQuestion
from headway.core.coaching.tools import TOOLS, ToolSpec
from headway.engagements.access import get_engagement
from headway.engagements.forms import (
    AcceptAgreementForm,
    IntakeForm,
    MoveStageForm,
    RequestCoachForm,
    StatusForm,
)
from headway.engagements.models import ANSWERS, Answer, Engagement, EngagementStatus, Intake
from headway.engagements.panels import panels_context
from headway.engagements.services import (
    agreement_accept,
    answer_save,
    checklist_toggle,
    engagement_coach_seen,
    engagement_move_stage,
    engagement_request_coach,
    engagement_set_status,
    intake_save,
    invitation_resend,
)
from headway.practices.models import CoachProfile

# Tools that exist so far, by key: the rest are listed as coming later.
TOOL_URLS: dict[str, str | tuple[str, str]] = {
    "agreement": "engagement_agreement",
    "intake": "engagement_intake",
    "coach_profile": "engagement_coach",
    "occupations": "engagement_occupations",
    "exploration_board": "board",
    "informational_interviews": "board",
    # Self-discovery: the kind's page (its history, start or continue), then the journal.
    "values_sort": ("discovery_kind", "values"),
    "strengths": ("discovery_kind", "strengths"),
    "interests": ("discovery_kind", "interests"),
    "motivated_skills": ("discovery_kind", "skills"),
    "readiness": ("discovery_kind", "readiness"),
    "energy_journal": "journal",
    "decision_matrix": "decision_matrix",
    "smart_goals": "goals",
    "action_plan": "goals",
    "offsite": "offsites",
    "resources": "engagement_resources",
    "sessions": "sessions",
    "check_ins": "checkins",
    "celebration": "celebration",
}


@dataclass(frozen=True)
class ToolLink:
    tool: ToolSpec
    url: str | None


def _tools(engagement: Engagement, stage: Stage) -> list[ToolLink]:
    links = []
    for key in stage.tools:
        spec = TOOLS.get(key)
        if spec is None:
            continue
        if engagement.is_self_guided and key in {"agreement", "coach_profile", "sessions"}:
            continue
        target = TOOL_URLS.get(key)
        if target is None:
            links.append(ToolLink(spec, None))
            continue
        name, *extra = (target,) if isinstance(target, str) else target
        links.append(ToolLink(spec, reverse(name, args=[engagement.pk, *extra])))
    return links


def _agreement_state(engagement: Engagement) -> tuple[object, object]:
    if engagement.practice is None:
        return None, None
    current = engagement.practice.current_agreement()
    accepted = engagement.acceptances.select_related("agreement").first()
    return current, accepted


@login_required
def engagement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    user = current_user(request)
    stages = list(engagement.model_version.stages.prefetch_related("questions"))
    view_stage = next((s for s in stages if s.key == request.GET.get("stage")), engagement.stage)
    answers = {(a.stage_key, a.question_key): a for a in engagement.answers.all()}
    questions = [(q, answers.get((view_stage.key, q.key))) for q in view_stage.questions.all()]
    current_agreement, acceptance = _agreement_state(engagement)
    is_coach = engagement.is_coach(user)
    if is_coach:
        engagement_coach_seen(engagement=engagement)
    done = engagement.done_items(view_stage.key)
    context = {
        "e": engagement,
        "role": "coach" if is_coach else "client",
        "stages": stages,
        "view_stage": view_stage,
        "questions": questions,
        "answered": sum(1 for _, a in questions if a and a.text.strip()),
        "checklist": [(i, item, i in done) for i, item in enumerate(view_stage.exit_checklist)],
        "tools": _tools(engagement, view_stage),
        "next_stage": engagement.stage.next_stage(),
        "can_edit_answers": engagement.client_may_write(user),
        "can_move": engagement.can_move_stage(user) and engagement.is_open,
        "intake": Intake.objects.filter(engagement=engagement).first(),
        "current_agreement": current_agreement,
        "acceptance": acceptance,
        "history": _history(engagement),
        "nav": "dashboard" if is_coach else "journey",
        **panels_context(engagement, user, is_coach=is_coach),
    }
    if context["can_move"]:
        context["move_form"] = MoveStageForm(
            version_id=engagement.model_version_id,
            current_id=engagement.stage_id,
            initial={"stage": context["next_stage"]},
        )
    if engagement.can_change_status(user):
        context["status_form"] = StatusForm(
            initial={"status": engagement.status}, current=engagement.status
        )
    if engagement.is_self_guided and engagement.is_client(user):
        context.update(_asks_context(request, questions))
    return render(request, "engagements/detail.html", context)


@dataclass(frozen=True)
class HistoryItem:
    when: datetime
    what: str
    who: str
    why: str


def _history(engagement: Engagement, limit: int = 25) -> list[HistoryItem]:
    """Stage moves and status changes as one timeline, newest first."""
    items = [
        HistoryItem(
            t.moved_at,
            f"Moved to {t.to_stage.name}" if t.from_stage_id else f"Started at {t.to_stage.name}",
            t.moved_by.name if t.moved_by else "",
            t.reason,
        )
        for t in engagement.transitions.select_related("to_stage", "moved_by")[:limit]
    ]
    items += [
        HistoryItem(
            s.changed_at,
            s.get_to_status_display(),
            s.changed_by.name if s.changed_by else "",
            s.reason,
        )
        for s in engagement.status_changes.select_related("changed_by")[:limit]
    ]
    return sorted(items, key=lambda i: i.when, reverse=True)[:limit]


def _asks_context(
    request: HttpRequest, questions: list[tuple[StageQuestion, Answer | None]]
) -> dict[str, object]:
    """Self-guided: Headway asks one question at a time, starting at the first unanswered."""
    if not questions:
        return {}
    first_open = next((i for i, (_, a) in enumerate(questions) if not (a and a.text.strip())), 0)
    try:
        index = int(request.GET.get("q", first_open))
    except ValueError:
        index = first_open
    index = max(0, min(len(questions) - 1, index))
    question, answer = questions[index]
    return {
        "ask": {
            "index": index,
            "number": index + 1,
            "total": len(questions),
            "question": question,
            "answer": answer,
            "prev": index - 1 if index > 0 else None,
            "next": index + 1 if index + 1 < len(questions) else None,
            "percent": round(100 * (index + 1) / len(questions)),
        },
        "show_all": request.GET.get("all") == "1",
    }


@login_required
@require_POST
def answer_save_view(request: HtmxHttpRequest, pk: int, question_pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    engagement.require_client_write(current_user(request), ANSWERS)
    question = get_object_or_404(
        StageQuestion.objects.select_related("stage"),
        pk=question_pk,
        stage__version_id=engagement.model_version_id,
    )
    # The one-question form posts `text`; the whole-stage form's fields are `answer-<pk>`.
    text = request.POST.get("text", request.POST.get(f"answer-{question.pk}"))
    if text is None:
        return HttpResponseBadRequest("No answer text was sent.")
    answer = answer_save(
        engagement=engagement, question=question, text=text, by=current_user(request)
    )
    if request.htmx:
        return render(request, "engagements/_saved.html", {"answer": answer})
    messages.success(request, "Answer saved.")
    target = (
        request.POST.get("next") or f"{engagement.get_absolute_url()}?stage={question.stage.key}"
    )
    on_site = target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return redirect(target if on_site else engagement.get_absolute_url())


@login_required
@require_POST
def answers_save_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The no-JavaScript path: the whole stage's answers in one form."""
    engagement = get_engagement(request.user, pk)
    engagement.require_client_write(current_user(request), ANSWERS)
    stage = get_object_or_404(
        Stage, version_id=engagement.model_version_id, key=request.POST.get("stage")
    )
    user = current_user(request)
    for question in stage.questions.all():
        field = f"answer-{question.pk}"
        if field in request.POST:
            answer_save(engagement=engagement, question=question, text=request.POST[field], by=user)
    messages.success(request, "Your answers are saved.")
    return redirect(f"{engagement.get_absolute_url()}?stage={stage.key}")


@login_required
@require_POST
def move_stage_view(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    if not engagement.can_move_stage(current_user(request)):
        raise PermissionDenied("Only the coach moves the stage.")
    form = MoveStageForm(
        request.POST, version_id=engagement.model_version_id, current_id=engagement.stage_id
    )
    if form.is_valid():
        try:
            engagement_move_stage(
                engagement=engagement,
                to_stage=form.cleaned_data["stage"],
                by=current_user(request),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"Moved to “{form.cleaned_data['stage'].name}”.")
    else:
        messages.error(request, "Choose a stage to move to.")
    return redirect(engagement)


@login_required
@require_POST
def status_view(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    if not engagement.can_change_status(current_user(request)):
        raise PermissionDenied("Only the coach changes the engagement's status.")
    form = StatusForm(request.POST, current=engagement.status)
    if form.is_valid():
        try:
            engagement_set_status(
                engagement=engagement,
                status=EngagementStatus(form.cleaned_data["status"]),
                by=current_user(request),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"Status: {engagement.get_status_display()}.")
    else:
        refused = [str(e) for e in form.errors.get("status", [])]
        messages.error(request, " ".join(refused) or "Choose a status.")
    return redirect(engagement)


@login_required
@require_POST
def checklist_view(request: HtmxHttpRequest, pk: int, stage_pk: int, index: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    stage = get_object_or_404(Stage, pk=stage_pk, version_id=engagement.model_version_id)
    try:
        checklist_toggle(
            engagement=engagement, stage=stage, index=index, done=request.POST.get("done") == "1"
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    if request.htmx:
        return HttpResponseClientRefresh()
    return redirect(f"{engagement.get_absolute_url()}?stage={stage.key}")


@login_required
def intake_view(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    intake = Intake.objects.filter(engagement=engagement).first() or Intake(engagement=engagement)
    can_edit = engagement.is_client(current_user(request))
    form = IntakeForm(request.POST or None, instance=intake)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("Only the client fills the intake.")
        if request.POST.get("_draft") == "1":
            return _intake_draft(engagement, form)
        if form.is_valid():
            intake_save(engagement=engagement, intake=form.save(commit=False), submit=True)
            messages.success(
                request,
                "Thank you: your intake is saved and shared with your coach."
                if not engagement.is_self_guided
                else "Your intake is saved.",
            )
            return redirect(engagement)
    return render(
        request,
        "engagements/intake.html",
        {"e": engagement, "form": form, "intake": intake, "can_edit": can_edit},
    )


def _intake_draft(engagement: Engagement, form: IntakeForm) -> HttpResponse:
    """Saved as typed (unsaved.js), not sent: a submitted intake stays submitted, a draft
    stays a draft until the client sends it. Answers the status line's words."""
    if not form.is_valid():
        first = next(iter(form.errors.values()))[0]
        return HttpResponse(f"Not saved yet: {first}", status=422, content_type="text/plain")
    try:
        intake = intake_save(engagement=engagement, intake=form.save(commit=False), submit=False)
    except ValidationError as exc:
        return HttpResponse(
            f"Not saved: {' '.join(exc.messages)}", status=422, content_type="text/plain"
        )
    when = timezone.localtime().strftime("%H:%M")
    word = "Saved" if intake.is_complete else "Draft saved"
    return HttpResponse(f"{word} at {when}.", content_type="text/plain")


@login_required
def agreement_view(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    current, acceptance = _agreement_state(engagement)
    if current is None:
        messages.info(request, "A self-guided journey has no coaching agreement.")
        return redirect(engagement)
    # Bound on every POST: an unticked box sends nothing, and that must still show the error.
    form = AcceptAgreementForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not engagement.is_client(current_user(request)):
            raise PermissionDenied("Only the client accepts the agreement.")
        if form.is_valid():
            agreement_accept(engagement=engagement, agreement=current, by=current_user(request))  # type: ignore[arg-type]
            messages.success(request, "Agreement accepted. Thank you.")
            return redirect(engagement)
    return render(
        request,
        "engagements/agreement.html",
        {
            "e": engagement,
            "agreement": current,
            "acceptance": acceptance,
            "form": form,
            "is_client": engagement.is_client(current_user(request)),
        },
    )


@login_required
def coach_view(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    if engagement.coach is None:
        return redirect("engagement_request_coach", engagement.pk)
    profile = CoachProfile.objects.filter(user=engagement.coach).first()
    return render(
        request,
        "engagements/coach.html",
        {"e": engagement, "profile": profile, "coach": engagement.coach},
    )


@login_required
def request_coach_view(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    if not (engagement.is_self_guided and engagement.is_client(current_user(request))):
        raise PermissionDenied("Only a self-guided journey can invite a coach.")
    form = RequestCoachForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            engagement_request_coach(
                engagement=engagement,
                by=current_user(request),
                email=form.cleaned_data["email"],
                message=form.cleaned_data["message"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                f"We emailed {form.cleaned_data['email']}. When they accept, they join this journey with everything in it.",
            )
            return redirect(engagement)
    return render(request, "engagements/request_coach.html", {"e": engagement, "form": form})


@login_required
@require_POST
def resend_invitation_view(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    if not engagement.is_coach(current_user(request)):
        raise PermissionDenied("Only the coach sends invitations.")
    try:
        invitation_resend(engagement=engagement, by=current_user(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"A new invitation is on its way to {engagement.invited_email}.")
    return redirect(engagement)
