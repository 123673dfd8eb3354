"""Home, inviting clients, invitations and the self-guided start."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from headway.accounts.forms import CoachSignupForm, SignupForm
from headway.accounts.http import current_user, sign_in
from headway.accounts.models import User
from headway.coaching.models import CoachingModel
from headway.engagements.access import get_coach_request
from headway.engagements.forms import InviteClientForm
from headway.engagements.models import Engagement, Invitation
from headway.engagements.services import (
    engagement_invite_client,
    engagement_start_self_guided,
    invitation_accept,
    invitation_by_token,
    invitation_decline,
)
from headway.engagements.signup_services import (
    invitation_accept_as,
    invitation_accept_signing_up,
    self_guided_signup,
)
from headway.practices.access import get_membership
from headway.practices.models import Membership


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "engagements/landing.html")
    if Membership.objects.filter(user=request.user).exists():
        return redirect("dashboard")
    return redirect("journey")


@login_required
def client_invite(request: HttpRequest) -> HttpResponse:
    membership = get_membership(current_user(request))
    user = current_user(request)
    coaches = None
    if membership.is_owner and membership.practice.memberships.count() > 1:
        coaches = User.objects.filter(memberships__practice=membership.practice).order_by("name")
    data = request.POST.copy() if request.method == "POST" else None
    if data is not None and coaches is not None and not data.get("coach"):
        data["coach"] = str(user.pk)  # a form without the choice (an older page): the owner's
    form = InviteClientForm(
        data,
        practice_id=membership.practice_id,
        coaches=coaches,
        # From an introductory session: "Invite as a client" brings the prospect's name and email.
        initial={
            "coach": user.pk,
            "name": request.GET.get("name", "")[:150],
            "email": request.GET.get("email", "")[:254],
        },
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            engagement, _ = engagement_invite_client(
                coach=d.get("coach") or user,
                by=user,
                membership=membership,
                email=d["email"],
                name=d["name"],
                model=d["model"],
                message=d["message"],
            )
        except ValidationError as exc:
            form.add_error("email", exc)
        else:
            if engagement.coach is not None and engagement.coach_id != user.pk:
                # The client is the colleague's: their work is not the owner's to open.
                messages.success(
                    request,
                    f"Invitation sent to {engagement.invited_email}, "
                    f"to work with {engagement.coach.name}.",
                )
                return redirect("practice_clients")
            messages.success(request, f"Invitation sent to {engagement.invited_email}.")
            return redirect("engagement_detail", engagement.pk)
    return render(request, "engagements/invite.html", {"form": form, "nav": "dashboard"})


@login_required
def journey(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    engagements = list(
        Engagement.objects.of_client(user).select_related("coach", "stage", "model_version__model")
    )
    open_ones = [e for e in engagements if e.is_open]
    if len(open_ones) == 1 and request.GET.get("all") != "1":
        return redirect("engagement_detail", open_ones[0].pk)
    models = CoachingModel.objects.builtin().order_by("name")
    return render(
        request,
        "engagements/journey_list.html",
        {"engagements": engagements, "models": models, "nav": "journey"},
    )


@login_required
@require_POST
def journey_start(request: HttpRequest) -> HttpResponse:
    model = CoachingModel.objects.builtin().filter(key=request.POST.get("model", "")).first()
    if model is None:
        messages.error(request, "Choose one of the journeys to start.")
        return redirect("journey")
    engagement = engagement_start_self_guided(user=current_user(request), model=model)
    messages.success(request, f"Your {model.name} has started.")
    return redirect("engagement_detail", engagement.pk)


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Both directions: a coach inviting a client, a self-guided client inviting a coach."""
    invite = invitation_by_token(token)
    if invite is None:
        return render(request, "engagements/invitation_invalid.html", status=404)
    engagement = invite.engagement
    to_coach = invite.direction == Invitation.Direction.CLIENT_TO_COACH
    user = request.user if request.user.is_authenticated else None
    if user is None:
        form_class = CoachSignupForm if to_coach else SignupForm
        form = form_class(
            request.POST or None, initial={"email": invite.email, "name": engagement.invited_name}
        )
        if request.method == "POST" and form.is_valid():
            d = form.cleaned_data
            try:
                new_user, accepted = invitation_accept_signing_up(
                    invitation=invite,
                    email=d["email"],
                    name=d["name"],
                    password=d["password"],
                    practice_name=d.get("practice_name", ""),
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                sign_in(request, new_user)
                messages.success(request, "Welcome to Headway. You are in.")
                return redirect("engagement_detail", accepted.pk)
        return render(
            request,
            "engagements/invitation.html",
            {"invite": invite, "engagement": engagement, "to_coach": to_coach, "form": form},
        )
    self_guided = list(
        Engagement.objects.of_client(user)
        .filter(kind="self_guided")
        .open()
        .exclude(pk=engagement.pk)
        .select_related("stage", "model_version__model")
    )
    is_coach = Membership.objects.filter(user=user).exists()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "decline":
            invitation_decline(invitation=invite)
            messages.info(request, "You declined the invitation.")
            return redirect("home")
        bring = None
        if not to_coach and request.POST.get("bring_from"):
            bring = next((e for e in self_guided if str(e.pk) == request.POST["bring_from"]), None)
        try:
            accepted = invitation_accept_as(
                invitation=invite,
                user=user,
                practice_name=request.POST.get("practice_name", ""),
                bring_from=bring,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, "Invitation accepted.")
            return redirect("engagement_detail", accepted.pk)
    return render(
        request,
        "engagements/invitation.html",
        {
            "invite": invite,
            "engagement": engagement,
            "to_coach": to_coach,
            "self_guided": self_guided,
            "is_coach": is_coach,
        },
    )


@login_required
def coach_request(request: HttpRequest, pk: int) -> HttpResponse:
    """Answer a self-guided client's request from the dashboard, without the emailed link."""
    invite = get_coach_request(current_user(request), pk)
    membership = get_membership(current_user(request))
    if request.method == "POST":
        if request.POST.get("action") == "decline":
            invitation_decline(invitation=invite)
            messages.info(request, "You declined the request.")
            return redirect("dashboard")
        try:
            engagement = invitation_accept(invitation=invite, user=current_user(request))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, f"{engagement.client_name} is now your client in {membership.practice}."
            )
            return redirect("engagement_detail", engagement.pk)
    return render(
        request,
        "engagements/invitation.html",
        {"invite": invite, "engagement": invite.engagement, "to_coach": True, "is_coach": True},
    )


def signup_self(request: HttpRequest) -> HttpResponse:
    models = CoachingModel.objects.builtin().order_by("name")
    form = SignupForm(request.POST or None)
    chosen = request.POST.get("model", "career-transition-journey")
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            user, engagement = self_guided_signup(
                email=d["email"], name=d["name"], password=d["password"], model_key=chosen
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            sign_in(request, user)
            messages.success(
                request, "Your journey has started. Take the first question at your own pace."
            )
            return redirect("engagement_detail", engagement.pk)
    return render(
        request,
        "accounts/signup.html",
        {"form": form, "kind": "self", "models": models, "chosen": chosen},
    )
