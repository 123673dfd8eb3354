"""Career exploration over the API: search, occupation profiles, related occupations,
pathways and interest matching, on the mini O*NET release."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from headway.onet import pathways, search
from tests.api.support import send, session_client, token_client
from tests.onet.fixtures import (
    ALL_OTHER,
    DATA_SCIENTIST,
    NURSE,
    SOFTWARE_DEVELOPER,
    UX_DESIGNER,
    load_mini,
)

NO_DATA = "No O*NET data is imported yet: run `headway onet import PATH`."
PROFILE = [2, 5, 3, 6, 3, 2]  # Social, then Investigative

# (method, path, body): one good call of each resource.
CALLS: list[tuple[str, str, dict[str, Any] | None]] = [
    ("get", "/api/occupations?q=nurse", None),
    ("get", f"/api/occupations/{NURSE}", None),
    ("get", f"/api/occupations/{NURSE}/related", None),
    ("post", "/api/pathways", {"from": [NURSE]}),
    ("post", "/api/interests/match", {"profile": PROFILE}),
]
PATHS = {
    "/api/occupations",
    "/api/occupations/{code}",
    "/api/occupations/{code}/related",
    "/api/pathways",
    "/api/interests/match",
}


@pytest.fixture(autouse=True)
def _fresh_indexes() -> Iterator[None]:
    search.clear_cache()
    pathways.clear_cache()
    yield
    search.clear_cache()
    pathways.clear_cache()


@pytest.fixture
def mini(db: None) -> None:
    load_mini()


@pytest.fixture
def api(world, mini) -> Client:
    """A client of the engagement, signed in."""
    return session_client(world.client)


def _error(response: Any, status: int) -> str:
    assert response.status_code == status, response.content
    detail: str = response.json()["detail"]
    return detail


# --- who may call ------------------------------------------------------------------------


@pytest.mark.parametrize("method, path, body", CALLS)
def test_anonymous_is_401(world, mini, method, path, body):
    assert send(session_client(None), method, path, body).status_code == 401


@pytest.mark.parametrize("role", ["owner", "colleague", "outsider", "client", "other_client"])
def test_anyone_signed_in_may_read(world, mini, role):
    client = session_client(getattr(world, role))
    for method, path, body in CALLS:
        assert send(client, method, path, body).status_code == 200, (role, path)


def test_a_token_works_without_csrf(world, mini):
    client, _ = token_client(world.outsider, enforce_csrf_checks=True)
    for method, path, body in CALLS:
        assert send(client, method, path, body).status_code == 200, path


def test_a_session_post_needs_the_csrf_token(world, mini):
    client = session_client(world.client, enforce_csrf=True)
    response = send(client, "post", "/api/interests/match", {"profile": PROFILE})
    assert "CSRF" in _error(response, 403)


def test_a_bad_token_is_401(world, mini):
    client = Client(headers={"Authorization": "Bearer nope"})
    assert send(client, "get", "/api/occupations?q=nurse").status_code == 401


# --- before any O*NET release ------------------------------------------------------------


@pytest.mark.parametrize("method, path, body", CALLS)
def test_without_data_every_resource_is_503(world, method, path, body):
    response = send(session_client(world.client), method, path, body)
    assert response.status_code == 503
    assert response.json() == {"detail": NO_DATA}


def test_the_503_is_documented(db):
    schema = json.loads(Client().get("/api/openapi.json").content)
    for path in PATHS:
        for method, operation in schema["paths"][path].items():
            documented = operation["responses"]["503"]
            assert documented["description"] == "No O*NET release is imported yet.", (method, path)
            example = documented["content"]["application/json"]["example"]
            assert example == {"detail": NO_DATA}
            assert "401" in operation["responses"]


# --- search ------------------------------------------------------------------------------


def test_search_finds_an_occupation_by_its_title(api):
    body = send(api, "get", "/api/occupations?q=%20Registered%20nurses%20").json()
    assert body["query"] == "Registered nurses" and body["total"] == 1
    assert body["results"] == [
        {
            "code": NURSE,
            "title": "Registered Nurses",
            "job_zone": 3,
            "matched_title": None,
            "match": "exact",
        }
    ]


def test_search_names_the_other_title_that_matched(api):
    [hit] = send(api, "get", "/api/occupations?q=UX%20Researcher").json()["results"]
    assert hit["code"] == UX_DESIGNER
    assert hit["title"] == "Web and Digital Interface Designers"
    assert hit["matched_title"] == "UX Researcher" and hit["match"] == "exact"
    assert hit["job_zone"] == 4


def test_search_forgives_a_typo_and_keeps_to_the_limit(api):
    [hit] = send(api, "get", "/api/occupations?q=nurce").json()["results"]
    assert hit["code"] == NURSE and hit["match"] == "fuzzy"
    [hit] = send(api, "get", "/api/occupations?q=nurses").json()["results"]
    assert hit["code"] == NURSE and hit["match"] == "words"
    many = send(api, "get", "/api/occupations?q=s&limit=2").json()
    assert len(many["results"]) == 2
    # An occupation without a job zone says so.
    [other] = send(api, "get", "/api/occupations?q=computer%20occupations").json()["results"]
    assert other["code"] == ALL_OTHER and other["job_zone"] is None


@pytest.mark.parametrize(
    "query, words",
    [
        ("", "`q` is empty"),
        ("?q=", "`q` is empty"),
        ("?q=%20%20", "`q` is empty"),
        ("?q=" + "a" * 201, "at most 200 characters"),
        ("?q=nurse&limit=0", "`limit` is a number from 1 to 100; 0 is not"),
        ("?q=nurse&limit=101", "`limit` is a number from 1 to 100; 101 is not"),
    ],
)
def test_search_says_what_is_wrong(api, query, words):
    assert words in _error(send(api, "get", f"/api/occupations{query}"), 400)


# --- one occupation ----------------------------------------------------------------------


def test_an_occupation_profile(api):
    body = send(api, "get", f"/api/occupations/{NURSE}").json()
    assert body["code"] == NURSE and body["title"] == "Registered Nurses"
    assert body["description"].startswith("Assess patient health problems")
    assert "RN" in body["also_called"]
    zone = body["job_zone"]
    assert zone["number"] == 3 and zone["name"] == "Job Zone Three: Medium Preparation Needed"
    assert zone["label"] == "Medium preparation needed"

    interests = body["interests"]
    assert [i["letter"] for i in interests["scores"]] == list("RIASEC")
    assert interests["holland_code"] == "SIC"
    assert {i["letter"] for i in interests["scores"] if i["high"]} == set("SIC")
    assert all(1 <= i["value"] <= 7 for i in interests["scores"])

    for section in ("skills", "knowledge", "abilities"):
        rated = body[section]
        assert rated, section
        importance = [r["importance"] for r in rated]
        assert importance == sorted(importance, reverse=True), section
        assert all(r["element_id"] and 1 <= r["importance"] <= 5 for r in rated)
        assert all(r["level"] is None or 0 <= r["level"] <= 7 for r in rated)
    assert body["skills"][0]["element_id"] == "2.B.1.a"  # Social Perceptiveness
    assert body["skills"][0]["name"] == "Social Perceptiveness"
    medicine = next(k for k in body["knowledge"] if k["name"] == "Medicine and Dentistry")
    assert medicine["element_id"] == "2.C.5.a"

    values = [v["value"] for v in body["work_values"]]
    assert len(values) == 6 and values == sorted(values, reverse=True)
    assert body["work_styles"] and all("impact" in s for s in body["work_styles"])
    assert body["tasks"][0]["core"] is True
    core = [t["core"] for t in body["tasks"]]
    assert core == sorted(core, reverse=True)  # core tasks first
    assert body["technology"]["count"] >= 2 and body["technology"]["groups"]
    assert body["typical_education"] == body["education"][0]
    assert body["typical_education"]["percent"] > 0
    assert len(body["interview_questions"]) >= 3
    assert all(q.endswith("?") for q in body["interview_questions"])


def test_an_occupation_without_data_leaves_the_sections_empty(api):
    scientist = send(api, "get", f"/api/occupations/{DATA_SCIENTIST}").json()
    assert scientist["skills"] == scientist["knowledge"] == scientist["abilities"] == []
    assert scientist["work_values"] == [] and scientist["typical_education"] is None
    assert len(scientist["interests"]["holland_code"]) == 3
    other = send(api, "get", f"/api/occupations/{ALL_OTHER}").json()
    assert other["interests"] is None and other["job_zone"] is None and other["tasks"] == []
    assert other["interview_questions"]


def test_an_unknown_code_is_404(api):
    assert send(api, "get", "/api/occupations/99-9999.99").status_code == 404
    assert send(api, "get", "/api/occupations/99-9999.99/related").status_code == 404


# --- related occupations -----------------------------------------------------------------


def test_related_occupations(api):
    body = send(api, "get", f"/api/occupations/{NURSE}/related?top=3").json()
    assert body["code"] == NURSE and body["title"] == "Registered Nurses" and body["job_zone"] == 3
    related = body["related"]
    assert 1 <= len(related) <= 3
    assert NURSE not in {r["code"] for r in related}
    scores = [r["score"] for r in related]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    for r in related:
        assert r["question"].endswith("?")
        if r["job_zone"] is not None:
            assert r["job_zone_change"] == r["job_zone"] - 3
        assert all(
            {"element_id", "name", "level", "target_level"} <= set(t) for t in r["transfers"]
        )


@pytest.mark.parametrize("top", [0, 51])
def test_related_checks_top(api, top):
    response = send(api, "get", f"/api/occupations/{NURSE}/related?top={top}")
    assert f"`top` is a number from 1 to 50; {top} is not" in _error(response, 400)


# --- pathways ----------------------------------------------------------------------------


def test_pathways_from_the_nurse_code_show_the_gaps(api):
    response = send(api, "post", "/api/pathways", {"from": [NURSE], "top": 5})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["source"] == {
        "codes": [NURSE],
        "titles": ["Registered Nurses"],
        "skills": None,
        "interests": None,
        "holland_code": None,
        "job_zones": None,
        "exclude_family": False,
    }
    related = body["related"]
    assert related and NURSE not in {r["code"] for r in related}
    with_gaps = [r for r in related if r["gaps"]]
    assert with_gaps
    for gap in (g for r in with_gaps for g in r["gaps"]):
        assert gap["target_level"] > gap["level"] and gap["size"] > 0
        assert gap["domain"] in {"skill", "knowledge", "ability"}
    accountants = next(r for r in related if r["code"] == "13-2011.00")
    assert "Economics and Accounting" in {g["name"] for g in accountants["gaps"]}
    assert accountants["job_zone_change"] == 1


def test_pathways_keep_to_the_job_zones_asked_for(api):
    everywhere = send(api, "post", "/api/pathways", {"from": [NURSE]}).json()["related"]
    assert {r["job_zone"] for r in everywhere} > {4}
    body = send(api, "post", "/api/pathways", {"from": [NURSE], "job_zones": [4], "top": 2}).json()
    assert body["source"]["job_zones"] == [4]
    assert len(body["related"]) == 2
    assert {r["job_zone"] for r in body["related"]} == {4}
    in_four = [r["code"] for r in everywhere if r["job_zone"] == 4]
    assert [r["code"] for r in body["related"]] == in_four[:2]  # the best of that zone


def test_pathways_page_on_with_an_offset(api):
    first = send(api, "post", "/api/pathways", {"from": [NURSE], "top": 6}).json()["related"]
    page = send(api, "post", "/api/pathways", {"from": [NURSE], "top": 3, "offset": 3}).json()
    assert [r["code"] for r in page["related"]] == [r["code"] for r in first[3:6]]


def test_pathways_can_leave_the_source_field(api):
    source = {"from": [SOFTWARE_DEVELOPER], "top": 20}
    everywhere = send(api, "post", "/api/pathways", source).json()["related"]
    assert any(r["code"].startswith("15-12") for r in everywhere)  # computer occupations
    body = send(api, "post", "/api/pathways", {**source, "exclude_family": True}).json()
    assert body["source"]["exclude_family"] is True
    kept = [r["code"] for r in everywhere if not r["code"].startswith("15-1")]
    assert kept and [r["code"] for r in body["related"]] == kept


def test_pathways_from_self_rated_skills_and_interests(api):
    payload = {
        "skills": {"Programming": 6, "2.A.1.a": 5},
        "interests": [3, 6, 2, 1, 2, 5],
        "top": 3,
    }
    body = send(api, "post", "/api/pathways", payload).json()
    assert body["source"]["skills"] == {"Programming": 6.0, "2.A.1.a": 5.0}
    assert body["source"]["interests"] == [3.0, 6.0, 2.0, 1.0, 2.0, 5.0]
    assert body["source"]["holland_code"] == "ICR"
    assert body["source"]["codes"] == []
    assert body["related"][0]["code"] == SOFTWARE_DEVELOPER


@pytest.mark.parametrize(
    "payload, words",
    [
        ({}, "Give past occupations (`from`), `skills` or `interests`"),
        ({"from": [NURSE, "99-9999.99"]}, "No occupation has the code '99-9999.99'."),
        ({"skills": {"Juggling": 3}}, "No skill, knowledge area or ability is called 'Juggling'."),
        ({"skills": {"Programming": 9}}, "Skill levels are 0 to 7: 'Programming' is 9."),
        ({"skills": {"2.A.1.a": -1}}, "'2.A.1.a' is -1"),
        ({"interests": [1, 2, 3]}, "`interests` is six numbers in RIASEC order"),
        ({"interests": [4] * 6}, "All six interests are rated the same"),
        ({"from": [NURSE], "job_zones": [0, 6]}, "Job zones are 1 to 5, so not 0 or 6."),
        ({"from": [NURSE], "job_zones": []}, "`job_zones` is empty"),
        ({"from": [NURSE], "top": 0}, "`top` is a number from 1 to 50; 0 is not"),
        ({"from": [NURSE], "top": 51}, "`top` is a number from 1 to 50; 51 is not"),
        ({"from": [NURSE], "offset": -1}, "`offset` counts from 0."),
    ],
)
def test_pathways_say_what_is_wrong(api, payload, words):
    assert words in _error(send(api, "post", "/api/pathways", payload), 400)


# --- interest matching -------------------------------------------------------------------


def test_interest_matches_say_why(api):
    response = send(api, "post", "/api/interests/match", {"profile": PROFILE, "top": 3})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["profile"] == [float(v) for v in PROFILE]
    assert body["holland_code"] == "SIA"
    assert body["high_points"] == ["Social", "Investigative"]
    assert body["high_points_text"] == "Social and Investigative"
    assert body["job_zones"] is None
    matches = body["matches"]
    assert len(matches) == 3
    assert matches[0]["code"] == NURSE
    assert matches[0]["shared_interests"] == ["Social", "Investigative"]
    assert matches[0]["why"] == "Shared interests: Social and Investigative"
    scores = [m["score"] for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(m["why"] and m["holland_code"] for m in matches)


def test_interest_matches_keep_to_the_job_zones_asked_for(api):
    body = send(
        api, "post", "/api/interests/match", {"profile": PROFILE, "job_zones": [4, 5]}
    ).json()
    assert body["job_zones"] == [4, 5]
    assert body["matches"] and {m["job_zone"] for m in body["matches"]} <= {4, 5}
    assert NURSE not in {m["code"] for m in body["matches"]}


@pytest.mark.parametrize(
    "payload, words",
    [
        ({"profile": [1, 2, 3, 4, 5]}, "`profile` is six numbers in RIASEC order"),
        ({"profile": [3] * 6}, "All six interests are rated the same"),
        ({"profile": PROFILE, "job_zones": [9]}, "Job zones are 1 to 5, so not 9."),
        ({"profile": PROFILE, "top": 0}, "`top` is a number from 1 to 100; 0 is not"),
    ],
)
def test_interest_matching_says_what_is_wrong(api, payload, words):
    assert words in _error(send(api, "post", "/api/interests/match", payload), 400)
