"""Which reminders are due and how a digest groups them: plain facts in, no Django."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from headway.core.followup import reminders as core
from headway.core.followup.reminders import DueReminder

UTC = dt.UTC
START = dt.datetime(2026, 12, 10, 18, 0, tzinfo=UTC)  # a Thursday
LONG_AGO = START - dt.timedelta(days=10)


def hours(n: float) -> dt.timedelta:
    return dt.timedelta(hours=n)


def session(
    user: int = 1, leads: tuple[int, ...] = (24,), booked: dt.datetime = LONG_AGO
) -> list[DueReminder]:
    base = DueReminder(user, core.SESSION, "session:1", "week", "Session", START)
    return [core.with_occasion(base, o) for o in core.session_occasions(START, booked, leads)]


def test_a_session_reminds_a_day_before_until_it_starts() -> None:
    candidates = session()
    assert core.due_now(candidates, START - hours(24.01), set()) == []
    (due,) = core.due_now(candidates, START - hours(24), set())
    assert due.occasion == "24h@20261210T1800Z"
    assert (
        len(core.due_now(candidates, START - hours(0.1), set())) == 1
    )  # a late worker still sends
    assert core.due_now(candidates, START, set()) == []  # started: too late


def test_with_the_hour_before_only_the_nearest_is_due() -> None:
    candidates = session(leads=(24, 1))
    (day,) = core.due_now(candidates, START - hours(2), set())
    assert day.occasion.startswith("24h@")
    (hour,) = core.due_now(candidates, START - hours(0.5), set())
    assert hour.occasion.startswith("1h@")  # never "tomorrow" and "in an hour" together


def test_sent_reminders_are_not_due_again() -> None:
    candidates = session()
    (due,) = core.due_now(candidates, START - hours(20), set())
    assert core.due_now(candidates, START - hours(19), {due.key}) == []


def test_a_session_booked_at_short_notice_skips_the_day_before() -> None:
    assert core.session_occasions(START, START - hours(5), (24,)) == ()
    (hour,) = core.session_occasions(START, START - hours(5), (24, 1))
    assert hour.name.startswith("1h@")


def test_a_moved_session_reminds_again() -> None:
    moved = START + hours(48)
    (old,) = core.session_occasions(START, LONG_AGO, (24,))
    (new,) = core.session_occasions(moved, LONG_AGO, (24,))
    assert old.name != new.name


def test_a_step_reminds_on_the_morning_before_in_the_persons_zone() -> None:
    due_on = dt.date(2026, 12, 10)
    occasion = core.step_occasion(due_on, LONG_AGO, "Asia/Tokyo", lead_days=1)
    assert occasion is not None
    assert occasion.send_from == dt.datetime(2026, 12, 9, 8, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert occasion.send_from.astimezone(UTC) == dt.datetime(2026, 12, 8, 23, 0, tzinfo=UTC)
    assert occasion.send_until == dt.datetime(2026, 12, 11, 0, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
    on_the_day = core.step_occasion(due_on, LONG_AGO, "UTC", lead_days=0)
    assert on_the_day is not None and on_the_day.send_from == dt.datetime(
        2026, 12, 10, 8, tzinfo=UTC
    )


def test_a_step_written_late_waits_for_the_due_day_or_needs_nothing() -> None:
    due_on = dt.date(2026, 12, 10)
    evening_before = dt.datetime(2026, 12, 9, 21, 0, tzinfo=UTC)
    occasion = core.step_occasion(due_on, evening_before, "UTC", lead_days=1)
    assert occasion is not None and occasion.send_from == dt.datetime(2026, 12, 10, 8, tzinfo=UTC)
    same_day = dt.datetime(2026, 12, 10, 9, 0, tzinfo=UTC)
    assert core.step_occasion(due_on, same_day, "UTC", lead_days=1) is None


def test_a_checkin_prompt_comes_once_per_quiet_interval() -> None:
    since = dt.datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    assert core.CHECKIN_EVERY == 7
    assert core.checkin_occasion(since, since + dt.timedelta(days=6, hours=23)) is None
    first = core.checkin_occasion(since, since + dt.timedelta(days=7))
    later = core.checkin_occasion(since, since + dt.timedelta(days=13))
    assert first is not None and first == later  # the same prompt: not sent again
    again = core.checkin_occasion(since, since + dt.timedelta(days=14))
    assert again is not None and again.name != first.name
    after_a_check_in = core.checkin_occasion(
        since + dt.timedelta(days=6), since + dt.timedelta(days=12)
    )
    assert after_a_check_in is None


def test_the_digest_is_due_on_the_chosen_morning_in_the_persons_zone() -> None:
    # Monday 7 Dec 2026, 07:30 in Auckland is Sunday 18:30 UTC.
    sunday_evening_utc = dt.datetime(2026, 12, 6, 18, 30, tzinfo=UTC)
    assert core.digest_due(sunday_evening_utc, "Pacific/Auckland", 0) is None  # before 8
    assert core.digest_due(sunday_evening_utc + hours(1), "Pacific/Auckland", 0) == "2026-W50"
    assert core.digest_due(sunday_evening_utc + hours(1), "UTC", 0) is None  # Sunday in UTC
    assert core.digest_due(sunday_evening_utc + hours(1), "UTC", 6) == "2026-W49"


def test_the_digest_groups_by_kind_with_the_week_ahead_and_what_is_still_open() -> None:
    now = START - dt.timedelta(days=3)
    step = DueReminder(1, core.STEP, "step:1", "week", "Call Ana", START - hours(2))
    late = DueReminder(
        1,
        core.STEP,
        "step:2",
        core.STILL_OPEN,
        "Update CV",
        now - dt.timedelta(days=9),
        still_open=True,
    )
    far = DueReminder(1, core.STEP, "step:3", "week", "Apply", now + dt.timedelta(days=8))
    offsite = DueReminder(1, core.OFFSITE, "offsite:1", "week", "Offsite day", now + hours(30))
    digest = core.digest_group([*session(leads=(24, 1)), step, late, far, offsite], now, set())
    assert [s.kind for s in digest.sections] == [core.SESSION, core.STEP, core.OFFSITE]
    sessions, steps, offsites = digest.sections
    assert len(sessions.coming) == 1  # one entry per session, whatever its reminders
    assert [r.title for r in steps.coming] == ["Call Ana"]  # "Apply" is beyond the week
    assert [r.title for r in steps.still_open] == ["Update CV"]
    assert digest.mentioned == (late,)
    # Mentioned once: the next digest leaves it out.
    next_week = core.digest_group([late], now + dt.timedelta(days=7), {late.key})
    assert next_week.empty


def test_still_open_steps_are_never_sent_as_they_come() -> None:
    late = DueReminder(
        1,
        core.STEP,
        "step:2",
        core.STILL_OPEN,
        "Update CV",
        LONG_AGO,
        LONG_AGO,
        START,
        still_open=True,
    )
    assert core.due_now([late], START - hours(1), set()) == []


def test_each_person_gets_their_own_reminder() -> None:
    both = [*session(user=1), *session(user=2)]
    due = core.due_now(both, START - hours(3), set())
    assert [r.user_id for r in due] == [1, 2]
    assert len({r.key for r in due}) == 2
