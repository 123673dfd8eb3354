"""Email goes through the database task queue: nothing leaves until the worker runs."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from headway.engagements.services import engagement_invite_client
from headway.practices.models import Membership
from headway.practices.services import coach_signup
from tests.helpers import PASSWORD, transition_model
from tests.smtp import Mailbox, mailbox, smtp_server  # noqa: F401


@pytest.mark.django_db(transaction=True)
def test_invitation_email_waits_for_the_worker(settings, mailbox: Mailbox) -> None:  # noqa: F811
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    coach = coach_signup(
        email="olivia@example.com",
        name="Olivia Owner",
        password=PASSWORD,
        practice_name="Northstar Coaching",
        verified=True,
    )
    assert not DBTaskResult.objects.exists()

    engagement, raw = engagement_invite_client(
        coach=coach,
        membership=Membership.objects.get(user=coach),
        email="cleo@example.com",
        name="Cleo Client",
        model=transition_model(),
        message="See you soon.",
    )

    # Queued, not sent.
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "headway.accounts.tasks.deliver_email"
    assert queued.status == "READY"
    assert queued.args_kwargs["args"][0] == ["cleo@example.com"]
    assert mailbox.received == []

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL", queued.exception_class_path
    message = mailbox.wait_for("cleo@example.com", subject="Olivia Owner invites you to coaching")
    assert len(mailbox.received) == 1
    assert "See you soon." in message.body
    path = reverse("invitation", args=[raw])
    assert message.first_link() == f"{settings.SITE_URL}{path}"

    # The link in the email opens the invitation.
    response = Client().get(path)
    assert response.status_code == 200
    assert engagement.model_version.model.name in response.text
