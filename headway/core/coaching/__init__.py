"""Coaching models as data: the spec of a model, its stages and questions, the built-in Career
Transition Journey and Career Offsite Model, the tools a stage can use, and the open-question
hint for a coach writing a stage's questions."""
