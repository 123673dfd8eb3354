"""Accountability partners: the client gives a named partner a revocable, read-only link to
their active goals and steps. The link's secret is shown once; only its hash is kept.

The public page shows the client's first name, active goals, their steps with dates and done
state, and progress: never notes, obstacles, revisions or their reasons, values or anything
else. A revoked link and one that never existed answer the same 404."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from headway.accounts.http import current_user
from headway.core.planning.plan import plan_progress
from headway.engagements.access import get_engagement
from headway.goals.common import TEMPLATES, ordered_steps, step_facts
from headway.goals.forms import PartnerForm
from headway.goals.models import GOALS, AccountabilityLink, Goal
from headway.goals.pages import render_goals_page
from headway.goals.services import (
    accountability_link_by_token,
    accountability_link_create,
    accountability_link_revoke,
)


@login_required
@require_POST
def goal_partners(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    engagement.require_client_write(current_user(request), GOALS)
    form = PartnerForm(request.POST)
    if form.is_valid():
        try:
            link, raw = accountability_link_create(
                engagement=engagement,
                by=current_user(request),
                partner_name=form.cleaned_data["partner_name"],
            )
        except ValidationError as exc:
            form.add_error("partner_name", exc)
        else:
            # Shown this once, like an API token: only the hash is stored.
            url = f"{settings.SITE_URL}{reverse('partner_page', args=[raw])}"
            messages.success(request, f"A link for {link.partner_name} is ready.")
            return render_goals_page(request, engagement, new_link=url)
    return render_goals_page(request, engagement, partner_form=form)


@login_required
@require_POST
def goal_partner_revoke(request: HttpRequest, pk: int, link_pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    link = get_object_or_404(AccountabilityLink, pk=link_pk, engagement=engagement)
    link.engagement = engagement
    if not engagement.is_client(current_user(request)):
        raise PermissionDenied("Only the client revokes their accountability links.")
    try:
        accountability_link_revoke(link=link, by=current_user(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, f"The link for {link.partner_name} is revoked: it no longer opens."
        )
    return redirect(reverse("goals", args=[pk]) + "#partners")


@never_cache
@require_GET
def partner_page(request: HttpRequest, token: str) -> HttpResponse:
    link = accountability_link_by_token(token)
    if link is None:
        raise Http404("No such link")
    client = link.engagement.client
    goals = Goal.objects.active().filter(engagement=link.engagement).prefetch_related("steps")
    shown = []
    for goal in goals:
        steps = ordered_steps(list(goal.steps.all()))
        shown.append(
            {
                "text": goal.text,
                "due_on": goal.due_on,
                "steps": [
                    {"title": s.title, "due_on": s.due_on, "done": s.done_at is not None}
                    for s in steps
                ],
                "progress": plan_progress(step_facts(s) for s in steps),
            }
        )
    first_name = client.name.split()[0] if client and client.name.strip() else ""
    response = render(
        request,
        f"{TEMPLATES}partner.html",
        {"first_name": first_name, "partner": link.partner_name, "goals": shown},
    )
    # The secret is in the URL: no page it links to may learn it, and no search engine keeps it.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


urlpatterns = [
    path("e/<int:pk>/goals/partners/", goal_partners, name="goal_partners"),
    path(
        "e/<int:pk>/goals/partners/<int:link_pk>/revoke/",
        goal_partner_revoke,
        name="goal_partner_revoke",
    ),
    path("partner/<str:token>/", partner_page, name="partner_page"),
]
