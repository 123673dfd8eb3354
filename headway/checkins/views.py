"""The check-ins page: for the client, the form on top and their history below; for the coach,
the history read-only, the energy over time and the signals with a question to ask."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from headway.accounts.http import current_user
from headway.checkins.forms import CheckInForm
from headway.checkins.models import ENERGY_MAX, ENERGY_MIN, CheckIn
from headway.checkins.services import (
    checkin_add,
    engagement_signals,
    open_steps,
)
from headway.engagements.access import get_engagement

HISTORY = 30  # check-ins listed on the page
SPARK_POINTS = 12  # the sparkline shows the most recent ones
SPARK_WIDTH = 240
SPARK_HEIGHT = 48
SPARK_PAD = 4


def _sparkline(energies: list[int]) -> dict[str, Any] | None:
    """Polyline points for the energies, oldest first; None when there is nothing to draw."""
    if len(energies) < 2:
        return None
    step = (SPARK_WIDTH - 2 * SPARK_PAD) / (len(energies) - 1)
    span = SPARK_HEIGHT - 2 * SPARK_PAD

    def y(e: int) -> float:
        return round(SPARK_PAD + span * (ENERGY_MAX - e) / (ENERGY_MAX - ENERGY_MIN), 1)

    points = [(round(SPARK_PAD + i * step, 1), y(e)) for i, e in enumerate(energies)]
    return {
        "width": SPARK_WIDTH,
        "height": SPARK_HEIGHT,
        "points": " ".join(f"{x},{py}" for x, py in points),
        "last": points[-1],
        "energies": energies,
    }


@login_required
def checkins(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    user = current_user(request)
    can_write = engagement.client_may_write(current_user(request))
    steps = open_steps(engagement)
    form = CheckInForm(request.POST or None, steps=steps)
    if request.method == "POST":
        if not can_write:
            raise PermissionDenied("Check-ins are the client's own.")
        if form.is_valid():
            data = form.cleaned_data
            try:
                checkin_add(
                    engagement=engagement,
                    by=user,
                    energy=data["energy"],
                    progress=data["progress"],
                    obstacles=data["obstacles"],
                    win=data["win"],
                    steps=list(data["steps"]),
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, "Checked in. Thank you.")
                return redirect("checkins", pk=engagement.pk)
    history = list(
        CheckIn.objects.filter(engagement=engagement).prefetch_related(
            "steps_done", "replies__author"
        )[:HISTORY]
    )
    recent = [c.energy for c in reversed(history[:SPARK_POINTS])]
    is_coach = engagement.is_coach(user)
    context = {
        "e": engagement,
        "form": form,
        "is_client": engagement.is_client(user),
        "can_write": can_write,
        "can_reply": engagement.is_open,
        "concluded": not engagement.is_open,
        "history": history,
        "spark": _sparkline(recent),
        "signals": engagement_signals(engagement) if is_coach else (),
        "show_signals": is_coach,
        "nav": "dashboard" if is_coach else "journey",
    }
    return render(request, "checkins/checkins.html", context)
