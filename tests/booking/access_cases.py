"""Access battery cases for booking (run by tests/battery/test_pages.py): a coach's hours and
session types are their own; only the client of an engagement books in it."""

from __future__ import annotations

from headway.booking.models import (
    BusyCalendar,
    DateHours,
    IntroBooking,
    IntroStatus,
    SessionType,
    TimeOff,
)
from headway.meetings.models import Session, SessionStatus
from tests.battery import setups as s
from tests.battery.cases import everyone, exists, gone, hidden, page

SESSION_TYPE = {
    "name": "Walk and talk",
    "minutes": "45",
    "audience": "clients",
    "buffer_before": "0",
    "buffer_after": "10",
    "notice_hours": "24",
    "horizon_days": "60",
    "active": "on",
}
COACH = hidden(owner=302)
SESSION = (s.coached, s.session)

# fmt: off
BOOKING_CASES = [
    page("session_type", "get", hidden(owner=200), s.session_type, label="the owner's"),
    page("session_type", "post", COACH, s.session_type, label="the owner's", data=SESSION_TYPE, changed=exists(SessionType, name="Walk and talk")),
    page("booking_off_remove", "post", COACH, s.time_off, label="the owner's", changed=gone(TimeOff)),
    page("booking_date_clear", "post", COACH, s.date_hours, label="the owner's", changed=gone(DateHours, coach=lambda c: c.world.owner)),
    page("book", "get", hidden(client=200), s.coached),
    # A public page's booking is for anyone, signed in or not.
    page("public_book", "get", everyone(200), s.slug, label="public"),
    page("intro_confirm", "get", everyone(404), "x", label="unknown"),
    page("busy_calendar_remove", "post", COACH, s.busy_calendar, label="the owner's", changed=gone(BusyCalendar)),
    page("busy_calendar_refresh", "post", COACH, s.busy_calendar, label="the owner's", changed=exists(BusyCalendar, tried_at__isnull=False)),
    page("session_move", "get", hidden(client=200), *SESSION),
    page("session_cancel_own", "post", hidden(client=302), *SESSION, changed=exists(Session, status=SessionStatus.CANCELLED)),
    page("package", "get", hidden(owner=200), s.coached),
    page("intro_decline", "post", COACH, s.intro, label="the owner's", changed=exists(IntroBooking, status=IntroStatus.CANCELLED)),
]
# fmt: on
