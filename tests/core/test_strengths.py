from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headway.core.assessments.strengths import (
    BY_KEY,
    STRENGTHS,
    THEMES,
    TOP_COUNT,
    StrengthsError,
    candidates,
    check_ratings,
    check_texts,
    check_top,
    score_strengths,
    top_changes,
)
from headway.core.assessments.strengths_outside import VIA_COUNT, VIA_THEMES, parse_list, read_via

TOP = ["curiosity", "listening", "follow_through", "storytelling", "humour"]
KEYS = [s.key for s in STRENGTHS]


def rated(high: list[str] = TOP, low: int = 2) -> dict[str, int]:
    return {k: 5 if k in high else low for k in KEYS}


ratings_strategy = st.fixed_dictionaries({k: st.integers(1, 5) for k in KEYS})


# --- the catalogue ----------------------------------------------------------------------------


def test_25_strengths_in_five_themes_each_with_a_question():
    assert len(STRENGTHS) == 25 and len(BY_KEY) == 25
    assert {s.theme for s in STRENGTHS} == set(THEMES)
    for theme in THEMES:
        assert sum(1 for s in STRENGTHS if s.theme == theme) == 5
    for s in STRENGTHS:
        assert s.question().startswith(f"{s.name}:") and s.question().endswith("?")
        assert all(name in VIA_THEMES for name in s.via)


def test_via_has_its_24_names_each_in_one_of_our_themes():
    assert VIA_COUNT == 24 and set(VIA_THEMES.values()) <= set(THEMES)


# --- reading pasted lists ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Learner\nInput\nFocus",
        "Learner, Input; Focus",
        "1. Learner\n2. Input\n3. Focus",
        "1) Learner\n 2)Input\n#3 Focus",
        "1.Learner\n2 - Input\n3 – Focus",
        "• Learner\n- Input\n* Focus",
        "1\tLearner\tLoves to learn\n2\tInput\tCollects things\n3\tFocus\t",
        "Learner: always learning, always reading\nInput (Strategic Thinking)\nFocus",
        "Learner\n\nlearner\nInput\nFocus\nINPUT",
    ],
)
def test_parse_list_reads_the_usual_ways_of_writing_a_list(text):
    assert parse_list(text) == ("Learner", "Input", "Focus")


def test_parse_list_keeps_hyphenated_names_and_ignores_noise():
    assert parse_list("Self-Regulation\n\n   \n---\n12.\n") == ("Self-Regulation",)
    assert parse_list("") == ()


def test_read_via_matches_names_spellings_and_flags_the_unknown():
    entries = read_via("1. Judgement\n2. humour\n3. Appreciation of beauty & excellence\n4. Pluck")
    assert [(e.rank, e.name, e.known) for e in entries] == [
        (1, "Judgment", True),
        (2, "Humor", True),
        (3, "Appreciation of Beauty and Excellence", True),
        (4, "Pluck", False),
    ]
    assert entries[0].theme == "thinking" and entries[3].theme == ""


@given(st.lists(st.sampled_from(sorted(VIA_THEMES)), min_size=1, max_size=24, unique=True))
def test_any_via_ranking_reads_back_in_order_however_written(names):
    for text in (
        "\n".join(names),
        ", ".join(names),
        "\n".join(f"{i}. {n}" for i, n in enumerate(names, 1)),
    ):
        entries = read_via(text)
        assert [e.name for e in entries] == names and all(e.known for e in entries)
        assert [e.rank for e in entries] == list(range(1, len(names) + 1))


@given(st.text(max_size=300))
def test_parse_list_never_fails_and_gives_distinct_nonempty_names(text):
    names = parse_list(text)
    assert all(n.strip() and len(n) <= 60 for n in names)
    assert len({n.lower() for n in names}) == len(names)


# --- checking and choosing --------------------------------------------------------------------


def test_check_ratings_names_the_problem():
    with pytest.raises(StrengthsError, match="must be an object"):
        check_ratings("all fives")
    with pytest.raises(StrengthsError, match="Unknown strength keys"):
        check_ratings({"telepathy": 5})
    with pytest.raises(StrengthsError, match="from 1 to 5"):
        check_ratings({"curiosity": 6})
    with pytest.raises(StrengthsError, match="must be an object of strength keys and texts"):
        check_texts(["x"], "reflections")


def test_candidates_are_those_rated_four_or_five():
    chosen = candidates({**rated(low=3), "focus": 4})
    assert [s.key for s in chosen] == [*TOP, "focus"]  # fives first, then fours


def test_a_modest_rater_still_has_five_to_choose_from():
    modest = dict.fromkeys(KEYS, 2) | {"curiosity": 4, "humour": 3, "focus": 3}
    keys = [s.key for s in candidates(modest)]
    assert keys[0] == "curiosity" and len(keys) == 25  # down to the fifth-highest rating: 2
    assert len(candidates(dict.fromkeys(KEYS, 3) | {"calm": 4})) == 25


def test_check_top_wants_five_eligible_strengths():
    ratings = rated()
    assert check_top(TOP, ratings) == tuple(TOP)
    with pytest.raises(StrengthsError, match="you have chosen 4"):
        check_top([*TOP[:4], TOP[0]], ratings)  # a repeat counts once
    with pytest.raises(StrengthsError, match=r"Focus is not among .*\(you rated it 2\)"):
        check_top([*TOP[:4], "focus"], ratings)
    with pytest.raises(StrengthsError, match="must be a list"):
        check_top({"a": 1}, ratings)


@given(ratings_strategy)
def test_candidates_hold_at_least_five_and_outrank_the_rest(ratings):
    chosen = candidates(ratings)
    assert len(chosen) >= TOP_COUNT
    lowest_chosen = min(ratings[s.key] for s in chosen)
    assert all(ratings[k] < lowest_chosen for k in KEYS if BY_KEY[k] not in chosen)
    assert [ratings[s.key] for s in chosen] == sorted(
        (ratings[s.key] for s in chosen), reverse=True
    )


# --- the result -------------------------------------------------------------------------------


def test_score_needs_every_strength_rated():
    with pytest.raises(StrengthsError, match=r"24 still to rate \(Analysis, .* and more\)"):
        score_strengths({"curiosity": 5}, TOP, {})


def test_the_result_sets_views_side_by_side_and_asks_where_they_differ():
    via = "\n".join(["Kindness", "Love", "Honesty", "Fairness", "Teamwork", "Curiosity"])
    profile = score_strengths(rated(low=3), TOP, {"humour": "Got us through the move."}, "", via)
    assert [p.strength.key for p in profile.top] == TOP
    assert profile.top[4].reflection == "Got us through the move."
    balance = {b.theme.key: b for b in profile.balance}
    assert balance["thinking"].average == 3.4 and balance["thinking"].in_top == 1
    assert not any("CliftonStrengths" in q for q in profile.questions)
    assert all(q.endswith("?") for q in profile.questions)
    # our five cover relating (Listening), so no VIA theme question; too short a ranking for
    # "lower half" questions
    assert len(profile.questions) == 2


def test_via_disagreements_become_questions():
    ranking = ["Kindness", "Zest", "Leadership", "Love", "Gratitude"] + [
        n for n in VIA_THEMES if n not in {"Kindness", "Zest", "Leadership", "Love", "Gratitude"}
    ]
    for name in ("Curiosity", "Love of Learning"):  # what is closest to Curiosity: last
        ranking.remove(name)
        ranking.append(name)
    low = rated(low=3) | {"enthusiasm": 1}
    profile = score_strengths(low, TOP, {}, "Learner", "\n".join(ranking))
    asked = " ".join(profile.questions)
    assert "You chose Curiosity, while your VIA ranking puts" in asked
    assert "VIA ranks Zest among your top five, yet you rated Enthusiasm “not me”" in asked
    assert "CliftonStrengths" in asked
    assert len(profile.questions) == 6  # at most three differences, one of each kind first


@given(ratings_strategy, st.data())
def test_any_five_candidates_score(ratings, data):
    pool = [s.key for s in candidates(ratings)]
    top = data.draw(st.lists(st.sampled_from(pool), min_size=5, max_size=5, unique=True))
    profile = score_strengths(ratings, top, {})
    assert sum(b.in_top for b in profile.balance) == TOP_COUNT
    assert all(1 <= b.average <= 5 for b in profile.balance)
    assert [p.strength.key for p in profile.top] == top
    assert all(q.endswith("?") for q in profile.questions)


def test_top_changes_in_plain_sentences():
    assert top_changes(["A", "B"], ["B", "C"]) == (
        "New in your top five: C.",
        "No longer in your top five: A.",
    )
    assert top_changes(["A", "B"], ["B", "A"]) == ("Your top five is the same as before.",)
