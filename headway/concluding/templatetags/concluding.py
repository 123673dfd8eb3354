"""`{% concluding_links e %}`: the concluding items of an engagement page's tool list, and
a due follow-up for its client, without the engagement views knowing about them."""

from __future__ import annotations

from typing import Any

from django import template

from headway.concluding.models import FollowUp
from headway.concluding.services import followup_is_open
from headway.engagements.models import Engagement

register = template.Library()


@register.inclusion_tag("concluding/_links.html", takes_context=True)
def concluding_links(context: dict[str, Any], engagement: Engagement) -> dict[str, Any]:
    user = context["request"].user
    concluded = not engagement.is_open
    due = None
    if concluded and engagement.is_client(user):
        due = next(
            (f for f in FollowUp.objects.filter(engagement=engagement) if followup_is_open(f)),
            None,
        )
    return {"e": engagement, "concluded": concluded, "due": due}
