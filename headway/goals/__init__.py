"""Planning: SMART goals, their action plan (steps, obstacles with if-then plans, revisions),
accountability links for a partner, and the plan in the calendar feed. A goal can start from
the option chosen in the decision matrix: goals read headway.decisions, never the reverse."""
