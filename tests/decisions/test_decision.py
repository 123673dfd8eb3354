"""The decision matrix: its services (start, start again, scores, criteria, risks, choice) and
its pages, for the client who writes and the coach who reads."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from headway.decisions.models import Criterion, CriterionSource, DecisionMatrix, Risk, Score
from headway.decisions.services import (
    MAX_OPTIONS,
    decision_analyse,
    decision_choose,
    decision_criterion_add,
    decision_criterion_remove,
    decision_criterion_update,
    decision_gut_set,
    decision_matrix_start,
    decision_option_add,
    decision_option_remove,
    decision_risk_add,
    decision_scores_set,
)
from headway.discovery.models import Assessment, Kind
from headway.engagements.models import EngagementStatus
from headway.exploration.services import option_add, option_set_aside

VALUES = [
    ("helping", "Helping others"),
    ("autonomy", "Autonomy"),
    ("learning", "Learning"),
    ("family", "Family time"),
    ("balance", "Balance"),
    ("curiosity", "Curiosity"),
]
STRENGTHS = [
    ("listening", "Listening", "relating"),
    ("empathy", "Empathy", "relating"),
    ("calm", "Calm under pressure", "adapting"),
    ("curiosity", "Curiosity", "thinking"),
    ("dependability", "Dependability", "doing"),
]


def completed(engagement, kind, result):
    now = timezone.now()
    return Assessment.objects.create(
        engagement=engagement,
        kind=kind,
        result=result,
        started_at=now,
        completed_at=now,
    )


def values_result(keys=VALUES):
    return {
        "top": [
            {"key": k, "name": n, "rank": i, "alignment": 3, "question": "", "reflection": ""}
            for i, (k, n) in enumerate(keys, start=1)
        ],
        "gaps": [],
    }


def strengths_result():
    return {"top": [{"key": k, "name": n, "theme": t, "rating": 5} for k, n, t in STRENGTHS]}


@pytest.fixture
def board(world):
    e, client = world.engagement, world.client
    return [
        option_add(engagement=e, by=client, title=t)
        for t in ("UX research", "Teaching", "Health informatics")
    ]


@pytest.fixture
def matrix(world, board) -> DecisionMatrix:
    completed(world.engagement, Kind.VALUES, values_result())
    completed(world.engagement, Kind.STRENGTHS, strengths_result())
    return decision_matrix_start(engagement=world.engagement, by=world.client)


def names(matrix):
    return [c.name for c in matrix.criteria.all()]


def cell(matrix, title, criterion):
    return (matrix.options.get(title=title).pk, matrix.criteria.get(name=criterion).pk)


# --- services -----------------------------------------------------------------------------


def test_start_prefills_options_and_criteria(matrix):
    assert [o.title for o in matrix.options.all()] == [
        "UX research",
        "Teaching",
        "Health informatics",
    ]
    assert names(matrix) == [
        "Helping others",
        "Autonomy",
        "Learning",
        "Family time",
        "Balance",  # five values: the sixth stays out
        "Uses my strength: Listening",
        "Uses my strength: Empathy",
        "Uses my strength: Calm under pressure",
        "Lifestyle",
        "Responsibilities",
        "Finances",
        "Risk",
    ]
    assert {c.weight for c in matrix.criteria.all()} == {3}


def test_start_without_results_offers_the_four_and_uses_only_active_options(world, board):
    option_set_aside(option=board[2], by=world.client)
    matrix = decision_matrix_start(engagement=world.engagement, by=world.client)
    assert names(matrix) == ["Lifestyle", "Responsibilities", "Finances", "Risk"]
    assert matrix.options.count() == 2


def test_only_the_client_writes_and_not_once_concluded(world, board):
    with pytest.raises(ValidationError, match="Only the client"):
        decision_matrix_start(engagement=world.engagement, by=world.owner)
    world.engagement.status = EngagementStatus.CONCLUDED
    world.engagement.save()
    with pytest.raises(ValidationError, match="concluded"):
        decision_matrix_start(engagement=world.engagement, by=world.client)


def test_starting_again_keeps_what_still_exists(world, board, matrix):
    client = world.client
    ux_fin = cell(matrix, "UX research", "Finances")
    teach_help = cell(matrix, "Teaching", "Helping others")
    decision_scores_set(matrix=matrix, by=client, scores={ux_fin: 4, teach_help: 9})
    finances = matrix.criteria.get(name="Finances")
    decision_criterion_update(criterion=finances, by=client, name="Money", weight=5)
    decision_criterion_remove(criterion=matrix.criteria.get(name="Risk"), by=client)
    decision_criterion_add(matrix=matrix, by=client, name="Close to my son's school")
    decision_option_add(matrix=matrix, by=client, title="Stay where I am")
    option_set_aside(option=board[1], by=client)  # Teaching leaves the board
    option_add(engagement=world.engagement, by=client, title="Patient experience team")
    completed(world.engagement, Kind.VALUES, values_result(VALUES[1:]))  # helping leaves the top

    matrix = decision_matrix_start(engagement=world.engagement, by=client)

    assert [o.title for o in matrix.options.all()] == [
        "UX research",
        "Health informatics",
        "Stay where I am",
        "Patient experience team",
    ]
    money = matrix.criteria.get(source=CriterionSource.FINANCES)
    assert (money.name, money.weight) == ("Money", 5)
    assert Score.objects.get(option_id=ux_fin[0], criterion=money).value == 4
    assert not Score.objects.filter(criterion_id=teach_help[1]).exists()
    assert "Helping others" not in names(matrix) and "Curiosity" in names(matrix)
    assert "Risk" in names(matrix)  # a suggested criterion comes back on a fresh start
    assert "Close to my son's school" in names(matrix)


def test_a_chosen_option_stays_when_its_board_option_is_set_aside(world, board, matrix):
    teaching = matrix.options.get(title="Teaching")
    decision_choose(matrix=matrix, by=world.client, option=teaching, reason="The summers")
    option_set_aside(option=board[1], by=world.client)
    matrix = decision_matrix_start(engagement=world.engagement, by=world.client)
    assert matrix.chosen == teaching and matrix.options.filter(title="Teaching").count() == 1


def test_scores_are_all_or_nothing_with_a_clear_message(world, matrix):
    ok, bad = cell(matrix, "UX research", "Risk"), cell(matrix, "Teaching", "Finances")
    with pytest.raises(ValidationError) as exc:
        decision_scores_set(matrix=matrix, by=world.client, scores={ok: 5, bad: 12})
    assert exc.value.messages == [
        "Scores run from 1 to 10: 12 for Teaching on Finances is outside that."
    ]
    assert not Score.objects.exists()
    decision_scores_set(matrix=matrix, by=world.client, scores={ok: 5}, weights={ok[1]: 1})
    assert matrix.criteria.get(pk=ok[1]).weight == 1
    decision_scores_set(matrix=matrix, by=world.client, scores={ok: None})
    assert not Score.objects.exists()
    with pytest.raises(ValidationError, match="no longer in the matrix"):
        decision_scores_set(matrix=matrix, by=world.client, scores={(ok[0], 999999): 3})
    with pytest.raises(ValidationError, match="runs from 1"):
        decision_scores_set(matrix=matrix, by=world.client, scores={}, weights={ok[1]: 6})


def test_criteria_and_options_refuse_duplicates(world, matrix):
    with pytest.raises(ValidationError, match="already a criterion"):
        decision_criterion_add(matrix=matrix, by=world.client, name="  finances ")
    with pytest.raises(ValidationError, match="already in your matrix"):
        decision_option_add(matrix=matrix, by=world.client, title="ux RESEARCH")
    for n in range(MAX_OPTIONS - 3):
        decision_option_add(matrix=matrix, by=world.client, title=f"Idea {n}")
    with pytest.raises(ValidationError, match="at most"):
        decision_option_add(matrix=matrix, by=world.client, title="One more")


def test_removing_the_chosen_option_opens_the_choice_again(world, matrix):
    ux = matrix.options.get(title="UX research")
    decision_choose(matrix=matrix, by=world.client, option=ux, reason="Research draws me")
    assert matrix.chosen_at is not None
    decision_option_remove(option=ux, by=world.client)
    matrix.refresh_from_db()
    assert (matrix.chosen, matrix.chosen_at, matrix.choice_reason) == (None, None, "")


def test_analysis_of_a_part_scored_matrix(world, matrix):
    client = world.client
    decision_scores_set(
        matrix=matrix,
        by=client,
        scores={
            cell(matrix, "UX research", "Finances"): 4,
            cell(matrix, "UX research", "Helping others"): 9,
            cell(matrix, "Teaching", "Finances"): 7,
            cell(matrix, "Teaching", "Helping others"): 7,
        },
    )
    decision_gut_set(
        matrix=matrix,
        by=client,
        gut={o.pk: g for o, g in zip(matrix.options.all(), [9, 4, None], strict=True)},
    )
    a = decision_analyse(matrix)
    assert [t.option.title for t in a.ranked] == ["Teaching", "UX research", "Health informatics"]
    assert a.missing == 3 * 12 - 4
    # Finances 3 -> 1 would flip it too; as big a change, so the first criterion is named.
    assert a.robustness.sentence == (
        "If Helping others mattered 2 points more (weight 3 → 5), UX research would lead instead."
    )
    assert a.gut_questions[0].text.startswith("Your scores put Teaching first")


# --- pages --------------------------------------------------------------------------------


def url(world, name="decision_matrix", *args):
    return reverse(name, args=[world.engagement.pk, *args])


def test_start_page_then_building_the_matrix(world, board):
    completed(world.engagement, Kind.VALUES, values_result())
    c = world.login(world.client)
    page = c.get(url(world)).content.decode()
    assert "Build my matrix" in page and "UX research" in page
    coach_page = world.login(world.owner).get(url(world)).content.decode()
    assert "has not built a decision matrix yet" in coach_page
    assert "Build my matrix" not in coach_page
    response = c.post(url(world, "decision_start"), follow=True)
    page = response.content.decode()
    assert "Your matrix is ready" in page
    assert 'aria-label="Score for UX research on Helping others"' in page
    assert 'aria-label="How much Finances matters"' in page


@pytest.mark.parametrize(
    "role, status", [("colleague", 404), ("outsider", 404), ("other_client", 404)]
)
def test_nobody_else_sees_the_matrix(world, matrix, role, status):
    assert world.login(getattr(world, role)).get(url(world)).status_code == status


def test_the_coach_reads_but_cannot_write(world, matrix):
    decision_scores_set(
        matrix=matrix, by=world.client, scores={cell(matrix, "Teaching", "Risk"): 6}
    )
    coach = world.login(world.owner)
    page = coach.get(url(world)).content.decode()
    assert "Read-only" in page and "Save scores" not in page and "Add risk" not in page
    assert "How firm is the lead?" in page
    key = "s_{}_{}".format(*cell(matrix, "Teaching", "Risk"))
    assert coach.post(url(world, "decision_scores"), {key: "9"}).status_code == 403
    assert coach.post(url(world, "decision_start")).status_code == 403
    assert Score.objects.get().value == 6


def test_a_plain_post_of_the_grid_saves_or_keeps_the_typed_values(world, matrix):
    c = world.login(world.client)
    good = "s_{}_{}".format(*cell(matrix, "UX research", "Finances"))
    bad = "s_{}_{}".format(*cell(matrix, "Teaching", "Finances"))
    response = c.post(url(world, "decision_scores"), {good: "7", bad: "11"})
    page = response.content.decode()
    assert "Scores run from 1 to 10: the one for Teaching on Finances is above 10." in page
    assert 'value="11"' in page and 'value="7"' in page
    assert not Score.objects.exists()
    weight = f"w_{matrix.criteria.get(name='Finances').pk}"
    response = c.post(url(world, "decision_scores"), {good: "7", bad: "3", weight: "5"})
    assert response.status_code == 302 and response["Location"].endswith("#results")
    assert sorted(Score.objects.values_list("value", flat=True)) == [3, 7]
    assert matrix.criteria.get(name="Finances").weight == 5


def test_htmx_saves_a_cell_and_sends_the_results_along(world, matrix):
    c = world.login(world.client)
    key = "s_{}_{}".format(*cell(matrix, "UX research", "Finances"))
    response = c.post(url(world, "decision_scores"), {key: "8"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert response.status_code == 200 and page.startswith("Saved")
    assert 'id="dm-results"' in page and 'hx-swap-oob="true"' in page
    response = c.post(url(world, "decision_scores"), {key: "0"}, headers={"HX-Request": "true"})
    assert response.status_code == 422
    assert "Not saved: Scores run from 1 to 10" in response.content.decode()
    assert Score.objects.get().value == 8


def test_gut_risks_and_choice_through_the_pages(world, matrix):
    c = world.login(world.client)
    ux = matrix.options.get(title="UX research")
    response = c.post(url(world, "decision_gut"), {f"g_{ux.pk}": "9"})
    assert response.status_code == 302
    ux.refresh_from_db()
    assert ux.gut == 9

    # A risk without its text keeps the mitigation typed and says what is missing.
    risks = url(world, "decision_risks", ux.pk)
    page = c.post(risks, {f"o{ux.pk}-mitigation": "Ask Ana"}).content.decode()
    assert "Ask Ana" in page and "This field is required." in page
    c.post(risks, {f"o{ux.pk}-risk": "Junior pay", f"o{ux.pk}-mitigation": "Six months saved"})
    risk = Risk.objects.get()
    c.post(
        url(world, "decision_risk", risk.pk),
        {f"r{risk.pk}-risk": "Junior pay is lower", f"r{risk.pk}-mitigation": "Save first"},
    )
    risk.refresh_from_db()
    assert (risk.risk, risk.mitigation) == ("Junior pay is lower", "Save first")

    response = c.post(url(world, "decision_choice"), {"option": ux.pk, "reason": "The research"})
    page = c.get(response["Location"]).content.decode()
    assert "Turn this into goals" in page and reverse("goals", args=[world.engagement.pk]) in page
    c.post(url(world, "decision_risk_remove", risk.pk))
    assert not Risk.objects.exists()
    c.post(url(world, "decision_choice"), {"undo": "1"})
    matrix.refresh_from_db()
    assert matrix.chosen is None


def test_setup_forms_keep_what_was_typed(world, matrix):
    c = world.login(world.client)
    lifestyle = matrix.criteria.get(name="Lifestyle")
    page = c.post(
        url(world, "decision_criterion", lifestyle.pk), {f"c{lifestyle.pk}-name": "Risk"}
    ).content.decode()
    assert "“Risk” is already a criterion." in page
    c.post(url(world, "decision_criterion", lifestyle.pk), {f"c{lifestyle.pk}-name": "Nights"})
    assert Criterion.objects.filter(name="Nights").exists()
    c.post(url(world, "decision_criteria"), {"name": "Near the coast", "weight": "4"})
    assert matrix.criteria.get(name="Near the coast").weight == 4
    c.post(url(world, "decision_criterion_remove", lifestyle.pk))
    assert not Criterion.objects.filter(pk=lifestyle.pk).exists()
    c.post(url(world, "decision_options"), {"title": "Stay where I am"})
    stay = matrix.options.get(title="Stay where I am")
    assert "Add “Stay where I am”" not in c.get(url(world)).content.decode()
    c.post(url(world, "decision_option_remove", stay.pk))
    assert not matrix.options.filter(pk=stay.pk).exists()


def test_a_concluded_engagement_shows_the_matrix_read_only(world, matrix):
    decision_risk_add(option=matrix.options.first(), by=world.client, risk="Pay", mitigation="")
    world.engagement.status = EngagementStatus.CONCLUDED
    world.engagement.save()
    c = world.login(world.client)
    page = c.get(url(world)).content.decode()
    assert "concluded" in page and "Save scores" not in page
    assert c.post(url(world, "decision_options"), {"title": "New"}).status_code == 403
