"""The sweep: who is reminded of what, as their preferences say, and never twice."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from headway.checkins.services import checkin_add
from headway.core.followup import reminders as core
from headway.core.followup.reminders import DueReminder
from headway.engagements.models import EngagementStatus
from headway.engagements.services import engagement_set_status
from headway.goals.models import GoalStatus, Step
from headway.meetings.session_services import session_cancel
from headway.reminders import sources
from headway.reminders.models import Delivery, SentReminder
from headway.reminders.services import reminder_preferences_update
from tests.helpers import World, invite_and_accept
from tests.reminders.support import morning, schedule, sent, step
from tests.smtp import Mailbox, mailbox, smtp_server  # noqa: F401

H = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


def test_coach_and_client_hear_of_a_session_a_day_ahead_once(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    sweep,
) -> None:
    session = schedule(world)
    mailbox.clear()  # the invitations
    assert sweep(session.starts_at - 25 * H).reminders == 0
    result = sweep(session.starts_at - 23 * H)
    assert result.reminders == 2
    for person in (world.owner, world.client):
        email = mailbox.wait_for(person.email, subject="Coaching session with")
        assert "(Europe/London)" in email.subject
        assert "18:00–19:00" in email.body
        assert "Where: https://meet.example.com/olivia" in email.body
        assert f"/e/{world.engagement.pk}/sessions/{session.pk}/" in email.body
        assert "http://testserver/account/reminders/" in email.body
        assert "reminders about coaching sessions are on" in email.body
        assert "Private agenda words" not in email.body
    assert "with Cleo Client" in mailbox.wait_for(world.owner.email).subject
    # Twice, or later: nothing more.
    assert sweep(session.starts_at - 23 * H).reminders == 0
    assert sweep(session.starts_at - 2 * H).reminders == 0
    assert len(mailbox.received) == 2


def test_the_hour_before_is_a_preference(world: World, mailbox: Mailbox, sweep) -> None:  # noqa: F811
    reminder_preferences_update(user=world.client, session_hour_before=True)
    session = schedule(world)
    sweep(session.starts_at - 23 * H)
    mailbox.clear()
    assert sweep(session.starts_at - 0.5 * H).reminders == 1
    email = mailbox.wait_for(world.client.email, subject="in about an hour")
    assert "about an hour ahead" in email.body
    assert mailbox.to(world.owner.email) == []


def test_cancelled_paused_and_concluded_never_remind(world: World, sweep) -> None:
    session = schedule(world)
    session_cancel(session=session, by=world.owner)
    assert sweep(session.starts_at - 23 * H).reminders == 0

    moved = schedule(world, days=4)
    step(world)
    engagement_set_status(
        engagement=world.engagement, status=EngagementStatus.PAUSED, by=world.owner
    )
    sweep(moved.starts_at - 23 * H)
    sweep(morning(1))
    sweep(morning(10))  # no check-in prompt either
    engagement_set_status(
        engagement=world.engagement, status=EngagementStatus.CONCLUDED, by=world.owner
    )
    sweep(morning(20))
    people = {email for email, _, _ in sent()}
    assert world.client.email not in people and world.owner.email not in people
    assert world.solo.email in people  # the others' journeys go on


def test_a_step_reminds_the_client_the_morning_before_and_overdue_ones_are_not_nagged(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    sweep,
) -> None:
    s = step(world, days=2)
    late = step(world, days=5, title="Update the CV")
    Step.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - 3 * DAY)
    assert sweep(morning(0)).reminders == 0  # two days ahead: not yet
    assert sweep(morning(1)).reminders == 1
    email = mailbox.wait_for(world.client.email, subject="A step on your plan")
    assert "Ask Ana for a call" in email.body
    assert f"/e/{world.engagement.pk}/goals/{s.goal_id}/" in email.body
    assert "Update the CV" not in email.body
    assert sweep(morning(2)).reminders == 0  # once only
    assert sent(core.STEP) == [(world.client.email, "step", f"due-{s.due_on.isoformat()}")]
    # The coach is not reminded of the plan (they may hear that steps were added).
    assert [m.subject for m in mailbox.to(world.owner.email) if "News from" not in m.subject] == []


def test_done_steps_and_paused_goals_are_quiet(world: World, sweep) -> None:
    done = step(world, days=2)
    Step.objects.filter(pk=done.pk).update(done_at=timezone.now())
    other = step(world, days=2, title="Read a book")
    other.goal.status = GoalStatus.PAUSED
    other.goal.save()
    assert sweep(morning(1)).reminders == 0


def test_a_self_guided_client_gets_one_gentle_checkin_prompt(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    sweep,
) -> None:
    solo = world.solo_engagement
    sweep(morning(6))
    assert mailbox.to(world.solo.email) == []
    sweep(morning(8))
    email = mailbox.wait_for(world.solo.email, subject="A check-in, when it suits you")
    assert "no check-in yet" in email.body
    assert f"/e/{solo.pk}/check-ins/" in email.body
    assert "check-in prompts are on" in email.body
    sweep(morning(9))
    assert len(mailbox.to(world.solo.email)) == 1  # not again this week
    sweep(morning(15))
    assert len(mailbox.to(world.solo.email)) == 2  # another week has passed


def test_checking_in_starts_the_count_again(world: World, sweep) -> None:
    checkin_add(engagement=world.solo_engagement, by=world.solo, energy=6, win="Wrote a note")
    assert sweep(morning(6)).reminders == 0
    assert [k for _, k, _ in sent()] == []
    sweep(morning(8))
    assert [k for _, k, _ in sent()].count(core.CHECKIN) >= 1


def test_preferences_turn_kinds_or_everything_off(world: World, sweep) -> None:
    reminder_preferences_update(user=world.solo, checkins=False)
    reminder_preferences_update(user=world.client, delivery=Delivery.OFF)
    session = schedule(world)
    sweep(session.starts_at - 23 * H)
    sweep(morning(9))
    people = {email for email, _, _ in sent()}
    assert world.owner.email in people  # the coach, of the session
    assert world.client.email not in people and world.solo.email not in people


def test_someone_who_coaches_and_is_coached_hears_of_both(world: World, sweep) -> None:
    _, own_journey = invite_and_accept(world.outsider, world.owner.email, "Olivia Owner")
    session = schedule(world, days=2)
    step(world, days=2, engagement=own_journey, title="Shadow a UX team")
    sweep(session.starts_at - 23 * H)
    sweep(morning(1))
    kinds = {kind for email, kind, _ in sent() if email == world.owner.email}
    assert kinds == {core.SESSION, core.STEP}


def test_a_key_already_taken_sends_nothing(world: World, mailbox: Mailbox, sweep) -> None:  # noqa: F811
    """What a second worker sees when the first one claimed the reminder a moment before."""
    session = schedule(world)
    mailbox.clear()
    (occasion,) = core.session_occasions(session.starts_at, session.updated_at, (24,))
    SentReminder.objects.create(
        user=world.client, kind="session", subject=f"session:{session.pk}", occasion=occasion.name
    )
    assert sweep(session.starts_at - 23 * H).reminders == 1  # the coach's only
    assert mailbox.to(world.client.email) == []


def test_the_weekly_digest_gathers_the_week_by_kind_once(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    sweep,
) -> None:
    monday = morning(0)
    while monday.weekday() != 0:
        monday += DAY
    reminder_preferences_update(user=world.client, delivery=Delivery.DIGEST, digest_weekday=0)
    session = schedule(world, days=(monday - morning(0)).days + 3)
    step(world, days=(monday - morning(0)).days + 2)
    late = step(world, days=1, title="Update the CV")
    Step.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - DAY)
    mailbox.clear()
    sweep(session.starts_at - 23 * H)
    # The coach hears of the session; the client, on a digest, waits. (Counting every reminder
    # of the sweep would also count the other clients' check-in prompts, which fall due on
    # some weekdays: the sweep is up to nine days ahead.)
    assert [email for email, _, _ in sent(core.SESSION)] == [world.owner.email]
    assert mailbox.to(world.client.email) == []
    assert sweep(monday - 2 * H).digests == 0  # before the morning
    assert sweep(monday).digests == 1
    email = mailbox.wait_for(world.client.email, subject="Your week ahead")
    body = email.body.replace("\r\n", "\n")
    assert body.index("Coaching sessions") < body.index("Steps coming due")
    assert "Coaching session with Olivia Owner" in body
    assert "Ask Ana for a call: due" in body
    assert "Still open, when it suits you:\n- Update the CV (was due" in body
    assert "you chose one weekly digest" in body
    assert sweep(monday + H).digests == 0
    # The next week: the open step is not mentioned again.
    sweep(monday + 7 * DAY)
    later = [m.body for m in mailbox.to(world.client.email)]
    assert all("Update the CV" not in b for b in later[1:])


@pytest.fixture
def offsite_source(world: World):
    """An offsite date, as the Career Offsite feature will register one."""

    def offsites(now: dt.datetime):
        yield DueReminder(
            user_id=world.client.pk,
            kind=core.OFFSITE,
            subject="offsite:1",
            occasion="day-before",
            title="Your career offsite day",
            at=now + 20 * H,
            send_from=now - H,
            send_until=now + 20 * H,
            when="Saturday 12 December, 09:00",
            engagement_id=world.engagement.pk,
        )

    sources.register_source(core.OFFSITE)(offsites)
    yield offsites
    sources.SOURCES.remove((core.OFFSITE, offsites))


def test_a_registered_source_reminds_with_the_generic_email(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    sweep,
    offsite_source,
) -> None:
    sweep(morning(1))
    email = mailbox.wait_for(world.client.email, subject="Your career offsite day")
    assert "When: Saturday 12 December, 09:00" in email.body
    assert "reminders about career offsite dates are on" in email.body
    reminder_preferences_update(user=world.client, offsites=False)
    SentReminder.objects.all().delete()
    assert sweep(morning(1)).reminders == 0


def test_only_follow_ups_speak_of_a_concluded_engagement(world: World, sweep) -> None:
    def follow_ups(now: dt.datetime):
        for kind in (core.FOLLOWUP, core.OFFSITE):
            yield DueReminder(
                world.client.pk,
                kind,
                "x:1",
                "3m",
                "Three months on",
                now,
                now - H,
                now + H,
                engagement_id=world.engagement.pk,
            )

    engagement_set_status(
        engagement=world.engagement, status=EngagementStatus.CONCLUDED, by=world.owner
    )
    sources.register_source(core.FOLLOWUP)(follow_ups)
    sources.register_source(core.OFFSITE)(follow_ups)
    try:
        sweep(morning(1))
    finally:
        sources.SOURCES.remove((core.FOLLOWUP, follow_ups))
        sources.SOURCES.remove((core.OFFSITE, follow_ups))
    assert [k for _, k, _ in sent()] == [core.FOLLOWUP]
