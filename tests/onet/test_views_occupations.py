"""Occupation search and occupation pages, on a few occupations made with the ORM."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import reverse

from headway.accounts.models import User
from headway.accounts.services import user_signup
from headway.onet import search
from headway.onet.models import (
    Domain,
    EducationCategory,
    Element,
    JobZone,
    Occupation,
    OccupationTitle,
    Rating,
    Release,
    Scale,
    Task,
    TechnologySkill,
    TitleKind,
)
from tests.helpers import PASSWORD

SOFTWARE = "15-1252.00"
RIASEC = {"Realistic": 3.9, "Investigative": 5.9, "Artistic": 2.3, "Social": 1.9}
RIASEC |= {"Enterprising": 1.9, "Conventional": 5.5}


@pytest.fixture(autouse=True)
def _fresh_index() -> Iterator[None]:
    search.clear_cache()
    yield
    search.clear_cache()


def _element(element_id: str, name: str, domain: Domain, description: str = "") -> Element:
    return Element.objects.create(id=element_id, name=name, domain=domain, description=description)


def _rate(code: str, element: Element, scale: str, value: float, **extra: object) -> None:
    Rating.objects.create(occupation_id=code, element=element, scale_id=scale, value=value, **extra)


@pytest.fixture
def onet(db: None) -> Occupation:
    return build_onet()


def build_onet() -> Occupation:
    """Three occupations; Software Developers with every kind of data the page shows."""
    for scale, low, high in [
        ("IM", 1, 5),
        ("LV", 0, 7),
        ("OI", 1, 7),
        ("EX", 1, 7),
        ("WI", -3, 3),
        ("DR", 0, 10),
        ("RL", 0, 100),
    ]:
        Scale.objects.create(id=scale, name=scale, minimum=low, maximum=high)
    zone = JobZone.objects.create(
        number=4,
        name="Job Zone Four: Considerable Preparation Needed",
        experience="A minimum of two to four years of work-related experience is needed.",
        education="Most of these occupations require a four-year bachelor's degree.",
        training="Employees may need some on-the-job training.",
        examples="Examples include accountants and software developers.",
        svp_range="(7.0 to < 8.0)",
    )
    software = Occupation.objects.create(
        code=SOFTWARE,
        title="Software Developers",
        description="Research, design, and develop computer and network software.",
        job_zone=zone,
    )
    Occupation.objects.create(
        code="29-1141.00",
        title="Registered Nurses",
        description="Assess patient health problems and needs.",
        job_zone=JobZone.objects.create(
            number=3,
            name="Job Zone Three: Medium Preparation Needed",
            experience="-",
            education="-",
            training="-",
            examples="-",
            svp_range="-",
        ),
    )
    Occupation.objects.create(
        code="13-2011.00",
        title="Accountants and Auditors",
        description="Examine, analyze, and interpret accounting records.",
        job_zone=zone,
    )
    for code, title, kind in [
        (SOFTWARE, "Software Engineer", TitleKind.ALTERNATE),
        (SOFTWARE, "Application Developer", TitleKind.REPORTED),
        ("29-1141.00", "Nurse", TitleKind.ALTERNATE),
        ("13-2011.00", "Certified Public Accountant (CPA)", TitleKind.ALTERNATE),
        ("13-2011.00", "CPA", TitleKind.SHORT),
    ]:
        OccupationTitle.objects.create(occupation_id=code, title=title, kind=kind)

    Task.objects.create(
        occupation=software,
        task_id=2,
        text="Modify existing software to correct errors.",
        task_type="Supplemental",
    )
    Task.objects.create(
        occupation=software,
        task_id=3,
        text="Analyze user needs and software requirements.",
        task_type="Core",
    )
    Task.objects.create(
        occupation=software, task_id=4, text="Develop software system testing.", task_type="Core"
    )

    skills = [
        ("2.A.1.a", "Reading Comprehension", 3.6, 4.1),
        ("2.B.3.e", "Programming", 4.6, 5.3),
        ("2.A.2.a", "Critical Thinking", 4.0, 4.4),
    ]
    for element_id, name, importance, level in skills:
        element = _element(element_id, name, Domain.SKILL)
        _rate(SOFTWARE, element, "IM", importance)
        _rate(SOFTWARE, element, "LV", level, recommend_suppress=name == "Reading Comprehension")
    knowledge = _element("2.C.3.a", "Computers and Electronics", Domain.KNOWLEDGE)
    _rate(SOFTWARE, knowledge, "IM", 4.8)
    _rate(SOFTWARE, knowledge, "LV", 5.9)
    ability = _element("1.A.1.a.1", "Oral Comprehension", Domain.ABILITY)
    _rate(SOFTWARE, ability, "IM", 3.9)
    _rate(SOFTWARE, ability, "LV", 4.0, not_relevant=True)
    for letter, (name, value) in zip("abcdef", RIASEC.items(), strict=True):
        _rate(SOFTWARE, _element(f"1.B.1.{letter}", name, Domain.INTEREST), "OI", value)
    independence = _element(
        "1.B.2.f",
        "Independence",
        Domain.WORK_VALUE,
        "Occupations that satisfy this work value allow employees to work on their own.",
    )
    _rate(SOFTWARE, independence, "EX", 6.2)
    _rate(SOFTWARE, _element("1.B.2.e", "Support", Domain.WORK_VALUE), "EX", 4.9)
    detail = _element("1.D.3.b", "Attention to Detail", Domain.WORK_STYLE)
    _rate(SOFTWARE, detail, "WI", 2.7)
    _rate(SOFTWARE, detail, "DR", 5)
    innovation = _element("1.D.1.a", "Innovation", Domain.WORK_STYLE)
    _rate(SOFTWARE, innovation, "WI", 2.5)
    _rate(SOFTWARE, innovation, "DR", 1)
    education = _element("2.D.1", "Required Level of Education", Domain.EDUCATION)
    for category, description, share in [
        (6, "Bachelor's Degree", 84.8),
        (8, "Master's Degree", 4.5),
        (3, "Post-Secondary Certificate - awarded for training completed after high school", 0),
    ]:
        EducationCategory.objects.create(
            element=education, scale_id="RL", category=category, description=description
        )
        _rate(SOFTWARE, education, "RL", share, category=category)
    for example, hot, in_demand in [
        ("Microsoft Excel", False, False),
        ("Python", True, True),
        ("Git", True, False),
    ]:
        TechnologySkill.objects.create(
            occupation=software,
            example=example,
            commodity_code="43232402",
            commodity_title="Development environment software",
            hot=hot,
            in_demand=in_demand,
        )
    Release.objects.create(version="30.1", source="tests", is_current=True)
    return software


@pytest.fixture
def person(db: None) -> User:
    return user_signup(email="cleo@example.com", name="Cleo", password=PASSWORD, verified=True)


@pytest.fixture
def browser(person: User) -> Client:
    client = Client()
    client.force_login(person)
    return client


def _search(browser: Client, query: str) -> str:
    response = browser.get(reverse("occupation_search"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def _results(html: str) -> list[str]:
    """Occupation titles in the order the results list shows them."""
    return re.findall(r'<h3><a href="/occupations/[^"]+">([^<]+)</a></h3>', html)


# --- search --------------------------------------------------------------------------------


def test_search_finds_by_title(onet: Occupation, browser: Client) -> None:
    html = _search(browser, "software developers")
    assert _results(html) == ["Software Developers"]
    assert f'href="/occupations/{SOFTWARE}/?q=software+developers"' in html
    assert "One occupation matches" in html
    assert "Job zone 4: Considerable preparation needed" in html
    assert "Research, design, and develop computer and network software." in html


def test_search_finds_by_alternate_title(onet: Occupation, browser: Client) -> None:
    html = _search(browser, "software engineer")
    assert _results(html) == ["Software Developers"]
    assert "Also called: <strong>Software Engineer</strong>" in html


def test_search_forgives_typos_and_partial_words(onet: Occupation, browser: Client) -> None:
    assert _results(_search(browser, "acountant")) == ["Accountants and Auditors"]
    assert _results(_search(browser, "nurce")) == ["Registered Nurses"]
    assert _results(_search(browser, "soft dev")) == ["Software Developers"]


def test_search_says_when_nothing_matches(onet: Occupation, browser: Client) -> None:
    html = _search(browser, "astronaut")
    assert "No occupation matches “astronaut”" in html
    assert _results(html) == []


def test_search_page_without_a_query_suggests_searches(onet: Occupation, browser: Client) -> None:
    response = browser.get(reverse("occupation_search"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Where to start" in html
    assert 'href="?q=software+developer"' in html
    assert 'aria-current="page">Occupations</a>' in html  # the nav link, current


def test_search_index_follows_a_new_release(onet: Occupation, browser: Client) -> None:
    assert _results(_search(browser, "baker")) == []
    Occupation.objects.create(code="51-3011.00", title="Bakers", description="Mix and bake.")
    Release.objects.update(is_current=False)
    Release.objects.create(version="30.2", source="tests", is_current=True)
    assert _results(_search(browser, "baker")) == ["Bakers"]


def test_without_data_a_calm_page_says_how_to_import(db: None, browser: Client) -> None:
    response = browser.get(reverse("occupation_search"), {"q": "nurse"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "headway onet import PATH" in html
    assert "Everything else in Headway works without it" in html


# --- the occupation page ---------------------------------------------------------------------


def test_occupation_page_shows_every_section(onet: Occupation, browser: Client) -> None:
    response = browser.get(reverse("occupation_detail", args=[SOFTWARE]))
    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        "<h1>Software Developers</h1>",
        "Research, design, and develop computer and network software.",
        "Also called: Application Developer, Software Engineer",  # reported titles first
        "What the work involves",
        "Tasks some people in this work do",
        # interests: the chart, its table for screen readers and the Holland code
        '<svg class="interest-chart"',
        "<caption>Interest ratings, from 1 to 7</caption>",
        'Holland code <strong class="code">ICR</strong>',
        "<strong>Investigative</strong>: ideas, research and working out problems",
        # skills, knowledge and abilities with importance and level
        '<th scope="row">Programming</th>',
        '<span class="num">4.6</span>',
        '<span class="num">5.3</span>',
        "Computers and Electronics",
        "Oral Comprehension",
        "not relevant",  # O*NET marks the level of Oral Comprehension so
        "* An imprecise estimate",  # ... and that of Reading Comprehension as imprecise
        # values, styles, preparation, technology
        "Independence",
        "allow employees to work on their own",
        "Attention to Detail",
        "distinctive",
        "Job zone 4: Considerable preparation needed",
        "Most of these occupations require a four-year bachelor",
        "Bachelor&#x27;s Degree",
        '<span class="num">85%</span>',
        "Python",
        "Questions to take into an informational interview",
        "How much room do you have to decide how you do your work?",
        "Who else would you suggest I talk to?",
        "O*NET 30.1 Database",  # the attribution, with the release
        "creativecommons.org/licenses/by/4.0/",
    ]:
        assert text in html, text
    # Core tasks before supplemental ones; the most important skill first; hot tools first.
    assert html.index("Analyze user needs") < html.index("Modify existing software")
    assert html.index(">Programming<") < html.index(">Critical Thinking<")
    assert html.index(">Reading Comprehension<") > html.index(">Critical Thinking<")
    assert html.index("In demand") < html.index("Python") < html.index("Hot: ")
    assert html.index("Hot: ") < html.index("<li>Git</li>") < html.index("Microsoft Excel")
    assert "Post-Secondary Certificate" not in html  # nobody reported it
    assert "should" not in html.split("Questions to take")[1].split("</ol>")[0]


def test_occupation_page_without_ratings_still_reads_well(
    onet: Occupation, browser: Client
) -> None:
    html = browser.get(reverse("occupation_detail", args=["29-1141.00"])).content.decode()
    assert "O*NET has not rated the skills, knowledge and abilities" in html
    assert "interest-chart" not in html
    assert "Questions to take into an informational interview" in html


def test_occupation_page_leads_back_to_the_search(onet: Occupation, browser: Client) -> None:
    url = reverse("occupation_detail", args=[SOFTWARE])
    html = browser.get(url, {"q": "soft dev"}).content.decode()
    assert '<a href="/occupations/?q=soft+dev">← Back to the search</a>' in html


def test_unknown_code_is_404(onet: Occupation, browser: Client) -> None:
    assert browser.get(reverse("occupation_detail", args=["99-9999.99"])).status_code == 404


@pytest.mark.parametrize(
    "url", [reverse("occupation_search"), reverse("occupation_detail", args=[SOFTWARE])]
)
def test_anonymous_visitors_are_sent_to_log_in(onet: Occupation, url: str) -> None:
    response = Client().get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    "url",
    [
        reverse("occupation_search") + "?q=software",
        reverse("occupation_search"),
        reverse("occupation_detail", args=[SOFTWARE]),
    ],
)
def test_pages_load_nothing_from_elsewhere_and_run_no_inline_script(
    onet: Occupation, browser: Client, url: str
) -> None:
    html = browser.get(url).content.decode()
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.S)
    # htmx and the unsaved-changes guard, from base.html: files of our own, nothing inline.
    assert len(scripts) == 2, scripts
    for attributes, body in scripts:
        assert re.search(r'src="/static/[^"]*\.js"', attributes) and not body.strip()
    assert any("htmx" in attributes for attributes, _ in scripts)
    assert not re.search(r"""\ssrc=["']?(https?:)?//""", html)
    assert not re.search(r"""<link\b[^>]*href=["']?(https?:)?//""", html)


# --- the "Explore occupations" tool of an engagement -----------------------------------------


def test_engagement_tool_searches_within_the_journey(onet: Occupation, world) -> None:
    browser = world.login(world.client)
    url = reverse("engagement_occupations", args=[world.engagement.pk])
    html = browser.get(url, {"q": "nurse"}).content.decode()
    assert f'href="{reverse("engagement_detail", args=[world.engagement.pk])}"' in html
    assert _results(html) == ["Registered Nurses"]
    detail = re.search(r'href="(/occupations/29-1141\.00/[^"]*)"', html)
    assert detail is not None
    page = browser.get(detail.group(1).replace("&amp;", "&")).content.decode()
    assert f'href="{url}?q=nurse">← Back to exploring occupations' in page


def test_engagement_tool_is_hidden_from_others(onet: Occupation, world) -> None:
    url = reverse("engagement_occupations", args=[world.engagement.pk])
    assert world.login(world.outsider).get(url).status_code == 404
    # An engagement id someone may not see is ignored on an occupation page.
    page = world.login(world.outsider).get(
        reverse("occupation_detail", args=[SOFTWARE]), {"e": world.engagement.pk}
    )
    assert "← Back to the search" in page.content.decode()
