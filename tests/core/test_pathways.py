from __future__ import annotations

import numpy as np
import pytest

from headway.core.occupations.blend import Calibration, calibrate, job_zone_penalty
from headway.core.occupations.pathways import (
    Narrowing,
    Source,
    head_nouns,
    pathways,
    reflection_question,
    related,
    related_all,
    same_family,
)
from headway.core.occupations.similarity import build_index
from headway.core.occupations.text import stem, tfidf_cosine, tokens
from tests.core.occupations import occupation_data

PRACTICAL, REGISTERED, PRACTITIONER = "29-2061.00", "29-1141.00", "29-1171.00"
PROGRAMMER, DEVELOPER, DATA_SCIENTIST, ALL_OTHER = (
    "15-1251.00",
    "15-1252.00",
    "15-2051.00",
    "15-1299.00",
)


@pytest.fixture(scope="module")
def index():
    return build_index(occupation_data())


def codes(results):
    return [r.code for r in results]


# --- Ordering ---------------------------------------------------------------------------


def test_nurses_are_related_to_nurses_and_programmers_to_programmers(index):
    assert codes(related(index, PRACTICAL, top=2)) == [REGISTERED, PRACTITIONER]
    assert codes(related(index, PROGRAMMER, top=1)) == [DEVELOPER]
    assert codes(related(index, DEVELOPER, top=1)) == [PROGRAMMER]


def test_scores_are_between_0_and_1_and_descend(index):
    results = related(index, REGISTERED, top=10)
    scores = [r.score for r in results]
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores == sorted(scores, reverse=True)
    assert results[0].score > results[-1].score


def test_a_source_never_leads_to_itself(index):
    for code in index.data.codes:
        assert code not in codes(related(index, code, top=10))


def test_related_all_covers_every_occupation(index):
    everything = dict(related_all(index, top=3))
    assert set(everything) == set(index.data.codes)
    assert all(len(found) == 3 for found in everything.values())


def test_related_rows_agree_with_a_one_occupation_pathway(index):
    one = related(index, REGISTERED, top=5)
    again = pathways(index, Source(codes=(REGISTERED,)), top=5)
    assert codes(one) == codes(again)
    assert [r.score for r in one] == pytest.approx([r.score for r in again], abs=1e-5)


# --- What transfers, what is missing ------------------------------------------------------


def test_transfers_are_important_to_both_at_a_level_already_reached(index):
    (registered,) = [r for r in related(index, PRACTICAL, top=5) if r.code == REGISTERED]
    # Practical nurses work at Speaking 4.0 and Oral Comprehension 4.0; registered nurses
    # need 4.2 and 4.3, within the half-point tolerance.
    assert {t.name for t in registered.transfers} == {"Speaking", "Oral Comprehension"}
    for transfer in registered.transfers:
        assert transfer.importance >= 3.0
        assert transfer.target_level <= transfer.level + 0.5


def test_gaps_are_importance_weighted_and_biggest_first(index):
    (registered,) = [r for r in related(index, PRACTICAL, top=5) if r.code == REGISTERED]
    # Medicine: 4.6 / 5 x (5.5 - 4.0) = 1.38; Caring: 4.5 / 5 x (5.5 - 4.0) = 1.35.
    assert [g.name for g in registered.gaps] == ["Medicine", "Caring"]
    assert [g.size for g in registered.gaps] == pytest.approx([1.38, 1.35])
    assert registered.gaps[0].domain == "knowledge"
    assert registered.gaps[0].level == 4.0 and registered.gaps[0].target_level == 5.5


def test_moving_down_has_no_gaps_and_full_carry_over(index):
    (practical,) = [r for r in related(index, REGISTERED, top=5) if r.code == PRACTICAL]
    assert practical.gaps == ()
    assert practical.carry_over == pytest.approx(1.0)
    assert practical.job_zone_change == -1


def test_job_zone_change_and_shared_interests(index):
    results = {r.code: r for r in related(index, PRACTICAL, top=6)}
    assert results[REGISTERED].job_zone_change == 1
    assert results[PRACTITIONER].job_zone_change == 2
    assert "Social" in results[REGISTERED].shared_interests
    assert "Social" not in results[PROGRAMMER].shared_interests


def test_explanations_serialise_to_plain_json(index):
    import json

    data = related(index, PRACTICAL, top=3)[0].to_dict()
    assert json.loads(json.dumps(data)) == data
    assert {"code", "title", "score", "transfers", "gaps", "job_zone_change", "question"} <= set(
        data
    )


# --- Missing data -------------------------------------------------------------------------


def test_an_occupation_without_skill_ratings_still_relates_and_is_offered(index):
    # Data Scientists have tasks, titles and interests but no skill ratings.
    own = related(index, DATA_SCIENTIST, top=2)
    assert set(codes(own)) == {PROGRAMMER, DEVELOPER}
    assert all(r.transfers == () and r.gaps == () and r.carry_over is None for r in own)
    assert DATA_SCIENTIST in codes(related(index, DEVELOPER, top=3))
    offered = [r for r in related(index, DEVELOPER, top=6) if r.code == DATA_SCIENTIST][0]
    assert offered.carry_over is None and "abilities_skills_knowledge" not in offered.signals
    assert np.isfinite(offered.score)


def test_an_occupation_known_by_name_only_is_a_source_but_never_a_target(index):
    assert all(ALL_OTHER not in codes(related(index, c, top=10)) for c in index.data.codes)
    # "Software Specialist", "Computer Analyst": its titles lead to the software jobs.
    assert codes(related(index, ALL_OTHER, top=2))[0] in {PROGRAMMER, DEVELOPER}


def test_without_texts_the_ratings_alone_still_rank():
    plain = build_index(occupation_data(texts=False))
    assert codes(related(plain, PRACTICAL, top=1)) == [REGISTERED]
    assert codes(related(plain, PROGRAMMER, top=1)) == [DEVELOPER]


def test_mismatched_arrays_are_refused():
    data = occupation_data()
    with pytest.raises(ValueError, match="titles"):
        type(data)(**{**data.__dict__, "titles": data.titles[:-1]})


# --- Pathways from a person ---------------------------------------------------------------


def test_two_past_jobs_combine_and_both_are_left_out(index):
    results = pathways(index, Source(codes=(PRACTICAL, PROGRAMMER)), top=10)
    assert PRACTICAL not in codes(results) and PROGRAMMER not in codes(results)
    # The nurse-and-programmer's best-placed moves include both worlds.
    top3 = set(codes(results)[:3])
    assert REGISTERED in top3 and DEVELOPER in top3


def test_self_rated_skills_alone_point_at_matching_work(index):
    results = pathways(
        index, Source(skills={"Programming": 5.5, "2.C.1.b": 5.0, "Caring": 0.5}), top=3
    )
    assert codes(results)[:2] in ([DEVELOPER, PROGRAMMER], [PROGRAMMER, DEVELOPER])
    assert results[0].job_zone_change is None  # no past job, no zone to compare
    assert any(t.name == "Programming" for t in results[0].transfers)


def test_a_self_rating_replaces_the_past_jobs_figure(index):
    modest = pathways(index, Source(codes=(PRACTICAL,), skills={"Medicine": 6.0}), top=5)
    (registered,) = [r for r in modest if r.code == REGISTERED]
    assert "Medicine" not in [g.name for g in registered.gaps]
    assert "Medicine" in [t.name for t in registered.transfers]


def test_interests_alone_rank_by_interest_fit(index):
    social = pathways(index, Source(interests=(2, 3, 1, 7, 2, 3)), top=3)
    assert set(codes(social)) == {PRACTICAL, REGISTERED, PRACTITIONER}
    assert all("Social" in r.shared_interests for r in social)


def test_bad_sources_are_refused(index):
    with pytest.raises(KeyError):
        pathways(index, Source(codes=("99-9999.99",)))
    with pytest.raises(KeyError):
        pathways(index, Source(skills={"Juggling": 3}))
    with pytest.raises(ValueError, match="needs"):
        pathways(index, Source())
    with pytest.raises(ValueError, match="six"):
        pathways(index, Source(interests=(1, 2, 3)))


# --- Job zones, scores, questions ---------------------------------------------------------


def test_job_zone_penalty_grows_beyond_one_zone_and_up_costs_more():
    same, up1, down1, up2 = (float(job_zone_penalty(3, z)) for z in (3, 4, 2, 5))
    assert same == 0.0
    assert 0 < down1 < up1
    assert up2 > 2 * up1  # two zones is far more than twice one
    assert float(job_zone_penalty(np.nan, 4)) == 0.0


def test_scores_are_a_monotone_0_1_scale():
    values = Calibration(midpoint=1.0, spread=0.5).score(np.array([-10.0, 0.0, 1.0, 3.0, 10.0]))
    assert np.all(np.diff(values) > 0)
    assert values[0] >= 0.0 and values[-1] <= 1.0
    assert values[2] == pytest.approx(0.5)


def test_calibration_puts_the_typical_best_at_0_9_and_tenth_at_0_6():
    rows = np.tile(np.arange(20.0), (5, 1))  # best 19, tenth 10 in every row
    rows[:, 0] = -np.inf  # not a candidate
    curve = calibrate(rows)
    assert curve.score(np.array([19.0, 10.0])) == pytest.approx([0.9, 0.6])


@pytest.mark.parametrize(
    ("gaps", "change", "shared"),
    [(0, 0, ()), (4, 0, ()), (1, 0, ()), (0, -1, ()), (2, 3, ()), (0, 0, ("Social",))],
)
def test_questions_are_open_and_never_advice(gaps, change, shared):
    question = reflection_question(gaps=gaps, job_zone_change=change, shared_interests=shared)
    assert question.endswith("?")
    assert "should" not in question.lower()
    assert question.split()[0] in {"What", "Which", "When", "How", "Where"}


def test_the_gap_question_for_several_gaps():
    question = reflection_question(gaps=3, job_zone_change=0, shared_interests=())
    assert (
        question
        == "Which of these gaps would you enjoy closing, and which would feel like a chore?"
    )


# --- Text similarity ----------------------------------------------------------------------


def test_tfidf_cosine_basics():
    gram = tfidf_cosine(
        [
            "Care for patients",
            "Care for patients",
            "Write program code",
            "",
            "Nursing patients\ncare",
        ]
    )
    assert gram.shape == (5, 5)
    assert gram[0, 1] == pytest.approx(1.0)
    assert gram[0, 2] == pytest.approx(0.0)
    assert gram[3].sum() == 0.0 and gram[3, 3] == 0.0  # an empty document matches nothing
    assert np.allclose(gram, gram.T)
    assert 0.0 < gram[0, 4] < 1.0
    assert np.diagonal(gram)[[0, 1, 2, 4]] == pytest.approx([1.0] * 4)


def test_word_pairs_stay_within_a_line():
    assert tokens("nursing patients\ncare") == [
        "nurs",
        "patient",
        "care",
        "nurs patient",
        "patient care",
    ]
    one_line = tfidf_cosine(["patients care", "patients care", "care patients"])
    split = tfidf_cosine(["patients\ncare", "patients care", "care patients"])
    # The same words; only the pair "patient care" differs, and the line break removes it.
    assert one_line[0, 1] == pytest.approx(1.0)
    assert split[0, 1] < 1.0


def test_stemming_joins_plurals_and_ing_forms():
    assert stem("nurse") == stem("nurses") == stem("nursing")
    assert stem("audit") == stem("audits") == stem("auditing")
    assert stem("program") == stem("programs") == stem("programming")
    assert stem("business") == stem("businesses")
    assert "the" not in tokens("the patients", bigrams=False)


# --- Narrowing: job zones, leaving one's field, paging --------------------------------------


def test_head_nouns_are_the_job_names_of_a_title():
    assert head_nouns(
        "Secondary School Teachers, Except Special and Career/Technical Education"
    ) == {"teachers"}
    assert head_nouns("Art, Drama, and Music Teachers, Postsecondary") == {"teachers"}
    assert head_nouns("Accountants and Auditors") == {"accountants", "auditors"}
    assert head_nouns("Tutors") == {"tutors"}


def test_the_same_family_is_the_minor_group_or_the_same_name_in_the_major_group():
    teacher = ("25-2031.00", "Secondary School Teachers, Except Special Education")
    assert same_family(*teacher, "25-2021.00", "Elementary School Teachers")
    assert same_family(*teacher, "25-1121.00", "Art, Drama, and Music Teachers, Postsecondary")
    assert not same_family(*teacher, "25-9031.00", "Instructional Coordinators")
    assert not same_family(*teacher, "13-1151.00", "Training and Development Specialists")
    social = ("21-1021.00", "Child, Family, and School Social Workers")
    assert not same_family(*social, "47-2061.00", "Construction Laborers and Workers")


def test_leaving_the_field_leaves_out_the_family_and_keeps_the_order(index):
    everywhere = codes(pathways(index, Source(codes=(REGISTERED,)), top=20))
    away = codes(
        pathways(index, Source(codes=(REGISTERED,)), top=20, narrowing=Narrowing(leave_family=True))
    )
    assert PRACTITIONER in everywhere and PRACTITIONER not in away  # 29-1, like the source
    assert PRACTICAL in everywhere and PRACTICAL not in away  # nurses too, in 29-2
    assert away == [c for c in everywhere if c not in {PRACTITIONER, PRACTICAL}]


def test_job_zones_filter_before_ranking(index):
    everywhere = pathways(index, Source(codes=(REGISTERED,)), top=20)
    in_four = pathways(
        index, Source(codes=(REGISTERED,)), top=20, narrowing=Narrowing(job_zones=frozenset({4}))
    )
    assert codes(in_four) == [p.code for p in everywhere if p.job_zone == 4]


def test_an_offset_pages_through_the_same_ranking(index):
    source = Source(codes=(REGISTERED,))
    first = codes(pathways(index, source, top=4))
    assert codes(pathways(index, source, top=2, narrowing=Narrowing(offset=2))) == first[2:4]
    assert pathways(index, source, top=2, narrowing=Narrowing(offset=10_000)) == ()
