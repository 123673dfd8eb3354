"""The practice owner's view of every client of the practice, and handing a client over.

Confidential by default: the owner sees who the clients are, their coach, stage and status,
never their answers, notes or journals. An engagement's own page stays its coach's and
client's alone (404 for an owner who is not the coach), as everywhere else."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from headway.accounts.http import current_user
from headway.accounts.models import User
from headway.engagements.models import Engagement, EngagementKind
from headway.engagements.services import engagement_handover
from headway.practices.access import get_owner_membership
from headway.practices.models import Membership


def _owner(request: HttpRequest) -> Membership:
    return get_owner_membership(
        current_user(request), "Only the practice owner sees every client of the practice."
    )


def _practice_engagement(request: HttpRequest, pk: int) -> Engagement:
    """An engagement of the owner's own practice; 404 for any other."""
    owner = _owner(request)
    return get_object_or_404(Engagement, pk=pk, practice=owner.practice)


@login_required
def practice_clients(request: HttpRequest) -> HttpResponse:
    owner = _owner(request)
    engagements = (
        Engagement.objects.filter(practice=owner.practice, kind=EngagementKind.COACHED)
        .open()
        .select_related("client", "coach", "stage")
        .order_by("coach__name", "client__name", "invited_name")
    )
    coaches = User.objects.filter(memberships__practice=owner.practice).order_by("name")
    return render(
        request,
        "engagements/practice_clients.html",
        {
            "practice": owner.practice,
            "engagements": engagements,
            "coaches": coaches,
            "me": current_user(request),
            "nav": "practice",
        },
    )


@login_required
@require_POST
def handover_view(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = _practice_engagement(request, pk)
    chosen = request.POST.get("coach", "")
    to_coach = (
        User.objects.filter(pk=int(chosen), memberships__practice=engagement.practice).first()
        if chosen.isdigit()
        else None
    )
    if to_coach is None:
        messages.error(request, "Choose a coach of the practice to hand the client over to.")
        return redirect("practice_clients")
    try:
        moved = engagement_handover(
            engagement=engagement,
            to_coach=to_coach,
            by=current_user(request),
            reason=request.POST.get("reason", "")[:500],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            f"{moved.client_name} now works with {to_coach.name}. "
            "They have been told by email, and so have both coaches.",
        )
    return redirect("practice_clients")
