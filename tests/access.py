"""The access battery's case shape under its older name, for the tables that still import it
from here (tests/goals/access_cases.py). The battery is tests/battery/."""

from __future__ import annotations

from tests.battery.cases import ROLES, Case, any_coach, coaches_of_practice, everyone, hidden
from tests.battery.world import Ctx, make_ctx

__all__ = [
    "ROLES",
    "Case",
    "Ctx",
    "any_coach",
    "coaches_of_practice",
    "everyone",
    "hidden",
    "make_ctx",
]
