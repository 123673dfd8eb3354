"""Emails are rendered in the request (where the data is) and sent by the worker."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template import Context
from django.template.loader import get_template

from headway.accounts.tasks import deliver_email


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def render_text(name: str, context: dict[str, Any]) -> str:
    """A plain-text template without HTML escaping: an email's text says "O'Neil", never
    "O&#x27;Neil". Included templates inherit the setting, so every email part shares it."""
    template = get_template(name).template  # type: ignore[attr-defined]
    return str(template.render(Context(context, autoescape=False)))


def send_templated(
    to: str,
    template: str,
    context: dict[str, Any],
    attachments: list[tuple[str, str, str]] | None = None,
) -> None:
    """Render `emails/<template>_subject.txt` and `_body.txt`; deliver after commit.
    `attachments` are (filename, text content, mimetype), e.g. a calendar invitation."""
    ctx = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    subject = render_text(f"emails/{template}_subject.txt", ctx).strip().replace("\n", " ")
    body = render_text(f"emails/{template}_body.txt", ctx)
    # Only passed when there are some, so the queued task of a plain email stays as it was.
    extra = {"attachments": attachments} if attachments else {}
    transaction.on_commit(partial(deliver_email.enqueue, [to], subject, body, **extra))
