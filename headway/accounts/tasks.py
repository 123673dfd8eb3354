from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task


@task()
def deliver_email(to: list[str], subject: str, body: str) -> None:
    """Send one email. Runs in the worker so a slow mail server never holds up a page."""
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)
