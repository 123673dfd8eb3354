"""The coaching models that ship with Headway.

Pure data (no Django). Headway asks, it does not prescribe: every stage offers
open questions for the client to answer, with or without a coach in the room.
The wording is Headway's own.
"""

from __future__ import annotations

from headway.core.coaching.offsite import CAREER_OFFSITE_MODEL
from headway.core.coaching.spec import ModelSpec
from headway.core.coaching.transition import CAREER_TRANSITION_JOURNEY

__all__ = ["BUILTIN_MODELS", "CAREER_OFFSITE_MODEL", "CAREER_TRANSITION_JOURNEY"]

BUILTIN_MODELS: tuple[ModelSpec, ...] = (CAREER_TRANSITION_JOURNEY, CAREER_OFFSITE_MODEL)
