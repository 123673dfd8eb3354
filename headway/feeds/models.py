"""The private calendar subscription of a person."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class CalendarFeed(models.Model):
    """A person's private iCalendar subscription: the URL holds a secret token (stored hashed)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_fetched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # The table the model had when it lived in the planning app: no copy on upgrade.
        db_table = "planning_calendarfeed"

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"
