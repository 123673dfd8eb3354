"""The calendar feed: a person's private iCalendar subscription and the provider registry
the apps with dated things (goals, sessions, bookings, offsites) add their events through.
It imports none of those apps: they register with it."""
