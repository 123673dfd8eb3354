"""Booking arithmetic: free slots from weekly hours, dates and time off minus busy times, and
the busy intervals read from a coach's own calendar (.ics)."""
