from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from headway.accounts.mail import absolute, send_templated
from headway.accounts.models import User, hash_token, new_token
from headway.accounts.services import user_signup
from headway.practices import defaults
from headway.practices.models import (
    Agreement,
    CoachInvitation,
    CoachProfile,
    IntroRequest,
    MemberRole,
    Membership,
    Practice,
)


def _unique_slug(model: type[Practice] | type[CoachProfile], text: str) -> str:
    base = slugify(text)[:60] or "coach"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def coach_profile_ensure(*, user: User) -> CoachProfile:
    profile = CoachProfile.objects.filter(user=user).first()
    if profile is None:
        profile = CoachProfile.objects.create(
            user=user, slug=_unique_slug(CoachProfile, user.name or user.email.split("@")[0])
        )
    return profile


@transaction.atomic
def practice_create(*, owner: User, name: str) -> Practice:
    name = name.strip()
    if not name:
        raise ValidationError("Give your practice a name.")
    practice = Practice.objects.create(name=name, slug=_unique_slug(Practice, name))
    Membership.objects.create(practice=practice, user=owner, role=MemberRole.OWNER)
    Agreement.objects.create(
        practice=practice,
        version=1,
        terms=defaults.AGREEMENT_TERMS,
        confidentiality=defaults.AGREEMENT_CONFIDENTIALITY,
        exceptions=defaults.AGREEMENT_EXCEPTIONS,
        created_by=owner,
    )
    coach_profile_ensure(user=owner)
    return practice


@transaction.atomic
def coach_signup(
    *, email: str, name: str, password: str, practice_name: str, verified: bool = False
) -> User:
    user = user_signup(email=email, name=name, password=password, verified=verified)
    practice_create(owner=user, name=practice_name)
    return user


@transaction.atomic
def agreement_publish(
    *, practice: Practice, by: User, terms: str, confidentiality: str, exceptions: str
) -> Agreement:
    """A new version; earlier acceptances keep pointing at the words they accepted."""
    current = practice.current_agreement()
    if current and (current.terms, current.confidentiality, current.exceptions) == (
        terms.strip(),
        confidentiality.strip(),
        exceptions.strip(),
    ):
        return current
    return Agreement.objects.create(
        practice=practice,
        version=(current.version + 1) if current else 1,
        terms=terms.strip(),
        confidentiality=confidentiality.strip(),
        exceptions=exceptions.strip(),
        created_by=by,
    )


@transaction.atomic
def practice_invite_coach(*, practice: Practice, by: User, email: str) -> CoachInvitation:
    email = email.strip().lower()
    if Membership.objects.filter(practice=practice, user__email__iexact=email).exists():
        raise ValidationError(f"{email} is already a coach in this practice.")
    if CoachInvitation.objects.filter(
        practice=practice, email=email, accepted_at__isnull=True, revoked_at__isnull=True
    ).exists():
        raise ValidationError(
            f"{email} is already invited: send the invitation again from the list of coaches."
        )
    _, digest = new_token()
    invitation = CoachInvitation.objects.create(
        practice=practice, email=email, invited_by=by, token_hash=digest
    )
    _coach_invitation_send(invitation, by)
    return invitation


RESEND_AFTER = timedelta(minutes=1)


def _coach_invitation_send(invitation: CoachInvitation, by: User) -> None:
    """A fresh link each time: only the newest email's link works."""
    raw, digest = new_token()
    invitation.token_hash = digest
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["token_hash", "sent_at"])
    link = absolute(reverse("coach_invitation", args=[raw]))
    send_templated(
        invitation.email,
        "coach_invitation",
        {"practice": invitation.practice, "inviter": by, "link": link},
    )


def _open_invitation(invitation: CoachInvitation) -> CoachInvitation:
    # Re-read under a lock: someone may have accepted or withdrawn it meanwhile.
    fresh = (
        CoachInvitation.objects.select_for_update(of=("self",))
        .select_related("practice")
        .get(pk=invitation.pk)
    )
    if fresh.accepted_at is not None:
        raise ValidationError(f"{fresh.email} has already joined.")
    if fresh.revoked_at is not None:
        raise ValidationError(f"The invitation of {fresh.email} was withdrawn.")
    return fresh


@transaction.atomic
def coach_invitation_resend(*, invitation: CoachInvitation, by: User) -> CoachInvitation:
    fresh = _open_invitation(invitation)
    if timezone.now() - fresh.sent_at < RESEND_AFTER:
        raise ValidationError(
            f"The invitation of {fresh.email} went out less than a minute ago. "
            "Give it a moment to arrive (and check the spam folder) before sending it again."
        )
    _coach_invitation_send(fresh, by)
    return fresh


@transaction.atomic
def coach_invitation_withdraw(*, invitation: CoachInvitation, by: User) -> CoachInvitation:
    fresh = _open_invitation(invitation)
    fresh.revoked_at = timezone.now()
    fresh.save(update_fields=["revoked_at"])
    return fresh


def coach_invitation_withdrawn(raw: str) -> bool:
    """Whether this link was one the practice withdrew: its page says so."""
    return CoachInvitation.objects.filter(
        token_hash=hash_token(raw), accepted_at__isnull=True, revoked_at__isnull=False
    ).exists()


def coach_invitation_by_token(raw: str) -> CoachInvitation | None:
    return (
        CoachInvitation.objects.select_related("practice", "invited_by")
        .filter(token_hash=hash_token(raw), accepted_at__isnull=True, revoked_at__isnull=True)
        .first()
    )


@transaction.atomic
def coach_invitation_accept_signing_up(
    *, invitation: CoachInvitation, email: str, name: str, password: str
) -> User:
    """A new account that joins the practice whose invitation it was made for."""
    # Following the emailed link proves the address when it is the invited one.
    verified = email.lower() == invitation.email.lower()
    user = user_signup(email=email, name=name, password=password, verified=verified)
    coach_invitation_accept(invitation=invitation, user=user)
    return user


@transaction.atomic
def coach_invitation_accept(*, invitation: CoachInvitation, user: User) -> Membership:
    # Re-read under a lock: the caller's copy may be stale if someone accepted meanwhile.
    if not CoachInvitation.objects.select_for_update().get(pk=invitation.pk).is_open:
        raise ValidationError("This invitation has already been used.")
    membership, _ = Membership.objects.get_or_create(
        practice=invitation.practice, user=user, defaults={"role": MemberRole.COACH}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    coach_profile_ensure(user=user)
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, by: User) -> None:
    practice = membership.practice
    if membership.is_owner and practice.memberships.filter(role=MemberRole.OWNER).count() == 1:
        raise ValidationError(
            "A practice needs at least one owner: make another coach owner first."
        )
    if membership.user.coached_engagements.filter(practice=practice).open().exists():
        raise ValidationError(
            "This coach still has open engagements in the practice: conclude or hand them over first."
        )
    membership.delete()


@transaction.atomic
def membership_set_role(*, membership: Membership, role: MemberRole) -> None:
    practice = membership.practice
    if (
        membership.is_owner
        and role != MemberRole.OWNER
        and practice.memberships.filter(role=MemberRole.OWNER).count() == 1
    ):
        raise ValidationError("A practice needs at least one owner.")
    membership.role = role
    membership.save(update_fields=["role"])


@transaction.atomic
def intro_request_create(
    *, profile: CoachProfile, name: str, email: str, message: str
) -> IntroRequest:
    request = IntroRequest.objects.create(
        coach=profile.user, name=name.strip(), email=email.strip().lower(), message=message.strip()
    )
    send_templated(
        profile.user.email,
        "intro_request",
        {"coach": profile.user, "request": request, "link": absolute(reverse("dashboard"))},
    )
    return request


@transaction.atomic
def intro_request_mark_handled(*, request: IntroRequest) -> None:
    if request.handled_at is None:
        request.handled_at = timezone.now()
        request.save(update_fields=["handled_at"])


@transaction.atomic
def practice_require_two_factor(*, practice: Practice, required: bool) -> None:
    """Ask (or stop asking) every coach of the practice for two-step login."""
    practice.require_two_factor = required
    practice.save(update_fields=["require_two_factor"])
