"""The reminders page: what a person is reminded of, and how (as they come, weekly, or not)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from headway.accounts.http import current_user
from headway.reminders.forms import PreferencesForm
from headway.reminders.services import reminder_preferences, reminder_preferences_update


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    pref = reminder_preferences(user)
    form = PreferencesForm(request.POST or None, instance=pref, coach=user.is_coach)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.fields}
        if not changes.get("client_news"):
            changes.pop("client_news", None)
        try:
            # Saved by the service from the cleaned data, not by the form.
            reminder_preferences_update(user=user, **changes)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Saved. Your reminders will follow these choices.")
            return redirect("reminder_preferences")
    return render(request, "reminders/preferences.html", {"form": form, "nav": "account"})
