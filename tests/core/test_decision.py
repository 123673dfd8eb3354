from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headway.core.planning.decision import (
    SEARCH_WEIGHTS,
    Criterion,
    Matrix,
    Option,
    bar_chart,
    flips,
    gut_questions,
    leader,
    ranked,
    robustness,
    smallest_flip,
    totals,
)

TEACH, UX, STAY = Option(1, "Teaching"), Option(2, "UX research"), Option(3, "Stay in nursing")
FIN, HELP, RISK = (
    Criterion(10, "Finances", 3),
    Criterion(11, "Helping", 3),
    Criterion(12, "Risk", 1),
)


def grid(options, criteria, table):
    """A matrix from rows of scores: table[i][j] is option i on criterion j (None: empty)."""
    scores = {
        (o.id, c.id): table[i][j]
        for i, o in enumerate(options)
        for j, c in enumerate(criteria)
        if table[i][j] is not None
    }
    return Matrix(tuple(options), tuple(criteria), scores)


def by_title(m: Matrix) -> dict[str, str]:
    return {t.option.title: t.shown for t in totals(m)}


def test_weighted_and_unweighted_means():
    m = grid([TEACH, UX], [FIN, RISK], [[8, 2], [5, 5]])
    rows = {t.option.id: t for t in totals(m)}
    assert rows[1].weighted == Fraction(3 * 8 + 2, 4)
    assert rows[1].unweighted == 5
    assert rows[1].rank == 1 and rows[2].rank == 2
    assert leader(m) == TEACH
    assert m.weights_differ


def test_missing_cells_count_what_is_scored_and_never_crash():
    m = grid([TEACH, UX, STAY], [FIN, HELP], [[6, None], [None, None], [None, 4]])
    rows = {t.option.id: t for t in totals(m)}
    assert rows[1].weighted == 6 and rows[1].missing == 1 and rows[1].scored == 1
    assert rows[2].weighted is None and rows[2].rank is None and rows[2].shown == "–"
    assert [t.option for t in ranked(totals(m))] == [TEACH, STAY, UX]
    assert len(bar_chart(totals(m)).bars) == 2
    assert robustness(m).leader == TEACH


def test_no_criteria_or_no_options():
    assert totals(Matrix((TEACH,), ()))[0].weighted is None
    assert leader(Matrix((), (FIN,))) is None
    assert "two options" in robustness(Matrix((TEACH,), (FIN,), {(1, 10): 5})).sentence


def test_a_tie_has_no_leader_and_says_so():
    m = grid([TEACH, UX], [FIN], [[7], [7]])
    assert leader(m) is None
    r = robustness(m)
    assert r.flip is None
    assert r.sentence.startswith("Teaching and UX research are level")


def test_raise_sentence_exactly():
    fin, helping = Criterion(10, "Finances", 3), Criterion(11, "Helping", 5)
    m = grid([TEACH, STAY], [fin, helping], [[4, 9], [9, 5]])
    assert leader(m) == TEACH  # 57/8 against 52/8; at weight 4 they would tie
    # Helping 5 -> 3 flips it too, by as much: the first criterion in the matrix is named.
    r = robustness(m)
    assert r.sentence == (
        "If Finances mattered 2 points more (weight 3 → 5), Stay in nursing would lead instead."
    )


def test_lowering_a_weight():
    fin, helping = Criterion(10, "Finances", 3), Criterion(11, "Helping", 3)
    m = grid([TEACH, STAY], [fin, helping], [[9, 4], [5, 7]])
    assert leader(m) == TEACH  # 39/6 against 36/6; at weight 2, 30/5 against 31/5
    assert robustness(m).sentence == (
        "If Finances mattered 1 point less (weight 3 → 2), Stay in nursing would lead instead."
    )


def test_leaving_a_criterion_out_is_the_smallest_change():
    helping, risk = Criterion(11, "Helping", 1), Criterion(12, "Risk", 1)
    # Risk 1 -> 0 flips it (size 1); Helping 1 -> 4 does too, but it is a bigger change.
    m = grid([TEACH, UX], [helping, risk], [[5, 10], [7, 3]])
    assert {(f.criterion.name, f.weight) for f in flips(m)} >= {("Risk", 0), ("Helping", 4)}
    assert robustness(m).sentence == (
        "If Risk counted for nothing (weight 1 → left out), UX research would lead instead."
    )


def test_only_if_counted_for_nothing():
    helping, risk = Criterion(11, "Helping", 1), Criterion(12, "Risk", 1)
    # UX is one point ahead on helping, Teaching nine ahead on risk: no weight within 1-5
    # overturns that, only leaving risk out does.
    m = grid([TEACH, UX], [helping, risk], [[5, 10], [6, 1]])
    assert leader(m) == TEACH
    fl = flips(m)
    assert fl and all(f.weight == 0 for f in fl)
    assert (
        robustness(m).sentence == "Only if Risk counted for nothing would UX research lead instead."
    )


def test_a_robust_lead():
    m = grid([TEACH, UX], [FIN, HELP, RISK], [[9, 9, 9], [2, 3, 1]])
    r = robustness(m)
    assert r.flip is None
    assert "robust" in r.sentence and "Teaching" in r.sentence


def test_gut_and_scores_disagree_at_the_top():
    m = grid(
        [Option(1, "Teaching", gut=4), Option(2, "UX research", gut=9), Option(3, "Stay", gut=5)],
        [FIN, HELP],
        [[8, 8], [6, 6], [7, 7]],
    )
    qs = gut_questions(m)
    assert qs[0].text == (
        "Your scores put Teaching first, your gut pulls towards UX research. "
        "What might your gut know that the criteria miss?"
    )
    assert all("should" not in q.text for q in qs)


def test_gut_far_from_the_score_asks_about_that_option():
    m = grid(
        [Option(1, "Teaching", gut=9), Option(2, "UX research", gut=3), Option(3, "Stay", gut=2)],
        [FIN],
        [[9], [8], [2]],
    )
    (q,) = gut_questions(m)
    assert q.option_ids == (2,)
    assert q.text.startswith("UX research scores 8.0, yet its pull on you is 3 of 10.")


def test_gut_agrees_no_questions():
    m = grid(
        [Option(1, "Teaching", gut=8), Option(2, "UX research", gut=5)],
        [FIN],
        [[8], [5]],
    )
    assert gut_questions(m) == ()
    assert gut_questions(grid([Option(1, "T", gut=8), UX], [FIN], [[8], [5]])) == ()


def test_bar_chart_geometry():
    m = grid([TEACH, UX], [FIN], [[10], [5]])
    chart = bar_chart(totals(m))
    first, second = chart.bars
    assert first.title == "Teaching" and first.first and not second.first
    assert first.width == pytest.approx(2 * second.width)
    assert first.value_x < chart.width
    assert chart.ticks[0] == (0.0, 0) and chart.ticks[-1][1] == 10


def test_out_of_range_inputs_are_refused():
    with pytest.raises(ValueError):
        Criterion(1, "x", 6)
    with pytest.raises(ValueError):
        Option(1, "x", gut=11)
    with pytest.raises(ValueError):
        Matrix((TEACH,), (FIN,), {(1, 10): 0})


# --- properties ---------------------------------------------------------------------------


@st.composite
def matrices(draw, min_options=1):
    n_options = draw(st.integers(min_options, 5))
    n_criteria = draw(st.integers(0, 5))
    options = tuple(
        Option(i, f"Option {i}", gut=draw(st.none() | st.integers(1, 10)))
        for i in range(1, n_options + 1)
    )
    criteria = tuple(
        Criterion(100 + j, f"Criterion {j}", draw(st.integers(1, 5))) for j in range(n_criteria)
    )
    scores = {
        (o.id, c.id): v
        for o in options
        for c in criteria
        if (v := draw(st.none() | st.integers(1, 10))) is not None
    }
    return Matrix(options, criteria, scores)


@given(matrices())
def test_totals_are_bounded(m):
    for t in totals(m):
        for value in (t.weighted, t.unweighted):
            assert value is None or 0 <= value <= 10
        assert t.scored + t.missing == len(m.criteria)


@settings(max_examples=200)
@given(matrices(min_options=2))
def test_a_reported_flip_really_flips(m):
    flip = smallest_flip(m)
    now = leader(m)
    if flip is None:
        # No flip reported: no single change of weight puts another option ahead.
        for c in m.criteria:
            for w in SEARCH_WEIGHTS:
                then = leader(m.with_weight(c.id, w))
                assert now is None or then is None or then == now
        return
    assert now is not None
    then = leader(m.with_weight(flip.criterion.id, flip.weight))
    assert then == flip.leader != now
    assert all(f.size >= flip.size for f in flips(m))
    assert str(flip.size) in robustness(m).sentence or "nothing" in robustness(m).sentence


@given(matrices(min_options=2), st.randoms(use_true_random=False))
def test_order_of_options_and_criteria_does_not_matter(m, rnd: random.Random):
    options, criteria = list(m.options), list(m.criteria)
    rnd.shuffle(options)
    rnd.shuffle(criteria)
    shuffled = Matrix(tuple(options), tuple(criteria), m.scores)
    before = {t.option.id: (t.weighted, t.unweighted, t.rank) for t in totals(m)}
    after = {t.option.id: (t.weighted, t.unweighted, t.rank) for t in totals(shuffled)}
    assert before == after
    assert leader(m) == leader(shuffled)
    a, b = smallest_flip(m), smallest_flip(shuffled)
    assert (a is None) == (b is None)
    if a is not None and b is not None:
        assert a.size == b.size
    assert set(gut_questions(m)) == set(gut_questions(shuffled))
