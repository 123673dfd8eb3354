"""The offsite pages: the overview (the cycle, starting one, the list), one offsite's
worksheet (autosaved field by field; live between coach and client when facilitated), its
clock, completing it, what becomes of each priority, and the history side by side.

Every page works without JavaScript: the worksheet is one form whose buttons save what it
holds; with htmx each field saves as it is typed, and offsite.js runs the clock and, in a
facilitated offsite, brings in the other person's changes every two seconds."""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST

from headway.accounts.http import HtmxHttpRequest, current_user
from headway.core.planning import offsite as core
from headway.discovery.services import journal_shared
from headway.engagements.access import get_engagement
from headway.engagements.models import Engagement
from headway.goals.common import panel_for
from headway.goals.forms import GoalForm
from headway.goals.pages import form_context
from headway.offsites.access import get_offsite, get_priority
from headway.offsites.forms import CycleForm
from headway.offsites.history import history_columns
from headway.offsites.models import PRIORITIES, Mode, Offsite, OffsiteStatus, PriorityPath
from headway.offsites.services import (
    ClockAction,
    answers_of,
    answers_save,
    cycle_of,
    cycle_update,
    highlights_for,
    may_start,
    may_write,
    offsite_clock,
    offsite_complete,
    offsite_start,
    open_offsite,
    previous_offsite,
    priority_make_goal,
    priority_set_later,
)

T = "offsites/"
LIVE_EVERY_MS = 2000


def _nav(engagement: Engagement, request: HttpRequest) -> str:
    return "dashboard" if engagement.is_coach(current_user(request)) else "journey"


def _goal_fields(form: GoalForm) -> dict[str, Any]:
    """As the goals page does: an empty due date takes the date the goal's words name."""
    fields = form.goal_fields()
    if fields["due_on"] is None:
        panel = panel_for(fields["text"], None)
        fields["due_on"] = panel.deadline if panel else None
    return fields


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n")


def _posted_changes(offsite: Offsite, data: QueryDict) -> dict[str, str]:
    """The fields of a whole-form post that the person changed: those whose text differs from
    what the page showed them (its digest rides along). The rest may have been changed by the
    other person meanwhile and must not be written back."""
    changed = {}
    for key in core.answer_keys(offsite.priorities_max):
        name = f"answer-{key}"
        if name in data:
            text = _clean(str(data.get(name, "")))
            if digest(text) != data.get(f"orig-{key}", digest("")):
                changed[key] = text
    return changed


# --- the overview ------------------------------------------------------------------------


@login_required
def offsites(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    return _render_overview(request, engagement)


def _render_overview(
    request: HttpRequest, engagement: Engagement, form: CycleForm | None = None, status: int = 200
) -> HttpResponse:
    user = current_user(request)
    cycle = cycle_of(engagement)
    if form is None:
        form = CycleForm(
            engagement=engagement,
            initial={
                "every_months": cycle.every_months,
                "minutes": cycle.minutes,
                "priorities": cycle.priorities,
                "horizon_months": cycle.horizon_months,
                "mode": cycle.mode,
                "next_on": cycle.next_on,
            },
        )
    all_offsites = list(engagement.offsites.all())
    open_ = open_offsite(engagement)
    starts = [
        (m, label) for m, label in Mode.choices if open_ is None and may_start(engagement, user, m)
    ]
    context = {
        "e": engagement,
        "cycle": cycle,
        "form": form,
        "open": open_,
        "offsites": [o for o in all_offsites if o.is_completed],
        "starts": starts,
        "default_mode": cycle.mode,
        "can_configure": engagement.is_open,
        "is_client": engagement.is_client(user),
        "nav": _nav(engagement, request),
        "agenda": core.agenda(cycle.minutes),
    }
    return render(request, f"{T}offsites.html", context, status=status)


@login_required
@require_POST
def offsite_cycle(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    form = CycleForm(request.POST, engagement=engagement)
    if not form.is_valid():
        return _render_overview(request, engagement, form, status=422)
    try:
        cycle_update(engagement=engagement, by=current_user(request), **form.cleaned_data)
    except ValidationError as exc:
        if not engagement.is_open:
            raise PermissionDenied(" ".join(exc.messages)) from exc
        form.add_error(None, exc)
        return _render_overview(request, engagement, form, status=422)
    messages.success(request, "The offsite rhythm is saved.")
    return redirect("offsites", pk=engagement.pk)


@login_required
@require_POST
def offsite_begin(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    mode = request.POST.get("mode", Mode.SELF_GUIDED)
    if mode not in Mode.values or not may_start(engagement, current_user(request), mode):
        raise PermissionDenied("A self-guided offsite is the client's own to start.")
    try:
        offsite = offsite_start(engagement=engagement, by=current_user(request), mode=mode)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("offsites", pk=engagement.pk)
    return redirect(offsite)


# --- one offsite ---------------------------------------------------------------------------


def _clock_context(offsite: Offsite, request: HttpRequest) -> dict[str, Any]:
    items = core.agenda(offsite.minutes)
    current = next((i for i in items if i.section.key == offsite.section), items[0])
    following = core.next_section(offsite.section)
    return {
        "o": offsite,
        "e": offsite.engagement,
        "current": current,
        "following": following,
        "running": offsite.running_since is not None,
        "section_seconds": offsite.seconds_in(offsite.section),
        "total_seconds": offsite.seconds_total(),
        "section_clock": core.clock(offsite.seconds_in(offsite.section)),
        "total_clock": core.clock(offsite.seconds_total()),
        "can_write": may_write(offsite, current_user(request)),
    }


def _who(user: Any, me: Any) -> str:
    if user is None:
        return "Someone"
    return "You" if user.pk == me.pk else (user.name or user.email).split()[0]


def _worksheet_context(offsite: Offsite, request: HttpRequest) -> dict[str, Any]:
    user = current_user(request)
    e = offsite.engagement
    answers = answers_of(offsite)
    previous = previous_offsite(offsite)

    def field(key: str, label: str, hint: str = "") -> dict[str, Any]:
        row = answers.get(key)
        text = row.text if row else ""
        return {
            "key": key,
            "label": label,
            "hint": hint,
            "text": text,
            "orig": digest(text),
            "by": _who(row.updated_by, user) if row and row.text else "",
        }

    sections = []
    for item in core.agenda(offsite.minutes):
        s = item.section
        fields = [field(p.key, p.text, p.hint) for p in s.prompts]
        slots = []
        if s.shows == "priorities":
            horizon = "month" if offsite.horizon_months == 1 else f"{offsite.horizon_months} months"
            slots = [
                field(core.priority_key(n), f"Thing {n} for the next {horizon}")
                for n in range(1, offsite.priorities_max + 1)
            ]
        sections.append({"item": item, "fields": fields, "slots": slots})
    for_coach = not e.is_client(user)
    return {
        **_clock_context(offsite, request),
        "sections": sections,
        "previous": previous,
        "previous_insights": answers_of(previous).get(core.INSIGHTS_KEY) if previous else None,
        "highlights": highlights_for(offsite, user),
        "journal_hidden": for_coach and not journal_shared(e),
        "live": offsite.mode == Mode.FACILITATED and not offsite.is_completed,
        "live_every": LIVE_EVERY_MS,
        "save_url": reverse("offsite_save", args=[e.pk, offsite.pk]),
        "live_url": reverse("offsite_live", args=[e.pk, offsite.pk]),
        "nav": _nav(e, request),
        "is_client": e.is_client(user),
    }


@login_required
def offsite_view(request: HttpRequest, pk: int, oid: int) -> HttpResponse:
    offsite = get_offsite(request.user, pk, oid)
    context = _worksheet_context(offsite, request)
    if offsite.is_completed:
        context["priorities"] = list(offsite.priority_rows.select_related("goal"))
        context["cycle"] = cycle_of(offsite.engagement)
        context["resources"] = offsite.resources.select_related("resource")
        context["spent"] = core.minutes_words(offsite.seconds_total() // 60)
        context["planned"] = core.minutes_words(offsite.minutes)
        # The worksheet as it was, without the empty answers and the insights shown above.
        context["sheet"] = [
            (s["item"].section.title, shown)
            for s in context["sections"]
            if (shown := [f for f in s["fields"] if f["text"] and f["key"] != core.INSIGHTS_KEY])
        ]
        return render(request, f"{T}outcome.html", context)
    return render(request, f"{T}worksheet.html", context)


def _refuse_unless_writer(offsite: Offsite, request: HttpRequest) -> None:
    if not may_write(offsite, current_user(request)):
        raise PermissionDenied("This offsite's worksheet is not yours to change.")


def _back(offsite: Offsite, anchor: str = "") -> HttpResponse:
    return redirect(f"{offsite.get_absolute_url()}{'#' + anchor if anchor else ''}")


@login_required
@require_POST
def offsite_save(request: HtmxHttpRequest, pk: int, oid: int) -> HttpResponse:
    """One field as it is typed (htmx names it in `field`), or the whole form without
    JavaScript (only the fields the person changed)."""
    offsite = get_offsite(request.user, pk, oid)
    _refuse_unless_writer(offsite, request)
    key = request.POST.get("field", "")
    if key:
        texts = {key: _clean(request.POST.get(f"answer-{key}", ""))}
    else:
        texts = _posted_changes(offsite, request.POST)
    try:
        answers_save(offsite=offsite, by=current_user(request), texts=texts)
    except ValidationError as exc:
        if request.htmx:
            context = {"error": " ".join(exc.messages)}
            return render(request, f"{T}_saved.html", context, status=422)
        messages.error(request, " ".join(exc.messages))
        return _back(offsite)
    if request.htmx:
        return render(request, f"{T}_saved.html", {"o": offsite})
    messages.success(request, "Saved.")
    return _back(offsite, request.POST.get("anchor", ""))


@login_required
def offsite_live(request: HttpRequest, pk: int, oid: int) -> HttpResponse:
    """What changed since the version the page has: the fields, and the clock when it moved."""
    offsite = get_offsite(request.user, pk, oid)
    user = current_user(request)
    try:
        since = int(request.GET.get("since", "0"))
    except ValueError:
        since = 0
    rows = offsite.answers.filter(version__gt=since).select_related("updated_by")
    fields = [
        {
            "key": r.key,
            "text": r.text,
            "by": _who(r.updated_by, user),
            "mine": r.updated_by_id == user.pk,
            "version": r.version,
        }
        for r in rows
    ]
    body: dict[str, Any] = {
        "version": offsite.version,
        "status": offsite.status,
        "section": offsite.section,
        "completed": offsite.is_completed,
        "fields": fields,
    }
    moved = (request.GET.get("section"), request.GET.get("status")) != (
        offsite.section,
        offsite.status,
    )
    if "section" in request.GET and moved:
        clock = _clock_context(offsite, request)
        body["clock"] = render_to_string(f"{T}_clock.html", clock, request=request)
        body["actions"] = render_to_string(f"{T}_clock_actions.html", clock, request=request)
    response = JsonResponse(body)
    response["Cache-Control"] = "private, no-store"  # the worksheet's words: never cached
    return response


@login_required
@require_POST
def offsite_clock_view(request: HttpRequest, pk: int, oid: int) -> HttpResponse:
    """Pause, resume or move on; what the form carried is saved first, so nothing is lost."""
    offsite = get_offsite(request.user, pk, oid)
    _refuse_unless_writer(offsite, request)
    user = current_user(request)
    action = request.POST.get("action", "")
    target = request.POST.get("move", "")
    if target:
        action = ClockAction.MOVE
    try:
        answers_save(offsite=offsite, by=user, texts=_posted_changes(offsite, request.POST))
        offsite = offsite_clock(offsite=offsite, by=user, action=action, section=target)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _back(offsite)
    note = {
        ClockAction.PAUSE: "Paused. Everything is saved; come back whenever you are ready.",
        ClockAction.RESUME: "Welcome back. The clock is running again.",
    }.get(action)
    if note:
        messages.success(request, note)
    return _back(offsite, f"section-{offsite.section}" if action == ClockAction.MOVE else "")


@login_required
@require_POST
def offsite_finish(request: HttpRequest, pk: int, oid: int) -> HttpResponse:
    offsite = get_offsite(request.user, pk, oid)
    _refuse_unless_writer(offsite, request)
    user = current_user(request)
    try:
        answers_save(offsite=offsite, by=user, texts=_posted_changes(offsite, request.POST))
        offsite_complete(offsite=offsite, by=user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _back(offsite, "section-insights")
    cycle = cycle_of(offsite.engagement)
    when = f"{cycle.next_on:%-d %B %Y}" if cycle.next_on else "later"
    messages.success(request, f"Offsite complete. The next one is on {when}, in your calendar.")
    return _back(offsite)


# --- priorities --------------------------------------------------------------------------------


@login_required
def priority_goal(request: HttpRequest, pk: int, oid: int, prid: int) -> HttpResponse:
    """The SMART goal coach's form, filled with the priority's words; saving makes the goal."""
    priority = get_priority(request.user, pk, oid, prid)
    offsite = priority.offsite
    e = offsite.engagement
    e.require_client_write(current_user(request), PRIORITIES)
    if priority.goal_id is not None:
        return redirect("goal_detail", e.pk, priority.goal_id)
    if request.method == "POST" and "check" not in request.POST:
        form = GoalForm(request.POST, engagement=e)
        if form.is_valid():
            try:
                goal = priority_make_goal(
                    priority=priority, by=current_user(request), fields=_goal_fields(form)
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request, "Your priority is now a goal. What could be a first step?"
                )
                return redirect("goal_detail", e.pk, goal.pk)
    elif request.method == "POST":
        form = GoalForm(initial=request.POST.dict(), engagement=e)
    else:
        due = core.horizon_end(offsite.held_on, cycle_of(e).spec)
        form = GoalForm(engagement=e, initial={"text": priority.text, "due_on": due.isoformat()})
    context = {"e": e, "o": offsite, "priority": priority, "nav": "journey", **form_context(form)}
    return render(request, f"{T}priority_goal.html", context)


@login_required
@require_POST
def priority_later(request: HttpRequest, pk: int, oid: int, prid: int) -> HttpResponse:
    priority = get_priority(request.user, pk, oid, prid)
    try:
        priority_set_later(priority=priority, by=current_user(request))
    except ValidationError as exc:
        if not priority.offsite.engagement.is_client(current_user(request)):
            raise PermissionDenied(" ".join(exc.messages)) from exc
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Kept to think over before your next conversation.")
    return _back(priority.offsite, "priorities")


# --- history -----------------------------------------------------------------------------------


@login_required
def offsite_history(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    user = current_user(request)
    context = {
        "e": engagement,
        "columns": history_columns(engagement, user),
        "journal_hidden": not engagement.is_client(user) and not journal_shared(engagement),
        "nav": _nav(engagement, request),
        "paths": PriorityPath,
        "is_client": engagement.is_client(user),
    }
    return render(request, f"{T}history.html", context)


def status_label(offsite: Offsite) -> str:
    return str(OffsiteStatus(offsite.status).label)
