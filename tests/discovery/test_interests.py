"""The interests inventory through the generic assessment views: paging, autosave, finishing,
the result page and its link to occupations, and what changes between two takes."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.urls import reverse

from headway.core.assessments.riasec_inventory import PAGES, STATEMENTS
from headway.discovery.kinds import interests
from headway.discovery.models import Assessment, Kind
from headway.discovery.services import assessment_complete, assessment_start
from tests.helpers import World

# Likes people and persuading them; does not care for order or tools.
LEANING = {"R": 1, "I": 3, "A": 4, "S": 5, "E": 4, "C": 2}


def all_ratings(leaning: dict[str, int] = LEANING) -> dict[str, int]:
    return {s.key: leaning[s.letter] for s in STATEMENTS}


def qd(data: dict[str, object]) -> QueryDict:
    q = QueryDict(mutable=True)
    for k, v in data.items():
        q[k] = str(v)
    return q


def started(world: World) -> Assessment:
    return assessment_start(engagement=world.engagement, by=world.client, kind=Kind.INTERESTS)


def urls(a: Assessment) -> tuple[str, str, str]:
    args = [a.engagement_id, a.kind, a.pk]
    return (
        a.get_absolute_url(),
        reverse("assessment_save", args=args),
        reverse("assessment_complete", args=args),
    )


# --- apply and score --------------------------------------------------------------------------


def test_apply_merges_one_page_without_losing_the_others():
    responses = interests.apply({}, qd({"rate-r01": 5, "rate-i01": 2, "step": "1"}))
    responses = interests.apply(responses, qd({"rate-a03": "4", "csrfmiddlewaretoken": "x"}))
    assert responses == {"ratings": {"r01": 5, "i01": 2, "a03": 4}}
    again = interests.apply(responses, qd({"rate-r01": 3}))
    assert again["ratings"]["r01"] == 3 and again["ratings"]["a03"] == 4
    assert responses["ratings"]["r01"] == 5  # the old responses are not mutated


@pytest.mark.parametrize(
    "field,value", [("rate-r01", "6"), ("rate-r01", "like"), ("rate-zz9", "3")]
)
def test_apply_refuses_what_the_form_cannot_send(field, value):
    with pytest.raises(ValidationError):
        interests.apply({}, qd({field: value}))


@pytest.mark.parametrize(
    "responses,words",
    [
        ([], "ratings"),
        ({}, "ratings"),
        ({"ratings": "all of them"}, "object"),
        ({"ratings": {"x99": 3}}, "Unknown statement keys"),
        ({"ratings": {"r01": "5"}}, "whole numbers"),
        ({"ratings": {"r01": True}}, "whole numbers"),
        ({"ratings": {"r01": 4}}, "59 of the 60"),
    ],
)
def test_score_names_what_is_wrong_with_api_shaped_responses(responses, words):
    with pytest.raises(ValidationError) as exc:
        interests.score(responses)
    assert words in " ".join(exc.value.messages)


def test_score_gives_the_documented_shape():
    result = interests.score({"ratings": all_ratings()})
    assert result["code"] == "SAE" and result["order"].startswith("SAE")
    assert result["ties"] == ["AE"]
    assert set(result["scores"]) == set("RIASEC") and result["scores"]["S"] == 100
    assert result["answered"] == result["total"] == 60
    assert result["consistency"] == "adjacent" and result["flat"] is False
    assert all(q.endswith("?") for q in result["questions"])
    assert interests.headline(result) == "Holland code SAE"


def test_changes_name_the_code_and_the_biggest_moves():
    before = interests.score({"ratings": all_ratings()})
    after = interests.score({"ratings": all_ratings({**LEANING, "I": 5, "E": 2})})
    lines = interests.changes(before, after)
    assert lines[0] == "Your Holland code changed from SAE to ISA."
    assert "Investigative rose from 50 to 100." in lines
    assert "Enterprising fell from 75 to 25." in lines
    assert interests.changes({"reflection": "old"}, after) == []


# --- the pages --------------------------------------------------------------------------------


def test_the_client_pages_through_autosaves_and_finishes(world):
    a = started(world)
    page_url, save_url, complete_url = urls(a)
    client = world.login(world.client)

    page = client.get(page_url).content.decode()
    assert "Page 1 of 5" in page and PAGES[0][0].text in page and PAGES[1][0].text not in page
    assert 'hx-post="' + save_url in page

    # htmx autosave of one answer: a small fragment, nothing else changes
    response = client.post(save_url, {"step": "1", "rate-r01": "5"}, headers={"HX-Request": "true"})
    assert response.status_code == 200 and b"Saved" in response.content
    a.refresh_from_db()
    assert a.responses == {"ratings": {"r01": 5}} and a.started_at is not None

    # without JavaScript "Next page" posts the page and goes on
    response = client.post(save_url, {"step": "1", "goto": "2", "rate-i01": "2"})
    assert response.status_code == 302 and response.url == f"{page_url}?step=2"
    page = client.get(response.url).content.decode()
    assert "Page 2 of 5" in page and "2 of 60 answered" in page

    # finishing too early says how many are left and where, and keeps everything
    response = client.post(complete_url, {"step": "5"}, follow=True)
    assert "58 of the 60 activities are still unanswered" in response.content.decode()
    a.refresh_from_db()
    assert not a.is_completed and len(a.responses["ratings"]) == 2

    ratings = all_ratings()
    last = {f"rate-{s.key}": ratings[s.key] for s in STATEMENTS[:-3]}
    client.post(save_url, {"step": "4", **last})
    response = client.post(complete_url, {"step": "5"})
    a.refresh_from_db()
    assert response.status_code == 302 and response.url == page_url
    assert a.is_completed and a.result["answered"] == 57


def test_an_htmx_save_with_a_bad_value_says_so(world):
    a = started(world)
    _, save_url, _ = urls(a)
    client = world.login(world.client)
    response = client.post(save_url, {"rate-r01": "9"}, headers={"HX-Request": "true"})
    assert response.status_code == 422 and b"Not saved" in response.content


def test_the_result_page_shows_chart_table_code_and_the_occupations_link(world):
    a = started(world)
    a.responses = {"ratings": all_ratings()}
    a.save()
    assessment_complete(assessment=a, by=world.client)
    page = world.login(world.client).get(a.get_absolute_url()).content.decode()
    assert "<svg" in page and '<table class="radar-table">' in page
    assert "SAE" in page and "Social" in page and "What your three letters stand for" in page
    assert "A and E are tied" in page
    assert "Questions to explore" in page
    start = page.index("/occupations/interests/?")
    link = page[start : page.index('"', start)].replace("&amp;", "&")
    query = parse_qs(urlsplit(link).query)
    assert query["social"] == ["7"] and query["realistic"] == ["1"]
    assert query["e"] == [str(world.engagement.pk)]
    # the coach sees the shared result too, with the same link
    coach_page = world.login(world.owner).get(a.get_absolute_url()).content.decode()
    assert "See occupations that fit this profile" in coach_page


def test_a_flat_profile_raises_a_question_and_offers_no_matching(world):
    a = started(world)
    a.responses = {"ratings": {s.key: 3 for s in STATEMENTS}}
    a.save()
    assessment_complete(assessment=a, by=world.client)
    assert a.result is not None and a.result["flat"] is True
    page = world.login(world.client).get(a.get_absolute_url()).content.decode()
    assert "fairly even" in page and "See occupations that fit" not in page


def test_the_history_lists_what_changed(world):
    client = world.login(world.client)
    for leaning in (LEANING, {**LEANING, "I": 5, "E": 2}):
        a = started(world)
        a.responses = {"ratings": all_ratings(leaning)}
        a.save()
        assessment_complete(assessment=a, by=world.client)
    page = client.get(reverse("discovery_kind", args=[world.engagement.pk, "interests"]))
    text = page.content.decode()
    assert "Your Holland code changed from SAE to ISA." in text
    assert text.count("<svg") == 2


def test_an_old_result_shape_does_not_break_the_page(world):
    a = started(world)
    a.responses = {"ratings": all_ratings()}
    a.save()
    assessment_complete(assessment=a, by=world.client)
    Assessment.objects.filter(pk=a.pk).update(result={"reflection": "from a placeholder"})
    page = world.login(world.client).get(a.get_absolute_url())
    assert page.status_code == 200 and "earlier form" in page.content.decode()
