"""The coach's "got it" on a flag: it stays on the dashboard and the engagement page until then."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from headway.accounts.http import current_user, safe_next
from headway.engagements.access import get_engagement
from headway.engagements.forms import AcknowledgeForm
from headway.engagements.services import flag_acknowledge


@login_required
@require_POST
def acknowledge_view(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    coach = current_user(request)
    if not engagement.is_coach(coach):
        raise Http404("Only the engagement's coach acknowledges its flags.")
    form = AcknowledgeForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("No such flag.")
    flag_acknowledge(engagement=engagement, by=coach, code=form.cleaned_data["code"])
    return redirect(safe_next(request, form.cleaned_data["next"]) or engagement)
