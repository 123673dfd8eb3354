"""Which reminders are due now, and how a weekly digest gathers them.

Sources (in headway/reminders/sources.py, and any feature that registers one) turn rows into
`DueReminder`s: one per thing and occasion, with the window in which it may go out "as it
comes" and the moment the thing itself happens. This module decides, with no I/O:

- `due_now`: the reminders whose window holds `now` and that were not sent before (the key
  is (user, kind, subject, occasion); the database's unique constraint makes it final);
- `digest_due` and `digest_group`: whether a person's weekly digest is due, and what it
  holds, grouped by kind: the week ahead, and what is still open (mentioned once only).

Choices, and why:

- A session's reminders are keyed by its start, so moving a session reminds again.
- A reminder the person could not need is skipped: a session booked after the moment its
  reminder would have gone (the invitation just told them), a step written after it.
- Only the nearest of a session's reminders is due at a time (the windows do not overlap),
  so a worker that was down never sends "tomorrow" and "in an hour" together.
- Overdue steps are never nagged as they come: a digest mentions each one once, as still open.
- A check-in prompt goes once after `every` days without a check-in, and again only when
  another `every` days pass or after the next check-in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from headway.core.followup.signals import QUIET_DAYS

SESSION = "session"
STEP = "step"
CHECKIN = "checkin"
OFFSITE = "offsite"
FOLLOWUP = "followup"
KINDS = (SESSION, STEP, CHECKIN, OFFSITE, FOLLOWUP)  # also the order of a digest's sections

MORNING = dt.time(8, 0)  # step reminders and digests go out from 8 in the morning, local time
DIGEST_DAYS = 7  # a digest looks one week ahead
SESSION_LEADS = (24, 1)  # hours before a session; the 1-hour one is a preference
# A week: half the coach's "quiet" signal, so the client hears a gentle word well before
# their coach sees a flag on the dashboard.
CHECKIN_EVERY = QUIET_DAYS // 2
STILL_OPEN = "still-open"

Key = tuple[int, str, str, str]


@dataclass(frozen=True)
class Occasion:
    """One reminder of a thing: its name and the window in which it may go out."""

    name: str
    send_from: dt.datetime
    send_until: dt.datetime


@dataclass(frozen=True)
class DueReminder:
    """A reminder a source offers. It goes out as it comes while `send_from <= now <
    send_until`; a digest holds it when `at` falls in the week ahead, or when it is still
    open. No window (None) means digest only. Texts are short and never private."""

    user_id: int
    kind: str
    subject: str  # what it is about: "session:12", "step:7"
    occasion: str  # which reminder of it: "24h@20261204T1000Z"
    title: str
    at: dt.datetime  # when the thing happens (aware)
    send_from: dt.datetime | None = None
    send_until: dt.datetime | None = None
    when: str = ""  # the time in words, in the zone that matters
    where: str = ""
    url: str = ""  # absolute link to the page in Headway
    lines: tuple[str, ...] = ()
    engagement_id: int | None = None
    still_open: bool = False

    @property
    def key(self) -> Key:
        return (self.user_id, self.kind, self.subject, self.occasion)

    def open_at(self, now: dt.datetime) -> bool:
        return (
            not self.still_open
            and self.send_from is not None
            and self.send_until is not None
            and self.send_from <= now < self.send_until
        )


def with_occasion(base: DueReminder, occasion: Occasion) -> DueReminder:
    return DueReminder(
        **{
            **base.__dict__,
            "occasion": occasion.name,
            "send_from": occasion.send_from,
            "send_until": occasion.send_until,
        }
    )


def local_morning(day: dt.date, zone: str) -> dt.datetime:
    return dt.datetime.combine(day, MORNING, tzinfo=ZoneInfo(zone))


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%MZ")


def session_occasions(
    starts_at: dt.datetime, booked_at: dt.datetime, leads: Sequence[int] = SESSION_LEADS
) -> tuple[Occasion, ...]:
    """The reminders of a session, `leads` hours before it; each window ends where the next
    nearer one begins. None for a lead the booking itself came after."""
    hours = sorted(set(leads), reverse=True)
    found = []
    for index, lead in enumerate(hours):
        start = starts_at - dt.timedelta(hours=lead)
        nearer = hours[index + 1] if index + 1 < len(hours) else 0
        until = starts_at - dt.timedelta(hours=nearer)
        if booked_at <= start:
            found.append(Occasion(f"{lead}h@{_stamp(starts_at)}", start, until))
    return tuple(found)


def step_occasion(
    due_on: dt.date, created_at: dt.datetime, zone: str, lead_days: int = 1
) -> Occasion | None:
    """A step's one reminder: the morning `lead_days` before it is due, until the due day
    ends. A step written after that morning waits for the due day's; written on the due
    day after its morning, it needs no reminder."""
    until = dt.datetime.combine(due_on + dt.timedelta(days=1), dt.time(0), tzinfo=ZoneInfo(zone))
    for days in sorted({lead_days, 0}, reverse=True):
        start = local_morning(due_on - dt.timedelta(days=days), zone)
        if created_at <= start:
            return Occasion(f"due-{due_on.isoformat()}", start, until)
    return None


def checkin_occasion(
    since: dt.datetime, now: dt.datetime, every: int = CHECKIN_EVERY
) -> Occasion | None:
    """A gentle prompt once `every` days have passed `since` the last check-in (or the
    start of the engagement); the next one only after another `every` days."""
    span = dt.timedelta(days=max(every, 1))
    rounds = (now - since) // span
    if rounds < 1:
        return None
    start = since + rounds * span
    return Occasion(f"quiet-{_stamp(since)}-{rounds}", start, start + span)


def due_now(
    candidates: Iterable[DueReminder], now: dt.datetime, sent: set[Key]
) -> list[DueReminder]:
    """What goes out now as it comes: open windows, not sent before, one per thing."""
    chosen: dict[tuple[int, str, str], DueReminder] = {}
    for reminder in candidates:
        if not reminder.open_at(now) or reminder.key in sent:
            continue
        thing = reminder.key[:3]
        held = chosen.get(thing)
        if held is None or (reminder.send_from or now) > (held.send_from or now):
            chosen[thing] = reminder
    return sorted(chosen.values(), key=lambda r: (r.user_id, r.at, r.kind, r.subject))


def week_key(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def digest_due(now: dt.datetime, zone: str, weekday: int) -> str | None:
    """The week's key when a digest is due now (on the chosen weekday, 0 Monday, from the
    morning on, in the person's zone); None otherwise."""
    local = now.astimezone(ZoneInfo(zone))
    if local.weekday() != weekday or local.time() < MORNING:
        return None
    return week_key(local.date())


@dataclass(frozen=True)
class DigestSection:
    kind: str
    coming: tuple[DueReminder, ...]
    still_open: tuple[DueReminder, ...]


@dataclass(frozen=True)
class Digest:
    sections: tuple[DigestSection, ...]

    @property
    def empty(self) -> bool:
        return not self.sections

    @property
    def mentioned(self) -> tuple[DueReminder, ...]:
        """The still-open items, recorded once sent so no later digest repeats them."""
        return tuple(r for s in self.sections for r in s.still_open)


def digest_group(candidates: Iterable[DueReminder], now: dt.datetime, sent: set[Key]) -> Digest:
    """One person's digest: by kind, what comes in the week ahead (or is due now), then
    what is still open and was not mentioned before. Each thing appears once."""
    horizon = now + dt.timedelta(days=DIGEST_DAYS)
    coming: dict[tuple[str, str], DueReminder] = {}
    still: dict[tuple[str, str], DueReminder] = {}
    for r in candidates:
        thing = (r.kind, r.subject)
        if r.still_open:
            if r.key not in sent:
                still.setdefault(thing, r)
        elif r.open_at(now) or now <= r.at < horizon:
            held = coming.get(thing)
            if held is None or r.at < held.at:
                coming[thing] = r
    kinds = [*KINDS, *sorted({t[0] for t in [*coming, *still]} - set(KINDS))]
    sections = []
    for kind in kinds:
        c = _of_kind(coming, kind)
        o = _of_kind(still, kind)
        if c or o:
            sections.append(DigestSection(kind, c, o))
    return Digest(tuple(sections))


def _of_kind(found: dict[tuple[str, str], DueReminder], kind: str) -> tuple[DueReminder, ...]:
    return tuple(
        sorted((r for t, r in found.items() if t[0] == kind), key=lambda r: (r.at, r.subject))
    )
