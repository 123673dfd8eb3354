from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from headway.accounts.forms import CoachSignupForm, SignupForm
from headway.accounts.http import current_user, sign_in
from headway.practices.access import get_membership, get_owner_membership
from headway.practices.forms import (
    AgreementForm,
    CoachProfileForm,
    IntroRequestForm,
    InviteCoachForm,
    PracticeForm,
)
from headway.practices.models import (
    CoachInvitation,
    CoachProfile,
    IntroRequest,
    MemberRole,
    Membership,
)
from headway.practices.services import (
    agreement_publish,
    coach_invitation_accept,
    coach_invitation_accept_signing_up,
    coach_invitation_by_token,
    coach_invitation_resend,
    coach_invitation_withdraw,
    coach_invitation_withdrawn,
    coach_profile_ensure,
    coach_signup,
    intro_request_create,
    intro_request_mark_handled,
    membership_remove,
    membership_set_role,
    practice_create,
    practice_invite_coach,
    practice_require_two_factor,
)


def _owner_membership(request: HttpRequest) -> Membership:
    return get_owner_membership(current_user(request))


def _get_member(request: HttpRequest, pk: int) -> Membership:
    """A membership of the owner's own practice; 404 for any other practice."""
    owner = _owner_membership(request)
    return get_object_or_404(
        Membership.objects.select_related("user"), pk=pk, practice=owner.practice
    )


@login_required
def practice(request: HttpRequest) -> HttpResponse:
    membership = get_membership(current_user(request))
    p = membership.practice
    invite_form = InviteCoachForm(request.POST or None)
    if request.method == "POST":
        if not membership.is_owner:
            raise PermissionDenied("Only the practice owner invites coaches.")
        if invite_form.is_valid():
            try:
                practice_invite_coach(
                    practice=p, by=current_user(request), email=invite_form.cleaned_data["email"]
                )
            except ValidationError as exc:
                invite_form.add_error("email", exc)
            else:
                messages.success(
                    request, f"Invitation sent to {invite_form.cleaned_data['email']}."
                )
                return redirect("practice")
    return render(
        request,
        "practices/practice.html",
        {
            "membership": membership,
            "practice": p,
            "members": p.memberships.select_related("user"),
            "invitations": p.invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True),
            "agreement": p.current_agreement(),
            "invite_form": invite_form,
            "roles": MemberRole.choices,
            "nav": "practice",
        },
    )


@login_required
@require_POST
def member_remove(request: HttpRequest, pk: int) -> HttpResponse:
    member = _get_member(request, pk)
    try:
        membership_remove(membership=member, by=current_user(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{member.user.name} is no longer a member of the practice.")
    return redirect("practice")


@login_required
@require_POST
def member_role(request: HttpRequest, pk: int) -> HttpResponse:
    member = _get_member(request, pk)
    role = request.POST.get("role", "")
    if role not in MemberRole.values:
        messages.error(request, "Choose owner or coach.")
        return redirect("practice")
    try:
        membership_set_role(membership=member, role=MemberRole(role))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{member.user.name} is now {MemberRole(role).label.lower()}.")
    return redirect("practice")


def _get_invitation(request: HttpRequest, pk: int) -> CoachInvitation:
    """An open coach invitation of the owner's own practice; 404 for any other."""
    owner = _owner_membership(request)
    return get_object_or_404(
        CoachInvitation, pk=pk, practice=owner.practice, accepted_at__isnull=True
    )


# What each action on a pending coach invitation does, and what the owner is told after it.
INVITATION_ACTIONS = {
    "resend": (
        coach_invitation_resend,
        "Invitation sent again to {email}; the earlier link stops working.",
    ),
    "withdraw": (
        coach_invitation_withdraw,
        "Invitation of {email} withdrawn: its link no longer works.",
    ),
}


@login_required
@require_POST
def coach_invitation_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    invitation = _get_invitation(request, pk)
    service, done = INVITATION_ACTIONS[action]
    try:
        service(invitation=invitation, by=current_user(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done.format(email=invitation.email))
    return redirect("practice")


@login_required
def agreement_edit(request: HttpRequest) -> HttpResponse:
    membership = _owner_membership(request)
    current = membership.practice.current_agreement()
    form = AgreementForm(
        request.POST or None,
        instance=None,
        initial={
            "terms": current.terms if current else "",
            "confidentiality": current.confidentiality if current else "",
            "exceptions": current.exceptions if current else "",
        },
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        new = agreement_publish(
            practice=membership.practice,
            by=current_user(request),
            terms=d["terms"],
            confidentiality=d["confidentiality"],
            exceptions=d["exceptions"],
        )
        if current and new.pk == current.pk:
            messages.info(request, "Nothing changed: the agreement stays at its current version.")
        else:
            messages.success(
                request,
                f"Agreement version {new.version} published. Clients are asked to accept it.",
            )
        return redirect("practice")
    return render(
        request,
        "practices/agreement_edit.html",
        {"form": form, "current": current, "nav": "practice"},
    )


@login_required
def profile_edit(request: HttpRequest) -> HttpResponse:
    get_membership(current_user(request))
    profile = coach_profile_ensure(user=current_user(request))
    form = CoachProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile is saved.")
        return redirect("profile_edit")
    return render(
        request,
        "practices/profile_edit.html",
        {"form": form, "profile": profile, "nav": "practice"},
    )


def coach_public(request: HttpRequest, slug: str) -> HttpResponse:
    profile = get_object_or_404(
        CoachProfile.objects.select_related("user"), slug=slug, is_public=True
    )
    form = IntroRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        intro_request_create(profile=profile, **form.cleaned_data)
        messages.success(
            request, f"Thank you. {profile.user.get_short_name()} will reply to you by email."
        )
        return redirect(profile)
    return render(
        request, "practices/public.html", {"profile": profile, "coach": profile.user, "form": form}
    )


@login_required
def practice_new(request: HttpRequest) -> HttpResponse:
    """For someone already on Headway (a client, say) who also coaches."""
    if Membership.objects.filter(user=current_user(request)).exists():
        return redirect("practice")
    form = PracticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        practice_create(owner=current_user(request), name=form.cleaned_data["name"])
        messages.success(request, "Your practice is ready.")
        return redirect("dashboard")
    return render(request, "practices/practice_new.html", {"form": form})


def coach_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = coach_invitation_by_token(token)
    if invitation is None:
        return render(
            request,
            "engagements/invitation_invalid.html",
            {"withdrawn": coach_invitation_withdrawn(token)},
            status=404,
        )
    form = None
    if request.user.is_authenticated:
        if request.method == "POST":
            coach_invitation_accept(invitation=invitation, user=current_user(request))
            messages.success(request, f"You joined {invitation.practice.name}.")
            return redirect("dashboard")
    else:
        form = SignupForm(request.POST or None, initial={"email": invitation.email})
        if request.method == "POST" and form.is_valid():
            d = form.cleaned_data
            user = coach_invitation_accept_signing_up(
                invitation=invitation, email=d["email"], name=d["name"], password=d["password"]
            )
            sign_in(request, user)
            messages.success(request, f"Welcome to {invitation.practice.name}.")
            return redirect("dashboard")
    return render(
        request, "practices/coach_invitation.html", {"invitation": invitation, "form": form}
    )


@login_required
@require_POST
def intro_request_handled(request: HttpRequest, pk: int) -> HttpResponse:
    intro = get_object_or_404(IntroRequest, pk=pk, coach=current_user(request))
    intro_request_mark_handled(request=intro)
    messages.success(request, f"Marked {intro.name}'s request as answered.")
    return redirect("dashboard")


def signup_coach(request: HttpRequest) -> HttpResponse:
    form = CoachSignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            user = coach_signup(
                email=d["email"],
                name=d["name"],
                password=d["password"],
                practice_name=d["practice_name"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            sign_in(request, user)
            messages.success(
                request,
                f"Welcome, {user.get_short_name()}. Your practice is ready: invite your first client.",
            )
            return redirect("dashboard")
    return render(request, "accounts/signup.html", {"form": form, "kind": "coach"})


@login_required
@require_POST
def practice_two_factor(request: HttpRequest) -> HttpResponse:
    """The owner asks (or stops asking) every coach of the practice for two-step login."""
    membership = get_owner_membership(current_user(request))
    required = request.POST.get("require_two_factor") == "on"
    practice_require_two_factor(practice=membership.practice, required=required)
    if required:
        messages.success(
            request,
            "Every coach in the practice now sets up two-step login before using Headway.",
        )
    else:
        messages.success(request, "Two-step login is now each coach's own choice.")
    return redirect("practice")
