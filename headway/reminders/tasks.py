from __future__ import annotations

import datetime as dt

from django.tasks import task


@task()
def send_reminders(now: str | None = None) -> str:
    """One sweep of reminders (`now` as ISO 8601, for a run "as of" another moment)."""
    from headway.reminders.services import reminders_send

    moment = dt.datetime.fromisoformat(now) if now else None
    return str(reminders_send(now=moment))
