"""The option chosen in the decision matrix carries into "Turn this into goals"."""

from __future__ import annotations

from django.urls import reverse

from headway.decisions.services import decision_choose, decision_matrix_start
from headway.exploration.services import option_add
from headway.goals.models import Goal
from tests.helpers import World


def _choose(world: World, title: str = "UX research") -> None:
    e = world.engagement
    board = {t: option_add(engagement=e, by=world.client, title=t) for t in (title, "Teaching")}
    matrix = decision_matrix_start(engagement=e, by=world.client)
    chosen = matrix.options.get(title=title)
    decision_choose(matrix=matrix, by=world.client, option=chosen, reason="The research")
    assert chosen.board_option == board[title]


def test_turn_this_into_goals_starts_the_goal_from_the_choice(world):
    _choose(world)
    c = world.login(world.client)
    matrix_page = c.get(reverse("decision_matrix", args=[world.engagement.pk])).content.decode()
    goals = reverse("goals", args=[world.engagement.pk])
    link = f'href="{goals}?from=decision#new-goal"'
    assert link in matrix_page

    html = c.get(f"{goals}?from=decision").content.decode()
    assert "you chose <strong>UX research</strong>" in html
    assert ">Move into UX research</textarea>" in html
    assert (
        '<option value="{}" selected>UX research</option>'.format(
            world.engagement.options.get(title="UX research").pk
        )
        in html
    )
    assert '<input type="hidden" name="from" value="decision">' in html


def test_the_choice_stays_in_view_when_the_goal_comes_back_with_errors(world):
    _choose(world)
    c = world.login(world.client)
    goals = reverse("goals", args=[world.engagement.pk])
    html = c.post(goals, {"text": "", "from": "decision"}).content.decode()
    assert "you chose <strong>UX research</strong>" in html
    assert not Goal.objects.exists()
    response = c.post(goals, {"text": "Move into UX research by June 2027", "from": "decision"})
    assert response.status_code == 302
    assert Goal.objects.get().text == "Move into UX research by June 2027"


def test_without_the_choice_the_goal_form_starts_empty(world):
    c = world.login(world.client)
    goals = reverse("goals", args=[world.engagement.pk])
    html = c.get(f"{goals}?from=decision").content.decode()
    assert "you chose" not in html and "Move into" not in html
    _choose(world)
    html = c.get(goals).content.decode()
    assert "you chose" not in html and "Move into" not in html


def test_the_coach_sees_no_prefilled_goal(world):
    _choose(world)
    goals = reverse("goals", args=[world.engagement.pk])
    html = world.login(world.owner).get(f"{goals}?from=decision").content.decode()
    assert "you chose" not in html and "Move into" not in html
