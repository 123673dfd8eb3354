"""Pathways over the database: rows made with the ORM, then the real release when present."""

from __future__ import annotations

import importlib.util
import json
import os
import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from headway.accounts.services import user_signup
from headway.onet import pathways
from headway.onet.models import Domain, Element, JobZone, Occupation, Rating, Release, Scale, Task

REAL = Path(os.environ.get("HEADWAY_ONET_DIR") or Path(__file__).parents[3] / "shared" / "onet")

ELEMENTS = [
    ("2.A.1.a", "Reading Comprehension", Domain.SKILL),
    ("2.A.1.b", "Programming", Domain.SKILL),
    ("2.C.1.a", "Medicine and Dentistry", Domain.KNOWLEDGE),
    ("2.C.1.b", "Computers and Electronics", Domain.KNOWLEDGE),
    ("1.A.1.a", "Oral Comprehension", Domain.ABILITY),
    ("1.A.1.b", "Mathematical Reasoning", Domain.ABILITY),
    *(
        (f"1.B.1.{c}", name, Domain.INTEREST)
        for c, name in zip("abcdef", pathways.RIASEC, strict=True)
    ),
    ("1.B.1.g", "First Interest High-Point", Domain.INTEREST),
    ("1.B.2.a", "Achievement", Domain.WORK_VALUE),
    ("2.A", "Basic Skills", Domain.SKILL),  # a heading: an element, never rated
]

# code, title, zone, {element: (importance, level)}, interests (RIASEC 1-7), tasks
OCCUPATIONS = [
    (
        "29-2061.00",
        "Licensed Practical Nurses",
        3,
        {"2.A.1.a": (4, 4), "2.A.1.b": (1, 0), "2.C.1.a": (4, 4), "2.C.1.b": (2, 2)},
        (2, 3, 1, 7, 2, 3),
        ["Care for patients", "Give medication"],
    ),
    (
        "29-1141.00",
        "Registered Nurses",
        4,
        {"2.A.1.a": (4, 4.5), "2.A.1.b": (1, 0), "2.C.1.a": (5, 6), "2.C.1.b": (2, 2.5)},
        (2, 4, 1, 7, 2, 3),
        ["Care for patients", "Supervise nursing staff"],
    ),
    (
        "15-1252.00",
        "Software Developers",
        4,
        {"2.A.1.a": (4, 4), "2.A.1.b": (5, 5.5), "2.C.1.a": (1, 0), "2.C.1.b": (5, 6)},
        (3, 6, 2, 1, 2, 5),
        ["Write program code", "Design software"],
    ),
    (
        "15-2051.00",
        "Data Scientists",
        4,
        {},  # no skill ratings, as in O*NET 30.1
        (2, 7, 2, 1, 2, 5),
        ["Write program code", "Build statistical models"],
    ),
]


@pytest.fixture
def onet(db):
    pathways.clear_cache()
    for element_id, name, domain in ELEMENTS:
        Element.objects.create(id=element_id, name=name, domain=domain)
    for scale_id, low, high in (("IM", 1, 5), ("LV", 0, 7), ("OI", 1, 7), ("IH", 0, 6)):
        Scale.objects.create(id=scale_id, name=scale_id, minimum=low, maximum=high)
    for number in (3, 4):
        JobZone.objects.create(
            number=number,
            name=f"Job Zone {number}",
            experience="",
            education="",
            training="",
            examples="",
            svp_range="",
        )
    ratings = []
    for code, title, zone, ska, interests, tasks in OCCUPATIONS:
        Occupation.objects.create(code=code, title=title, description="", job_zone_id=zone)
        for element_id, (importance, level) in ska.items():
            ratings.append(
                Rating(occupation_id=code, element_id=element_id, scale_id="IM", value=importance)
            )
            ratings.append(
                Rating(
                    occupation_id=code,
                    element_id=element_id,
                    scale_id="LV",
                    value=level,
                    not_relevant=level == 0,
                )
            )
        for c, value in zip("abcdef", interests, strict=True):
            ratings.append(
                Rating(occupation_id=code, element_id=f"1.B.1.{c}", scale_id="OI", value=value)
            )
        top = max(range(6), key=lambda k: interests[k])
        ratings.append(
            Rating(occupation_id=code, element_id="1.B.1.g", scale_id="IH", value=top + 1)
        )
        for number, text in enumerate(tasks, start=1):
            Task.objects.create(occupation_id=code, task_id=number, text=text, task_type="Core")
    Rating.objects.bulk_create(ratings)
    Release.objects.create(version="30.1", source="test", is_current=True)
    yield
    pathways.clear_cache()


def test_related_for_code_is_json_ready(onet):
    result = pathways.related_for_code("29-2061.00", 3)
    assert json.loads(json.dumps(result)) == result
    assert result["code"] == "29-2061.00"
    assert result["title"] == "Licensed Practical Nurses"
    assert len(result["related"]) == 3
    first = result["related"][0]
    assert first["code"] == "29-1141.00"
    assert {"code", "title", "score", "transfers", "gaps", "job_zone_change"} <= set(first)
    assert 0.0 <= first["score"] <= 1.0
    assert first["job_zone_change"] == 1
    # Registered nurses need Medicine and Dentistry at 6 where practical nurses work at 4.
    assert first["gaps"][0]["name"] == "Medicine and Dentistry"
    assert first["gaps"][0]["size"] == pytest.approx(5 / 5 * (6 - 4))
    assert "Reading Comprehension" in [t["name"] for t in first["transfers"]]
    assert first["shared_interests"] == ["Social"]


def test_unknown_code_is_a_key_error(onet):
    with pytest.raises(KeyError):
        pathways.related_for_code("99-9999.00", 5)


def test_occupations_without_skill_ratings_are_related_and_relate(onet):
    own = pathways.related_for_code("15-2051.00", 1)
    assert own["related"][0]["code"] == "15-1252.00"
    assert own["related"][0]["gaps"] == []
    codes = [r["code"] for r in pathways.related_for_code("15-1252.00", 3)["related"]]
    assert codes[0] == "15-2051.00"


def test_related_all_yields_every_occupation(onet):
    everything = list(pathways.related_all(2))
    assert [r["code"] for r in everything] == sorted(code for code, *_ in OCCUPATIONS)
    assert all(len(r["related"]) == 2 for r in everything)


def test_pathways_for_combines_jobs_skills_and_interests(onet):
    result = pathways.pathways_for(
        ["29-2061.00"], {"Programming": 5.0, "2.C.1.b": 6.0}, (2, 6, 1, 3, 2, 5), 3
    )
    assert json.loads(json.dumps(result)) == result
    assert result["source"]["titles"] == ["Licensed Practical Nurses"]
    assert result["source"]["holland_code"] == "ICS"
    assert "29-2061.00" not in [r["code"] for r in result["related"]]
    with pytest.raises(KeyError):
        pathways.pathways_for([], {"Juggling": 3.0}, None, 3)


def test_match_interests_filters_by_job_zone(onet):
    result = pathways.match_interests((2, 3, 1, 7, 2, 3), {3}, 5)
    assert [m["code"] for m in result["matches"]] == ["29-2061.00"]
    assert result["holland_code"] == "SIC"  # I and C tie: RIASEC order
    assert result["high_points"] == ["Social"]
    assert result["matches"][0]["why"] == "Shared interests: Social"


def test_the_index_follows_the_current_release(onet):
    first = pathways.pathway_index()
    assert pathways.pathway_index() is first  # cached
    Occupation.objects.filter(code="15-2051.00").update(title="Data Scientists (renamed)")
    Release.objects.update(is_current=False)
    Release.objects.create(version="30.2", source="test", is_current=True)
    second = pathways.pathway_index()
    assert second is not first
    assert "Data Scientists (renamed)" in second.data.titles


def test_no_release_is_reported(db):
    pathways.clear_cache()
    with pytest.raises(pathways.NoOnetData):
        pathways.related_for_code("29-2061.00", 3)


# --- The real release ----------------------------------------------------------------------

SANITY = {
    "29-1141.00": ["29-1171.00", "29-2061.00"],  # Registered Nurses: NPs, LPNs
    "13-2011.00": [
        "13-2031.00",
        "13-2061.00",
    ],  # Accountants and Auditors: Budget Analysts, Financial Examiners
    "15-1252.00": ["15-1251.00", "15-1253.00"],  # Software Developers: Programmers, QA
    "25-2021.00": ["25-2022.00"],  # Elementary teachers: Middle school teachers
    "29-2061.00": ["29-1141.00"],  # LPNs: Registered Nurses
}


@pytest.mark.skipif(
    not (REAL / "Occupation Data.txt").exists(),
    reason=f"no O*NET text release at {REAL} (set HEADWAY_ONET_DIR to the real one)",
)
@pytest.mark.skipif(
    importlib.util.find_spec("headway.onet.importer") is None,
    reason="headway.onet.importer is not there yet",
)
def test_real_release_sanity(db):
    from headway.onet.importer import onet_import

    pathways.clear_cache()
    onet_import(source=REAL)
    try:
        for code, expected in SANITY.items():
            found = [r["code"] for r in pathways.related_for_code(code, 10)["related"]]
            missing = [e for e in expected if e not in found]
            assert not missing, f"{code}: {missing} not in top 10 {found}"
        # Without skill ratings, Data Scientists still relate, and are offered.
        scientists = pathways.related_for_code("15-2051.00", 10)["related"]
        assert "15-2041.00" in [r["code"] for r in scientists]  # Statisticians
        statisticians = pathways.related_for_code("15-2041.00", 10)["related"]
        assert "15-2051.00" in [r["code"] for r in statisticians]
        everything = list(pathways.related_all(10))
        assert len(everything) == 1016
        assert all(len(r["related"]) == 10 for r in everything)
    finally:
        pathways.clear_cache()


@pytest.mark.skipif(
    not (REAL / "Occupation Data.txt").exists(),
    reason=f"no O*NET text release at {REAL} (set HEADWAY_ONET_DIR to the real one)",
)
def test_a_teacher_leaving_teaching_sees_routes_out_of_it(db):
    from headway.core.occupations.pathways import Narrowing
    from headway.onet.importer import onet_import

    pathways.clear_cache()
    onet_import(source=REAL)
    try:
        for teacher in ("25-2031.00", "25-2021.00"):  # secondary and elementary school
            away = pathways.pathways_for(
                codes=[teacher], top=20, narrowing=Narrowing(leave_family=True)
            )["related"]
            found = {r["code"]: r for r in away}
            assert not [r["title"] for r in away if "Teachers" in r["title"]]
            for route in ("25-9031.00", "13-1151.00"):  # instructional coordinators, training
                assert route in found, f"{route} not among {sorted(found)}"
                assert found[route]["transfers"], route
                assert found[route]["question"].endswith("?")
        # The page: ten at first, then ten more on request, the first ten unchanged.
        browser = Client()
        browser.force_login(
            user_signup(email="tia@example.com", name="Tia", password="x-x-x-x-x", verified=True)
        )
        url = reverse("occupation_pathways")
        first = browser.get(url, {"occupation": "25-2031.00", "leave_field": "on"})
        html = first.content.decode()
        codes = re.findall(r'<h3><a href="/occupations/([0-9.-]+)/\?', html)
        assert len(codes) == 10 and "Show 10 more" in html
        more = re.search(r'href="\?([^"]+)#result-11">Show 10 more', html)
        assert more is not None
        html = browser.get(url + "?" + more.group(1).replace("&amp;", "&")).content.decode()
        longer = re.findall(r'<h3><a href="/occupations/([0-9.-]+)/\?', html)
        assert len(longer) == 20 and longer[:10] == codes
        # With htmx, only the ten new ones, to append after the first ten.
        added = browser.get(
            url + "?" + more.group(1).replace("&amp;", "&"), headers={"HX-Request": "true"}
        ).content.decode()
        assert re.findall(r'<h3><a href="/occupations/([0-9.-]+)/\?', added) == longer[10:]
        assert re.findall(r'<li id="result-(\d+)">', added) == [str(n) for n in range(11, 21)]
        assert '<h2 id="results-h" class="results-count" hx-swap-oob="outerHTML">' in added
        assert "20 occupations to explore" in added  # the heading counts the new total
    finally:
        pathways.clear_cache()
