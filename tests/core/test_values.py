from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headway.core.assessments.values import (
    MAX_TOP,
    MIN_TOP,
    PILE_KEYS,
    ValuesError,
    ValuesResult,
    ValuesSort,
    changes,
    eligible_keys,
    headline,
    join_names,
    lenient_sort,
    ordinal,
    parse_sort,
    score,
)
from headway.core.assessments.values_cards import CARDS, CARDS_BY_KEY

KEYS = [c.key for c in CARDS]


def piles_with(always: list[str], often: tuple[str, ...] = (), rest: str = "sometimes"):
    piles = dict.fromkeys(KEYS, rest)
    piles.update(dict.fromkeys(often, "often"))
    piles.update(dict.fromkeys(always, "always"))
    return piles


def complete(ranking: list[str], ratings: list[int], **extra) -> ValuesSort:
    return ValuesSort(
        piles=piles_with(ranking),
        ranking=tuple(ranking),
        alignment=dict(zip(ranking, ratings, strict=True)),
        **extra,
    )


SIX = KEYS[:6]


# --- the cards -------------------------------------------------------------------------------


def test_a_deck_of_40_to_50_distinct_cards():
    assert 40 <= len(CARDS) <= 50
    assert len(CARDS_BY_KEY) == len(CARDS)
    assert len({c.name for c in CARDS}) == len(CARDS)
    assert all(re.fullmatch(r"[a-z_]+", c.key) for c in CARDS)


def test_every_card_asks_an_open_question_and_never_prescribes():
    for card in CARDS:
        assert card.description and not card.description.endswith(".")
        assert card.question.endswith("?"), card.key
        assert not re.search(r"\b(should|must)\b", card.question, re.I), card.key


def test_work_and_life_values_are_both_there():
    for key in ("autonomy", "security", "income", "family", "health", "spirit", "nature"):
        assert key in CARDS_BY_KEY


# --- eligibility and reading -----------------------------------------------------------------


def test_the_always_pile_is_eligible_when_it_holds_five_or_more():
    piles = piles_with(KEYS[:5], often=tuple(KEYS[5:9]))
    assert eligible_keys(piles) == tuple(KEYS[:5])


def test_the_often_pile_joins_when_always_holds_fewer_than_five():
    piles = piles_with(KEYS[:2], often=tuple(KEYS[2:5]))
    assert eligible_keys(piles) == tuple(KEYS[:5])
    # Nothing always valued and few often: the piles keep joining until five are eligible.
    piles = piles_with([], often=(KEYS[0],), rest="never")
    piles[KEYS[1]] = "sometimes"
    assert set(eligible_keys(piles)) == set(KEYS)


def test_ranked_cards_outside_the_eligible_piles_are_skipped():
    sort = ValuesSort(piles=piles_with(KEYS[:5]), ranking=(KEYS[7], KEYS[0], KEYS[3]))
    assert sort.top() == (KEYS[0], KEYS[3])


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ([], "must be an object"),
        ({"piles": []}, "'piles' must be an object"),
        ({"piles": {"unicorns": "always"}}, "'unicorns', which is not a value card"),
        ({"piles": {"autonomy": "sometimes-ish"}}, "piles.autonomy must be one of"),
        ({"ranking": "autonomy"}, "'ranking' must be a list"),
        ({"ranking": ["autonomy", "autonomy"]}, "more than once"),
        ({"ranking": [3]}, "not a value card"),
        ({"alignment": {"autonomy": 6}}, "alignment.autonomy must be a whole number from 1 to 5"),
        ({"alignment": {"autonomy": True}}, "from 1 to 5"),
        ({"alignment": {"autonomy": "4"}}, "from 1 to 5"),
        ({"reflections": {"autonomy": 4}}, "reflections.autonomy must be text"),
    ],
)
def test_parse_names_what_is_wrong(raw, words):
    with pytest.raises(ValuesError, match=re.escape(words)):
        parse_sort(raw)


def test_lenient_reading_keeps_what_it_understands():
    sort = lenient_sort(
        {
            "piles": {"autonomy": "always", "unicorns": "always", "income": "maybe"},
            "ranking": ["autonomy", "autonomy", 7, "nope"],
            "alignment": {"autonomy": 9, "income": 2},
            "reflections": {"autonomy": "  Freedom  ", "income": ""},
        }
    )
    assert sort.piles == {"autonomy": "always"}
    assert sort.ranking == ("autonomy",)
    assert sort.alignment == {"income": 2}
    assert sort.reflections == {"autonomy": "Freedom"}
    assert lenient_sort("nonsense") == ValuesSort()


# --- scoring ---------------------------------------------------------------------------------


def test_scoring_keeps_the_clients_order_and_finds_the_gaps():
    ranking = [KEYS[4], KEYS[0], KEYS[2], KEYS[1], KEYS[3], KEYS[5]]
    result = score(complete(ranking, [5, 1, 4, 2, 3, 1], reflections={KEYS[0]: "Hardly ever"}))
    assert [v.key for v in result.top] == ranking
    assert [v.rank for v in result.top] == [1, 2, 3, 4, 5, 6]
    assert result.top[1].reflection == "Hardly ever"
    assert result.top[1].question == CARDS_BY_KEY[KEYS[0]].question
    # Gaps: honoured "a little" or "not at all"; ranked 2nd at 1 outweighs 4th at 2 and 6th at 1.
    assert [g.key for g in result.gaps] == [KEYS[0], KEYS[1], KEYS[5]]
    assert result.gaps[0].size == pytest.approx(5 / 6)
    assert "honour" in result.gaps[0].question and result.gaps[0].question.endswith("?")
    assert result.pile_counts == {
        "always": 6,
        "often": 0,
        "sometimes": len(KEYS) - 6,
        "seldom": 0,
        "never": 0,
    }


def test_no_gaps_when_the_role_honours_every_top_value_at_least_partly():
    assert score(complete(SIX, [3, 4, 5, 3, 4, 5])).gaps == ()


def test_scoring_says_what_is_missing():
    with pytest.raises(ValuesError, match=r"Sort every card into a pile first: 2 still to sort"):
        score(ValuesSort(piles=dict.fromkeys(KEYS[2:], "always")))
    few = ValuesSort(piles=piles_with(SIX), ranking=tuple(SIX[:3]))
    with pytest.raises(ValuesError, match="between 5 and 10 values for your top list; it has 3"):
        score(few)
    many = ValuesSort(piles=piles_with(KEYS[:12]), ranking=tuple(KEYS[:11]))
    with pytest.raises(ValuesError, match="it has 11"):
        score(many)
    moved = ValuesSort(piles=piles_with(KEYS[:5]), ranking=(*KEYS[:4], KEYS[9]))
    with pytest.raises(ValuesError, match=r"1 ranked card no longer in your top piles is left"):
        score(moved)
    unrated = ValuesSort(piles=piles_with(SIX), ranking=tuple(SIX), alignment={SIX[0]: 3})
    with pytest.raises(ValuesError, match="are not rated yet"):
        score(unrated)


def test_headline_is_short():
    result = score(complete(SIX, [3] * 6))
    names = [CARDS_BY_KEY[k].name for k in SIX[:3]]
    assert headline(result) == f"Top values: {', '.join(names)} and 3 more"
    assert headline(ValuesResult.from_dict({})) == "Values card sort"


def test_words():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
    ]
    assert join_names(["A"]) == "A"
    assert join_names(["A", "B", "C"]) == "A, B and C"


# --- changes over time -----------------------------------------------------------------------


def name(key: str) -> str:
    return CARDS_BY_KEY[key].name


def test_changes_between_two_results():
    a, b, c, d, e, f, g = KEYS[:7]
    before = score(complete([a, b, c, d, e], [2, 3, 3, 4, 5]))
    after = score(complete([g, a, c, b, e], [4, 3, 3, 3, 5]))
    said = changes(before, after)
    assert f"New in your top values: {name(g)}." in said
    assert f"No longer in your top values: {name(d)}." in said
    assert f"{name(b)} moved down from 2nd to 4th." in said
    assert f"How well your role honours {name(a)}: from 2 (a little) to 3 (partly)." in said
    # A moved down only to make room for G, and C kept its place: neither is news.
    assert len(said) == 4, said


def test_a_new_value_on_top_moves_nothing_else():
    a, b, c, d, e, x = KEYS[:6]
    before = score(complete([a, b, c, d, e], [3] * 5))
    after = score(complete([x, a, b, c, d], [3] * 5))
    assert changes(before, after) == [
        f"New in your top values: {name(x)}.",
        f"No longer in your top values: {name(e)}.",
    ]


# --- properties ------------------------------------------------------------------------------


@st.composite
def complete_sorts(draw) -> ValuesSort:
    piles = {k: draw(st.sampled_from(PILE_KEYS)) for k in KEYS}
    eligible = list(eligible_keys(piles))
    size = draw(st.integers(MIN_TOP, min(MAX_TOP, len(eligible))))
    ranking = draw(st.permutations(eligible))[:size]
    ratings = draw(st.lists(st.integers(1, 5), min_size=size, max_size=size))
    notes = draw(
        st.dictionaries(
            st.sampled_from(ranking), st.text(min_size=1, max_size=20).map(str.strip).filter(bool)
        )
    )
    return ValuesSort(piles, tuple(ranking), dict(zip(ranking, ratings, strict=True)), notes)


@given(complete_sorts())
@settings(max_examples=150)
def test_any_complete_sort_scores(sort):
    result = score(sort)
    assert [v.key for v in result.top] == list(sort.ranking)
    assert MIN_TOP <= len(result.top) <= MAX_TOP
    assert [v.rank for v in result.top] == list(range(1, len(result.top) + 1))
    assert sum(result.pile_counts.values()) == len(CARDS)
    # The top comes from the highest piles used.
    assert set(sort.ranking) <= set(eligible_keys(sort.piles))


@given(complete_sorts())
def test_gaps_are_top_values_honoured_little_biggest_first(sort):
    result = score(sort)
    top = {v.key: v for v in result.top}
    assert {g.key for g in result.gaps} == {k for k, v in top.items() if v.alignment <= 2}
    sizes = [g.size for g in result.gaps]
    assert sizes == sorted(sizes, reverse=True)
    assert all(0 < g.size <= 1 and g.alignment == top[g.key].alignment for g in result.gaps)


@given(complete_sorts())
def test_a_result_survives_its_json(sort):
    data = score(sort).to_dict()
    assert ValuesResult.from_dict(data).to_dict() == data
    assert parse_sort(sort.to_json()) == sort


@given(complete_sorts(), complete_sorts())
def test_changes_are_sentences_and_nothing_changes_against_itself(one, two):
    first, second = score(one), score(two)
    assert changes(first, first) == ["The same top values in the same order, honoured as before."]
    said = changes(first, second)
    assert said and all(s.endswith(".") for s in said)
    entered = {v.key for v in second.top} - {v.key for v in first.top}
    assert any(s.startswith("New in your top values") for s in said) == bool(entered)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.sampled_from(KEYS),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from([*KEYS[:3], "x"]) | st.text(max_size=5), inner, max_size=4
        )
    ),
    max_leaves=12,
)
json_responses = st.dictionaries(
    st.sampled_from(["piles", "ranking", "alignment", "reflections", "other"]),
    json_values,
    max_size=5,
)


@given(json_responses)
def test_any_json_reads_leniently_and_strictly_fails_only_with_a_message(raw):
    lenient_sort(raw)  # never raises
    try:
        sort = parse_sort(raw)
    except ValuesError as exc:
        assert str(exc)
    else:
        assert sort == lenient_sort(raw)
        try:
            score(sort)
        except ValuesError as exc:
            assert str(exc)
