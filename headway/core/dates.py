"""Calendar arithmetic shared by the domains: one definition of "n months later"."""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier, when negative); the month's last day when it
    is shorter: 31 January + 1 is 28 or 29 February."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
