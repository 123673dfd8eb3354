"""`{% reply_thread about %}`: the conversation under a check-in, goal, step or result, with
the form for the next reply (`h=` its heading level, `card=True` a card of its own with the
id "conversation"). The page gives `e`, `can_reply` and `is_client`; the replies
come from `about.replies.all`, which the view prefetches with their authors."""

from __future__ import annotations

from typing import Any

from django import template

from headway.replies.models import REPLY_MAX
from headway.replies.services import About, described, target_of

register = template.Library()


def _sr_about(about: About) -> str:
    target = target_of(about)
    if target == target.CHECK_IN:
        return f"about {described(about)}"
    if target == target.STEP:
        return f"about the step “{about}”"
    if target == target.RESULT:
        return "about this result"
    return "about this goal"


@register.inclusion_tag("replies/_thread.html", takes_context=True)
def reply_thread(
    context: template.Context, about: About, h: int = 3, card: bool = False
) -> dict[str, Any]:
    return {
        "thread": list(about.replies.all()),
        "target": target_of(about).value,
        "target_pk": about.pk,
        "about": _sr_about(about),
        "h": h,
        "card": card,
        "e": context["e"],
        "user": context["user"],
        "can_reply": context.get("can_reply", False),
        "is_client": context.get("is_client", False),
        "reply_max": REPLY_MAX,
    }
