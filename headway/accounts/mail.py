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


def send_templated(
    to: str,
    template: str,
    context: dict[str, Any],
    attachments: list[tuple[str, str, str]] | None = None,
) -> None:
    """Render `emails/<template>_subject.txt` and `_body.txt`; deliver after commit.
    `attachments` are (filename, text content, mimetype), e.g. a calendar invitation."""
    ctx = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    subject = render_to_string(f"emails/{template}_subject.txt", ctx).strip().replace("\n", " ")
    body = render_to_string(f"emails/{template}_body.txt", ctx)
    # Only passed when there are some, so the queued task of a plain email stays as it was.
    extra = {"attachments": attachments} if attachments else {}
    transaction.on_commit(partial(deliver_email.enqueue, [to], subject, body, **extra))
