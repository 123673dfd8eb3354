"""The coach's email of what their clients did: once a day or as it happens, counts and
links only, nothing the coach has already seen, and never what anyone wrote."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from headway.checkins.models import CheckIn
from headway.checkins.services import checkin_add
from headway.engagements.models import Engagement
from headway.engagements.services import engagement_coach_seen
from headway.goals.services import step_set_done
from headway.reminders.models import ClientNews
from headway.reminders.services import reminder_preferences_update
from headway.replies.services import reply_add
from tests.helpers import World
from tests.reminders.support import morning, step
from tests.smtp import Mailbox, mailbox, smtp_server  # noqa: F401

MINUTE = dt.timedelta(minutes=1)
HOUR = dt.timedelta(hours=1)


def _news(mailbox: Mailbox, world: World) -> list:  # noqa: F811
    return [m for m in mailbox.to(world.owner.email) if m.subject.startswith("News from")]


def _a_busy_day(world: World) -> None:
    s = step(world, title="Ask Ana for a call")
    step_set_done(step=s, by=world.client, done=True)
    check_in = checkin_add(
        engagement=world.engagement, by=world.client, energy=3, obstacles="Worried about money"
    )
    reply_add(about=check_in, by=world.owner, text="What would help?")
    reply_add(about=check_in, by=world.client, text="A cheaper course")


def test_a_daily_email_counts_what_the_client_did_and_quotes_none_of_it(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    sweep,
) -> None:
    _a_busy_day(world)
    assert sweep(morning(1) - 2 * HOUR).news == 0  # before the morning
    assert sweep(morning(1)).news == 1
    (email,) = _news(mailbox, world)
    assert email.subject == "News from Cleo Client in Headway"
    line = (
        "- Cleo Client: a reply to you, a check-in at energy 3/10, a goal added, "
        "a step added and a step done"
    )
    assert line in email.body
    assert reverse("engagement_detail", args=[world.engagement.pk]) in email.body
    assert "one email a day" in email.body and "/account/reminders/" in email.body
    for private in ("money", "cheaper", "Ana", "UX research", "help?"):
        assert private not in email.body
    assert sweep(morning(1) + 3 * HOUR).news == 0  # one a day

    # The next check-in comes later that day (the sweeps above ran "as of" tomorrow).
    later = checkin_add(engagement=world.engagement, by=world.client, energy=6)
    CheckIn.objects.filter(pk=later.pk).update(created_at=morning(1) + 5 * HOUR)
    Engagement.objects.filter(pk=world.engagement.pk).update(last_activity_at=morning(1) + 5 * HOUR)
    mailbox.clear()
    assert sweep(morning(2)).news == 1  # only what came after the last email
    (email,) = _news(mailbox, world)
    assert "- Cleo Client: a check-in at energy 6/10\n" in email.body.replace("\r\n", "\n")


def test_nothing_the_coach_has_already_seen(world: World, mailbox: Mailbox, sweep) -> None:  # noqa: F811
    _a_busy_day(world)
    engagement_coach_seen(engagement=world.engagement)
    assert sweep(morning(1)).news == 0
    assert _news(mailbox, world) == []


def test_as_it_happens_each_sweep_tells_of_what_is_new_once(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    sweep,
) -> None:
    reminder_preferences_update(user=world.owner, client_news=ClientNews.AS_IT_HAPPENS)
    check_in = checkin_add(engagement=world.engagement, by=world.client, energy=2)
    CheckIn.objects.filter(pk=check_in.pk).update(created_at=timezone.now() - 10 * MINUTE)
    now = timezone.now() - 5 * MINUTE  # the sweep after it
    assert sweep(now).news == 1
    assert sweep(now + MINUTE).news == 0
    assert "a check-in at energy 2/10" in _news(mailbox, world)[0].body
    assert "as it happens" in _news(mailbox, world)[0].body
    later = checkin_add(engagement=world.engagement, by=world.client, energy=4)
    assert sweep(later.created_at + MINUTE).news == 1
    last = _news(mailbox, world)[-1].body
    assert "a check-in at energy 4/10" in last and "2/10" not in last


def test_off_sends_nothing_and_clients_never_get_one(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    sweep,
) -> None:
    reminder_preferences_update(user=world.owner, client_news=ClientNews.OFF)
    _a_busy_day(world)
    assert sweep(morning(1)).news == 0
    assert [m for m in mailbox.received if m.subject.startswith("News from")] == []


def test_the_choice_is_on_a_coachs_reminders_page_only(world: World) -> None:
    url = reverse("reminder_preferences")
    coach = world.login(world.owner)
    page = coach.get(url).content.decode()
    assert "Your clients' news" in page and "Once a day, in the morning" in page
    data = {
        "delivery": "now",
        "digest_weekday": "0",
        "sessions": "on",
        "steps": "on",
        "step_lead": "1",
        "checkins": "on",
        "checkin_days": "7",
        "client_news": "now",
        "time_zone": "UTC",
    }
    assert coach.post(url, data).status_code == 302
    world.owner.reminder_preference.refresh_from_db()
    assert world.owner.reminder_preference.client_news == ClientNews.AS_IT_HAPPENS
    assert "clients' news" not in world.login(world.client).get(url).content.decode()
