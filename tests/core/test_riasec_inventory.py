from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headway.core.assessments.riasec_inventory import (
    BY_KEY,
    LETTERS,
    MAX_UNANSWERED,
    PAGE_SIZE,
    PAGES,
    STATEMENTS,
    InventoryError,
    check_ratings,
    hexagon_distance,
    page_of,
    profile_changes,
    score_ratings,
    tie_sentences,
)


def by_area(values: dict[str, int]) -> dict[str, int]:
    return {s.key: values[s.letter] for s in STATEMENTS}


ratings_strategy = st.fixed_dictionaries({s.key: st.integers(1, 5) for s in STATEMENTS})


# --- the statements ---------------------------------------------------------------------------


def test_sixty_statements_ten_per_area_with_stable_distinct_keys_and_texts():
    assert len(STATEMENTS) == 60
    for letter in LETTERS:
        keys = sorted(s.key for s in STATEMENTS if s.letter == letter)
        assert keys == [f"{letter.lower()}{i:02d}" for i in range(1, 11)]
    assert len({s.text for s in STATEMENTS}) == 60


def test_pages_hold_twelve_mixed_and_no_neighbours_share_an_area():
    assert len(PAGES) == 5 and all(len(p) == PAGE_SIZE for p in PAGES)
    for page in PAGES:
        assert sorted(s.letter for s in page) == sorted(LETTERS * 2)
    assert all(a.letter != b.letter for a, b in zip(STATEMENTS, STATEMENTS[1:], strict=False))
    assert page_of("r01") == 1 and page_of(STATEMENTS[-1].key) == 5


# --- checking ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw,words",
    [
        (None, "must be an object"),
        ([1, 2], "must be an object"),
        ({"z01": 3}, "Unknown statement keys"),
        ({"r01": 0}, "from 1 to 5"),
        ({"r01": 3.5}, "from 1 to 5"),
        ({"r01": "4"}, "from 1 to 5"),
        ({"r01": False}, "from 1 to 5"),
    ],
)
def test_check_ratings_names_the_problem(raw, words):
    with pytest.raises(InventoryError, match=words):
        check_ratings(raw)


def test_up_to_three_may_be_left_blank():
    ratings = by_area(dict.fromkeys(LETTERS, 3))
    for s in STATEMENTS[:MAX_UNANSWERED]:
        del ratings[s.key]
    assert score_ratings(ratings).answered == 57
    del ratings[STATEMENTS[-1].key]
    with pytest.raises(InventoryError, match=r"4 of the 60 .* page 1 and 5"):
        score_ratings(ratings)


# --- scoring ----------------------------------------------------------------------------------


def test_scores_stretch_the_mean_onto_0_to_100():
    profile = score_ratings(by_area({"R": 1, "I": 2, "A": 3, "S": 4, "E": 5, "C": 3}))
    assert profile.scores == (0, 25, 50, 75, 100, 50)
    assert profile.code == "ESA" and profile.order == "ESACIR"
    assert profile.ties == ("AC",)
    assert profile.differentiation == 100 and not profile.flat
    assert profile.consistency == "adjacent"


def test_ties_are_broken_in_riasec_order_and_reported():
    profile = score_ratings(by_area({"R": 2, "I": 4, "A": 2, "S": 4, "E": 4, "C": 1}))
    assert profile.code == "ISE" and profile.ties == ("ISE",)
    assert tie_sentences(profile.code, profile.ties) == (
        "I, S and E are tied: their order in the code follows R-I-A-S-E-C.",
    )
    straddling = score_ratings(by_area({"R": 5, "I": 1, "A": 4, "S": 4, "E": 1, "C": 1}))
    assert straddling.code == "RAS" and straddling.ties == ("AS",)
    crossing = score_ratings(by_area({"R": 5, "I": 4, "A": 3, "S": 3, "E": 3, "C": 1}))
    assert crossing.code == "RIA" and crossing.ties == ("ASE",)
    assert "could as well use S or E in place of A" in tie_sentences("RIA", ("ASE",))[0]


def test_a_flat_profile_and_a_low_one_raise_questions_not_verdicts():
    flat = score_ratings(by_area(dict.fromkeys(LETTERS, 2)))
    assert flat.flat and flat.differentiation == 0
    asked = " ".join(flat.questions)
    assert "fairly even" in asked and "left out" in asked
    assert all(q.endswith("?") for q in flat.questions)
    assert not any("should" in q for q in flat.questions)


def test_consistency_follows_the_hexagon():
    assert hexagon_distance("R", "I") == 1 and hexagon_distance("R", "C") == 1
    assert hexagon_distance("R", "A") == 2 and hexagon_distance("I", "S") == 2
    assert hexagon_distance("R", "S") == 3 and hexagon_distance("A", "C") == 3
    opposite = score_ratings(by_area({"R": 5, "I": 2, "A": 2, "S": 4, "E": 2, "C": 2}))
    assert opposite.consistency == "opposite"
    assert "across the hexagon" in opposite.questions[1]


def test_profile_changes_name_the_code_and_the_biggest_moves():
    before = dict(zip(LETTERS, (10, 50, 60, 80, 40, 20), strict=True))
    after = dict(zip(LETTERS, (10, 85, 60, 70, 15, 22), strict=True))
    assert profile_changes(before, "SAI", after, "ISA") == (
        "Your Holland code changed from SAI to ISA.",
        "Investigative rose from 50 to 85.",
        "Enterprising fell from 40 to 15.",
    )
    assert profile_changes(before, "SAI", before, "SAI") == (
        "Your Holland code is SAI, as before.",
        "No area moved by 10 points or more.",
    )


# --- properties -------------------------------------------------------------------------------


@given(ratings_strategy)
def test_the_code_is_the_three_strongest_areas(ratings):
    profile = score_ratings(ratings)
    assert all(0 <= s <= 100 for s in profile.scores)
    assert sorted(profile.order) == sorted(LETTERS) and len(set(profile.code)) == 3
    ordered = [profile.score_of(c) for c in profile.order]
    assert ordered == sorted(ordered, reverse=True)
    assert profile.differentiation == max(profile.scores) - min(profile.scores)
    for group in profile.ties:
        assert len({profile.score_of(c) for c in group}) == 1 and len(group) > 1
        assert any(c in profile.code for c in group)


@given(ratings_strategy, st.sampled_from(LETTERS))
def test_liking_an_area_more_never_lowers_its_score(ratings, letter):
    before = score_ratings(ratings)
    raised = {k: 5 if BY_KEY[k].letter == letter else v for k, v in ratings.items()}
    after = score_ratings(raised)
    assert after.score_of(letter) >= before.score_of(letter)
    assert after.score_of(letter) == 100
    others = [c for c in LETTERS if c != letter]
    assert all(after.score_of(c) == before.score_of(c) for c in others)


@given(ratings_strategy, st.randoms())
def test_the_order_of_answers_within_an_area_does_not_matter(ratings, rnd):
    shuffled = dict(ratings)
    for letter in LETTERS:
        keys = [s.key for s in STATEMENTS if s.letter == letter]
        values = [ratings[k] for k in keys]
        rnd.shuffle(values)
        shuffled.update(zip(keys, values, strict=True))
    assert score_ratings(shuffled) == score_ratings(ratings)


@given(ratings_strategy)
def test_every_profile_asks_open_questions(ratings):
    questions = score_ratings(ratings).questions
    assert 3 <= len(questions) <= 7
    assert all(q.endswith("?") for q in questions)
