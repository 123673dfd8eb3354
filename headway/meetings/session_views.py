"""The sessions pages: the list (with the coach's scheduling form), one session (with the
coach's reschedule and cancel forms), and the topics the client wants to talk about.

The coach of a coached engagement changes the schedule; the client reads and adds topics.
A self-guided journey has no sessions, and a concluded engagement keeps them to read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST

from headway.accounts.http import current_user
from headway.engagements.access import get_engagement
from headway.engagements.models import Engagement
from headway.meetings.models import Session, SessionStatus
from headway.meetings.session_forms import CancelForm, SessionForm, TopicForm
from headway.meetings.session_services import (
    last_zone,
    may_add_topic,
    may_schedule,
    session_cancel,
    session_reschedule,
    session_schedule,
    session_topic_add,
    when,
)

TEMPLATES = "meetings/sessions/"
PAST_SHOWN = 20


@dataclass(frozen=True)
class SessionRow:
    session: Session
    when: str
    can_add_topic: bool


def _row(session: Session, request: HttpRequest) -> SessionRow:
    user = current_user(request)
    return SessionRow(session, when(session).text, may_add_topic(session, user))


def _get_session(request: HttpRequest, pk: int, session_pk: int) -> Session:
    engagement = get_engagement(request.user, pk)
    session = get_object_or_404(Session, engagement=engagement, pk=session_pk)
    session.engagement = engagement  # already fetched, with its people
    return session


def _refuse_unless_coach(engagement: Engagement, request: HttpRequest) -> None:
    if not may_schedule(engagement, current_user(request)):
        raise PermissionDenied("Only the coach schedules, moves and cancels sessions.")


def _render_list(
    request: HttpRequest, engagement: Engagement, form: SessionForm | None = None
) -> HttpResponse:
    user = current_user(request)
    qs = Session.objects.filter(engagement=engagement).prefetch_related("topics")
    can_schedule = may_schedule(engagement, user)
    if can_schedule and form is None:
        form = SessionForm(zone=last_zone(user))

    def rows(sessions: QuerySet[Session]) -> list[SessionRow]:
        found = list(sessions)
        for session in found:
            session.engagement = engagement  # fetched already: not once more per session
        return [_row(session, request) for session in found]

    context: dict[str, Any] = {
        "e": engagement,
        "is_coach": engagement.is_coach(user),
        "concluded": not engagement.is_open,
        "can_schedule": can_schedule,
        "form": form,
        "topic_form": TopicForm(),
        "upcoming": rows(qs.upcoming()),
        "past": rows(qs.past().order_by("-starts_at")[:PAST_SHOWN]),
        "cancelled": rows(
            qs.filter(status=SessionStatus.CANCELLED).order_by("-starts_at")[:PAST_SHOWN]
        ),
    }
    return render(request, f"{TEMPLATES}list.html", context)


@login_required
def sessions(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    if request.method != "POST":
        return _render_list(request, engagement)
    _refuse_unless_coach(engagement, request)
    form = SessionForm(request.POST, zone=request.POST.get("zone", "UTC"))
    if form.is_valid():
        try:
            session = session_schedule(
                engagement=engagement, by=current_user(request), **form.session_fields()
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, f"Scheduled for {when(session).text}. The invitations are on their way."
            )
            return redirect("session_detail", engagement.pk, session.pk)
    return _render_list(request, engagement, form)


def _render_detail(
    request: HttpRequest,
    session: Session,
    *,
    form: SessionForm | None = None,
    cancel_form: CancelForm | None = None,
    topic_form: TopicForm | None = None,
) -> HttpResponse:
    engagement = session.engagement
    user = current_user(request)
    can_change = (
        may_schedule(engagement, user)
        and session.status == SessionStatus.SCHEDULED
        and session.starts_at >= timezone.now()
    )
    context = {
        "e": engagement,
        "s": session,
        "row": _row(session, request),
        "is_coach": engagement.is_coach(user),
        "can_change": can_change,
        "form": form or (SessionForm.for_session(session) if can_change else None),
        "cancel_form": cancel_form or CancelForm(),
        "topic_form": topic_form or TopicForm(),
        "topics": session.topics.select_related("by"),
    }
    return render(request, f"{TEMPLATES}detail.html", context)


@login_required
def session_detail(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    return _render_detail(request, _get_session(request, pk, session_pk))


@login_required
@require_POST
def session_reschedule_view(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    session = _get_session(request, pk, session_pk)
    _refuse_unless_coach(session.engagement, request)
    form = SessionForm(request.POST, zone=request.POST.get("zone", session.time_zone))
    if form.is_valid():
        try:
            changed = session_reschedule(
                session=session, by=current_user(request), **form.session_fields()
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if changed:
                messages.success(
                    request, f"Moved to {when(session).text}. Both of you get the update."
                )
            else:
                messages.info(request, "Nothing changed.")
            return redirect("session_detail", pk, session.pk)
    return _render_detail(request, session, form=form)


@login_required
@require_POST
def session_cancel_view(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    session = _get_session(request, pk, session_pk)
    _refuse_unless_coach(session.engagement, request)
    form = CancelForm(request.POST)
    if form.is_valid():
        try:
            session_cancel(
                session=session, by=current_user(request), reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Cancelled. Both of you get the cancellation.")
            return redirect("sessions", pk)
    return _render_detail(request, session, cancel_form=form)


@login_required
@require_POST
def session_topics(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    session = _get_session(request, pk, session_pk)
    if not may_add_topic(session, current_user(request)):
        raise PermissionDenied("Topics can be added to upcoming sessions only.")
    form = TopicForm(request.POST)
    if form.is_valid():
        try:
            session_topic_add(
                session=session, by=current_user(request), text=form.cleaned_data["text"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Added. It is on the list for the session.")
            return redirect("session_detail", pk, session.pk)
    return _render_detail(request, session, topic_form=form)


urlpatterns = [
    path("e/<int:pk>/sessions/", sessions, name="sessions"),
    path("e/<int:pk>/sessions/<int:session_pk>/", session_detail, name="session_detail"),
    path(
        "e/<int:pk>/sessions/<int:session_pk>/reschedule/",
        session_reschedule_view,
        name="session_reschedule",
    ),
    path(
        "e/<int:pk>/sessions/<int:session_pk>/cancel/",
        session_cancel_view,
        name="session_cancel",
    ),
    path("e/<int:pk>/sessions/<int:session_pk>/topics/", session_topics, name="session_topics"),
]
