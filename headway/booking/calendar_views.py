"""The coach's own calendars on the Booking page: add a secret address or a file, read one
again, remove one. Each post comes back to the page with what happened."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from headway.accounts.http import current_user
from headway.booking.access import get_calendar
from headway.booking.calendars import (
    busy_calendar_add_address,
    busy_calendar_refresh,
    busy_calendar_upload,
)
from headway.booking.forms import AddressForm, UploadForm
from headway.booking.tasks import refresh_busy_calendar
from headway.booking.views import page
from headway.core.scheduling.busy_ics import MAX_BYTES
from headway.practices.access import get_membership


@login_required
@require_POST
def calendar_add(request: HttpRequest) -> HttpResponse:
    coach = get_membership(current_user(request)).user
    form = AddressForm(request.POST)
    if form.is_valid():
        try:
            calendar = busy_calendar_add_address(
                coach=coach, name=form.cleaned_data["name"], url=form.cleaned_data["url"]
            )
        except ValidationError as exc:
            form.add_error("url", exc)
        else:
            transaction.on_commit(lambda: refresh_busy_calendar.enqueue(calendar.pk))
            messages.success(
                request, "Saved. Headway reads it in a moment: reload this page to see its events."
            )
            return redirect("booking_hours")
    return page(request, status=400, address_form=form)


@login_required
@require_POST
def calendar_upload(request: HttpRequest) -> HttpResponse:
    coach = get_membership(current_user(request)).user
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > MAX_BYTES:
                raise ValidationError("The file is larger than 10 MB: export a shorter range.")
            calendar = busy_calendar_upload(
                coach=coach, name=form.cleaned_data["name"] or upload.name, data=upload.read()
            )
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            n = calendar.events
            messages.success(
                request, f"Read {n} event{'' if n == 1 else 's'} from “{calendar.name}”."
            )
            return redirect("booking_hours")
    return page(request, status=400, upload_form=form)


@login_required
@require_POST
def calendar_refresh(request: HttpRequest, calendar_pk: int) -> HttpResponse:
    calendar = get_calendar(current_user(request), calendar_pk)
    if busy_calendar_refresh(calendar=calendar):
        n = calendar.events
        messages.success(
            request, f"Read “{calendar.name}” again: {n} event{'' if n == 1 else 's'}."
        )
    else:
        messages.error(request, f"“{calendar.name}” could not be read: {calendar.error}")
    return redirect("booking_hours")


@login_required
@require_POST
def calendar_remove(request: HttpRequest, calendar_pk: int) -> HttpResponse:
    calendar = get_calendar(current_user(request), calendar_pk)
    calendar.delete()
    messages.success(request, f"“{calendar.name}” removed: its events no longer block times.")
    return redirect("booking_hours")
