"""Signals the engagement sends for apps above it to react to (the consent log, say)."""

from __future__ import annotations

from django.dispatch import Signal

# Sent inside the hand-over's transaction, with engagement, from_coach, to_coach and by.
engagement_handed_over = Signal()
