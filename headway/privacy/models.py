"""The consent log's own events and the audit log's new kinds (note reads stay in meetings)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class ConsentWhat(models.TextChoices):
    AGREEMENT = "agreement", "Coaching agreement"
    ASSESSMENT = "assessment", "Assessment results shared with the coach"
    JOURNAL = "journal", "Energy journal shared with the coach"
    ACCOUNTABILITY = "accountability", "Accountability link"
    ENGAGEMENT = "engagement", "Coached engagement joined"
    COACH_CHANGE = "coach_change", "Coaching moved to another coach"


class ConsentEvent(models.Model):
    """A consent given or withdrawn that the sharing tables do not keep a history of."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consent_events"
    )
    engagement = models.ForeignKey(
        "engagements.Engagement",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consent_events",
    )
    what = models.CharField(max_length=20, choices=ConsentWhat.choices)
    detail = models.CharField(max_length=200, blank=True)
    granted = models.BooleanField()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_what_display()} {'granted' if self.granted else 'withdrawn'}"


class AuditKind(models.TextChoices):
    NOTE_READ = "note_read", "Private note read"
    EXPORT = "export", "Data exported"
    ERASURE = "erasure", "Account erased"


class AuditEvent(models.Model):
    """Exports and erasures. No personal content: an erased person is a pseudonymous id."""

    kind = models.CharField(max_length=20, choices=AuditKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    practice = models.ForeignKey(
        "practices.Practice",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
    )
    subject = models.CharField(max_length=40, blank=True)  # e.g. "person-1f3a9c0b"
    description = models.CharField(max_length=200)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.at:%Y-%m-%d %H:%M}"
