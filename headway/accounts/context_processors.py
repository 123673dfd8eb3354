from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def roles(request: HttpRequest) -> dict[str, Any]:
    """Which of a person's roles the navigation should offer. A request refused before the
    authentication middleware (a 400 for a host this server does not serve) has no user."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    # Through the reverse relations: accounts sits below the apps that point at a user.
    return {
        "is_coach": user.memberships.exists(),
        "has_journeys": user.client_engagements.exists(),
    }
