"""The pathways and interest-matching pages, over the mini O*NET release."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from headway.accounts.models import User
from headway.accounts.services import user_signup
from headway.onet import pathways, search
from headway.onet.explore_views import interest_matches, interests_url, zone_change_words
from tests.helpers import PASSWORD
from tests.onet.fixtures import (
    ACCOUNTANT,
    DATA_SCIENTIST,
    NURSE,
    SOFTWARE_DEVELOPER,
    TEACHER,
    UX_DESIGNER,
    load_mini,
)

PATHWAYS = reverse("occupation_pathways")
INTERESTS = reverse("occupation_interests")
# Investigative and Artistic first: the UX designers' own shape.
PROFILE = {
    "realistic": 1,
    "investigative": 6,
    "artistic": 5,
    "social": 3,
    "enterprising": 2,
    "conventional": 2,
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
def person(db: None) -> User:
    return user_signup(email="cleo@example.com", name="Cleo", password=PASSWORD, verified=True)


@pytest.fixture
def browser(person: User) -> Client:
    client = Client()
    client.force_login(person)
    return client


def _page(browser: Client, url: str, params: dict[str, object] | None = None) -> str:
    response = browser.get(url, params or {})
    assert response.status_code == 200
    return response.content.decode()


def _results(html: str) -> list[str]:
    """Occupation codes in the order the results list shows them."""
    section = html.split('id="results-h"', 1)[1] if 'id="results-h"' in html else ""
    return re.findall(r'<h3><a href="/occupations/([0-9.-]+)/\?', section)


def _result(html: str, code: str) -> str:
    """The part of the results list about one occupation."""
    for item in html.split('<div class="result-head">')[1:]:
        if item.lstrip().startswith(f'<h3><a href="/occupations/{code}/'):
            return item.split("</ol>")[0]
    raise AssertionError(f"{code} is not among the results")


# --- pathways --------------------------------------------------------------------------------


def test_pathways_page_starts_with_an_empty_form(mini: None, browser: Client) -> None:
    html = _page(browser, PATHWAYS)
    assert "<h1>Where could my work lead?</h1>" in html
    assert '<label for="occupation-1">Job title or O*NET code</label>' in html
    assert html.count('name="occupation"') == 3  # up to three past occupations
    assert html.count('name="skill_') == 8 and html.count('name="level_') == 8
    assert '<optgroup label="Working with people">' in html
    assert ">Programming</option>" in html
    assert "4 · Considerable preparation" in html
    assert "How this works" in html
    assert 'aria-current="page">Occupations</a>' in html  # the nav stays on Occupations
    assert _results(html) == []


def test_a_past_occupation_in_ones_own_words_leads_to_pathways(mini: None, browser: Client) -> None:
    html = _page(browser, PATHWAYS, {"occupation": ["nurse", "", ""]})
    # What was understood, with a way to take it out again.
    assert "<strong>Registered Nurses</strong>" in html
    assert f"{NURSE} · from “nurse”" in html
    assert f'<input type="hidden" name="occupation" value="{NURSE}">' in html
    assert 'href="?">Remove<span class="sr-only"> Registered Nurses</span></a>' in html
    assert html.count('type="text" id="occupation-') == 2  # room for two more

    codes = _results(html)
    assert NURSE not in codes  # never where the person already is
    assert {ACCOUNTANT, TEACHER, UX_DESIGNER, SOFTWARE_DEVELOPER} <= set(codes)
    accountant = _result(html, ACCOUNTANT)
    assert "Closeness" in accountant
    assert "Needs more preparation: job zone 3 → 4" in accountant
    assert "Shared interests: Investigative and Conventional" in accountant
    assert "What transfers" in accountant and "<li>Reading Comprehension</li>" in accountant
    # The biggest gap first, with the level the work needs and the nurse's own.
    gaps = accountant.split("Gaps to close first", 1)[1]
    assert re.search(
        r"Economics and Accounting</span> <span class=\"small muted\">\(knowledge\): "
        r"level 5\.\d needed, yours 0\.\d",
        gaps,
    )
    assert gaps.index("Economics and Accounting") < gaps.index("Mathematics")
    assert "Which of these gaps would you enjoy closing" in accountant  # an open question
    assert "should" not in html.split('id="results-h"')[1]


def test_results_lead_to_their_occupation_page_and_back(mini: None, browser: Client) -> None:
    html = _page(browser, PATHWAYS, {"occupation": "nurse", "zone": "4"})
    link = re.search(rf'href="(/occupations/{ACCOUNTANT}/\?[^"]+)"', html)
    assert link is not None
    url = html_lib.unescape(link.group(1))
    back = parse_qs(urlsplit(url).query)["back"][0]
    assert back == f"{PATHWAYS}?occupation={NURSE.replace('.', '.')}&zone=4"
    page = _page(browser, url)
    assert "<h1>Accountants and Auditors</h1>" in page
    assert f'href="{html_lib.escape(back)}">← Back to the pathways</a>' in page


def test_an_occupation_code_is_understood_too(mini: None, browser: Client) -> None:
    html = _page(browser, PATHWAYS, {"occupation": "29-1141"})  # the .00 may be left off
    assert "<strong>Registered Nurses</strong>" in html
    assert "from “29-1141”" in html
    assert _results(html)


def test_another_reading_of_a_title_can_be_chosen(mini: None, browser: Client) -> None:
    html = _page(browser, PATHWAYS, {"occupation": "specialist"})
    assert "<strong>Data Scientists</strong>" in html
    assert "also called Data Analytics Specialist" in html
    assert "Not the one you meant?" in html
    assert f'<a href="?occupation={UX_DESIGNER}">Web and Digital Interface Designers</a>' in html


def test_removing_one_occupation_keeps_the_rest(mini: None, browser: Client) -> None:
    html = _page(browser, PATHWAYS, {"occupation": ["nurse", "teacher"], "zone": ["3", "4"]})
    assert f"?occupation={TEACHER}&amp;zone=3&amp;zone=4" in html  # removes the nurse
    assert f"?occupation={NURSE}&amp;zone=3&amp;zone=4" in html  # removes the teacher
    codes = _results(html)
    assert NURSE not in codes and TEACHER not in codes


def test_unknown_occupation_text_says_what_to_try(mini: None, browser: Client) -> None:
    html = _page(browser, PATHWAYS, {"occupation": ["nurse", "astronaut"]})
    assert "No occupation matches “astronaut”" in html
    assert "Try another name people use for the work" in html
    assert 'value="astronaut" maxlength="200"' in html
    assert 'aria-invalid="true" aria-describedby="occupation-1-error"' in html
    assert "<strong>Registered Nurses</strong>" in html  # what was understood stays
    assert _results(html) == []


def test_unknown_occupation_code(mini: None, browser: Client) -> None:
    html = _page(browser, PATHWAYS, {"occupation": "99-9999.99"})
    assert "No occupation has the code 99-9999.99" in html
    assert _results(html) == []


def test_an_empty_form_asks_for_somewhere_to_start(mini: None, browser: Client) -> None:
    html = _page(browser, PATHWAYS, {"occupation": ["", "", ""], "skill_1": "", "level_1": ""})
    assert "Enter work you have done, or rate a few of your skills" in html
    assert 'class="form-errors" role="alert"' in html
    assert _results(html) == []


def test_up_to_three_past_occupations(mini: None, browser: Client) -> None:
    html = _page(browser, PATHWAYS, {"occupation": [NURSE, TEACHER, ACCOUNTANT, UX_DESIGNER]})
    assert "Up to three past occupations: remove one to add another." in html
    assert _results(html) == []


@pytest.mark.parametrize(
    "params, message",
    [
        ({"skill_1": "2.B.3.e", "level_1": "9"}, "Choose a level from 1 to 7."),
        ({"skill_1": "2.B.3.e", "level_1": "0"}, "Choose a level from 1 to 7."),
        ({"skill_1": "2.B.3.e", "level_1": "many"}, "Choose a level from 1 to 7."),
        ({"skill_1": "2.B.3.e"}, "Choose your level in Programming."),
        ({"level_1": "5"}, "Choose the skill this level is for."),
        ({"skill_1": "9.Z.9", "level_1": "5"}, "Choose a skill from the list."),
        (
            {"skill_1": "2.B.3.e", "level_1": "5", "skill_2": "2.B.3.e", "level_2": "6"},
            "Programming is in the list already.",
        ),
        ({"occupation": "nurse", "zone": "6"}, "Job zones go from 1 to 5."),
    ],
)
def test_skill_ratings_and_zones_are_checked(
    mini: None, browser: Client, params: dict[str, str], message: str
) -> None:
    html = _page(browser, PATHWAYS, params)
    assert message in html
    assert _results(html) == []
    if "skill_1" in params or "level_1" in params:
        assert '<details class="skills-part" open>' in html  # the errors are not hidden


def test_self_rated_skills_alone_are_a_start(mini: None, browser: Client) -> None:
    html = _page(browser, PATHWAYS, {"skill_1": "2.B.3.e", "level_1": "6"})
    codes = _results(html)
    assert codes[0] == SOFTWARE_DEVELOPER
    assert "<li>Programming</li>" in _result(html, SOFTWARE_DEVELOPER)
    assert "yours come from your own ratings" in html
    assert "selected>6 – advanced</option>" in html  # the form keeps the rating


def test_self_rated_skills_change_the_gaps(mini: None, browser: Client) -> None:
    plain = _result(_page(browser, PATHWAYS, {"occupation": "nurse"}), SOFTWARE_DEVELOPER)
    assert "Programming</span>" in plain.split("Gaps to close first")[1]
    rated = _page(browser, PATHWAYS, {"occupation": "nurse", "skill_1": "2.B.3.e", "level_1": "6"})
    developer = _result(rated, SOFTWARE_DEVELOPER)
    assert "<li>Programming</li>" in developer.split("Gaps to close first")[0]


def test_the_job_zone_filter_keeps_the_zones_chosen(mini: None, browser: Client) -> None:
    everything = _results(_page(browser, PATHWAYS, {"occupation": "teacher"}))
    assert NURSE in everything and DATA_SCIENTIST in everything
    html = _page(browser, PATHWAYS, {"occupation": "teacher", "zone": "3"})
    assert _results(html) == [NURSE]
    assert 'value="3" id="id_zone_2" checked' in html
    assert "Needs less preparation: job zone 4 → 3" in html
    assert _results(_page(browser, PATHWAYS, {"occupation": "teacher", "zone": ["4", "5"]})) == [
        c for c in everything if c != NURSE
    ]
    none = _page(browser, PATHWAYS, {"occupation": "teacher", "zone": "1"})
    assert "No occupations in the job zones you chose" in none
    assert _results(none) == []


def test_occupation_without_ratings_still_has_pathways(mini: None, browser: Client) -> None:
    html = _page(browser, PATHWAYS, {"occupation": DATA_SCIENTIST})
    assert SOFTWARE_DEVELOPER in _results(html)
    assert "Needs less preparation: job zone 5 → 4" in html


def test_zone_change_in_words() -> None:
    assert zone_change_words(4, 1) == "Needs more preparation: job zone 3 → 4"
    assert zone_change_words(3, -2) == "Needs less preparation: job zone 5 → 3"
    assert zone_change_words(4, 0) == "Similar preparation: job zone 4"
    assert zone_change_words(4, None) == "Job zone 4"
    assert zone_change_words(None, None) == ""


# --- interests -------------------------------------------------------------------------------


def test_interests_page_starts_with_six_scales(mini: None, browser: Client) -> None:
    html = _page(browser, INTERESTS)
    assert "<h1>Work that fits your interests</h1>" in html
    for name in ["Realistic", "Investigative", "Artistic", "Social", "Enterprising"]:
        assert f"<legend><strong>{name}</strong>" in html
    assert "ideas, research and working out problems" in html
    assert html.count('type="radio"') == 6 * 7
    assert html.count('type="checkbox" name="zone"') == 5
    assert _results(html) == []


def _matches(html: str) -> list[str]:
    section = html.split('id="results-h"', 1)[1] if 'id="results-h"' in html else ""
    return re.findall(r'<h3><a href="/occupations/([0-9.-]+)/\?', section)


def test_an_interest_profile_finds_matching_occupations(mini: None, browser: Client) -> None:
    html = _page(browser, INTERESTS, PROFILE)
    codes = _matches(html)
    assert codes[0] == UX_DESIGNER
    assert DATA_SCIENTIST in codes
    assert 'Your Holland code is <strong class="code">IAS</strong>' in html
    assert "those that stand out are Investigative and Artistic" in html
    first = html.split(f'href="/occupations/{UX_DESIGNER}/', 1)[1].split("</li>")[0]
    assert "Shared interests: Investigative and Artistic" in first
    assert "Which of these surprise you" in html
    assert (
        'value="6" id="id_investigative_5" required checked' in html
    )  # the form keeps the profile


def test_interest_matches_keep_to_the_job_zones_chosen(mini: None, browser: Client) -> None:
    assert _matches(_page(browser, INTERESTS, {**PROFILE, "zone": "5"})) == [DATA_SCIENTIST]
    three = _matches(_page(browser, INTERESTS, {**PROFILE, "zone": "3"}))
    assert three == [NURSE]
    none = _page(browser, INTERESTS, {**PROFILE, "zone": "1"})
    assert "No occupations in the job zones you chose" in none


@pytest.mark.parametrize(
    "change, message",
    [
        ({"realistic": "9"}, "Rate Realistic from 1 (not at all) to 7 (very much)."),
        ({"social": "0"}, "Rate Social from 1 (not at all) to 7 (very much)."),
        ({"artistic": "4.5"}, "Rate Artistic from 1 (not at all) to 7 (very much)."),
        ({"conventional": ""}, "Rate Conventional from 1 (not at all) to 7 (very much)."),
        (dict.fromkeys(PROFILE, "4"), "All six are rated the same"),
        ({"zone": "0"}, "Job zones go from 1 to 5."),
    ],
)
def test_interest_ratings_are_checked(
    mini: None, browser: Client, change: dict[str, str], message: str
) -> None:
    html = _page(browser, INTERESTS, {**PROFILE, **change})
    assert message in html
    assert _matches(html) == []


def test_an_empty_interests_form_asks_for_each_rating(mini: None, browser: Client) -> None:
    html = _page(browser, INTERESTS, {"show": "matches"})
    assert html.count("from 1 (not at all) to 7 (very much).") == 6
    assert 'aria-describedby="scale-help id_realistic_error"' in html


def test_the_assessment_hook_takes_a_profile(mini: None, browser: Client) -> None:
    found = interest_matches([1.2, 6.4, 5.1, 3.0, 2.2, 2.0])
    assert found.holland_code == "IAS"
    assert found.strongest == ("Investigative", "Artistic")
    assert found.matches[0].code == UX_DESIGNER
    url = interests_url([1.2, 6.4, 5.1, 3.0, 2.2, 2.0], job_zones={4})
    assert url == (
        f"{INTERESTS}?realistic=1&investigative=6&artistic=5&social=3"
        "&enterprising=2&conventional=2&zone=4"
    )
    assert _matches(_page(browser, url))[0] == UX_DESIGNER
    # Raw scores on another scale keep their shape.
    assert interests_url([4, 34, 28, 16, 10, 10]).startswith(
        f"{INTERESTS}?realistic=1&investigative=7&artistic=6&social=3"
    )


# --- both pages ------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [PATHWAYS, INTERESTS])
def test_anonymous_visitors_are_sent_to_log_in(mini: None, url: str) -> None:
    response = Client().get(url, {"occupation": "nurse"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("url, params", [(PATHWAYS, {"occupation": "nurse"}), (INTERESTS, PROFILE)])
def test_without_data_the_calm_page(
    db: None, browser: Client, url: str, params: dict[str, object]
) -> None:
    for query in ({}, params):
        html = _page(browser, url, query)
        assert "The occupation data is not installed yet" in html
        assert "headway onet import PATH" in html
        assert "Everything else in Headway works without it" in html


@pytest.mark.parametrize(
    "url", [PATHWAYS, f"{PATHWAYS}?occupation=nurse", INTERESTS, f"{INTERESTS}?realistic=1"]
)
def test_pages_load_nothing_from_elsewhere_and_run_no_inline_script(
    mini: None, browser: Client, url: str
) -> None:
    html = browser.get(url).content.decode()
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.S)
    # Only our own files (htmx and the base page's scripts), never a script's text inline.
    assert scripts and all("src=" in attrs and not body.strip() for attrs, body in scripts)
    assert not re.search(r"""\ssrc=["']?(https?:)?//""", html)
    assert not re.search(r"""<link\b[^>]*href=["']?(https?:)?//""", html)


def test_the_search_page_leads_to_both(mini: None, browser: Client) -> None:
    html = _page(browser, reverse("occupation_search"))
    assert f'<a href="{PATHWAYS}">Where could my work lead?</a>' in html
    assert f'<a href="{INTERESTS}">Work that fits your interests</a>' in html


def test_pages_in_an_engagement_lead_back_to_the_journey(mini: None, world) -> None:
    e = world.engagement
    client = world.login(world.client)
    html = _page(client, PATHWAYS, {"e": e.pk})
    assert f'href="{reverse("engagement_detail", args=[e.pk])}">← Back to the journey' in html
    assert f'<input type="hidden" name="e" value="{e.pk}">' in html
    assert "How this works" in html  # only the engagement: not yet a search
    found = _page(client, PATHWAYS, {"e": e.pk, "occupation": "nurse"})
    assert re.search(rf'href="/occupations/{ACCOUNTANT}/\?back=[^"]+&amp;e={e.pk}"', found)
    # Someone who may not see the engagement gets the plain page.
    outsider = _page(world.login(world.outsider), INTERESTS, {"e": e.pk})
    assert "← Back to the journey" not in outsider and "← Occupations" in outsider


# --- the occupation page ---------------------------------------------------------------------


def test_occupation_page_shows_where_it_could_lead(mini: None, browser: Client) -> None:
    html = _page(browser, reverse("occupation_detail", args=[NURSE]))
    lead = html.split('id="lead-h"', 1)[1].split("</section>", 1)[0]
    assert "Where could this lead?" in html
    related = re.findall(r'<li><a href="/occupations/([0-9.-]+)/">', lead)
    assert len(related) == 5 and NURSE not in related
    assert f'<a href="{PATHWAYS}?occupation={NURSE}">Pathways from here</a>' in lead
    assert '<a href="#lead-h">Where it could lead</a>' in html


def test_occupation_page_follows_only_our_own_back_links(mini: None, browser: Client) -> None:
    url = reverse("occupation_detail", args=[NURSE])
    matches = f"{INTERESTS}?realistic=1"
    assert "← Back to the matches" in _page(browser, url, {"back": matches})
    for elsewhere in ["https://example.com/", "//example.com/occupations/pathways/?x", "/admin/"]:
        assert "← Back to the search" in _page(browser, url, {"back": elsewhere})


# --- leaving one's field, more results, the board -------------------------------------------


def test_leaving_ones_field_hides_its_own_family(mini: None, browser: Client) -> None:
    everything = _results(_page(browser, PATHWAYS, {"occupation": SOFTWARE_DEVELOPER}))
    assert UX_DESIGNER in everything  # 15-1255, a computer occupation like the source
    html = _page(browser, PATHWAYS, {"occupation": SOFTWARE_DEVELOPER, "leave_field": "on"})
    assert _results(html) == [c for c in everything if not c.startswith("15-1")]
    assert 'name="leave_field"' in html and "checked" in html.split('name="leave_field"')[1][:80]
    # The choice carries into the links that lead back to these results.
    assert "leave_field%3Don" in html or "leave_field=on" in html
    assert "Show 10 more" not in html  # fewer than ten to show


def test_a_client_adds_a_pathway_to_the_board_and_comes_back(mini: None, world) -> None:
    e = world.engagement
    client = world.login(world.client)
    params = {"e": e.pk, "occupation": "nurse"}
    html = _page(client, PATHWAYS, params)
    assert "Add to my board" in _result(html, ACCOUNTANT)
    back = f"{PATHWAYS}?e={e.pk}&occupation=nurse#result-1"
    response = client.post(
        reverse("board_add_occupation", args=[e.pk]), {"code": ACCOUNTANT, "next": back}
    )
    assert response.status_code == 302 and response.url == back
    assert e.options.filter(occupation_code=ACCOUNTANT).exists()
    html = _page(client, PATHWAYS, params)
    assert "On your board" in _result(html, ACCOUNTANT)
    assert "“Accountants and Auditors” is on your exploration board." in html
    # Not a way to leave the site.
    elsewhere = client.post(
        reverse("board_add_occupation", args=[e.pk]),
        {"code": NURSE, "next": "https://elsewhere.example/"},
    )
    assert elsewhere.url.startswith("/e/")


def test_only_the_client_is_offered_the_board(mini: None, world) -> None:
    e = world.engagement
    coach_view = _page(world.login(world.owner), PATHWAYS, {"e": e.pk, "occupation": "nurse"})
    assert "Add to my board" not in coach_view
    alone = _page(world.login(world.client), PATHWAYS, {"occupation": "nurse"})
    assert "Add to my board" not in alone  # no journey in view, no board to add to


# --- the form starts from what the journey already says ------------------------------------


def test_the_form_starts_from_the_intake_role_and_the_skills_results(mini: None, world) -> None:
    from django.utils import timezone

    from headway.discovery.models import Assessment, Kind
    from headway.engagements.models import Intake

    e = world.engagement
    Intake.objects.update_or_create(
        engagement=e,
        defaults={"current_role": "Elementary teacher", "submitted_at": timezone.now()},
    )
    Assessment.objects.create(
        engagement=e,
        kind=Kind.SKILLS,
        completed_at=timezone.now(),
        result={"pathway_skills": [{"element_id": "2.B.1.a", "level": 6}]},
    )
    client = world.login(world.client)
    html = _page(client, PATHWAYS, {"e": e.pk})
    assert 'name="occupation" value="Elementary teacher"' in html
    assert "From the intake: “Elementary teacher”, read as <strong>Elementary School" in html
    assert re.search(r'<option value="2.B.1.a" selected>', html)
    assert re.search(r'<option value="6" selected>', html)
    assert "Filled in from the latest motivated skills results" in html
    assert "How this works" in html  # filled in, not yet run
    # The coach sees results only the client shares.
    Assessment.objects.update(shared_with_coach=False)
    coach_view = _page(world.login(world.owner), PATHWAYS, {"e": e.pk})
    assert 'value="Elementary teacher"' in coach_view
    assert '<option value="2.B.1.a" selected>' not in coach_view
    # A search sent keeps what was sent, not the journey's defaults.
    sent = _page(client, PATHWAYS, {"e": e.pk, "occupation": "nurse"})
    assert 'value="Elementary teacher"' not in sent


def test_a_draft_intake_is_not_read(mini: None, world) -> None:
    from headway.engagements.models import Intake

    e = world.engagement
    Intake.objects.update_or_create(
        engagement=e, defaults={"current_role": "Elementary teacher", "submitted_at": None}
    )
    html = _page(world.login(world.client), PATHWAYS, {"e": e.pk})
    assert "Elementary teacher" not in html


def test_ten_more_with_htmx_are_only_the_new_rows(mini: None, browser: Client) -> None:
    full = _page(browser, PATHWAYS, {"occupation": "nurse", "shown": 20})
    assert 'id="pathway-results"' in full and 'id="show-more"' in full
    response = browser.get(
        PATHWAYS, {"occupation": "nurse", "shown": 20}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "<h1>" not in html and "<ol" not in html
    # The mini release has fewer than twenty: the rows after the first ten, numbered on.
    rows = re.findall(r'<li id="result-(\d+)">', html)
    assert rows == [str(n) for n in range(11, 11 + len(rows))]
    assert '<p id="show-more" hx-swap-oob="outerHTML">' in html


def test_adding_to_the_board_with_htmx_answers_in_place(mini: None, world) -> None:
    e = world.engagement
    client = world.login(world.client)
    html = _page(client, PATHWAYS, {"e": e.pk, "occupation": "nurse"})
    assert f'hx-post="{reverse("board_add_occupation", args=[e.pk])}"' in _result(html, ACCOUNTANT)
    response = client.post(
        reverse("board_add_occupation", args=[e.pk]),
        {"code": ACCOUNTANT},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    answer = response.content.decode()
    assert (
        "On your board" in answer and "“Accountants and Auditors” is on your exploration" in answer
    )
    assert "<h1>" not in answer
    assert e.options.filter(occupation_code=ACCOUNTANT).exists()


@pytest.mark.parametrize("shown", ["abc", "-5", "999", "9" * 5000, "²", "25"])
def test_a_hand_edited_count_still_shows_results(mini: None, browser: Client, shown: str) -> None:
    html = _page(browser, PATHWAYS, {"occupation": "nurse", "shown": shown})
    assert _results(html)  # the search runs; the count is read as the nearest sensible one
