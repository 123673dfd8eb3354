from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from headway.accounts.mail import absolute, send_templated
from headway.accounts.models import User, hash_token, new_token
from headway.coaching.models import CoachingModel, ModelVersion, Stage, StageQuestion
from headway.engagements.models import (
    ANSWERS,
    INTAKE,
    SATISFACTION_RANGE,
    AgreementAcceptance,
    Answer,
    ClientWriteRefused,
    Engagement,
    EngagementKind,
    EngagementStatus,
    FlagAcknowledgement,
    Intake,
    Invitation,
    StageTransition,
    StatusChange,
)
from headway.engagements.signals import engagement_handed_over
from headway.practices.models import Agreement, MemberRole, Membership


def _refuse_if_concluded(engagement: Engagement) -> None:
    # The same refusal as the write rule's, so the API answers it alike (403).
    if not engagement.is_open:
        raise ClientWriteRefused(INTAKE.concluded)


def _start_stage(engagement: Engagement, stage: Stage, by: User | None, reason: str) -> None:
    StageTransition.objects.create(
        engagement=engagement, from_stage=None, to_stage=stage, moved_by=by, reason=reason
    )


@transaction.atomic
def engagement_invite_client(
    *,
    coach: User,
    membership: Membership,
    email: str,
    name: str,
    model: CoachingModel,
    message: str = "",
    by: User | None = None,
) -> tuple[Engagement, str]:
    """Create the engagement (status invited) and email the client a link to join it.

    `membership` is the inviter's; a practice owner may invite a client for another coach
    of the practice (`coach`), any other coach only for themselves."""
    by = by or coach
    if by.pk != membership.user_id:
        raise ValidationError("The invitation comes from the membership's own coach.")
    if coach.pk != by.pk:
        if not membership.is_owner:
            raise ValidationError("Only the practice owner invites clients for another coach.")
        if not Membership.objects.filter(practice_id=membership.practice_id, user=coach).exists():
            raise ValidationError(f"{coach.name} is not a coach of {membership.practice.name}.")
    email = email.strip().lower()
    if (
        Engagement.objects.coached_by(coach).open().filter(invited_email__iexact=email).exists()
        or Engagement.objects.coached_by(coach).open().filter(client__email__iexact=email).exists()
    ):
        who = "You already have" if coach.pk == by.pk else f"{coach.name} already has"
        raise ValidationError(f"{who} an open engagement with {email}.")
    version = model.latest_version()
    stage = version.first_stage()
    engagement = Engagement.objects.create(
        kind=EngagementKind.COACHED,
        status=EngagementStatus.INVITED,
        practice=membership.practice,
        coach=coach,
        invited_email=email,
        invited_name=name.strip(),
        model_version=version,
        stage=stage,
    )
    _start_stage(engagement, stage, by, "Engagement created")
    raw = invitation_send(engagement=engagement, email=email, message=message, by=by)
    return engagement, raw


def invitation_send(*, engagement: Engagement, email: str, message: str, by: User) -> str:
    raw, digest = new_token()
    Invitation.objects.create(
        engagement=engagement,
        direction=Invitation.Direction.COACH_TO_CLIENT,
        email=email,
        message=message.strip(),
        token_hash=digest,
    )
    send_templated(
        email,
        "client_invitation",
        {
            "coach": engagement.coach,
            "inviter": by,
            "engagement": engagement,
            "message": message.strip(),
            "link": absolute(reverse("invitation", args=[raw])),
        },
    )
    return raw


@transaction.atomic
def invitation_resend(*, engagement: Engagement, by: User) -> str:
    """A fresh link for a client who has not joined yet (the earlier link keeps working)."""
    if engagement.status != EngagementStatus.INVITED:
        raise ValidationError("The client has already joined: there is nothing to resend.")
    last = engagement.invitations.filter(direction=Invitation.Direction.COACH_TO_CLIENT).first()
    return invitation_send(
        engagement=engagement,
        email=engagement.invited_email,
        message=last.message if last else "",
        by=by,
    )


def invitation_by_token(raw: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("engagement__coach", "engagement__practice")
        .filter(token_hash=hash_token(raw), accepted_at__isnull=True, declined_at__isnull=True)
        .first()
    )


def _carry_over(source: Engagement, target: Engagement) -> None:
    """Bring a self-guided journey's intake, answers and stage into a new engagement."""
    if hasattr(source, "intake") and not hasattr(target, "intake"):
        intake = source.intake
        intake.pk = None
        intake.engagement = target
        intake._state.adding = True
        intake.save()
    questions = {
        (q.stage.key, q.key): q
        for q in StageQuestion.objects.filter(stage__version=target.model_version).select_related(
            "stage"
        )
    }
    for answer in source.answers.all():
        question = questions.get((answer.stage_key, answer.question_key))
        Answer.objects.update_or_create(
            engagement=target,
            stage_key=answer.stage_key,
            question_key=answer.question_key,
            defaults={
                "question": question,
                "question_text": answer.question_text,
                "text": answer.text,
                "updated_by": answer.updated_by,
            },
        )
    same_stage = target.model_version.stages.filter(key=source.stage.key).first()
    if same_stage is not None and same_stage.pk != target.stage_id:
        engagement_move_stage(
            engagement=target,
            to_stage=same_stage,
            by=None,
            reason="Continued from the self-guided journey",
            force=True,
        )


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, user: User, bring_from: Engagement | None = None
) -> Engagement:
    # Re-read under a lock: the caller's copy may be stale if someone accepted meanwhile.
    if not Invitation.objects.select_for_update().get(pk=invitation.pk).is_open:
        raise ValidationError("This invitation has already been used.")
    engagement = Engagement.objects.select_for_update().get(pk=invitation.engagement_id)
    if invitation.direction == Invitation.Direction.COACH_TO_CLIENT:
        if engagement.coach_id == user.pk:
            raise ValidationError("You cannot accept your own invitation.")
        engagement.client = user
        engagement.status = EngagementStatus.ACTIVE
        engagement.last_activity_at = timezone.now()
        engagement.save(update_fields=["client", "status", "last_activity_at"])
        StatusChange.objects.create(
            engagement=engagement,
            from_status=EngagementStatus.INVITED,
            to_status=EngagementStatus.ACTIVE,
            changed_by=user,
            reason="Invitation accepted",
        )
        if bring_from is not None:
            if not (bring_from.is_client(user) and bring_from.is_self_guided):
                raise ValidationError("Only your own self-guided journey can be brought in.")
            _carry_over(bring_from, engagement)
            bring_from.continued_in = engagement
            bring_from.save(update_fields=["continued_in"])
            engagement_set_status(
                engagement=bring_from,
                status=EngagementStatus.CONCLUDED,
                by=user,
                reason=f"Continued with {engagement.coach}",
            )
    else:
        membership = Membership.objects.filter(user=user).select_related("practice").first()
        if membership is None:
            raise ValidationError("Create your practice first, then accept the request.")
        if engagement.is_client(user):
            raise ValidationError("You cannot coach yourself in this journey.")
        engagement.coach = user
        engagement.practice = membership.practice
        engagement.kind = EngagementKind.COACHED
        engagement.last_activity_at = timezone.now()
        engagement.save(update_fields=["coach", "practice", "kind", "last_activity_at"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return engagement


@transaction.atomic
def invitation_decline(*, invitation: Invitation) -> None:
    invitation.declined_at = timezone.now()
    invitation.save(update_fields=["declined_at"])


@transaction.atomic
def engagement_request_coach(
    *, engagement: Engagement, by: User, email: str, message: str
) -> Invitation:
    """A self-guided client asks a coach to join their journey, bringing everything along."""
    if not (engagement.is_self_guided and engagement.is_client(by)):
        raise ValidationError("Only a self-guided journey can invite a coach.")
    raw, digest = new_token()
    invitation = Invitation.objects.create(
        engagement=engagement,
        direction=Invitation.Direction.CLIENT_TO_COACH,
        email=email.strip().lower(),
        message=message.strip(),
        token_hash=digest,
    )
    send_templated(
        invitation.email,
        "coach_request",
        {
            "client": by,
            "message": invitation.message,
            "link": absolute(reverse("invitation", args=[raw])),
        },
    )
    return invitation


@transaction.atomic
def engagement_start_self_guided(*, user: User, model: CoachingModel) -> Engagement:
    if not model.is_builtin:
        raise ValidationError("Self-guided journeys use a built-in model.")
    version: ModelVersion = model.latest_version()
    stage = version.first_stage()
    engagement = Engagement.objects.create(
        kind=EngagementKind.SELF_GUIDED,
        status=EngagementStatus.ACTIVE,
        client=user,
        model_version=version,
        stage=stage,
    )
    _start_stage(engagement, stage, user, "Journey started")
    return engagement


@transaction.atomic
def engagement_move_stage(
    *,
    engagement: Engagement,
    to_stage: Stage,
    by: User | None,
    reason: str = "",
    force: bool = False,
) -> StageTransition:
    if to_stage.version_id != engagement.model_version_id:
        raise ValidationError("That stage belongs to another coaching model.")
    if not force and (by is None or not engagement.can_move_stage(by)):
        raise ValidationError("Only the coach moves the stage of this engagement.")
    if not engagement.is_open:
        raise ValidationError("This engagement is concluded.")
    if to_stage.pk == engagement.stage_id:
        raise ValidationError("The engagement is already at that stage.")
    transition = StageTransition.objects.create(
        engagement=engagement,
        from_stage_id=engagement.stage_id,
        to_stage=to_stage,
        moved_by=by,
        reason=reason.strip(),
    )
    engagement.stage = to_stage
    engagement.last_activity_at = timezone.now()
    engagement.save(update_fields=["stage", "last_activity_at"])
    return transition


@transaction.atomic
def engagement_set_status(
    *, engagement: Engagement, status: EngagementStatus, by: User, reason: str = ""
) -> None:
    if engagement.status == status:
        return
    if engagement.status == EngagementStatus.INVITED and status != EngagementStatus.CONCLUDED:
        raise ValidationError("The client has not accepted the invitation yet.")
    StatusChange.objects.create(
        engagement=engagement,
        from_status=engagement.status,
        to_status=status,
        changed_by=by,
        reason=reason.strip(),
    )
    engagement.status = status
    engagement.concluded_at = timezone.now() if status == EngagementStatus.CONCLUDED else None
    engagement.save(update_fields=["status", "concluded_at"])


@transaction.atomic
def answer_save(*, engagement: Engagement, question: StageQuestion, text: str, by: User) -> Answer:
    engagement.require_client_write(by, ANSWERS)
    if question.stage.version_id != engagement.model_version_id:
        raise ValidationError("That question is not part of this engagement.")
    answer, _ = Answer.objects.update_or_create(
        engagement=engagement,
        stage_key=question.stage.key,
        question_key=question.key,
        defaults={
            "question": question,
            "question_text": question.text,
            "text": text,
            "updated_by": by,
        },
    )
    Engagement.objects.filter(pk=engagement.pk).update(last_activity_at=timezone.now())
    return answer


@transaction.atomic
def agreement_accept(
    *, engagement: Engagement, agreement: Agreement, by: User
) -> AgreementAcceptance:
    if not engagement.is_client(by):
        raise ValidationError("Only the client accepts the coaching agreement.")
    if agreement.practice_id != engagement.practice_id:
        raise ValidationError("That agreement belongs to another practice.")
    acceptance = AgreementAcceptance.objects.create(
        engagement=engagement, agreement=agreement, accepted_by=by
    )
    engagement.touch()
    return acceptance


@transaction.atomic
def intake_save(*, engagement: Engagement, intake: Intake, submit: bool) -> Intake:
    _refuse_if_concluded(engagement)
    if intake.satisfaction is not None and not 1 <= intake.satisfaction <= 10:
        raise ValidationError({"satisfaction": SATISFACTION_RANGE})
    intake.engagement = engagement
    if submit and intake.submitted_at is None:
        intake.submitted_at = timezone.now()
    intake.save()
    engagement.touch()
    return intake


@transaction.atomic
def checklist_toggle(*, engagement: Engagement, stage: Stage, index: int, done: bool) -> None:
    if not 0 <= index < len(stage.exit_checklist):
        raise ValidationError("No such checklist item.")
    items = set(engagement.done_items(stage.key))
    if done:
        items.add(index)
    else:
        items.discard(index)
    engagement.checklist_done = {**engagement.checklist_done, stage.key: sorted(items)}
    engagement.save(update_fields=["checklist_done"])


@transaction.atomic
def engagement_handover(
    *, engagement: Engagement, to_coach: User, by: User, reason: str = ""
) -> Engagement:
    """Give a client's engagement to another coach of the same practice.

    The practice owner does it. The client and both coaches are told by email; the consent
    log notes it (through `engagement_handed_over`). Private session notes stay their
    author's: the old coach no longer sees the engagement, the new one never sees them."""
    locked = (
        # Lock the engagement's row only: PostgreSQL locks no nullable side of a join.
        Engagement.objects.select_for_update(of=("self",))
        .select_related("coach", "practice")
        .get(pk=engagement.pk)
    )
    practice = locked.practice
    if (
        practice is None
        or not Membership.objects.filter(practice=practice, user=by, role=MemberRole.OWNER).exists()
    ):
        raise ValidationError("Only the practice owner hands a client over to another coach.")
    if not locked.is_open:
        raise ValidationError("This engagement is concluded: there is no coaching to hand over.")
    if not Membership.objects.filter(practice=practice, user=to_coach).exists():
        raise ValidationError(f"{to_coach.name} is not a coach of {practice.name}.")
    from_coach = locked.coach
    if from_coach is not None and from_coach.pk == to_coach.pk:
        raise ValidationError(f"{to_coach.name} already coaches this client.")
    email = locked.client.email if locked.client is not None else locked.invited_email
    if (
        Engagement.objects.coached_by(to_coach)
        .open()
        .filter(Q(client__email__iexact=email) | Q(invited_email__iexact=email))
        .exists()
    ):
        raise ValidationError(f"{to_coach.name} already has an open engagement with {email}.")
    locked.coach = to_coach
    locked.coach_seen_at = None  # all of it is new to the new coach
    locked.save(update_fields=["coach", "coach_seen_at"])
    engagement_handed_over.send(
        sender=Engagement, engagement=locked, from_coach=from_coach, to_coach=to_coach, by=by
    )
    context = {
        "engagement": locked,
        "from_coach": from_coach,
        "to_coach": to_coach,
        "by": by,
        "reason": reason.strip(),
    }
    send_templated(
        email,
        "handover_client",
        {**context, "link": absolute(reverse("engagement_detail", args=[locked.pk]))},
    )
    for coach in {c.pk: c for c in (from_coach, to_coach) if c is not None}.values():
        send_templated(
            coach.email,
            "handover_coach",
            {**context, "reader": coach, "link": absolute(reverse("dashboard"))},
        )
    return locked


@transaction.atomic
def flag_acknowledge(*, engagement: Engagement, by: User, code: str) -> FlagAcknowledgement:
    """The coach's "got it": one row per flag, moved forward each time they acknowledge it."""
    if not engagement.is_coach(by):
        raise ValidationError("Only the engagement's coach acknowledges its flags.")
    acknowledgement, _ = FlagAcknowledgement.objects.update_or_create(
        engagement=engagement, coach=by, code=code, defaults={"acknowledged_at": timezone.now()}
    )
    return acknowledgement


VISIT_GAP = dt.timedelta(hours=2)


@transaction.atomic
def engagement_coach_seen(*, engagement: Engagement, now: dt.datetime | None = None) -> None:
    """The coach opened the engagement. Views within VISIT_GAP of the last one belong to the
    same visit and keep its start (coach_prev_seen_at): a reload, or a look at a check-in and
    back, must not empty "since you last looked". A later visit starts from the last view."""
    now = now or timezone.now()
    seen = engagement.coach_seen_at
    if seen is None or now - seen >= VISIT_GAP:
        engagement.coach_prev_seen_at = seen
    engagement.coach_seen_at = now
    Engagement.objects.filter(pk=engagement.pk).update(
        coach_seen_at=now, coach_prev_seen_at=engagement.coach_prev_seen_at
    )
