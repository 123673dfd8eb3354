"""Choosing: the decision matrix, from the exploration board's options and the client's
self-discovery results to the option chosen (which the goals page can start a goal from)."""
