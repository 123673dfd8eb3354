"""Session notes and the coach's prep brief.

The coach writes notes, private (encrypted, every read logged) or shared with the client; the
client reads the shared ones and never learns that private ones exist. The prep brief and the
audit log of reads are the coach's pages."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.http import require_POST

from headway.accounts.http import current_user
from headway.engagements.access import get_engagement
from headway.engagements.models import Engagement
from headway.meetings.brief import previous_session, session_brief
from headway.meetings.models import NoteKind, Session
from headway.meetings.note_services import (
    MAX_TEXT,
    note_add,
    note_delete,
    note_reads,
    note_update,
    notes_for,
    visible_notes,
)

AUDIT_ROWS = 200  # the newest reads on the page; older ones stay in the log


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Note", max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 5})
    )
    kind = forms.ChoiceField(
        label="Who sees it",
        choices=NoteKind.choices,
        initial=NoteKind.PRIVATE,
        widget=forms.RadioSelect,
    )


def _session(engagement: Engagement, session_pk: int) -> Session:
    return get_object_or_404(
        Session.objects.select_related("engagement"), pk=session_pk, engagement=engagement
    )


def _coach_only(engagement: Engagement, request: HttpRequest, what: str) -> None:
    if not engagement.is_coach(current_user(request)):
        raise PermissionDenied(f"{what} is for the coach.")


@login_required
def brief(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    _coach_only(engagement, request, "The prep brief")
    session = _session(engagement, session_pk)
    context = {
        "e": engagement,
        "session": session,
        "last": previous_session(session),
        "brief": session_brief(session),
        "nav": "dashboard",
    }
    return render(request, "meetings/brief/brief.html", context)


@login_required
def notes(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    session = _session(engagement, session_pk)
    user = current_user(request)
    is_coach = engagement.is_coach(user)
    form = NoteForm(request.POST or None)
    if request.method == "POST":
        if not is_coach:
            raise PermissionDenied("Session notes are written by the coach.")
        if form.is_valid():
            try:
                note = note_add(
                    session=session,
                    by=user,
                    text=form.cleaned_data["text"],
                    kind=form.cleaned_data["kind"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, f"Note saved ({note.get_kind_display().lower()}).")
                return redirect("session_notes", pk=engagement.pk, session_pk=session.pk)
    context = {
        "e": engagement,
        "session": session,
        "notes": notes_for(user=user, session=session, via="web"),
        "form": form,
        "is_coach": is_coach,
        "can_write": is_coach and engagement.is_open,
        "nav": "dashboard" if is_coach else "journey",
    }
    return render(request, "meetings/notes/notes.html", context)


@login_required
@require_POST
def note(request: HttpRequest, pk: int, session_pk: int, note_pk: int) -> HttpResponse:
    """Edit or delete one note: its author only. A note this person may not read is a 404."""
    engagement = get_engagement(request.user, pk)
    session = _session(engagement, session_pk)
    user = current_user(request)
    found = visible_notes(user=user, session=session).filter(pk=note_pk).first()
    if found is None:
        raise Http404("No such note")
    if found.author_id != user.pk:
        raise PermissionDenied("Only the coach who wrote a note changes it.")
    back = redirect("session_notes", pk=engagement.pk, session_pk=session.pk)
    try:
        if request.POST.get("action") == "delete":
            note_delete(note=found, by=user)
            messages.success(request, "Note deleted.")
            return back
        form = NoteForm(request.POST)
        if not form.is_valid():
            for field in form:
                for error in field.errors:
                    messages.error(request, f"{field.label}: {error}")
            return back
        note_update(
            note=found, by=user, text=form.cleaned_data["text"], kind=form.cleaned_data["kind"]
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return back
    messages.success(request, "Note updated.")
    return back


@login_required
def audit(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    _coach_only(engagement, request, "The log of reads")
    reads = note_reads(coach=current_user(request), engagement=engagement)
    context = {
        "e": engagement,
        "reads": reads[:AUDIT_ROWS],
        "total": reads.count(),
        "nav": "dashboard",
    }
    return render(request, "meetings/notes/audit.html", context)


urlpatterns = [
    path("e/<int:pk>/sessions/<int:session_pk>/brief/", brief, name="session_brief"),
    path("e/<int:pk>/sessions/<int:session_pk>/notes/", notes, name="session_notes"),
    path("e/<int:pk>/sessions/<int:session_pk>/notes/<int:note_pk>/", note, name="session_note"),
    path("e/<int:pk>/notes/audit/", audit, name="notes_audit"),
]
