from __future__ import annotations

from typing import Any

from django import template

from headway.engagements.models import Engagement

register = template.Library()


@register.inclusion_tag("exploration/_add_to_board.html", takes_context=True)
def add_to_board(context: dict[str, Any], code: str) -> dict[str, Any]:
    """The "add to my exploration board" form, for a client with an open engagement."""
    user = context["request"].user
    engagements = (
        list(
            Engagement.objects.of_client(user)
            .open()
            .select_related("coach", "model_version__model")
        )
        if user.is_authenticated
        else []
    )
    return {"engagements": engagements, "code": code, "csrf_token": context.get("csrf_token")}
