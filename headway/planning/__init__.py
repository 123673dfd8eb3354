"""What is left of the planning app, which once held the decision matrix, goals and calendar
feeds (now headway.decisions, headway.goals and headway.feeds).

It stays installed, with its migrations and no models, because existing databases record its
migrations and their tables still carry its name (planning_goal, planning_step, ...): the
models moved by state alone, keeping their tables (`db_table`), and planning's own migrations
(0002 to 0004) remove them from its state and hand their content types to the new apps. The
new apps' first migrations depend on planning's first, which made the tables. Removing this
app would leave those migrations unapplied on a new database and unknown on an old one.
"""
