"""Access battery cases for the concluding pages (run by tests/battery/test_pages.py).

The coach and the client of an engagement see them; the coach concludes a coached
engagement, the client rates the scale, writes the insights and answers the follow-ups."""

from __future__ import annotations

from collections.abc import Callable

from headway.concluding.models import EfficacyRating, FollowUp, Insight
from headway.core.assessments.efficacy import SCALE_KEYS
from headway.engagements.models import Engagement, EngagementStatus
from tests.battery.cases import Check, exists, hidden, page
from tests.battery.setups import coached, followup, solo
from tests.battery.world import Ctx

BOTH = hidden(owner=200, client=200)
CLIENT_WRITES = hidden(owner=403, client=302)
SCALE = {"phase": "end", **{f"item_{k}": "4" for k in SCALE_KEYS}}
FOLLOWUP = (coached, followup)


def _answer(c: Ctx) -> dict[str, str]:
    return {"action": "answer", f"fu{followup(c).pk}-energy": "7"}


def _concluded(pick: Callable[[Ctx], Engagement]) -> Check:
    return exists(Engagement, pk=lambda c: pick(c).pk, status=EngagementStatus.CONCLUDED)


# fmt: off
CONCLUDING_CASES = [
    *(
        page(name, "get", BOTH, coached)
        for name in [
            "conclude",
            "conclude_efficacy",
            "conclude_insights",
            "celebration",
            "celebration_pdf",
            "followups",
        ]
    ),
    page("conclude_efficacy", "post", CLIENT_WRITES, coached, data=SCALE, changed=exists(EfficacyRating, engagement=coached)),
    page("conclude_insights", "post", CLIENT_WRITES, coached, data={"learned": "I like research"}, changed=exists(Insight, engagement=coached)),
    page("conclude", "post", hidden(owner=302, client=403), coached, data={"reflection": "Well done"}, changed=_concluded(coached)),
    page("conclude", "post", hidden(solo=302), solo, label="self-guided", changed=_concluded(solo)),
    page("followup_act", "post", CLIENT_WRITES, *FOLLOWUP, label="decline", data={"action": "decline"}, changed=exists(FollowUp, engagement=coached, declined_at__isnull=False)),
    page("followup_act", "post", CLIENT_WRITES, *FOLLOWUP, label="answer", data=_answer, changed=exists(FollowUp, engagement=coached, answered_at__isnull=False)),
]
# fmt: on
