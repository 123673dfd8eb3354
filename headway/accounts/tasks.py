from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task


@task()
def deliver_email(
    to: list[str], subject: str, body: str, attachments: list[tuple[str, str, str]] | None = None
) -> None:
    """Send one email. Runs in the worker so a slow mail server never holds up a page.

    `attachments` are (filename, text content, mimetype): plain text keeps the task's
    arguments JSON, which the database queue stores (they arrive here as lists)."""
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to)
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    message.send()
