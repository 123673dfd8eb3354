"""A session invitation waits in the database queue and leaves with the worker, its .ics
attached: the attachment survives the queue's JSON arguments."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from headway.meetings.session_services import local_to_utc, session_schedule
from tests.helpers import build_world
from tests.smtp import Mailbox, mailbox, smtp_server  # noqa: F401


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_the_invitation_with_its_ics(settings, mailbox: Mailbox) -> None:  # noqa: F811
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    world = build_world()
    DBTaskResult.objects.all().delete()  # the world's own invitations
    day = timezone.localdate() + dt.timedelta(days=9)
    session = session_schedule(
        engagement=world.engagement,
        by=world.owner,
        starts_at=local_to_utc(day, dt.time(8, 15), "Europe/Paris"),
        time_zone="Europe/Paris",
        place="Room 2",
    )
    assert DBTaskResult.objects.filter(status="READY").count() == 2
    assert mailbox.received == []

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    email = mailbox.wait_for(world.client.email, subject="Coaching session")
    (part,) = [p for p in email.message.walk() if p.get_content_type() == "text/calendar"]
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    (event,) = icalendar.Calendar.from_ical(payload).walk("VEVENT")
    assert str(event["UID"]) == f"session-{session.pk}@testserver"
    start = event.decoded("DTSTART")
    assert (start.date(), start.hour, start.minute, str(start.tzinfo)) == (
        day,
        8,
        15,
        "Europe/Paris",
    )
    assert str(event["LOCATION"]) == "Room 2"
