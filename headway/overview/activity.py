"""What happened in an engagement since the coach last looked: one list, newest first.

A read model in a fixed number of queries (one per kind of thing), whatever the history.
Check-in texts stay on the check-ins page: an item says a check-in came, with its energy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from headway.accounts.models import User
from headway.checkins.models import CheckIn
from headway.core.followup import client_news as news
from headway.decisions.models import DecisionMatrix
from headway.discovery.models import Assessment
from headway.engagements.models import Answer, Engagement
from headway.engagements.services import VISIT_GAP
from headway.goals.models import Goal, GoalStatus, Step
from headway.overview.flags import engagement_flags
from headway.replies.models import Reply
from headway.replies.services import described, page_of

LIMIT = 20  # a first visit to a long engagement lists the latest, not its whole history
SHORT = 80  # characters of a goal, step or question in one line


@dataclass(frozen=True)
class ActivityItem:
    when: dt.datetime
    text: str
    url: str
    kind: str = ""  # one of core/client_news.py's kinds, for the coach's email in counts
    energy: int | None = None


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHORT else text[: SHORT - 1].rstrip() + "…"


def _after(field: str, since: dt.datetime | None) -> Q:
    return Q() if since is None else Q(**{f"{field}__gt": since})


def _checkins(e: Engagement, since: dt.datetime | None) -> list[ActivityItem]:
    url = reverse("checkins", args=[e.pk])
    rows = CheckIn.objects.filter(_after("created_at", since), engagement=e)
    return [
        ActivityItem(at, f"Check-in at energy {energy}/10", url, news.CHECKIN, energy)
        for at, energy in rows.values_list("created_at", "energy")[:LIMIT]
    ]


def _results(e: Engagement, since: dt.datetime | None) -> list[ActivityItem]:
    rows = (
        Assessment.objects.seen_by_coach()
        .filter(_after("completed_at", since), engagement=e)
        .order_by("-completed_at")[:LIMIT]
    )
    return [
        ActivityItem(
            a.completed_at,
            f"Result shared: {a.get_kind_display()}",
            reverse("assessment", args=[e.pk, a.kind, a.pk]),
            news.RESULT,
        )
        for a in rows
        if a.completed_at is not None
    ]


def _goals(e: Engagement, since: dt.datetime | None) -> list[ActivityItem]:
    items = []
    rows = Goal.objects.filter(
        _after("created_at", since) | _after("closed_at", since), engagement=e
    ).order_by("-created_at")[:LIMIT]
    for g in rows:
        url = reverse("goal_detail", args=[e.pk, g.pk])
        if since is None or g.created_at > since:
            items.append(
                ActivityItem(g.created_at, f"Goal added: {_short(g.text)}", url, news.GOAL)
            )
        if g.closed_at and (since is None or g.closed_at > since):
            items.append(
                ActivityItem(
                    g.closed_at,
                    f"Goal {g.get_status_display().lower()}: {_short(g.text)}",
                    url,
                    news.GOAL_CLOSED,
                )
            )
    return items


def _steps(e: Engagement, since: dt.datetime | None, now: dt.datetime) -> list[ActivityItem]:
    today = timezone.localdate(now)
    became_overdue = Q(done_at__isnull=True, due_on__lt=today, goal__status=GoalStatus.ACTIVE)
    if since is not None:
        became_overdue &= Q(due_on__gte=timezone.localdate(since))
    # With no `since` every step counts (an empty Q() would vanish from the OR below).
    changed = (
        Q() if since is None else Q(created_at__gt=since) | Q(done_at__gt=since) | became_overdue
    )
    rows = (
        Step.objects.filter(changed, goal__engagement=e)
        .select_related("goal")
        .order_by("-created_at")[:LIMIT]
    )
    items = []
    for s in rows:
        url = reverse("goal_detail", args=[e.pk, s.goal_id])
        if since is None or s.created_at > since:
            items.append(
                ActivityItem(s.created_at, f"Step added: {_short(s.title)}", url, news.STEP)
            )
        if s.done_at and (since is None or s.done_at > since):
            items.append(
                ActivityItem(s.done_at, f"Step done: {_short(s.title)}", url, news.STEP_DONE)
            )
        if s.done_at is None and s.due_on and s.due_on < today:
            due = dt.datetime.combine(s.due_on, dt.time.max, tzinfo=timezone.get_current_timezone())
            if since is None or due > since:
                items.append(
                    ActivityItem(due, f"Step overdue: {_short(s.title)}", url, news.STEP_OVERDUE)
                )
    return items


def _decision(e: Engagement, since: dt.datetime | None) -> list[ActivityItem]:
    matrix = (
        DecisionMatrix.objects.filter(
            _after("chosen_at", since), engagement=e, chosen__isnull=False
        )
        .select_related("chosen")
        .first()
    )
    if matrix is None or matrix.chosen is None or matrix.chosen_at is None:
        return []
    return [
        ActivityItem(
            matrix.chosen_at,
            f"Decision: chose {_short(matrix.chosen.title)}",
            reverse("decision_matrix", args=[e.pk]),
            news.DECISION,
        )
    ]


def _answers(e: Engagement, since: dt.datetime | None) -> list[ActivityItem]:
    rows = (
        Answer.objects.filter(_after("updated_at", since), engagement=e)
        .exclude(text="")
        .exclude(updated_by_id=e.coach_id)
        .order_by("-updated_at")[:LIMIT]
    )
    url = reverse("engagement_detail", args=[e.pk])
    return [
        ActivityItem(
            a.updated_at,
            f"Answered: {_short(a.question_text)}",
            f"{url}?stage={a.stage_key}",
            news.ANSWER,
        )
        for a in rows
    ]


def _client_replies(engagements: Sequence[Engagement], since: Q) -> list[tuple[int, Reply]]:
    """The client's replies, newest first, with what each is about (one query); never those
    under a result the client has since taken back."""
    who = Q()
    for e in engagements:
        who |= Q(engagement_id=e.pk, author_id=e.client_id)
    rows = (
        Reply.objects.filter(since, who)
        .exclude(assessment__shared_with_coach=False)
        .select_related("check_in", "goal", "step__goal", "assessment")
        .order_by("-created_at", "-pk")
    )
    return [(r.engagement_id, r) for r in rows[: LIMIT * len(engagements)]]


def _replied(r: Reply) -> ActivityItem:
    about = r.about
    return ActivityItem(
        r.created_at, f"Replied about {described(about)}", page_of(about), news.REPLY
    )


def _replies(e: Engagement, since: dt.datetime | None) -> list[ActivityItem]:
    if e.client_id is None:
        return []
    return [_replied(r) for _, r in _client_replies([e], _after("created_at", since))]


WAITING_DAYS = 30  # the coach's words the client has not answered, this far back


def coach_wrote(e: Engagement, *, now: dt.datetime | None = None) -> list[ActivityItem]:
    """For the client: the conversations where the coach wrote last, in the last month,
    newest first (one query)."""
    if e.coach_id is None:
        return []
    now = now or timezone.now()
    rows = (
        Reply.objects.filter(engagement=e, created_at__gt=now - dt.timedelta(days=WAITING_DAYS))
        .select_related("check_in", "goal", "step__goal", "assessment")
        .order_by("-created_at", "-pk")[: LIMIT * 5]
    )
    last: dict[tuple[str, int], Reply] = {}
    for r in rows:  # newest first: the first seen per thread is its last word
        about = r.about
        last.setdefault((r.target, about.pk), r)
    name = e.coach.get_short_name() if e.coach else "Your coach"
    return [
        ActivityItem(r.created_at, f"{name} wrote about {described(r.about)}", page_of(r.about))
        for r in last.values()
        if r.author_id == e.coach_id
    ][:5]


def since_last_looked(
    engagement: Engagement, since: dt.datetime | None, *, now: dt.datetime | None = None
) -> list[ActivityItem]:
    """Everything the client did after `since` (None: from the start), newest first."""
    now = now or timezone.now()
    items = [
        *_checkins(engagement, since),
        *_results(engagement, since),
        *_goals(engagement, since),
        *_steps(engagement, since, now),
        *_decision(engagement, since),
        *_answers(engagement, since),
        *_replies(engagement, since),
    ]
    return sorted(items, key=lambda i: i.when, reverse=True)[:LIMIT]


def visit_start(e: Engagement, now: dt.datetime) -> dt.datetime | None:
    """Where the coach's next look at the engagement will count from: the start of the
    current visit while it lasts, else the last view (see engagement_coach_seen)."""
    if e.coach_seen_at is None or now - e.coach_seen_at >= VISIT_GAP:
        return e.coach_seen_at
    return e.coach_prev_seen_at


def headlines(
    engagements: Sequence[Engagement], *, now: dt.datetime | None = None
) -> dict[int, ActivityItem]:
    """For the dashboard, the one thing to see first in each engagement since the coach last
    looked: the latest check-in, else the client's latest reply, else the latest shared
    result. Three queries in all."""
    now = now or timezone.now()
    since = {e.pk: visit_start(e, now) for e in engagements}
    known = [s for s in since.values() if s is not None]
    # One bound for every engagement (the oldest visit, or none), the exact one per row below.
    oldest = Q() if len(known) < len(since) or not known else Q(created_at__gt=min(known))

    def new(pk: int, at: dt.datetime | None) -> bool:
        return at is not None and (since[pk] is None or at > since[pk])  # type: ignore[operator]

    found: dict[int, ActivityItem] = {}
    for pk, at, energy in (
        CheckIn.objects.filter(oldest, engagement__in=list(since))
        .order_by("-created_at", "-pk")
        .values_list("engagement_id", "created_at", "energy")
    ):
        if pk not in found and new(pk, at):
            url = reverse("checkins", args=[pk])
            found[pk] = ActivityItem(
                at, f"New check-in at energy {energy}/10", url, news.CHECKIN, energy
            )
    waiting = [e for e in engagements if e.pk not in found and e.client_id is not None]
    for pk, r in _client_replies(waiting, oldest) if waiting else ():
        if pk not in found and new(pk, r.created_at):
            found[pk] = _replied(r)
    rest = [pk for pk in since if pk not in found]
    shared = Assessment.objects.seen_by_coach().filter(engagement__in=rest)
    for a in shared.order_by("-completed_at") if rest else ():
        if a.engagement_id not in found and new(a.engagement_id, a.completed_at):
            assert a.completed_at is not None
            found[a.engagement_id] = ActivityItem(
                a.completed_at,
                f"Result shared: {a.get_kind_display()}",
                a.get_absolute_url(),
                news.RESULT,
            )
    return found


def engagement_panel(engagement: Engagement, user: User, is_coach: bool) -> dict[str, Any]:
    """The engagement page's share of the overview: for its coach the flags still to
    acknowledge and what happened since they last looked; for the client what the coach wrote."""
    if is_coach:
        return {
            "flags": engagement_flags(engagement, user),
            "since": since_last_looked(engagement, engagement.coach_prev_seen_at),
        }
    return {"coach_wrote": coach_wrote(engagement)}
