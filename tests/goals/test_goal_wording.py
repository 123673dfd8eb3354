"""The goal pages speak to whoever reads them: "you" to the client, the client by name to
their coach (never "your confidence" to the coach)."""

from __future__ import annotations

import re

from django.urls import reverse

from headway.goals.models import Goal
from headway.goals.services import goal_create
from tests.helpers import World


def _goal(world: World) -> Goal:
    world.client.name = "Grace O'Neil"
    world.client.save()
    return goal_create(
        engagement=world.engagement, by=world.client, text="Get into UX", confidence=4
    )


def _questions(html: str) -> str:
    """The page's open questions, hints and SMART panel, as text."""
    parts = re.findall(
        r'<(?:ul class="open-questions"|p class="hint[^"]*"|div class="smart-panel"|p class="small muted")'
        r".*?</(?:ul|p|div)>",
        html,
        re.S,
    )
    return re.sub(r"<[^>]+>", " ", " ".join(parts))


def test_the_coach_reads_about_the_client_by_name(world):
    goal = _goal(world)
    coach = world.login(world.owner)
    html = coach.get(reverse("goal_detail", args=[world.engagement.pk, goal.pk])).content.decode()
    assert "What would move Grace&#x27;s confidence one point higher?" in html
    assert "How many hours a week can Grace give this goal?" in html
    assert "Which of Grace&#x27;s values, or which option they are exploring" in html
    assert "What is a first step Grace could take this week, in under an hour?" in html
    assert "what Grace will do when it does" in html
    assert "A question for Grace:" in html
    text = _questions(html)
    assert "your confidence" not in text and " you " not in text, text

    html = coach.get(reverse("goals", args=[world.engagement.pk])).content.decode()
    assert "What is a first step Grace could take this week" in html
    assert "could you take" not in html and "you could take" not in html


def test_the_client_reads_you_and_your(world):
    goal = _goal(world)
    client = world.login(world.client)
    html = client.get(reverse("goal_detail", args=[world.engagement.pk, goal.pk])).content.decode()
    assert "What would move your confidence one point higher?" in html
    assert "What is a first step you could take this week, in under an hour?" in html
    assert "what you will do when it does" in html
    assert "A question for" not in html and "Grace&#x27;s confidence" not in html
