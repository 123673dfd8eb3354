"""Booking pages: the coach's hours and session types (one page, a form per part), and the
client's booking of a session in a week of free slots."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from headway.accounts.http import current_user
from headway.booking.access import get_own_session, get_session_type
from headway.booking.forms import (
    AddressForm,
    BookForm,
    DateHoursForm,
    PackageForm,
    SessionTypeForm,
    SettingsForm,
    TimeOffForm,
    UploadForm,
    WeeklyHoursForm,
    zone_choices,
)
from headway.booking.models import BusyCalendar, DateHours, SessionType, TimeOff, WeeklyHours
from headway.booking.packages import package_set, packages_of
from headway.booking.services import (
    booking_cancel,
    booking_make,
    booking_move,
    booking_settings,
    booking_settings_update,
    client_may_change,
    date_hours_clear,
    date_hours_set,
    free_slots,
    session_type_save,
    time_off_add,
    type_of,
    types_for_client,
    weekly_hours_set,
)
from headway.core.scheduling.slots import by_day, format_hours
from headway.engagements.access import get_engagement
from headway.meetings.session_services import valid_zone
from headway.practices.access import get_membership
from headway.reminders.services import reminder_preferences

PREVIEW = 8  # free slots shown under the coach's hours, to see what clients will see
WEEKS_AHEAD = 26


def _weekly_initial(coach: Any) -> dict[str, str]:
    by_day_: dict[int, list[tuple[dt.time, dt.time]]] = {}
    for w in WeeklyHours.objects.filter(coach=coach):
        by_day_.setdefault(w.weekday, []).append((w.starts, w.ends))
    return {f"day_{d}": format_hours(ws) for d, ws in by_day_.items()}


def _date_rows(coach: Any) -> list[tuple[dt.date, str]]:
    days: dict[dt.date, list[tuple[dt.time, dt.time]]] = {}
    for row in DateHours.objects.filter(coach=coach, day__gte=timezone.localdate()):
        days.setdefault(row.day, [])
        if row.starts and row.ends:
            days[row.day].append((row.starts, row.ends))
    return [(d, format_hours(w) or "Day off") for d, w in days.items()]


def page(request: HttpRequest, status: int = 200, **forms: Form) -> HttpResponse:
    """The Booking page, with whichever of its forms came back with errors."""
    coach = get_membership(current_user(request)).user
    settings = booking_settings(coach)
    types = list(SessionType.objects.filter(coach=coach))
    preview = []
    for t in types:
        if t.active:
            slots = free_slots(t)[:PREVIEW]
            preview.append((t, [s.start.astimezone(ZoneInfo(settings.time_zone)) for s in slots]))
    context = {
        "settings": settings,
        "settings_form": forms.get("settings_form")
        or SettingsForm(
            current_zone=settings.time_zone,
            initial={"time_zone": settings.time_zone, "cancel_hours": settings.cancel_hours},
        ),
        "week_form": forms.get("week_form") or WeeklyHoursForm(initial=_weekly_initial(coach)),
        "date_form": forms.get("date_form") or DateHoursForm(),
        "off_form": forms.get("off_form") or TimeOffForm(),
        "dates": _date_rows(coach),
        "time_off": TimeOff.objects.filter(coach=coach, last_day__gte=timezone.localdate()),
        "types": types,
        "preview": preview,
        "calendars": BusyCalendar.objects.filter(coach=coach),
        "address_form": forms.get("address_form") or AddressForm(),
        "upload_form": forms.get("upload_form") or UploadForm(),
        "nav": "booking",
    }
    return render(request, "booking/hours.html", context, status=status)


@login_required
def hours(request: HttpRequest) -> HttpResponse:
    return page(request)


def _post(request: HttpRequest, form: Form, key: str, action: Any, done: str) -> HttpResponse:
    """Validate, call the service, and come back to the page: with the message, or with the
    form and what was wrong (nothing saved)."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, done)
            return redirect("booking_hours")
    return page(request, status=400, **{key: form})


@login_required
@require_POST
def settings_save(request: HttpRequest) -> HttpResponse:
    coach = get_membership(current_user(request)).user
    current = booking_settings(coach).time_zone
    form = SettingsForm(request.POST, current_zone=current)
    return _post(
        request,
        form,
        "settings_form",
        lambda d: booking_settings_update(
            coach=coach, time_zone=d["time_zone"], cancel_hours=d["cancel_hours"]
        ),
        "Saved.",
    )


@login_required
@require_POST
def week_save(request: HttpRequest) -> HttpResponse:
    coach = get_membership(current_user(request)).user
    form = WeeklyHoursForm(request.POST)
    return _post(
        request,
        form,
        "week_form",
        lambda d: weekly_hours_set(coach=coach, by_weekday=form.texts()),
        "Your weekly hours are saved.",
    )


@login_required
@require_POST
def date_save(request: HttpRequest) -> HttpResponse:
    coach = get_membership(current_user(request)).user
    form = DateHoursForm(request.POST)
    return _post(
        request,
        form,
        "date_form",
        lambda d: date_hours_set(coach=coach, day=d["day"], hours=d["hours"]),
        "That date's hours are saved.",
    )


@login_required
@require_POST
def date_clear(request: HttpRequest, day: str) -> HttpResponse:
    coach = get_membership(current_user(request)).user
    try:
        when = dt.date.fromisoformat(day)
    except ValueError as exc:
        raise Http404("No such date") from exc
    if not DateHours.objects.filter(coach=coach, day=when).exists():
        raise Http404("No such date")
    date_hours_clear(coach=coach, day=when)
    messages.success(request, "That date follows your weekly hours again.")
    return redirect("booking_hours")


@login_required
@require_POST
def off_add(request: HttpRequest) -> HttpResponse:
    coach = get_membership(current_user(request)).user
    form = TimeOffForm(request.POST)
    return _post(
        request,
        form,
        "off_form",
        lambda d: time_off_add(coach=coach, **d),
        "Time off saved: no one can book you then.",
    )


@login_required
@require_POST
def off_remove(request: HttpRequest, off_pk: int) -> HttpResponse:
    coach = get_membership(current_user(request)).user
    get_object_or_404(TimeOff, pk=off_pk, coach=coach).delete()
    messages.success(request, "Time off removed.")
    return redirect("booking_hours")


@login_required
def session_type_edit(request: HttpRequest, type_pk: int | None = None) -> HttpResponse:
    coach = get_membership(current_user(request)).user
    session_type = (
        get_session_type(current_user(request), type_pk)
        if type_pk
        else SessionType(coach=coach, position=99)
    )
    form = SessionTypeForm(request.POST or None, instance=session_type)
    if request.method == "POST" and form.is_valid():
        try:
            # Saved by the service from the cleaned data, not by the form.
            session_type_save(
                session_type=session_type,
                **{name: form.cleaned_data[name] for name in form.Meta.fields},
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"“{session_type.name}” is saved.")
            return redirect("booking_hours")
    return render(
        request,
        "booking/session_type.html",
        {"form": form, "session_type": session_type, "nav": "booking"},
        status=400 if form.errors else 200,
    )


# --- the client books -----------------------------------------------------------------------


def week_context(chosen: SessionType | None, zone: str, week: int) -> dict[str, Any]:
    """One week of a session type's free times, shown in `zone` (booking/_week.html)."""
    tz = ZoneInfo(zone)
    first = dt.datetime.combine(
        timezone.now().astimezone(tz).date() + dt.timedelta(weeks=week), dt.time(0), tzinfo=tz
    )
    slots = free_slots(chosen, start=first, end=first + dt.timedelta(days=7)) if chosen else ()
    return {
        "chosen": chosen,
        "zone": zone,
        "zones": zone_choices(zone),
        "week": week,
        "first": first.date(),
        "last": (first + dt.timedelta(days=6)).date(),
        "days": [(d.day, [s.start.astimezone(tz) for s in d.slots]) for d in by_day(slots, zone)],
        "has_next": week < WEEKS_AHEAD and chosen is not None and week * 7 < chosen.horizon_days,
    }


def asked_zone(request: HttpRequest, default: str) -> str:
    asked = request.POST.get("tz") or request.GET.get("tz")
    if asked:
        try:
            return valid_zone(asked)
        except ValidationError:
            pass
    return default


def asked_week(request: HttpRequest) -> int:
    try:
        return max(0, min(WEEKS_AHEAD, int(request.GET.get("week", "0"))))
    except ValueError:
        return 0


@login_required
def book(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    if not engagement.is_client(current_user(request)):
        raise Http404("Only the client books here.")
    types = types_for_client(engagement)
    chosen = next((t for t in types if str(t.pk) == request.GET.get("type", "")), None)
    chosen = chosen or (types[0] if types else None)
    zone = asked_zone(request, reminder_preferences(current_user(request)).time_zone)
    error = ""
    if request.method == "POST" and chosen is not None:
        chosen = next((t for t in types if str(t.pk) == request.POST.get("type", "")), None)
        form = BookForm(request.POST)
        if chosen is None or not form.is_valid():
            error = "Choose one of the times shown."
        else:
            try:
                session = booking_make(
                    session_type=chosen,
                    engagement=engagement,
                    by=current_user(request),
                    starts_at=form.cleaned_data["start"],
                    time_zone=zone,
                )
            except ValidationError as exc:
                error = " ".join(exc.messages)
            else:
                messages.success(
                    request, "Booked. The invitation is on its way to you and your coach."
                )
                return redirect("session_detail", pk=engagement.pk, session_pk=session.pk)
        chosen = chosen or (types[0] if types else None)
    context = {
        "e": engagement,
        "types": types,
        "use": packages_of([engagement]).get(engagement.pk),
        "error": error,
        "nav": "journey",
        **week_context(chosen, zone, asked_week(request)),
    }
    return render(request, "booking/book.html", context, status=409 if error else 200)


@login_required
def session_move(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    session = get_own_session(request.user, pk, session_pk)
    zone = asked_zone(request, session.time_zone)
    error = ""
    if request.method == "POST":
        form = BookForm(request.POST)
        if not form.is_valid():
            error = "Choose one of the times shown."
        else:
            try:
                booking_move(
                    session=session, by=current_user(request), starts_at=form.cleaned_data["start"]
                )
            except ValidationError as exc:
                error = " ".join(exc.messages)
            else:
                messages.success(
                    request, "Moved. The updated invitation is on its way to you both."
                )
                return redirect("session_detail", pk=pk, session_pk=session.pk)
    context = {
        "e": session.engagement,
        "s": session,
        "may": client_may_change(session),
        "error": error,
        "nav": "journey",
        **week_context(type_of(session), zone, asked_week(request)),
    }
    return render(request, "booking/move.html", context, status=409 if error else 200)


@login_required
@require_POST
def session_cancel_own(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    session = get_own_session(request.user, pk, session_pk)
    try:
        booking_cancel(
            session=session, by=current_user(request), reason=request.POST.get("reason", "")[:4000]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("session_detail", pk=pk, session_pk=session.pk)
    messages.success(request, "Cancelled. You both get the cancellation.")
    return redirect("sessions", pk)


@login_required
def package(request: HttpRequest, pk: int) -> HttpResponse:
    """The coach sets the client's package; a new one replaces the current."""
    engagement = get_engagement(request.user, pk)
    coach = current_user(request)
    if not engagement.is_coach(coach):
        raise Http404("Only the coach sets a package.")
    form = PackageForm(request.POST or None, initial={"starts_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            package_set(engagement=engagement, by=coach, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Package saved: booking counts against it from now on.")
            return redirect("sessions", pk)
    context = {
        "e": engagement,
        "form": form,
        "use": packages_of([engagement]).get(engagement.pk),
        "nav": "dashboard",
    }
    return render(request, "booking/package.html", context, status=400 if form.errors else 200)
