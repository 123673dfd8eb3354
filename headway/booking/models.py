"""Booking: a coach's session types, their weekly hours (with date overrides and time off)
and the settings that go with them. Slots are computed (headway/core/scheduling/slots.py), never
stored; a booked slot becomes a coaching session."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from headway.core.scheduling.slots import Rules
from headway.crypto import EncryptedTextField
from headway.reminders.models import Weekday

MIN_MINUTES, MAX_MINUTES = 10, 480


class Audience(models.TextChoices):
    PUBLIC = "public", "Anyone, from your public page (an introductory session)"
    CLIENTS = "clients", "Your clients, from their journey"


class SessionTypeQuerySet(models.QuerySet["SessionType"]):
    def active(self) -> SessionTypeQuerySet:
        return self.filter(active=True)


class SessionType(models.Model):
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_types"
    )
    name = models.CharField(max_length=100)
    minutes = models.PositiveSmallIntegerField(
        "Length (minutes)",
        validators=[MinValueValidator(MIN_MINUTES), MaxValueValidator(MAX_MINUTES)],
    )
    buffer_before = models.PositiveSmallIntegerField(
        "Free minutes before", default=0, validators=[MaxValueValidator(120)]
    )
    buffer_after = models.PositiveSmallIntegerField(
        "Free minutes after", default=10, validators=[MaxValueValidator(120)]
    )
    notice_hours = models.PositiveSmallIntegerField(
        "Minimum notice (hours)", default=24, validators=[MaxValueValidator(24 * 30)]
    )
    horizon_days = models.PositiveSmallIntegerField(
        "How far ahead one can book (days)",
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    audience = models.CharField(
        "Who may book it", max_length=10, choices=Audience.choices, default=Audience.CLIENTS
    )
    place = models.CharField("Place or video link", max_length=300, blank=True)
    per_day = models.PositiveSmallIntegerField(
        "At most per day",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="Leave empty for no limit.",
    )
    active = models.BooleanField("Open for booking", default=True)
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SessionTypeQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes__gte=MIN_MINUTES) & Q(minutes__lte=MAX_MINUTES),
                name="session_type_length",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.minutes} min)"

    @property
    def rules(self) -> Rules:
        return Rules(
            minutes=self.minutes,
            buffer_before=self.buffer_before,
            buffer_after=self.buffer_after,
            notice=dt.timedelta(hours=self.notice_hours),
            horizon_days=self.horizon_days,
            per_day=self.per_day,
        )


class BookingSettings(models.Model):
    """One per coach: the zone their hours are in, and their cancellation policy. Its row is
    also the lock a booking takes, so two people cannot take the same time at once."""

    coach = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="booking_settings"
    )
    time_zone = models.CharField("Your hours are in", max_length=64, default="Europe/London")
    cancel_hours = models.PositiveSmallIntegerField(
        "Clients may move or cancel up to (hours before)",
        default=24,
        validators=[MaxValueValidator(24 * 14)],
    )
    bookings = models.PositiveIntegerField(default=0)  # bumped under the lock by each booking

    def __str__(self) -> str:
        return f"Booking settings of {self.coach_id}"


class WeeklyHours(models.Model):
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="weekly_hours"
    )
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    starts = models.TimeField()
    ends = models.TimeField()

    class Meta:
        ordering = ["weekday", "starts"]
        constraints = [
            models.CheckConstraint(condition=Q(ends__gt=F("starts")), name="weekly_hours_order")
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.starts:%H:%M}-{self.ends:%H:%M}"


class DateHours(models.Model):
    """A date whose hours differ from the week's: rows without times make it a day off."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="date_hours"
    )
    day = models.DateField()
    starts = models.TimeField(null=True, blank=True)
    ends = models.TimeField(null=True, blank=True)

    class Meta:
        ordering = ["day", "starts"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts__isnull=True, ends__isnull=True) | Q(ends__gt=F("starts")),
                name="date_hours_order",
            )
        ]

    def __str__(self) -> str:
        if self.starts is None:
            return f"{self.day}: day off"
        return f"{self.day} {self.starts:%H:%M}-{self.ends:%H:%M}"


class TimeOff(models.Model):
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="time_off"
    )
    first_day = models.DateField()
    last_day = models.DateField()
    note = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["first_day"]
        constraints = [
            models.CheckConstraint(condition=Q(last_day__gte=F("first_day")), name="time_off_order")
        ]

    def __str__(self) -> str:
        return f"Time off {self.first_day} to {self.last_day}"


class IntroStatus(models.TextChoices):
    PENDING = "pending", "Waiting for the email to be confirmed"
    CONFIRMED = "confirmed", "Booked"
    CANCELLED = "cancelled", "Cancelled"


HOLD = dt.timedelta(minutes=30)  # a time waits this long for its email to be confirmed


class IntroBookingQuerySet(models.QuerySet["IntroBooking"]):
    def holding(self, now: dt.datetime) -> IntroBookingQuerySet:
        """Bookings that take the coach's time: confirmed, or waiting within the hold."""
        return self.filter(
            Q(status=IntroStatus.CONFIRMED)
            | Q(status=IntroStatus.PENDING, created_at__gt=now - HOLD)
        )


class IntroBooking(models.Model):
    """An introductory session a prospective client books from the coach's public page,
    with no account: it holds the time until the emailed link confirms the address."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intro_bookings"
    )
    session_type = models.ForeignKey(SessionType, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=150)
    email = models.EmailField()
    # What a stranger writes to a coach is private until they meet.
    note = EncryptedTextField(blank=True)
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField()
    time_zone = models.CharField(max_length=64)
    place = models.CharField(max_length=300, blank=True)
    status = models.CharField(
        max_length=10, choices=IntroStatus.choices, default=IntroStatus.PENDING
    )
    token_hash = models.CharField(max_length=64, unique=True)
    sequence = models.PositiveIntegerField(default=0)
    client_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = IntroBookingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return f"Introductory session of {self.coach_id} at {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def ends_at(self) -> dt.datetime:
        return self.starts_at + dt.timedelta(minutes=self.duration_minutes)


class BusyCalendar(models.Model):
    """One of the coach's own calendars, read for the times they are busy: a secret address
    fetched by the worker, or an uploaded file. The last good copy is kept: a fetch that
    fails leaves the busy times as they were and says why on the coach's Booking page."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="busy_calendars"
    )
    name = models.CharField(max_length=100)
    # The secret address is a password to the coach's whole calendar: encrypted at rest (so
    # not searchable: `from_address` says which kind this is).
    url = EncryptedTextField(blank=True)
    from_address = models.BooleanField(default=False)
    # The last good copy of the file (encrypted: it holds the coach's appointments).
    data = EncryptedTextField(blank=True)
    events = models.PositiveIntegerField(default=0)
    # Busy intervals as [start, end] Unix seconds, worked out when the file was read.
    busy = models.JSONField(default=list)
    busy_from = models.DateTimeField(null=True, blank=True)
    busy_until = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)  # the last good read
    tried_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)  # why the last try failed; empty when it worked
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Busy calendar {self.name} of {self.coach_id}"


class Package(models.Model):
    """An allotment of sessions for one engagement ("6 coaching sessions within 12 weeks");
    no payments: it counts what is booked or held against what was agreed."""

    engagement = models.ForeignKey(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="packages"
    )
    sessions = models.PositiveSmallIntegerField(
        "Sessions", validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    weeks = models.PositiveSmallIntegerField(
        "Within (weeks)", validators=[MinValueValidator(1), MaxValueValidator(104)]
    )
    starts_on = models.DateField("From")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.sessions} sessions within {self.weeks} weeks"

    @property
    def ends_on(self) -> dt.date:
        return self.starts_on + dt.timedelta(weeks=self.weeks)
