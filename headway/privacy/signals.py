"""Sharing switches keep only their current state, so each change is written to the consent
log here, as it is saved. Connected from PrivacyConfig.ready()."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import pre_save
from django.dispatch import receiver

from headway.accounts.models import User
from headway.discovery.models import Assessment, JournalSharing
from headway.engagements.models import Engagement
from headway.engagements.signals import engagement_handed_over
from headway.privacy.models import ConsentEvent, ConsentWhat


def _record(engagement_id: int, what: str, granted: bool, detail: str) -> None:
    from headway.engagements.models import Engagement

    engagement = Engagement.objects.filter(pk=engagement_id).only("client_id").first()
    if engagement is None or engagement.client_id is None:
        return
    ConsentEvent.objects.create(
        user_id=engagement.client_id,
        engagement_id=engagement_id,
        what=what,
        granted=granted,
        detail=detail,
    )


@receiver(pre_save, sender=Assessment, dispatch_uid="privacy_assessment_sharing")
def assessment_sharing(sender: type, instance: Assessment, raw: bool = False, **_: Any) -> None:
    if raw or instance.pk is None:
        return  # a new assessment starts shared by default: no choice made yet
    before = (
        Assessment.objects.filter(pk=instance.pk)
        .values_list("shared_with_coach", flat=True)
        .first()
    )
    if before is not None and before != instance.shared_with_coach:
        _record(
            instance.engagement_id,
            ConsentWhat.ASSESSMENT,
            instance.shared_with_coach,
            instance.get_kind_display(),
        )


@receiver(pre_save, sender=JournalSharing, dispatch_uid="privacy_journal_sharing")
def journal_sharing(sender: type, instance: JournalSharing, raw: bool = False, **_: Any) -> None:
    if raw:
        return
    before = (
        JournalSharing.objects.filter(pk=instance.pk)
        .values_list("shared_with_coach", flat=True)
        .first()
        if instance.pk
        else None
    )
    if (before is None and instance.shared_with_coach) or (
        before is not None and before != instance.shared_with_coach
    ):
        _record(instance.engagement_id, ConsentWhat.JOURNAL, instance.shared_with_coach, "")


@receiver(engagement_handed_over, dispatch_uid="privacy_engagement_handed_over")
def engagement_handed_over_logged(
    sender: type, engagement: Engagement, from_coach: User | None, to_coach: User, **_: Any
) -> None:
    """Not a consent the client gave, but a change to who reads what they share: noted."""
    moved = f"from {from_coach.name} to {to_coach.name}" if from_coach else f"to {to_coach.name}"
    _record(engagement.pk, ConsentWhat.COACH_CHANGE, True, moved)
