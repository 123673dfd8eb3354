"""A prospective client books an introductory session from the coach's public page, with no
account, and confirms it by the emailed link."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from headway.accounts.http import current_user
from headway.accounts.mail import absolute
from headway.accounts.throttle import client_ip
from headway.booking.intro import (
    intro_book,
    intro_by_token,
    intro_cancel,
    intro_confirm,
    intro_decline,
)
from headway.booking.models import Audience, IntroBooking, IntroStatus, SessionType
from headway.booking.services import booking_settings
from headway.booking.views import asked_week, asked_zone, week_context
from headway.practices.access import get_membership
from headway.practices.models import CoachProfile


class IntroForm(forms.Form):
    name = forms.CharField(label="Your name", max_length=150)
    email = forms.EmailField(
        label="Your email", help_text="The link that confirms the booking comes here."
    )
    note = forms.CharField(
        label="What brings you? (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    start = forms.DateTimeField(
        label="The time",
        widget=forms.HiddenInput,
        error_messages={
            "required": "No time was chosen: choose one of the free times.",
            "invalid": "That time could not be read: choose one of the free times again.",
        },
    )


def public_types(profile: CoachProfile) -> list[SessionType]:
    booking_settings(profile.user)
    return list(SessionType.objects.active().filter(coach=profile.user, audience=Audience.PUBLIC))


def _start(value: str) -> dt.datetime | None:
    try:
        start = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return start if start.tzinfo is not None else None


@require_http_methods(["GET", "POST"])
def public_book(request: HttpRequest, slug: str) -> HttpResponse:
    profile = get_object_or_404(
        CoachProfile.objects.select_related("user"), slug=slug, is_public=True
    )
    types = public_types(profile)
    if not types:
        raise Http404("No introductory sessions to book")
    wanted = request.POST.get("type") or request.GET.get("type", "")
    chosen = next((t for t in types if str(t.pk) == wanted), types[0])
    zone = asked_zone(request, booking_settings(profile.user).time_zone)
    posted = request.POST.get("start") if request.method == "POST" else None
    start = _start(posted if posted is not None else request.GET.get("start", ""))
    form = IntroForm(request.POST or None, initial={"start": start})
    if request.method == "POST" and form.is_valid():
        try:
            intro_book(
                session_type=chosen,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                note=form.cleaned_data["note"],
                starts_at=form.cleaned_data["start"],
                time_zone=zone,
                address=client_ip(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                "Nearly there: we have emailed you a link. Open it within 30 minutes to book "
                "the time.",
            )
            return redirect(profile)
    context = {
        "profile": profile,
        "coach": profile.user,
        "types": types,
        "form": form,
        "start": start,
        "public": True,
        **week_context(chosen, zone, asked_week(request)),
    }
    return render(request, "booking/public.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def intro_confirm_view(request: HttpRequest, token: str) -> HttpResponse:
    booking = intro_by_token(token)
    if booking is None:
        raise Http404("No such booking")
    error = ""
    # A POST confirms: mail scanners that open links must not book for someone.
    if request.method == "POST":
        try:
            if request.POST.get("action") == "cancel":
                intro_cancel(booking=booking)
            elif booking.status == IntroStatus.PENDING:
                link = absolute(reverse("intro_confirm", args=[token]))
                intro_confirm(booking=booking, link=link)
        except ValidationError as exc:
            error = " ".join(exc.messages)
    return render(
        request,
        "booking/intro_confirm.html",
        {"booking": booking, "coach": booking.coach, "error": error},
        status=409 if error else 200,
    )


@login_required
@require_POST
def intro_decline_view(request: HttpRequest, intro_pk: int) -> HttpResponse:
    coach = get_membership(current_user(request)).user
    booking = get_object_or_404(IntroBooking, pk=intro_pk, coach=coach)
    try:
        intro_decline(booking=booking, by=coach, message=request.POST.get("message", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{booking.name} has your kind email; the session is closed.")
    return redirect("dashboard")
