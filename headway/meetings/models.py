"""Coaching sessions: scheduled meetings of coach and client, what the client wants to talk
about, and notes (coach-private, encrypted and audited; or shared with the client)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from headway.crypto import EncryptedTextField


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    CANCELLED = "cancelled", "Cancelled"


class SessionQuerySet(models.QuerySet["Session"]):
    def scheduled(self) -> SessionQuerySet:
        return self.filter(status=SessionStatus.SCHEDULED)

    def upcoming(self, now: dt.datetime | None = None) -> SessionQuerySet:
        return self.scheduled().filter(starts_at__gte=now or timezone.now())

    def past(self, now: dt.datetime | None = None) -> SessionQuerySet:
        return self.scheduled().filter(starts_at__lt=now or timezone.now())


class Session(models.Model):
    engagement = models.ForeignKey(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="coaching_sessions"
    )
    starts_at = models.DateTimeField()  # stored in UTC
    # The IANA zone the session was booked in: the invitation shows the time as booked.
    time_zone = models.CharField(max_length=64, default="UTC")
    duration_minutes = models.PositiveSmallIntegerField(default=60)
    place = models.CharField("Place or video link", max_length=300, blank=True)
    agenda = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    # iCalendar SEQUENCE: bumped on every change so calendars replace the old invitation.
    sequence = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.TextField(blank=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return f"Session of {self.engagement_id} at {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def ends_at(self) -> dt.datetime:
        return self.starts_at + dt.timedelta(minutes=self.duration_minutes)


class SessionTopic(models.Model):
    """Something the client (or coach) wants to talk about in a session."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="topics")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Topic for session {self.session_id}"


class NoteKind(models.TextChoices):
    PRIVATE = "private", "Private to the coach"
    SHARED = "shared", "Shared with the client"


class SessionNote(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=NoteKind.choices, default=NoteKind.PRIVATE)
    text = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} note on session {self.session_id}"


class NoteRead(models.Model):
    """The audit log: every read of a private note, by whom and when."""

    note = models.ForeignKey(SessionNote, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    via = models.CharField(max_length=20, default="web")  # web, api, export

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"Read of note {self.note_id} at {self.at:%Y-%m-%d %H:%M}"
