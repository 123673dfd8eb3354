from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headway.core.assessments.motivated_skills import (
    ENJOYMENT,
    LEVELS,
    MAX_PATHWAY_SKILLS,
    MIN_RATED,
    ONET_SKILL_IDS,
    ONET_SKILLS,
    PROFICIENCY,
    QUADRANTS,
    NotEnoughRated,
    SkillRating,
    motivated_changes,
    skills_profile,
)

IDS = [s.element_id for s in ONET_SKILLS]
NAMES = {s.element_id: s.name for s in ONET_SKILLS}


def onet(element_id: str, proficiency: str, enjoyment: str) -> SkillRating:
    return SkillRating(NAMES[element_id], proficiency, enjoyment, element_id)


def filler(n: int) -> list[SkillRating]:
    """n skills in the less-central corner, to reach the minimum without changing the story."""
    return [SkillRating(f"Filler {i}", "learning", "happy") for i in range(n)]


def test_the_builtin_list_is_onets_35_skills():
    assert len(ONET_SKILLS) == 35 == len(ONET_SKILL_IDS)
    assert all(s.element_id.startswith(("2.A.", "2.B.")) for s in ONET_SKILLS)
    assert NAMES["2.B.3.e"] == "Programming"
    assert NAMES["2.B.5.b"] == "Management of Financial Resources"
    assert all(0 < len(s.blurb) <= 80 for s in ONET_SKILLS)


def test_levels_stay_on_onets_scale_and_rise_with_proficiency():
    levels = [LEVELS[p] for p in PROFICIENCY]
    assert levels == sorted(levels) and len(set(levels)) == 4
    assert all(0 <= level <= 7 for level in levels)


def test_each_combination_lands_in_its_quadrant():
    assert onet("2.B.3.e", "expert", "love").quadrant == "motivated"
    assert onet("2.B.3.e", "strong", "rather_not").quadrant == "burnout"
    assert onet("2.B.3.e", "learning", "love").quadrant == "growth"
    assert onet("2.B.3.e", "capable", "love").quadrant == "growth"
    assert onet("2.B.3.e", "strong", "happy").quadrant == "steady"
    assert onet("2.B.3.e", "capable", "rather_not").quadrant == "less_central"
    assert onet("2.B.3.e", "learning", "happy").quadrant == "less_central"


def test_unknown_answers_are_refused():
    with pytest.raises(ValueError, match="proficiency"):
        SkillRating("Juggling", "guru", "love")
    with pytest.raises(ValueError, match="enjoyment"):
        SkillRating("Juggling", "expert", "meh")


def test_profile_needs_the_minimum_number_of_rated_skills():
    with pytest.raises(NotEnoughRated, match=f"at least {MIN_RATED} skills.*3 so far"):
        skills_profile(filler(3))
    assert skills_profile(filler(MIN_RATED)).rated == MIN_RATED


def test_profile_sorts_strongest_first_and_feeds_pathways_with_motivated_onet_skills():
    ratings = [
        onet("2.A.1.c", "strong", "love"),  # Writing
        onet("2.B.3.e", "expert", "love"),  # Programming
        onet("2.B.1.e", "strong", "rather_not"),  # Instructing: burnout risk
        onet("2.A.1.d", "learning", "love"),  # Speaking: growth
        SkillRating("Facilitation", "expert", "love"),  # own skill, motivated
        *filler(3),
    ]
    profile = skills_profile(ratings)
    assert [r.name for r in profile.motivated] == ["Facilitation", "Programming", "Writing"]
    assert [r.name for r in profile.quadrant("burnout").skills] == ["Instructing"]
    assert [r.name for r in profile.quadrant("growth").skills] == ["Speaking"]
    # Own skills are not O*NET elements: they are in the quadrants, not in the profile.
    assert profile.pathway_skills == (("2.B.3.e", 6), ("2.A.1.c", 5))
    assert dict(profile.levels) == {"2.B.3.e": 6, "2.A.1.c": 5, "2.B.1.e": 5, "2.A.1.d": 2}


def test_a_skill_named_twice_counts_once():
    ratings = [SkillRating("Facilitation", "expert", "love")] * 2 + filler(MIN_RATED - 1)
    ratings.append(SkillRating("  facilitation ", "learning", "rather_not"))
    profile = skills_profile(ratings)
    assert profile.rated == MIN_RATED
    assert [r.name for r in profile.motivated] == ["Facilitation"]


def test_pathways_get_at_most_eight_skills():
    ratings = [onet(eid, "expert", "love") for eid in IDS[:12]]
    assert len(skills_profile(ratings).pathway_skills) == MAX_PATHWAY_SKILLS


def test_changes_name_what_joined_and_what_left():
    assert motivated_changes(["Writing", "Speaking"], ["Writing", "Programming"]) == [
        "New among your motivated skills: Programming.",
        "No longer among your motivated skills: Speaking.",
    ]
    assert motivated_changes([], ["A", "B", "C"]) == [
        "New among your motivated skills: A, B and C."
    ]
    assert motivated_changes(["Writing"], ["writing"]) == [
        "Your motivated skills are the same as before."
    ]
    assert motivated_changes([], []) == []


# --- properties -------------------------------------------------------------------------------

ratings_strategy = st.lists(
    st.builds(
        SkillRating,
        name=st.sampled_from(IDS).map(NAMES.get) | st.text(min_size=1, max_size=12),
        proficiency=st.sampled_from(list(PROFICIENCY)),
        enjoyment=st.sampled_from(list(ENJOYMENT)),
    ).map(
        lambda r: SkillRating(
            r.name,
            r.proficiency,
            r.enjoyment,
            next((eid for eid, n in NAMES.items() if n == r.name), None),
        )
    ),
    max_size=45,
)


@given(ratings_strategy)
def test_every_rated_skill_is_in_exactly_one_quadrant(ratings):
    profile = skills_profile(ratings, minimum=0)
    placed = [r for q in profile.quadrants for r in q.skills]
    assert len(placed) == profile.rated <= len(ratings)
    assert [q.spec.key for q in profile.quadrants] == [q.key for q in QUADRANTS]
    for q in profile.quadrants:
        assert all(r.quadrant == q.spec.key for r in q.skills)


@given(ratings_strategy)
def test_profile_levels_and_pathways_respect_the_scales(ratings):
    profile = skills_profile(ratings, minimum=0)
    ids = [eid for eid, _ in profile.levels]
    assert len(ids) == len(set(ids)) and set(ids) <= ONET_SKILL_IDS
    assert all(0 <= level <= 7 for _, level in profile.levels)
    assert [lv for _, lv in profile.levels] == sorted(
        (lv for _, lv in profile.levels), reverse=True
    )
    assert len(profile.pathway_skills) <= MAX_PATHWAY_SKILLS
    motivated = {r.element_id for r in profile.motivated}
    assert all(eid in motivated for eid, _ in profile.pathway_skills)
    assert all(
        r.proficiency in {"strong", "expert"} and r.enjoyment == "love" for r in profile.motivated
    )


@given(st.lists(st.text(min_size=1, max_size=10), max_size=8))
def test_a_result_compared_with_itself_has_no_news(names):
    sentences = motivated_changes(names, names)
    assert not any("New" in s or "No longer" in s for s in sentences)


@given(
    st.lists(st.sampled_from(list(NAMES.values())), max_size=8),
    st.lists(st.sampled_from(list(NAMES.values())), max_size=8),
)
def test_changes_mention_every_skill_that_moved(before, after):
    text = " ".join(motivated_changes(before, after))
    for name in set(before) ^ set(after):
        assert name in text
