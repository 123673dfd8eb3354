"""What apps above engagements add to an engagement's page, without engagements importing
them: each registers a panel from its AppConfig.ready (the overview adds the coach's flags
and "since you last looked", and the client's "your coach wrote")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from headway.accounts.models import User
from headway.engagements.models import Engagement

# (engagement, the person looking, whether they are its coach) -> template context
Panel = Callable[[Engagement, User, bool], dict[str, Any]]

_panels: list[Panel] = []


def register_panel(panel: Panel) -> None:
    if panel not in _panels:
        _panels.append(panel)


def panels_context(engagement: Engagement, user: User, *, is_coach: bool) -> dict[str, Any]:
    """Every registered panel's context for the page, merged."""
    context: dict[str, Any] = {}
    for panel in _panels:
        context.update(panel(engagement, user, is_coach))
    return context
