"""Reminders: preferences, and the sweep that sends what is due.

`reminders_send` gathers what every source offers, drops what is about a paused or concluded
engagement (follow-ups excepted: they are about a journey that ended), applies each person's
preferences and sends each reminder once. Once is the database's word: the record of a sent
reminder is inserted first, in the reminder's own transaction, under a unique key (user,
kind, subject, occasion); the email is queued when that transaction commits. So a second
sweep, or a second worker at the same moment on PostgreSQL, finds the key taken and sends
nothing. Each reminder has its own transaction, so one failure never holds up the others.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone

from headway.accounts.mail import absolute, send_templated
from headway.accounts.models import User
from headway.core.followup import reminders as core
from headway.core.followup.reminders import Digest, DueReminder, Key
from headway.engagements.models import Engagement, EngagementStatus
from headway.meetings.session_services import valid_zone
from headway.reminders.models import (
    CHECKIN_MAX_DAYS,
    CHECKIN_MIN_DAYS,
    ClientNews,
    Delivery,
    Kind,
    ReminderPreference,
    SentReminder,
    StepLead,
    Weekday,
    preferences_map,
)
from headway.reminders.sources import gather

DIGEST = "digest"
WHY: dict[str, str] = {
    Kind.SESSION: "reminders about coaching sessions are on",
    Kind.STEP: "reminders about steps coming due are on",
    Kind.CHECKIN: "check-in prompts are on",
    Kind.OFFSITE: "reminders about career offsite dates are on",
    Kind.FOLLOWUP: "follow-ups after a journey ends are on",
}
EDITABLE = (
    "delivery",
    "digest_weekday",
    "sessions",
    "session_hour_before",
    "steps",
    "step_lead",
    "checkins",
    "checkin_days",
    "offsites",
    "followups",
    "client_news",
    "time_zone",
)


# --- preferences --------------------------------------------------------------------------


def reminder_preferences(user: User) -> ReminderPreference:
    """The person's preferences; the defaults, not yet saved, until they change something."""
    return preferences_map([user.pk])[user.pk]


@transaction.atomic
def reminder_preferences_update(*, user: User, **changes: Any) -> ReminderPreference:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"Unknown preference: {', '.join(sorted(unknown))}.")
    pref = ReminderPreference.objects.select_for_update().filter(user=user).first()
    pref = pref or ReminderPreference(user=user)
    if "delivery" in changes and changes["delivery"] not in Delivery.values:
        raise ValidationError("Choose how reminders come: as they come, weekly, or not at all.")
    if "digest_weekday" in changes and changes["digest_weekday"] not in Weekday.values:
        raise ValidationError("Choose a day of the week for the digest.")
    if "client_news" in changes and changes["client_news"] not in ClientNews.values:
        raise ValidationError(
            "Choose how to hear of your clients' news: as it happens, daily, or not."
        )
    if "step_lead" in changes and changes["step_lead"] not in StepLead.values:
        raise ValidationError("Choose when to hear about a step: the day before or the day.")
    days = changes.get("checkin_days", pref.checkin_days)
    if not CHECKIN_MIN_DAYS <= days <= CHECKIN_MAX_DAYS:
        raise ValidationError(
            f"A check-in prompt comes after {CHECKIN_MIN_DAYS} to {CHECKIN_MAX_DAYS} days."
        )
    if "time_zone" in changes:
        changes["time_zone"] = valid_zone(changes["time_zone"])
    for name, value in changes.items():
        setattr(pref, name, value)
    pref.save()
    return pref


# --- sending --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SweepResult:
    reminders: int  # sent as they come
    digests: int
    news: int = 0  # coaches' emails of what their clients did

    def __str__(self) -> str:
        said = (
            f"Sent {self.reminders} reminder{'' if self.reminders == 1 else 's'} and "
            f"{self.digests} digest{'' if self.digests == 1 else 's'}."
        )
        if self.news:
            said += f" {self.news} coach{'' if self.news == 1 else 'es'} heard their clients' news."
        return said


def _template(kind: str) -> str:
    try:
        get_template(f"emails/reminder_{kind}_body.txt")
    except TemplateDoesNotExist:
        return "reminder_other"
    return f"reminder_{kind}"


def _context(user: User, **extra: Any) -> dict[str, Any]:
    return {"person": user, "preferences_url": absolute(reverse("reminder_preferences")), **extra}


def _record(user: User, kind: str, subject: str, occasion: str, now: dt.datetime) -> bool:
    return SentReminder.claim(user.pk, kind, subject, occasion, now)


@transaction.atomic
def reminder_deliver(*, user: User, reminder: DueReminder, now: dt.datetime) -> bool:
    """Send one reminder unless it went before; True when it was sent."""
    if not _record(user, reminder.kind, reminder.subject, reminder.occasion, now):
        return False
    labels = dict(Kind.choices)
    send_templated(
        user.email,
        _template(reminder.kind),
        _context(
            user,
            reminder=reminder,
            kind_label=labels.get(reminder.kind, reminder.kind),
            why=WHY.get(reminder.kind, "these reminders are on"),
            within_hour=reminder.occasion.startswith("1h@"),
        ),
    )
    return True


@transaction.atomic
def digest_deliver(*, user: User, week: str, digest: Digest, now: dt.datetime) -> bool:
    """Send a person's digest of the week unless it went before; True when it was sent."""
    if digest.empty or not _record(user, DIGEST, "week", week, now):
        return False
    for item in digest.mentioned:  # still open: mentioned in this digest, never again
        _record(user, item.kind, item.subject, item.occasion, now)
    labels = dict(Kind.choices)
    sections = [
        {"label": labels.get(s.kind, s.kind), "coming": s.coming, "still_open": s.still_open}
        for s in digest.sections
    ]
    send_templated(user.email, DIGEST, _context(user, sections=sections, week=week))
    return True


def _allowed(reminders: list[DueReminder]) -> list[DueReminder]:
    """Only active engagements are reminded of; a follow-up is about one that has ended."""
    ids = {r.engagement_id for r in reminders if r.engagement_id is not None}
    active = set(
        Engagement.objects.filter(pk__in=ids, status=EngagementStatus.ACTIVE).values_list(
            "pk", flat=True
        )
    )
    return [
        r
        for r in reminders
        if r.kind == Kind.FOLLOWUP or r.engagement_id is None or r.engagement_id in active
    ]


# What else each sweep sends, registered from above (the overview's email of clients' news):
# each takes the sweep's time and returns how many emails it sent.
_also: list[Callable[..., int]] = []


def on_sweep(send: Callable[..., int]) -> None:
    if send not in _also:
        _also.append(send)


def reminders_send(*, now: dt.datetime | None = None) -> SweepResult:
    """One sweep: everything due now, for everyone, as each person prefers.

    Not one transaction: each reminder and each digest commits on its own (see above)."""
    now = now or timezone.now()
    by_user: dict[int, list[DueReminder]] = defaultdict(list)
    for reminder in _allowed(gather(now)):
        by_user[reminder.user_id].append(reminder)
    users = User.objects.filter(is_active=True).in_bulk(list(by_user))
    prefs = preferences_map(users)
    sent: set[Key] = set(
        SentReminder.objects.filter(user_id__in=list(users)).values_list(
            "user_id", "kind", "subject", "occasion"
        )
    )
    reminders = digests = 0
    for pk, user in users.items():
        pref = prefs[pk]
        wanted = [r for r in by_user[pk] if pref.wants(r.kind)]
        if pref.delivery == Delivery.AS_THEY_COME:
            for reminder in core.due_now(wanted, now, sent):
                reminders += reminder_deliver(user=user, reminder=reminder, now=now)
        elif pref.delivery == Delivery.DIGEST:
            week = core.digest_due(now, pref.time_zone, pref.digest_weekday)
            if week is None or (pk, DIGEST, "week", week) in sent:
                continue
            digest = core.digest_group(wanted, now, sent)
            digests += digest_deliver(user=user, week=week, digest=digest, now=now)
    return SweepResult(reminders, digests, sum(send(now=now) for send in _also))
