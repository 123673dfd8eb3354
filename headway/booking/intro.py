"""Introductory sessions booked from a coach's public page, with no account: the time is
held while the prospect confirms their email (so a typo does not book a stranger), then
both get the invitation. Their iCalendar follows headway/meetings/ics.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from headway.accounts.mail import absolute, send_templated
from headway.accounts.models import User, hash_token, new_token
from headway.booking.models import HOLD, Audience, IntroBooking, IntroStatus, SessionType
from headway.booking.services import booking_settings, check_window, slot_claim
from headway.feeds.calendar import PRODID, CalendarEvent, register_provider
from headway.meetings.ics import MIMETYPE
from headway.meetings.session_services import valid_zone, when_text

PER_ADDRESS_PER_HOUR = 5  # bookings one network address may start in an hour
LONGEST_NOTE = 2000


def intro_uid(b: IntroBooking) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "headway"
    return f"intro-{b.pk}@{host}"


def intro_title(b: IntroBooking) -> str:
    return f"Introductory session: {b.name} and {b.coach.name}"


def intro_invitation(b: IntroBooking, *, cancel: bool = False) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", "CANCEL" if cancel else "REQUEST")
    event = icalendar.Event()
    event.add("uid", intro_uid(b))
    event.add("sequence", b.sequence)
    event.add("dtstamp", b.updated_at.astimezone(dt.UTC))
    zone = ZoneInfo(b.time_zone)
    event.add("dtstart", b.starts_at.astimezone(zone))
    event.add("dtend", b.ends_at.astimezone(zone))
    event.add("summary", intro_title(b))
    event.add("status", "CANCELLED" if cancel else "CONFIRMED")
    organizer = icalendar.vCalAddress(f"mailto:{b.coach.email}")
    organizer.params["CN"] = b.coach.name or b.coach.email
    event.add("organizer", organizer)
    attendee = icalendar.vCalAddress(f"mailto:{b.email}")
    attendee.params.update({"CN": b.name, "ROLE": "REQ-PARTICIPANT", "RSVP": "FALSE"})
    event.add("attendee", attendee)
    if b.place:
        event.add("location", b.place)
    cal.add_component(event)
    cal.add_missing_timezones()
    ics: bytes = cal.to_ical()  # icalendar leaves Component.to_ical unannotated
    return ics


def _attachment(b: IntroBooking, *, cancel: bool = False) -> tuple[str, str, str]:
    method = "CANCEL" if cancel else "REQUEST"
    return (
        "invite.ics",
        intro_invitation(b, cancel=cancel).decode(),
        f"{MIMETYPE}; method={method}",
    )


@transaction.atomic
def intro_book(
    *,
    session_type: SessionType,
    name: str,
    email: str,
    note: str,
    starts_at: dt.datetime,
    time_zone: str,
    address: str | None = None,
    now: dt.datetime | None = None,
) -> IntroBooking:
    """Hold a free time for a prospect and email them the link that confirms it."""
    now = now or timezone.now()
    if session_type.audience != Audience.PUBLIC or not session_type.active:
        raise ValidationError("This session cannot be booked from the public page.")
    name, email, note = name.strip(), email.strip().lower(), note.strip()
    if not name:
        raise ValidationError("Your name, please: the coach will want to greet you.")
    validate_email(email)
    if len(note) > LONGEST_NOTE:
        raise ValidationError(f"The note holds up to {LONGEST_NOTE} characters.")
    zone = valid_zone(time_zone)
    if address and (
        IntroBooking.objects.filter(
            client_address=address, created_at__gt=now - dt.timedelta(hours=1)
        ).count()
        >= PER_ADDRESS_PER_HOUR
    ):
        raise ValidationError("Too many bookings from here in the last hour. Try again later.")
    check_window(session_type, starts_at, now)
    slot_claim(session_type, starts_at, now)
    raw, digest = new_token()
    booking = IntroBooking.objects.create(
        coach=session_type.coach,
        session_type=session_type,
        name=name,
        email=email,
        note=note,
        starts_at=starts_at,
        duration_minutes=session_type.minutes,
        time_zone=zone,
        place=session_type.place,
        token_hash=digest,
        client_address=address,
        created_at=now,
    )
    send_templated(
        email,
        "intro_confirm",
        {
            "booking": booking,
            "coach": session_type.coach,
            "when": when_text(starts_at, session_type.minutes, zone),
            "link": absolute(reverse("intro_confirm", args=[raw])),
            "minutes": int(HOLD.total_seconds() // 60),
        },
    )
    return booking


def intro_by_token(raw: str) -> IntroBooking | None:
    return IntroBooking.objects.select_related("coach").filter(token_hash=hash_token(raw)).first()


@transaction.atomic
def intro_confirm(
    *, booking: IntroBooking, link: str = "", now: dt.datetime | None = None
) -> IntroBooking:
    """The prospect's address is theirs: the session is booked, both get the invitation (the
    prospect's with `link`, their emailed page, where they may cancel)."""
    now = now or timezone.now()
    if booking.status == IntroStatus.CONFIRMED:
        return booking
    if booking.status == IntroStatus.CANCELLED:
        raise ValidationError("This introductory session was cancelled.")
    if booking.created_at <= now - HOLD:
        # The hold ran out: book the time again if nobody took it meanwhile.
        slot_claim(booking.session_type, booking.starts_at, now)
    booking.status = IntroStatus.CONFIRMED
    booking.confirmed_at = now
    booking.save(update_fields=["status", "confirmed_at", "updated_at"])
    when = when_text(booking.starts_at, booking.duration_minutes, booking.time_zone)
    coach_zone = booking_settings(booking.coach).time_zone
    coach_when = when_text(booking.starts_at, booking.duration_minutes, coach_zone)
    context = {"booking": booking, "coach": booking.coach}
    send_templated(
        booking.email,
        "intro_booked",
        {**context, "when": when, "for_coach": False, "link": link},
        attachments=[_attachment(booking)],
    )
    send_templated(
        booking.coach.email,
        "intro_booked",
        {**context, "when": coach_when, "for_coach": True, "link": absolute(reverse("dashboard"))},
        attachments=[_attachment(booking)],
    )
    return booking


RECENT = dt.timedelta(days=14)  # a held introductory session stays listed this long after


def upcoming_intros(coach: User) -> list[IntroBooking]:
    """Confirmed introductory sessions to come, and those of the last two weeks (for the
    coach to invite the prospect as a client, or decline kindly)."""
    return list(
        IntroBooking.objects.filter(
            coach=coach, status=IntroStatus.CONFIRMED, starts_at__gte=timezone.now() - RECENT
        )
    )


@register_provider
def intro_events(user: User) -> Iterator[CalendarEvent]:
    """A coach's confirmed introductory sessions, in their calendar feed."""
    for b in IntroBooking.objects.filter(coach=user, status=IntroStatus.CONFIRMED).select_related(
        "coach"
    ):
        yield CalendarEvent(
            uid=intro_uid(b),
            title=intro_title(b),
            day=b.starts_at.astimezone(ZoneInfo(b.time_zone)).date(),
            kind="session",
            url=absolute(reverse("dashboard")),
            modified=b.updated_at,
            starts_at=b.starts_at,
            ends_at=b.ends_at,
            location=b.place,
        )


@transaction.atomic
def intro_decline(*, booking: IntroBooking, by: User, message: str = "") -> IntroBooking:
    """The coach declines a prospect (after the introductory session, or before it), with a
    kind email; a session still to come is cancelled in both calendars."""
    if booking.coach_id != by.pk:
        raise ValidationError("Only the coach declines their introductory sessions.")
    if booking.status == IntroStatus.CANCELLED:
        raise ValidationError("This introductory session is closed already.")
    upcoming = booking.starts_at > timezone.now()
    booking.status = IntroStatus.CANCELLED
    booking.sequence += 1
    booking.save(update_fields=["status", "sequence", "updated_at"])
    send_templated(
        booking.email,
        "intro_declined",
        {"booking": booking, "coach": booking.coach, "message": message.strip()[:2000],
         "upcoming": upcoming},
        attachments=[_attachment(booking, cancel=True)] if upcoming else None,
    )  # fmt: skip
    return booking


@transaction.atomic
def intro_cancel(*, booking: IntroBooking, now: dt.datetime | None = None) -> IntroBooking:
    """The prospect cancels from their emailed link (up to the start); the coach is told and
    both calendars drop the session."""
    now = now or timezone.now()
    if booking.status != IntroStatus.CONFIRMED:
        raise ValidationError("Only a booked introductory session can be cancelled.")
    if booking.starts_at <= now:
        raise ValidationError("This introductory session has begun or taken place.")
    booking.status = IntroStatus.CANCELLED
    booking.sequence += 1
    booking.save(update_fields=["status", "sequence", "updated_at"])
    context = {"booking": booking, "coach": booking.coach}
    send_templated(
        booking.coach.email,
        "intro_cancelled",
        {**context, "when": when_text(booking.starts_at, booking.duration_minutes,
                                      booking_settings(booking.coach).time_zone)},
        attachments=[_attachment(booking, cancel=True)],
    )  # fmt: skip
    return booking
