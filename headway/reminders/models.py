"""Reminder preferences (one row per person, made on first use) and the record of every
reminder sent, whose unique key is what keeps a reminder from ever going out twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from headway.core.followup import reminders as core


class Kind(models.TextChoices):
    SESSION = core.SESSION, "Coaching sessions"
    STEP = core.STEP, "Steps coming due"
    CHECKIN = core.CHECKIN, "Check-in prompts"
    OFFSITE = core.OFFSITE, "Career offsite dates"
    FOLLOWUP = core.FOLLOWUP, "Follow-ups after a journey ends"


class Delivery(models.TextChoices):
    AS_THEY_COME = "now", "As they come"
    DIGEST = "digest", "One weekly digest"
    OFF = "off", "No reminder emails"


class ClientNews(models.TextChoices):
    """How a coach hears what their clients did (counts only, never their words)."""

    AS_IT_HAPPENS = "now", "As it happens (within a quarter of an hour)"
    DAILY = "daily", "Once a day, in the morning"
    OFF = "off", "No emails about my clients' news"


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class StepLead(models.IntegerChoices):
    DAY_BEFORE = 1, "The morning of the day before"
    DUE_DAY = 0, "The morning of the due day"


CHECKIN_MIN_DAYS = 3
CHECKIN_MAX_DAYS = 30


def _default_zone() -> str:
    return str(settings.TIME_ZONE)


class ReminderPreference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preference"
    )
    delivery = models.CharField(
        max_length=10, choices=Delivery.choices, default=Delivery.AS_THEY_COME
    )
    sessions = models.BooleanField("Coaching sessions", default=True)
    session_hour_before = models.BooleanField("Also one hour before a session", default=False)
    steps = models.BooleanField("Steps coming due", default=True)
    step_lead = models.PositiveSmallIntegerField(
        choices=StepLead.choices, default=StepLead.DAY_BEFORE
    )
    checkins = models.BooleanField("Check-in prompts", default=True)
    checkin_days = models.PositiveSmallIntegerField(
        default=core.CHECKIN_EVERY,
        validators=[MinValueValidator(CHECKIN_MIN_DAYS), MaxValueValidator(CHECKIN_MAX_DAYS)],
    )
    offsites = models.BooleanField("Career offsite dates", default=True)
    followups = models.BooleanField("Follow-ups after a journey ends", default=True)
    digest_weekday = models.PositiveSmallIntegerField(
        choices=Weekday.choices, default=Weekday.MONDAY
    )
    client_news = models.CharField(
        "Emails about what your clients do",
        max_length=10,
        choices=ClientNews.choices,
        default=ClientNews.DAILY,
    )
    # The mornings of step reminders and of the digest are the person's own mornings.
    time_zone = models.CharField(max_length=64, default=_default_zone)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Reminder preferences of {self.user_id}"

    def wants(self, kind: str) -> bool:
        """Whether this kind is switched on (kinds added later are on until turned off)."""
        field = KIND_FIELDS.get(kind)
        return bool(getattr(self, field)) if field else True


KIND_FIELDS: dict[str, str] = {
    Kind.SESSION: "sessions",
    Kind.STEP: "steps",
    Kind.CHECKIN: "checkins",
    Kind.OFFSITE: "offsites",
    Kind.FOLLOWUP: "followups",
}


class SentReminder(models.Model):
    """One reminder (or digest) sent. Inserted before the email is queued, in the same
    transaction: when two sweeps race, the unique key lets exactly one of them through."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_reminders"
    )
    kind = models.CharField(max_length=20)  # a Kind, "digest", or a kind registered later
    subject = models.CharField(max_length=100)  # "session:12", "week"
    occasion = models.CharField(max_length=100)  # "24h@20261204T1000Z", "2026-W49"
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "subject", "occasion"], name="reminder_sent_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.subject} {self.occasion} to {self.user_id}"

    @classmethod
    def claim(cls, user_id: int, kind: str, subject: str, occasion: str, now: dt.datetime) -> bool:
        """Claim a key; False when it is taken (sent before, or by a sweep running alongside)."""
        try:
            with transaction.atomic():  # a savepoint: a taken key leaves the transaction usable
                cls.objects.create(
                    user_id=user_id, kind=kind, subject=subject, occasion=occasion, sent_at=now
                )
        except IntegrityError:
            return False
        return True


def preferences_map(user_ids: Iterable[int]) -> dict[int, ReminderPreference]:
    """Each person's preferences; the defaults (unsaved) for someone who never set any."""
    ids = set(user_ids)
    found = {p.user_id: p for p in ReminderPreference.objects.filter(user_id__in=ids)}
    return {pk: found.get(pk) or ReminderPreference(user_id=pk) for pk in ids}
