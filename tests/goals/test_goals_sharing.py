"""A skill gap from transition pathways made a step, and the accountability partner's link."""

from __future__ import annotations

import datetime as dt
import re

from django.test import Client
from django.urls import reverse

from headway.goals.models import AccountabilityLink, Goal, GoalStatus, Step
from headway.goals.services import (
    goal_create,
    goal_update,
    obstacle_add,
    step_add,
    step_set_done,
)
from tests.helpers import World

CLEAR = "Apply for 3 UX research roles by 31 March 2027"


def _goal(world: World, text: str = CLEAR, **kw) -> Goal:
    return goal_create(engagement=world.engagement, by=world.client, text=text, **kw)


def page(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def goals_url(world: World) -> str:
    return reverse("goals", args=[world.engagement.pk])


# --- a skill gap made a step ---------------------------------------------------------------


def test_a_gap_from_pathways_becomes_a_step(world):
    goal = _goal(world)
    client = world.login(world.client)
    url = reverse("goal_from_gap", args=[world.engagement.pk])
    gap = {"element_id": "2.C.4.d", "element_name": "Biology", "occupation": "Registered Nurses"}
    html = page(client.post(url, gap))
    assert "Find a course in Biology (for Registered Nurses)" in html
    assert not Step.objects.exists()
    response = client.post(
        url,
        {**gap, "save": "1", "kind": "course", "title": "Find a biology course", "goal": goal.pk},
    )
    step = Step.objects.get()
    assert response.status_code == 302
    assert (step.goal, step.kind, step.element_id) == (goal, "course", "2.C.4.d")
    assert world.login(world.owner).post(url, gap).status_code == 403


def test_a_gap_step_needs_a_goal(world):
    client = world.login(world.client)
    url = reverse("goal_from_gap", args=[world.engagement.pk])
    html = page(
        client.post(url, {"element_name": "Biology", "save": "1", "kind": "course", "title": "X"})
    )
    assert "write the new goal here" in html and not Step.objects.exists()


def test_the_pathways_page_offers_the_gap_to_the_client_only(world):
    from headway.onet import pathways, search
    from tests.onet.fixtures import NURSE, load_mini

    search.clear_cache()
    pathways.clear_cache()
    load_mini()
    query = f"?occupation={NURSE}&e={world.engagement.pk}"
    url = reverse("occupation_pathways") + query
    action = reverse("goal_from_gap", args=[world.engagement.pk])
    assert action in page(world.login(world.client).get(url))
    assert action not in page(world.login(world.owner).get(url))
    search.clear_cache()
    pathways.clear_cache()


# --- the accountability partner ------------------------------------------------------------


def _link(world: World) -> str:
    client = world.login(world.client)
    html = page(
        client.post(reverse("goal_partners", args=[world.engagement.pk]), {"partner_name": "Kofi"})
    )
    match = re.search(r'<p class="token" id="new-link">http://testserver(/partner/[^<]+)</p>', html)
    assert match, "the link is shown once"
    return match.group(1)


def test_the_partner_sees_goals_and_steps_and_nothing_else(world):
    goal = _goal(world, value_key="learning")
    step = step_add(goal=goal, by=world.client, title="Email Ana", due_on=dt.date(2026, 6, 1))
    step_set_done(step=step, by=world.client, done=True)
    obstacle_add(goal=goal, by=world.client, obstacle="Night shifts", plan="Study on Sundays")
    goal_update(goal=goal, by=world.client, fields={"hours_per_week": 4}, reason="Secret why")
    paused = _goal(world, text="A paused goal", status=GoalStatus.PAUSED)
    path = _link(world)
    response = Client().get(path)
    html = page(response)
    assert "Cleo&#x27;s goals" in html or "Cleo's goals" in html
    assert CLEAR in html and "Email Ana" in html and "1 Jun 2026" in html
    assert "1 of 1 step done" in html
    for secret in ("Night shifts", "Study on Sundays", "Secret why", "Learning", paused.text):
        assert secret not in html
    assert "cleo@example.com" not in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["Referrer-Policy"] == "no-referrer"
    assert AccountabilityLink.objects.get().last_seen_at is not None


def test_a_revoked_link_is_the_same_404_as_an_unknown_one(world):
    path = _link(world)
    link = AccountabilityLink.objects.get()
    coach = world.login(world.owner)
    revoke = reverse("goal_partner_revoke", args=[world.engagement.pk, link.pk])
    assert coach.post(revoke).status_code == 403
    world.login(world.client).post(revoke)
    assert Client().get(path).status_code == 404
    assert Client().get("/partner/not-a-token/").status_code == 404
    html = page(world.login(world.client).get(goals_url(world)))
    assert "revoked" in html


def test_the_coach_may_not_make_links(world):
    url = reverse("goal_partners", args=[world.engagement.pk])
    assert world.login(world.owner).post(url, {"partner_name": "X"}).status_code == 403
    html = page(world.login(world.client).post(url, {"partner_name": ""}))
    assert "errorlist" in html and not AccountabilityLink.objects.exists()
