"""Follow-up and accountability: what needs a coach's attention, stagnation and burnout
signals from check-ins, whether a check-in reads worried, the coach's prep brief, reminders
that are due and the coach's email of clients' news (counts, never words)."""
