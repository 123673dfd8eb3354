"""The values card sort on the web: merging form posts, the three steps without JavaScript,
scoring with clear messages, the result page and changes between results."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from headway.core.assessments.values_cards import CARDS, CARDS_BY_KEY
from headway.discovery.kinds import spec
from headway.discovery.kinds.values import SPEC, _place, apply, context
from headway.discovery.models import Assessment
from headway.discovery.services import assessment_start
from tests.helpers import World

KEYS = [c.key for c in CARDS]
TOP = KEYS[:6]


def q(**fields: str) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in fields.items():
        data[name] = value
    return data


def sorted_piles() -> dict[str, str]:
    """Six cards always valued, three often, the rest spread over the other piles."""
    piles = {f"pile_{k}": "always" for k in TOP}
    piles |= {f"pile_{k}": "often" for k in KEYS[6:9]}
    others = ("sometimes", "seldom", "never")
    piles |= {f"pile_{k}": others[i % 3] for i, k in enumerate(KEYS[9:])}
    return piles


@pytest.fixture
def values(world: World) -> Assessment:
    return assessment_start(engagement=world.engagement, by=world.client, kind="values")


def urls(a: Assessment) -> tuple[str, str, str]:
    args = [a.engagement_id, "values", a.pk]
    return (
        a.get_absolute_url(),
        reverse("assessment_save", args=args),
        reverse("assessment_complete", args=args),
    )


def test_the_values_kind_is_registered():
    assert spec("values") is SPEC
    assert SPEC.steps == ("sort", "rank", "honour")


# --- apply -----------------------------------------------------------------------------------


def test_apply_merges_and_never_loses_earlier_answers():
    first = apply({}, q(pile_autonomy="always"))
    second = apply(first, q(pile_income="never", step="sort", csrfmiddlewaretoken="x"))
    assert second["piles"] == {"autonomy": "always", "income": "never"}
    assert apply(second, q(pile_income=""))["piles"] == {"autonomy": "always"}
    rated = apply(second, q(align_autonomy="4", reflect_autonomy="  Most days  "))
    assert rated["piles"] == second["piles"]
    assert rated["alignment"] == {"autonomy": 4}
    assert rated["reflections"] == {"autonomy": "Most days"}
    assert second == {"piles": {"autonomy": "always", "income": "never"}} | {
        "ranking": [],
        "alignment": {},
        "reflections": {},
    }  # not mutated by the later calls


def test_apply_keeps_unknown_top_level_keys_and_cleans_the_rest():
    saved = {"piles": {"autonomy": "always", "ghost": "always"}, "note": "mine"}
    after = apply(saved, q(pile_income="often"))
    assert after["note"] == "mine"
    assert after["piles"] == {"autonomy": "always", "income": "often"}


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"pile_unicorns": "always"}, "no value card called “unicorns”"),
        ({"pile_autonomy": "sideways"}, "Choose one of the five piles for Autonomy"),
        ({"rank_autonomy": "first"}, "whole-number rank"),
        ({"rank_autonomy": "0"}, "Ranks start at 1"),
        ({"align_autonomy": "7"}, "Rate Autonomy from 1 to 5"),
        ({"align_autonomy": "lots"}, "Rate Autonomy from 1 to 5"),
        ({"reflect_autonomy": "x" * 4001}, "under 4000 characters"),
    ],
)
def test_apply_refuses_bad_input_clearly(fields, words):
    with pytest.raises(ValidationError) as exc:
        apply({}, q(**fields))
    assert words in " ".join(exc.value.messages)


def test_a_whole_rank_form_orders_by_number_and_one_rank_moves_one_card():
    a, b, c, d = KEYS[:4]
    ranked = apply({}, q(**{f"rank_{a}": "2", f"rank_{b}": "1", f"rank_{c}": "", f"rank_{d}": "9"}))
    assert ranked["ranking"] == [b, a, d]
    assert apply(ranked, q(**{f"rank_{c}": "1"}))["ranking"] == [c, b, a, d]
    assert apply(ranked, q(**{f"rank_{d}": "1"}))["ranking"] == [d, b, a]
    assert apply(ranked, q(**{f"rank_{b}": ""}))["ranking"] == [a, d]


@given(st.dictionaries(st.sampled_from(KEYS), st.integers(1, 60), max_size=12))
def test_placing_a_whole_form_sorts_by_rank(numbers):
    order = {k: i for i, k in enumerate(KEYS)}
    placed = [(n, order[k], k) for k, n in numbers.items()]
    assert _place([], placed) == [k for _, _, k in sorted(placed)]


@given(
    st.lists(st.sampled_from(KEYS), unique=True, max_size=10),
    st.sampled_from(KEYS),
    st.integers(1, 12),
)
def test_placing_one_card_moves_only_it(ranking, key, rank):
    remaining = [k for k in ranking if k != key]
    placed = _place(remaining, [(rank, 0, key)])
    assert [k for k in placed if k != key] == remaining
    assert placed.index(key) == min(rank - 1, len(remaining))


# --- scoring through the spec ----------------------------------------------------------------


def test_score_turns_api_shaped_mistakes_into_validation_errors():
    for bad in ({"piles": []}, {"ranking": "autonomy"}, {"alignment": {"autonomy": "high"}}):
        with pytest.raises(ValidationError):
            SPEC.score(bad)
    with pytest.raises(ValidationError, match="Sort every card"):
        SPEC.score({})


def complete_responses() -> dict:
    data = q(**sorted_piles())
    for i, key in enumerate(TOP, 1):
        data[f"rank_{key}"] = str(i)
        data[f"align_{key}"] = str(1 + i % 5)
    return apply({}, data)


def test_score_headline_and_changes():
    result = SPEC.score(complete_responses())
    assert [v["key"] for v in result["top"]] == TOP
    assert SPEC.headline(result).startswith(f"Top values: {CARDS_BY_KEY[TOP[0]].name}, ")
    retake = complete_responses()
    retake["ranking"] = [TOP[1], TOP[0], *TOP[2:]]
    later = SPEC.score(retake)
    said = SPEC.changes(result, later)
    assert f"{CARDS_BY_KEY[TOP[1]].name} moved up from 2nd to 1st." in said
    assert SPEC.changes({}, {}) == ["The same top values in the same order, honoured as before."]


def test_context_of_each_step_tolerates_whatever_was_stored():
    junk = {"piles": "x", "ranking": {"a": 1}, "alignment": [], "reflections": None}
    for step in SPEC.steps:
        ctx = context(junk, step)
        assert ctx["sorted_count"] == 0


# --- the pages, without JavaScript -----------------------------------------------------------


def test_sort_page_has_a_labelled_pile_list_per_card(world, values):
    client = world.login(world.client)
    page = client.get(urls(values)[0]).content.decode()
    assert page.count('<select id="pile-') == len(CARDS)
    assert '<label class="value-name" for="pile-autonomy">Autonomy</label>' in page
    assert f"0 of {len(CARDS)} sorted" in page
    assert 'aria-current="step"' in page and "cardsort.js" in page


def test_a_full_run_by_plain_form_posts(world, values):
    client = world.login(world.client)
    take, save, complete = urls(values)
    response = client.post(save, {"step": "sort", "goto": "rank", **sorted_piles()})
    assert response.status_code == 302 and response.url == f"{take}?step=rank"
    page = client.get(response.url).content.decode()
    assert "Choose at least 5: you have chosen 0." in page
    for key in TOP:  # the always pile is eligible, the often pile not
        assert f'name="rank_{key}"' in page
    assert f'name="rank_{KEYS[6]}"' not in page

    ranks = {f"rank_{k}": str(6 - i) for i, k in enumerate(TOP)}  # reversed order
    response = client.post(save, {"step": "rank", "goto": "honour", **ranks})
    assert response.url == f"{take}?step=honour"
    page = client.get(response.url).content.decode()
    assert page.index(CARDS_BY_KEY[TOP[-1]].question) < page.index(CARDS_BY_KEY[TOP[0]].question)
    assert "How well does my current role honour autonomy?" in page

    # Finishing with a value unrated says so and keeps what was entered.
    ratings = {f"align_{k}": "4" for k in TOP[1:]}
    response = client.post(complete, {"step": "honour", **ratings}, follow=True)
    assert "Autonomy is not rated yet" in response.content.decode()
    values.refresh_from_db()
    assert values.completed_at is None and len(values.responses["alignment"]) == 5

    response = client.post(
        complete,
        {"step": "honour", "align_autonomy": "1", "reflect_autonomy": "Rarely my call."},
        follow=True,
    )
    values.refresh_from_db()
    assert values.is_completed
    page = response.content.decode()
    assert "Your values card sort result is ready." in page
    assert "Rarely my call." in page
    assert "What would it take for your work to honour autonomy more?" in page
    assert CARDS_BY_KEY["autonomy"].question in page
    assert values.result["gaps"][0]["key"] == "autonomy"


def test_autosave_answers_with_the_saved_fragment_or_an_error(world, values):
    client = world.login(world.client)
    _, save, _ = urls(values)
    ok = client.post(
        save, {"step": "sort", "pile_autonomy": "always"}, headers={"HX-Request": "true"}
    )
    assert ok.status_code == 200 and "Saved" in ok.content.decode()
    bad = client.post(save, {"pile_autonomy": "upwards"}, headers={"HX-Request": "true"})
    assert bad.status_code == 422 and "Choose one of the five piles" in bad.content.decode()
    values.refresh_from_db()
    assert values.responses["piles"] == {"autonomy": "always"}


def test_an_unknown_step_shows_the_sort(world, values):
    client = world.login(world.client)
    page = client.get(urls(values)[0] + "?step=nonsense").content.decode()
    assert 'name="pile_autonomy"' in page


def test_the_history_shows_changes_and_the_shared_result_reaches_the_coach(world, values):
    client = world.login(world.client)
    for order in (TOP, [TOP[2], *TOP[:2], *TOP[3:]]):
        a = assessment_start(engagement=world.engagement, by=world.client, kind="values")
        _, save, complete = urls(a)
        fields = {**sorted_piles(), **{f"rank_{k}": str(i) for i, k in enumerate(order, 1)}}
        fields |= {f"align_{k}": "3" for k in TOP}
        client.post(complete, fields)
    history = reverse("discovery_kind", args=[world.engagement.pk, "values"])
    page = client.get(history).content.decode()
    assert f"{CARDS_BY_KEY[TOP[2]].name} moved up from 3rd to 1st." in page
    latest = Assessment.objects.filter(engagement=world.engagement).completed().first()
    coach = world.login(world.owner)
    page = coach.get(latest.get_absolute_url()).content.decode()
    assert "My top values" in page and CARDS_BY_KEY[TOP[2]].question in page


def test_coming_back_resumes_at_the_step_left(world, values):
    client = world.login(world.client)
    take, save, _ = urls(values)
    client.post(save, {"step": "sort", "goto": "rank", **sorted_piles()})
    page = client.get(take).content.decode()  # back later, from the journey: no step named
    assert "Choose at least 5: you have chosen 0." in page
    assert 'name="pile_autonomy"' not in page
    # An autosave on a step counts as being there.
    client.post(save, {"step": "sort", "pile_autonomy": "always"}, headers={"HX-Request": "true"})
    assert 'name="pile_autonomy"' in client.get(take).content.decode()
    values.refresh_from_db()
    assert values.step == "sort"
