"""Concluding writes: the scale, the client's insights, the conclusion itself and the
follow-ups after it. Reads that several pages share are in headway/concluding/journey.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from headway.accounts.models import User
from headway.concluding.models import (
    EFFICACY,
    ENERGY_MAX,
    ENERGY_MIN,
    FOLLOWUPS,
    INSIGHTS,
    Conclusion,
    EfficacyPhase,
    EfficacyRating,
    FollowUp,
    Insight,
)
from headway.core.assessments.efficacy import (
    FollowUpAttention,
    FollowUpFact,
    ScaleError,
    default_phase,
    followup_attention,
    followup_schedule,
    is_open,
    score_scale,
)
from headway.engagements.models import Engagement, EngagementStatus
from headway.engagements.services import engagement_set_status

MAX_TEXT = 4000


def _texts(**texts: str) -> dict[str, str]:
    if any(len(t) > MAX_TEXT for t in texts.values()):
        raise ValidationError(f"Keep each answer under {MAX_TEXT} characters.")
    return {k: v.strip() for k, v in texts.items()}


# --- the self-efficacy scale -----------------------------------------------------------------


def suggested_phase(engagement: Engagement, *, from_concluding: bool = False) -> str:
    has_goals = engagement.goals.exists()
    return default_phase(has_goals=has_goals, from_concluding=from_concluding).value


@transaction.atomic
def efficacy_record(
    *,
    engagement: Engagement,
    by: User,
    responses: Mapping[str, int],
    phase: str = "",
    from_concluding: bool = False,
) -> EfficacyRating:
    """The client rates the scale; without a phase, the suggested one is recorded."""
    engagement.require_client(by, EFFICACY)
    if not engagement.is_open:
        raise ValidationError("This engagement is concluded: its ratings are kept as they were.")
    phase = phase or suggested_phase(engagement, from_concluding=from_concluding)
    if phase not in EfficacyPhase.values:
        raise ValidationError("Choose when this is: at the start, along the way or at the end.")
    try:
        result = score_scale(responses)
    except ScaleError as exc:
        raise ValidationError(str(exc)) from exc
    rating = EfficacyRating.objects.create(
        engagement=engagement, phase=phase, responses=dict(result.ratings), mean=result.mean
    )
    engagement.touch()
    return rating


def latest_by_phase(engagement: Engagement) -> dict[str, EfficacyRating]:
    latest: dict[str, EfficacyRating] = {}
    for rating in EfficacyRating.objects.filter(engagement=engagement):  # newest first
        latest.setdefault(rating.phase, rating)
    return latest


# --- insights in the client's own words ------------------------------------------------------


@transaction.atomic
def insights_save(
    *,
    engagement: Engagement,
    by: User,
    learned: str = "",
    changed: str = "",
    network: str = "",
    satisfaction_now: int | None = None,
) -> Insight:
    """Before or after the conclusion: the words are the client's, whenever they come."""
    engagement.require_client(by, INSIGHTS)
    if satisfaction_now is not None and not 1 <= satisfaction_now <= 10:
        raise ValidationError("Satisfaction is a number from 1 to 10.")
    fields = _texts(learned=learned, changed=changed, network=network)
    insight, _ = Insight.objects.update_or_create(
        engagement=engagement, defaults={**fields, "satisfaction_now": satisfaction_now}
    )
    engagement.touch()
    return insight


# --- the conclusion --------------------------------------------------------------------------


@transaction.atomic
def engagement_conclude(*, engagement: Engagement, by: User, reflection: str = "") -> Conclusion:
    """Conclude, keeping the status history, and offer the follow-ups."""
    # Lock the row and read it afresh: two people concluding at once get one conclusion.
    list(Engagement.objects.select_for_update().filter(pk=engagement.pk))
    engagement.refresh_from_db(fields=["status", "concluded_at"])
    if not engagement.can_change_status(by):
        raise ValidationError(
            "The coach concludes a coached engagement; a self-guided journey is its client's own."
        )
    if not engagement.is_open:
        on = timezone.localdate(engagement.concluded_at) if engagement.concluded_at else None
        when = f" on {on:%-d %B %Y}" if on else ""
        raise ValidationError(f"This engagement was already concluded{when}.")
    if engagement.status == EngagementStatus.INVITED:
        raise ValidationError("The client has not joined yet: there is nothing to conclude.")
    fields = _texts(reflection=reflection)
    engagement_set_status(
        engagement=engagement,
        status=EngagementStatus.CONCLUDED,
        by=by,
        reason=fields["reflection"],
    )
    conclusion, _ = Conclusion.objects.update_or_create(
        engagement=engagement,
        defaults={
            "concluded_by": by,
            "concluded_at": engagement.concluded_at or timezone.now(),
            **fields,
        },
    )
    followups_offer(engagement=engagement)
    return conclusion


# --- follow-ups ------------------------------------------------------------------------------


@transaction.atomic
def followups_offer(*, engagement: Engagement) -> list[FollowUp]:
    """The 3, 6 and 12-month follow-ups of a concluded engagement, created once.

    Idempotent, so that an engagement concluded from the status form gets them too."""
    if engagement.is_open or engagement.concluded_at is None:
        return []
    concluded_on = timezone.localdate(engagement.concluded_at)
    for months, due_on in followup_schedule(concluded_on):
        FollowUp.objects.get_or_create(
            engagement=engagement, months=months, defaults={"due_on": due_on}
        )
    return list(FollowUp.objects.filter(engagement=engagement))


@transaction.atomic
def followup_set_declined(*, followup: FollowUp, by: User, declined: bool) -> FollowUp:
    followup.engagement.require_client(by, FOLLOWUPS)
    if followup.answered_at is not None:
        raise ValidationError("This follow-up is already answered.")
    followup.declined_at = timezone.now() if declined else None
    followup.save(update_fields=["declined_at"])
    return followup


def _fact(f: FollowUp) -> FollowUpFact:
    return FollowUpFact(
        months=f.months,
        due_on=f.due_on,
        declined=f.declined_at is not None,
        answered=f.answered_at is not None,
        coach_seen=f.coach_seen_at is not None,
    )


def followup_is_open(followup: FollowUp, today: dt.date | None = None) -> bool:
    return is_open(_fact(followup), today or timezone.localdate())


@transaction.atomic
def followup_answer(
    *,
    followup: FollowUp,
    by: User,
    energy: int,
    how: str = "",
    happened: str = "",
    next: str = "",  # noqa: A002 - the form's own word
) -> FollowUp:
    followup.engagement.require_client(by, FOLLOWUPS)
    if followup.answered_at is not None:
        raise ValidationError("This follow-up is already answered: thank you.")
    if followup.declined_at is not None:
        raise ValidationError("You declined this follow-up; accept it again to answer it.")
    if followup.due_on > timezone.localdate():
        raise ValidationError(f"This follow-up opens on {followup.due_on:%-d %B %Y}.")
    if not ENERGY_MIN <= energy <= ENERGY_MAX:
        raise ValidationError(f"Energy is a number from {ENERGY_MIN} to {ENERGY_MAX}.")
    for key, value in _texts(how=how, happened=happened, next=next).items():
        setattr(followup, key, value)
    followup.energy = energy
    followup.answered_at = timezone.now()
    followup.save()
    followup.engagement.touch()
    return followup


@transaction.atomic
def followups_mark_seen(*, engagement: Engagement, by: User) -> int:
    """The coach has read the answers: they leave the dashboard."""
    if not engagement.is_coach(by):
        return 0
    return FollowUp.objects.filter(
        engagement=engagement, answered_at__isnull=False, coach_seen_at__isnull=True
    ).update(coach_seen_at=timezone.now())


def due_followups(now: dt.datetime | None = None) -> list[FollowUp]:
    """Every follow-up open today, across engagements: for reminder emails (not sent here)."""
    today = timezone.localdate(now or timezone.now())
    candidates = FollowUp.objects.filter(
        due_on__lte=today, declined_at__isnull=True, answered_at__isnull=True
    ).select_related("engagement__client", "engagement__coach")
    return [f for f in candidates if is_open(_fact(f), today)]


def followup_attention_of(
    engagements: Iterable[Engagement], *, today: dt.date | None = None
) -> dict[int, FollowUpAttention]:
    """For the dashboard: the open and the unread follow-up of each engagement, in one query."""
    today = today or timezone.localdate()
    facts: dict[int, list[FollowUpFact]] = {}
    for f in FollowUp.objects.filter(engagement__in=list(engagements)):
        facts.setdefault(f.engagement_id, []).append(_fact(f))
    return {pk: followup_attention(fs, today) for pk, fs in facts.items()}


def engagements_needing_followup_attention(
    coach: User, *, today: dt.date | None = None
) -> set[int]:
    """The concluded engagements the coach's dashboard lists again, because of a follow-up."""
    concluded = Engagement.objects.coached_by(coach).filter(status=EngagementStatus.CONCLUDED)
    return {
        pk
        for pk, a in followup_attention_of(concluded, today=today).items()
        if a.due is not None or a.answered is not None
    }
