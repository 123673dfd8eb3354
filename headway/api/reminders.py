"""API resources for reminders."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["reminders"])
