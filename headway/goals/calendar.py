"""The plan in the calendar: the dated steps and goal deadlines of the engagements where the
person is the client, as a provider of the calendar feed, and one engagement's plan as an
.ics download.

Choices, and why:

- Only active goals (and their steps) are in the calendar. A paused, achieved or let-go goal
  drops out, so a subscribed calendar stops showing deadlines nobody is working towards.
- Done steps stay, titled "✓ Step: …": ticking a step off then updates the event in place
  rather than making it vanish, and the calendar keeps the record of what got done.
- Concluded engagements stay out of the feed (their plan is history); a download asks for
  one engagement explicitly, so it has its plan whatever the engagement's status.
- UIDs are `step-<pk>@<host>` and `goal-<pk>@<host>`, and the stamps the newest moment the
  rows carry, so the same plan gives the same file (see headway.feeds.calendar).
"""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse
from django.utils import timezone

from headway.accounts.models import User
from headway.engagements.models import Engagement
from headway.feeds.calendar import (
    CalendarEvent,
    absolute_url,
    feed_host,
    newest,
    register_provider,
    to_ical,
)
from headway.goals.models import Goal, Step, StepKind

SUMMARY_LENGTH = 80  # a goal's text can be a paragraph; the title shows its start


def _short(text: str) -> str:
    one_line = " ".join(text.split())
    if len(one_line) <= SUMMARY_LENGTH:
        return one_line
    return one_line[: SUMMARY_LENGTH - 1].rstrip() + "…"


def _step_event(step: Step, goal: Goal, url: str, host: str) -> CalendarEvent:
    assert step.due_on is not None
    done = step.done_at is not None
    lines = [f"Goal: {goal.text}"]
    if step.kind != StepKind.ACTION:
        lines.append(f"Kind: {step.get_kind_display()}")
    if step.done_at is not None:
        finished = timezone.localdate(step.done_at)
        lines.append(f"Done on {finished.day} {finished:%B %Y}.")
    return CalendarEvent(
        uid=f"step-{step.pk}@{host}",
        title=f"{'✓ ' if done else ''}Step: {step.title}",
        day=step.due_on,
        kind="step",
        description="\n".join(lines),
        url=url,
        modified=newest(step.created_at, step.done_at, goal.updated_at),
    )


def _goal_event(goal: Goal, url: str, host: str) -> CalendarEvent:
    assert goal.due_on is not None
    return CalendarEvent(
        uid=f"goal-{goal.pk}@{host}",
        title=f"Goal due: {_short(goal.text)}",
        day=goal.due_on,
        kind="goal",
        description=goal.text,
        url=url,
        modified=newest(goal.created_at, goal.updated_at),
    )


def plan_events(engagement: Engagement) -> Iterator[CalendarEvent]:
    """The dated steps and goal deadlines of an engagement's active goals."""
    host = feed_host()
    url = absolute_url(reverse("goals", args=[engagement.pk]))
    goals = Goal.objects.active().filter(engagement=engagement).prefetch_related("steps")
    for goal in goals:
        if goal.due_on is not None:
            yield _goal_event(goal, url, host)
        for step in goal.steps.all():
            if step.due_on is not None:
                yield _step_event(step, goal, url, host)


@register_provider
def client_plan_events(user: User) -> Iterator[CalendarEvent]:
    """A person's own plan, in every open engagement where they are the client. A coach's
    feed holds their own plan only, not their clients': deadlines are the client's to keep."""
    engagements = Engagement.objects.of_client(user).open()
    for engagement in engagements.order_by("pk"):
        yield from plan_events(engagement)


def plan_ical(engagement: Engagement) -> bytes:
    """The download: one engagement's plan."""
    return to_ical(
        plan_events(engagement),
        name=f"Headway: {engagement.client_name}’s plan",
        description="Steps and goal deadlines from Headway.",
    )
