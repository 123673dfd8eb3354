"""Emails are rendered in the request (where the data is) and sent by the worker."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string

from headway.accounts.tasks import deliver_email


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def send_templated(to: str, template: str, context: dict[str, Any]) -> None:
    """Render `emails/<template>_subject.txt` and `_body.txt`; deliver after commit."""
    ctx = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    subject = render_to_string(f"emails/{template}_subject.txt", ctx).strip().replace("\n", " ")
    body = render_to_string(f"emails/{template}_body.txt", ctx)
    transaction.on_commit(partial(deliver_email.enqueue, [to], subject, body))
