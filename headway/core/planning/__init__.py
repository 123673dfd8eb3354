"""Choosing and planning: decision matrix totals and the gut check, a goal's plan (progress,
step hints, revisions, overdue steps), if-then plans, and the career offsite's cycle and
agenda."""
