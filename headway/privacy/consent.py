"""The consent log as a read model: agreement acceptances, coached engagements joined and
accountability links from their own tables, plus the sharing changes in ConsentEvent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from headway.accounts.models import User
from headway.engagements.models import AgreementAcceptance, Engagement, EngagementKind
from headway.goals.models import AccountabilityLink
from headway.privacy.models import ConsentEvent, ConsentWhat


@dataclass(frozen=True)
class ConsentItem:
    at: dt.datetime
    what: str
    granted: bool
    engagement_id: int | None
    detail: str

    @property
    def what_label(self) -> str:
        return str(ConsentWhat(self.what).label)


def consent_log(*, user: User, engagement: Engagement | None = None) -> list[ConsentItem]:
    """Newest first. With `engagement`, only that engagement's consents (for its coach)."""
    engagements = Engagement.objects.filter(client=user)
    if engagement is not None:
        engagements = engagements.filter(pk=engagement.pk)
    items: list[ConsentItem] = []
    coached = engagements.filter(kind=EngagementKind.COACHED).select_related("practice")
    for e in coached.prefetch_related("invitations"):
        where = e.practice.name if e.practice else ""
        # Joined when the invitation was accepted (either direction); else when it began.
        accepted = [i.accepted_at for i in e.invitations.all() if i.accepted_at is not None]
        items.append(
            ConsentItem(
                min(accepted, default=e.created_at), ConsentWhat.ENGAGEMENT, True, e.pk, where
            )
        )
    acceptances = AgreementAcceptance.objects.filter(
        engagement__in=engagements, accepted_by=user
    ).select_related("agreement")
    for a in acceptances:
        detail = f"Version {a.agreement.version}"
        items.append(
            ConsentItem(a.accepted_at, ConsentWhat.AGREEMENT, True, a.engagement_id, detail)
        )
    for link in AccountabilityLink.objects.filter(engagement__in=engagements):
        items.append(
            ConsentItem(
                link.created_at,
                ConsentWhat.ACCOUNTABILITY,
                True,
                link.engagement_id,
                link.partner_name,
            )
        )
        if link.revoked_at:
            items.append(
                ConsentItem(
                    link.revoked_at,
                    ConsentWhat.ACCOUNTABILITY,
                    False,
                    link.engagement_id,
                    link.partner_name,
                )
            )
    events = ConsentEvent.objects.filter(user=user)
    if engagement is not None:
        events = events.filter(engagement=engagement)
    for ev in events:
        items.append(ConsentItem(ev.at, ev.what, ev.granted, ev.engagement_id, ev.detail))
    return sorted(items, key=lambda i: i.at, reverse=True)
