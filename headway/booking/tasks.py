from __future__ import annotations

from django.tasks import task


@task()
def refresh_busy_calendar(calendar_id: int) -> str:
    """Read one coach calendar now (queued when the coach adds an address)."""
    from headway.booking.calendars import busy_calendar_refresh
    from headway.booking.models import BusyCalendar

    calendar = BusyCalendar.objects.filter(pk=calendar_id).first()
    if calendar is None:
        return "gone"
    return "read" if busy_calendar_refresh(calendar=calendar) else calendar.error


@task()
def refresh_busy_calendars() -> str:
    """Read every calendar that is due (the worker's clock queues this)."""
    from django.utils import timezone

    from headway.booking.calendars import busy_calendar_refresh, busy_calendars_due
    from headway.booking.models import BusyCalendar

    due = busy_calendars_due(timezone.now())
    ok = sum(busy_calendar_refresh(calendar=c) for c in BusyCalendar.objects.filter(pk__in=due))
    return f"Read {ok} of {len(due)} calendars."
