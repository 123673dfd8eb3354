"""The demo's career offsites: Ruth, on the Career Offsite Model with Daniel, has held two:
the first facilitated in a borrowed meeting room, the second on her own on a long walk. One
priority of the first became a goal, one waits for a session; her values shifted between
the two. Daniel has a small resource library, tagged by stage and theme, and has shared two
items with her, one of which she used and found useful."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from datetime import datetime
from typing import Any

from headway.accounts.models import User
from headway.core.assessments.values_cards import CARDS
from headway.core.planning import offsite as core
from headway.discovery.models import Assessment, JournalEntry, Kind
from headway.discovery.services import (
    assessment_complete,
    assessment_set_responses,
    assessment_start,
    journal_add,
    journal_set_sharing,
)
from headway.engagements.models import Engagement
from headway.goals.models import Goal, GoalRevision
from headway.offsites.models import (
    Mode,
    Offsite,
    OffsiteAnswer,
    OffsiteCycle,
    Resource,
    ResourceKind,
    SharedResource,
)
from headway.offsites.resource_services import resource_add, resource_mark, resource_share
from headway.offsites.services import (
    answers_save,
    cycle_update,
    offsite_complete,
    offsite_start,
    priority_make_goal,
    priority_set_later,
)

RUTH = "ruth.adeyemi@example.com"

# Values card sorts: before the first offsite, and again before the second.
VALUES = [
    (47, ["community", "fairness", "security", "responsibility", "teamwork"]),
    (10, ["community", "influence", "fairness", "leading", "responsibility"]),
]
ALIGNMENT = {"influence": 2, "leading": 2, "community": 4, "fairness": 4}

JOURNAL = [
    # days ago, activity, energy (-2..2), time flew
    (49, "Visiting a scheme", 2, True),
    (48, "Board papers", -2, False),
    (47, "Finance meeting", -1, False),
    (46, "Visiting a scheme", 2, True),
    (46, "Board papers", -1, False),
    (38, "Board papers", -2, False),
    (33, "Strategy workshop with the team", 2, True),
    (27, "Finance meeting", -2, False),
    (21, "Visiting a scheme", 2, True),
    (16, "Strategy workshop with the team", 1, True),
    (13, "Finance meeting", -1, False),
    (5, "Coffee with the chair", 2, True),
    (3, "Finance meeting", -1, False),
    (2, "Coffee with the chair", 1, False),
]

OFFSITES: list[dict[str, Any]] = [
    {
        "days": 45,
        "mode": Mode.FACILITATED,
        "minutes": 185,
        "coach": {
            "arrive-hope": "Ruth wants to leave with one thing she is excited about, not a to-do list.",
            "look-back-unplanned": "The housing inspection came early; Ruth led the response and it went well.",
        },
        "client": {
            "arrive-state": "Distracted: the inspection report is due Friday. Phone is in the car.",
            "look-back-priorities": "First offsite, so no last list. Looking back over the year: I said yes to everything and chose nothing.",
            "values-lived": "Community and fairness, every day. Responsibility too, maybe too much of it.",
            "energy-noticed": "Scheme visits top the journal every time. Board papers and the finance meeting are at the bottom, every week.",
            "proud": "The repairs process: complaints down by a third and it has stuck.",
            "let-down": "I delegated the strategy refresh because it felt like extra work. I was relieved, then jealous of the person doing it.",
            "curious": "How the board actually decides things, and whether I would enjoy sitting on the other side of the table.",
            "becoming": "Someone people bring problems to. I am not sure I want to be only that.",
            core.INSIGHTS_KEY: "I am most alive fixing structural things with people on the ground, and I have been avoiding the strategic work I would actually enjoy because it feels like a luxury.",
            "more-less": "More: scheme visits, strategy. Less: being the default person for every budget question.",
            "making-room": "Hand the monthly budget pack to Tom.",
            "closing": "Strategy is not a luxury.",
        },
        "priorities": [
            "Lead the strategy refresh myself instead of delegating it",
            "Find a mentor who has moved from operations into a chief executive role",
            "Get back to visiting one scheme a week",
        ],
        "goal": "Lead the strategy refresh myself and take a first draft to the board within ten weeks",
        "later": 1,  # the mentor: to talk through with Daniel first
    },
    {
        "days": 8,
        "mode": Mode.SELF_GUIDED,
        "minutes": 170,
        "client": {
            "arrive-state": "Calmer than last time. Walked the canal path to Worsley first.",
            "look-back-priorities": "Strategy: the draft is half done and I love it. Mentor: still not asked anyone. Scheme visits: three in five weeks, better.",
            "look-back-unplanned": "The chair asked whether I had ever thought about the chief executive role. I froze.",
            "values-lived": "Influence has crept into my top five. Leading too.",
            "energy-noticed": "The strategy workshops are now up there with the scheme visits. The finance meeting is still the low point of the week.",
            "proud": "Running the first strategy workshop without notes.",
            "curious": "What a chief executive's week actually looks like.",
            core.INSIGHTS_KEY: "I want more influence over direction, not just delivery. The freeze when the chair asked was fear, not lack of interest.",
            "more-less": "More: strategy, conversations with the chair. Less: the finance meeting; can Tom chair it?",
            "closing": "Fear, not lack of interest.",
        },
        "priorities": [
            "Ask the chair for an hour about what the chief executive role involves",
            "Finish the strategy draft",
        ],
    },
]

LIBRARY: list[dict[str, Any]] = [
    {
        "kind": ResourceKind.NOTE,
        "title": "Three questions for a walking offsite",
        "note": "Walk for twenty minutes before you write anything. Then: what gave me energy lately? What did I avoid? What would I regret not trying in the next three months?",
        "stages": ["offsite"],
        "themes": ["reflection", "energy"],
    },
    {
        "kind": ResourceKind.NOTE,
        "title": "Asking someone to mentor you: a short script",
        "note": "Be specific and small: 'I admire how you moved from operations into leading the whole organisation. Could I ask you three questions over a 30-minute coffee?' Ask for a conversation, not a commitment.",
        "stages": ["resources"],
        "themes": ["networking", "mentoring"],
    },
    {
        "kind": ResourceKind.LINK,
        "title": "O*NET OnLine: what chief executives do",
        "url": "https://www.onetonline.org/link/summary/11-1011.00",
        "note": "Tasks, skills and work context of the role, from the US Department of Labor.",
        "stages": ["resources"],
        "themes": ["exploration", "leadership"],
    },
    {
        "kind": ResourceKind.LINK,
        "title": "The Odyssey Plan exercise (Designing Your Life)",
        "url": "https://designingyour.life/resources-book/",
        "note": "Three different five-year lives. Good for the offsite's discovery section.",
        "stages": ["offsite"],
        "themes": ["futures", "values"],
    },
]


def _values(engagement: Engagement, client: User, ranking: list[str], when: datetime) -> None:
    piles = {c.key: "sometimes" for c in CARDS} | dict.fromkeys(ranking, "always")
    responses = {
        "piles": piles,
        "ranking": ranking,
        "alignment": {k: ALIGNMENT.get(k, 3) for k in ranking},
        "reflections": {},
    }
    a = assessment_start(engagement=engagement, by=client, kind=Kind.VALUES)
    assessment_set_responses(assessment=a, by=client, responses=responses)
    assessment_complete(assessment=a, by=client)
    Assessment.objects.filter(pk=a.pk).update(
        created_at=when - dt.timedelta(hours=1), started_at=when, completed_at=when
    )


def _journal(
    engagement: Engagement, client: User, ago: Callable[[float], datetime], *, since: int, upto: int
) -> None:
    """The entries from `since` days ago up to `upto` days ago."""
    for days, activity, energy, flow in JOURNAL:
        if upto <= days < since:
            entry = journal_add(
                engagement=engagement,
                by=client,
                activity=activity,
                energy=energy,
                flow=flow,
                occurred_on=ago(days).date(),
            )
            JournalEntry.objects.filter(pk=entry.pk).update(created_at=ago(days))


def _offsite(
    engagement: Engagement,
    spec: dict[str, Any],
    *,
    client: User,
    coach: User,
    ago: Callable[[float], datetime],
) -> Offsite:
    starter = coach if spec["mode"] == Mode.FACILITATED else client
    offsite = offsite_start(engagement=engagement, by=starter, mode=spec["mode"])
    if spec.get("coach"):
        answers_save(offsite=offsite, by=coach, texts=spec["coach"])
    texts = dict(spec["client"])
    texts |= {core.priority_key(i): p for i, p in enumerate(spec["priorities"], start=1)}
    answers_save(offsite=offsite, by=client, texts=texts)
    done = offsite_complete(offsite=offsite, by=client)
    start = ago(spec["days"])
    end = start + dt.timedelta(minutes=spec["minutes"])
    # The clock as it was: the minutes spread over the agenda as suggested.
    elapsed = {i.section.key: i.minutes * 60 for i in core.agenda(spec["minutes"])}
    Offsite.objects.filter(pk=done.pk).update(
        started_at=start, completed_at=end, elapsed=elapsed, section="close"
    )
    OffsiteAnswer.objects.filter(offsite=done).update(updated_at=end)
    done.refresh_from_db()
    return done


def demo_offsites_load(
    *, coach: User, ago: Callable[[float], datetime], engagement: Engagement | None = None
) -> None:
    """Ruth's offsites, or the same on another engagement of the model (a larger practice)."""
    if engagement is None:
        engagement = Engagement.objects.select_related("client").get(client__email=RUTH)
    client = engagement.client
    assert client is not None
    last_activity = engagement.last_activity_at
    journal_set_sharing(engagement=engagement, by=client, shared=True)
    cycle_update(
        engagement=engagement,
        by=coach,
        every_months=1,  # monthly while the habit forms; quarterly from the spring
        minutes=180,
        priorities=3,
        horizon_months=3,
        mode=Mode.FACILITATED,
        next_on=None,
    )
    held: list[Offsite] = []
    since = 10_000
    for (days, ranking), spec in zip(VALUES, OFFSITES, strict=True):
        # What existed before each offsite, so that its snapshot is the one it had then.
        _values(engagement, client, ranking, ago(days))
        _journal(engagement, client, ago, since=since, upto=spec["days"])
        held.append(_offsite(engagement, spec, client=client, coach=coach, ago=ago))
        since = spec["days"]
    _journal(engagement, client, ago, since=since, upto=0)
    first = held[0]
    priorities = list(first.priority_rows.all())
    goal = priority_make_goal(
        priority=priorities[0],
        by=client,
        fields={"text": OFFSITES[0]["goal"], "due_on": ago(-25).date()},
    )
    Goal.objects.filter(pk=goal.pk).update(created_at=ago(44), updated_at=ago(44))
    GoalRevision.objects.filter(goal=goal).update(at=ago(44))
    priority_set_later(priority=priorities[OFFSITES[0]["later"]], by=client)
    cycle = OffsiteCycle.objects.get(engagement=engagement)
    next_on = core.next_offsite_on(held[-1].held_on, cycle.spec)
    OffsiteCycle.objects.filter(pk=cycle.pk).update(next_on=next_on)

    # One library per coach: a second client of the same coach is shared the same items.
    items = {r.title: r for r in Resource.objects.filter(owner=coach)}
    for spec in LIBRARY:
        if spec["title"] not in items:
            items[spec["title"]] = resource_add(owner=coach, **spec)
    walking = resource_share(
        resource=items["Three questions for a walking offsite"],
        engagement=engagement,
        by=coach,
        offsite=held[-1],
        note="For your walk before the second offsite.",
    )
    resource_mark(shared=walking, by=client, used=True, useful=True)
    SharedResource.objects.filter(pk=walking.pk).update(shared_at=ago(10), used_at=ago(8))
    mentor = resource_share(
        resource=items["Asking someone to mentor you: a short script"],
        engagement=engagement,
        by=coach,
        stage_key="resources",
        note="For the mentor priority, when you are ready.",
    )
    SharedResource.objects.filter(pk=mentor.pk).update(shared_at=ago(43))
    Resource.objects.filter(owner=coach).update(created_at=ago(60))
    Engagement.objects.filter(pk=engagement.pk).update(last_activity_at=last_activity)
