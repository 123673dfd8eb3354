"""The coach's view across the stage apps: the dashboard, "since you last looked", the
attention flags and the coach's email of their clients' news. It reads every stage app, so it
sits above them; the engagement page and the reminders sweep reach it through registries."""
