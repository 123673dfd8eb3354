"""Access battery cases for the concluding pages (run by tests/test_views_access.py).

The coach and the client of an engagement see them; the coach concludes a coached
engagement, the client rates the scale, writes the insights and answers the follow-ups."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from headway.concluding.models import EfficacyRating, FollowUp, Insight
from headway.concluding.services import engagement_conclude
from headway.core.assessments.efficacy import SCALE_KEYS
from headway.engagements.models import Engagement, EngagementStatus
from tests.access import Case, Ctx, hidden


def _e(c: Ctx) -> Engagement:
    return c.world.engagement


def _concluded_followup(c: Ctx) -> FollowUp:
    """The engagement concluded, its 3-month follow-up due today."""
    e = _e(c)
    e.refresh_from_db()
    if e.status != EngagementStatus.CONCLUDED:
        engagement_conclude(engagement=e, by=c.world.owner)
    fu = FollowUp.objects.get(engagement=e, months=3)
    FollowUp.objects.filter(pk=fu.pk).update(due_on=timezone.localdate())
    return fu


def _scale() -> dict[str, str]:
    return {"phase": "end", **{f"item_{k}": "4" for k in SCALE_KEYS}}


def _get(name: str) -> Case:
    return Case(
        name,
        "coached",
        "get",
        lambda c: reverse(name, args=[_e(c).pk]),
        hidden(owner=200, client=200),
    )


CONCLUDING_CASES = [
    _get("conclude"),
    _get("conclude_efficacy"),
    _get("conclude_insights"),
    _get("celebration"),
    _get("celebration_pdf"),
    _get("followups"),
    Case(
        "conclude_efficacy",
        "coached",
        "post",
        lambda c: reverse("conclude_efficacy", args=[_e(c).pk]),
        hidden(owner=403, client=302),
        data=lambda c: _scale(),
        changed=lambda c: EfficacyRating.objects.filter(engagement=_e(c)).exists(),
    ),
    Case(
        "conclude_insights",
        "coached",
        "post",
        lambda c: reverse("conclude_insights", args=[_e(c).pk]),
        hidden(owner=403, client=302),
        data=lambda c: {"learned": "I like research"},
        changed=lambda c: Insight.objects.filter(engagement=_e(c)).exists(),
    ),
    Case(
        "conclude",
        "coached",
        "post",
        lambda c: reverse("conclude", args=[_e(c).pk]),
        hidden(owner=302, client=403),
        data=lambda c: {"reflection": "Well done"},
        changed=lambda c: Engagement.objects.get(pk=_e(c).pk).status == EngagementStatus.CONCLUDED,
    ),
    Case(
        "conclude",
        "self-guided",
        "post",
        lambda c: reverse("conclude", args=[c.world.solo_engagement.pk]),
        hidden(solo=302),
        changed=lambda c: (
            Engagement.objects.get(pk=c.world.solo_engagement.pk).status
            == EngagementStatus.CONCLUDED
        ),
    ),
    Case(
        "followup_act",
        "decline",
        "post",
        lambda c: reverse("followup_act", args=[_e(c).pk, _concluded_followup(c).pk]),
        hidden(owner=403, client=302),
        data=lambda c: {"action": "decline"},
        changed=lambda c: FollowUp.objects.filter(
            engagement=_e(c), declined_at__isnull=False
        ).exists(),
    ),
    Case(
        "followup_act",
        "answer",
        "post",
        lambda c: reverse("followup_act", args=[_e(c).pk, _concluded_followup(c).pk]),
        hidden(owner=403, client=302),
        data=lambda c: {"action": "answer", f"fu{_concluded_followup(c).pk}-energy": "7"},
        changed=lambda c: FollowUp.objects.filter(
            engagement=_e(c), answered_at__isnull=False
        ).exists(),
    ),
]
