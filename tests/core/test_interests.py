from __future__ import annotations

import numpy as np
import pytest

from headway.core.occupations.interests import (
    RIASEC,
    describe_interests,
    high_points,
    holland_code,
    match_interests,
    normalise_profile,
)
from headway.core.occupations.similarity import build_index
from tests.core.occupations import occupation_data

NURSES = {"29-2061.00", "29-1141.00", "29-1171.00"}
COMPUTING = {"15-1251.00", "15-1252.00", "15-2051.00"}


@pytest.fixture(scope="module")
def index():
    return build_index(occupation_data())


def test_holland_code_is_the_three_highest_in_order():
    assert holland_code((1, 6, 5, 2, 2, 3)) == "IAC"
    assert holland_code((7, 1, 1, 1, 1, 6.5)) == "RCI"  # ties keep RIASEC order


def test_holland_code_breaks_ties_in_riasec_order():
    assert holland_code((5, 5, 5, 1, 1, 1)) == "RIA"
    assert holland_code((3, 3, 3, 3, 3, 3)) == "RIA"
    assert holland_code((1, 2, 2, 2, 1, 1)) == "IAS"


def test_holland_code_needs_six_numbers():
    with pytest.raises(ValueError):
        holland_code((1, 2, 3))


def test_high_points_are_only_the_interests_above_the_persons_mean():
    assert high_points((1, 7, 1, 1, 1, 1)) == (1,)
    assert high_points((1, 6, 5, 2, 2, 3)) == (1, 2)
    assert high_points((4, 4, 4, 4, 4, 4)) == ()


def test_describe_interests_reads_naturally():
    assert describe_interests([1]) == "Investigative"
    assert describe_interests([1, 2]) == "Investigative and Artistic"
    assert describe_interests([3, 2, 4]) == "Social, Artistic and Enterprising"
    assert describe_interests([]) == ""


def test_normalise_profile_ignores_scale_and_offset():
    a = normalise_profile((1, 6, 5, 2, 2, 3))
    b = normalise_profile((10, 60, 50, 20, 20, 30))
    c = normalise_profile((0.1, 0.6, 0.5, 0.2, 0.2, 0.3))
    assert np.allclose(a, b) and np.allclose(a, c)
    assert a.sum() == pytest.approx(0.0)
    assert np.linalg.norm(a) == pytest.approx(1.0)


@pytest.mark.parametrize("profile", [(1, 2, 3), (3, 3, 3, 3, 3, 3), (1, 2, 3, 4, 5, float("nan"))])
def test_unusable_profiles_are_refused(profile):
    with pytest.raises(ValueError):
        normalise_profile(profile)


def test_a_social_profile_matches_the_nurses_first(index):
    matches = match_interests(index, (2, 3, 1, 7, 2, 3), top=6)
    assert {m.code for m in matches[:3]} == NURSES
    assert all(m.shared == ("Social",) for m in matches[:3])
    assert matches[0].why == "Shared interests: Social"
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_an_investigative_conventional_profile_matches_computing(index):
    matches = match_interests(index, (2, 6, 1, 1, 2, 5), top=3)
    assert {m.code for m in matches} == COMPUTING
    assert matches[0].shared == ("Investigative", "Conventional")
    assert matches[0].why == "Shared interests: Investigative and Conventional"
    assert matches[0].holland_code.startswith("I")


def test_the_scale_of_the_profile_does_not_matter(index):
    small = match_interests(index, (2, 6, 1, 1, 2, 5), top=6)
    large = match_interests(index, (20, 60, 10, 10, 20, 50), top=6)
    assert [m.code for m in small] == [m.code for m in large]


def test_job_zone_filter_keeps_only_allowed_zones(index):
    matches = match_interests(index, (2, 3, 1, 7, 2, 3), job_zones={3, 5}, top=10)
    assert {m.code for m in matches} == {"29-2061.00", "29-1171.00"}
    assert all(m.job_zone in {3, 5} for m in matches)
    assert match_interests(index, (2, 3, 1, 7, 2, 3), job_zones={1}, top=10) == ()


def test_occupations_without_interest_ratings_never_match(index):
    matches = match_interests(index, (2, 6, 1, 1, 2, 5), top=50)
    assert "15-1299.00" not in {m.code for m in matches}
    assert len(matches) == 6


def test_a_match_without_a_shared_high_point_says_so(index):
    matches = match_interests(index, (2, 3, 7, 3, 6, 2), top=6)  # Artistic, Enterprising
    unshared = [m for m in matches if not m.shared]
    assert unshared
    assert unshared[0].why.startswith("A similar overall pattern")


def test_matches_serialise_to_plain_json(index):
    import json

    data = match_interests(index, (2, 3, 1, 7, 2, 3), top=1)[0].to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["shared_interests"] == ["Social"]


def test_riasec_order_matches_onet():
    assert [name[0] for name in RIASEC] == list("RIASEC")
