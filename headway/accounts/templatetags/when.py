"""How long ago, in words: "just now" under a minute, where `timesince` would say
"0 minutes"."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone
from django.utils.timesince import timesince

register = template.Library()

JUST_NOW = dt.timedelta(minutes=1)


@register.filter
def ago(value: dt.datetime | None, now: dt.datetime | None = None) -> str:
    """ "just now", "5 minutes ago", "2 days, 3 hours ago"; "" for no time."""
    if not value:
        return ""
    now = now or timezone.now()
    # A time a little ahead (clocks between servers) is just now too.
    if now - value < JUST_NOW:
        return "just now"
    return f"{timesince(value, now)} ago"
