"""Strengths through the generic assessment views: rate, choose five, reflect, add outside
results, finish; the result page and what changes between two takes."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.urls import reverse

from headway.core.assessments.strengths import STRENGTHS
from headway.discovery.kinds import strengths
from headway.discovery.models import Assessment, Kind
from headway.discovery.services import assessment_complete, assessment_start
from tests.helpers import World

TOP = ["curiosity", "listening", "follow_through", "storytelling", "humour"]
VIA = """1. Kindness
2. Love
3. Honesty
4. Fairness
5. Teamwork
6. Zestiness
7. Gratitude
8. Hope
9. Humour
10. Leadership
11. Bravery
12. Prudence
13. Judgement
14. Perspective
15. Forgiveness
16. Humility
17. Perseverance
18. Social Intelligence
19. Self-Regulation
20. Spirituality
21. Love of Learning
22. Appreciation of Beauty & Excellence
23. Creativity
24. Curiosity"""


def ratings(high: list[str] = TOP) -> dict[str, int]:
    return {s.key: 5 if s.key in high else 2 for s in STRENGTHS}


def qd(pairs: list[tuple[str, str]]) -> QueryDict:
    q = QueryDict(mutable=True)
    for k, v in pairs:
        q.appendlist(k, v)
    return q


def started(world: World) -> Assessment:
    return assessment_start(engagement=world.engagement, by=world.client, kind=Kind.STRENGTHS)


def urls(a: Assessment) -> tuple[str, str, str]:
    args = [a.engagement_id, a.kind, a.pk]
    return (
        a.get_absolute_url(),
        reverse("assessment_save", args=args),
        reverse("assessment_complete", args=args),
    )


# --- apply and score --------------------------------------------------------------------------


def test_apply_merges_each_step_and_keeps_the_rest():
    r = strengths.apply({}, qd([("step", "rate"), ("rate-curiosity", "5"), ("rate-focus", "3")]))
    r = strengths.apply(r, qd([("top_sent", "1"), ("top", "curiosity"), ("top", "focus")]))
    r = strengths.apply(r, qd([("reflect-curiosity", "  At the library. ")]))
    r = strengths.apply(r, qd([("via", "Curiosity\nHope"), ("clifton", "")]))
    assert r == {
        "ratings": {"curiosity": 5, "focus": 3},
        "top": ["curiosity", "focus"],
        "reflections": {"curiosity": "At the library."},
        "via": "Curiosity\nHope",
        "clifton": "",
    }
    # unticking every box is a top-five post too; a ratings post leaves the top five alone
    assert strengths.apply(r, qd([("top_sent", "1")]))["top"] == []
    assert strengths.apply(r, qd([("rate-focus", "4")]))["top"] == ["curiosity", "focus"]
    assert "curiosity" not in strengths.apply(r, qd([("reflect-curiosity", " ")]))["reflections"]


@pytest.mark.parametrize(
    "pairs",
    [
        [("rate-curiosity", "0")],
        [("rate-nonsense", "3")],
        [("reflect-nonsense", "text")],
        [("top_sent", "1"), ("top", "nonsense")],
        [("top_sent", "1"), *[("top", s.key) for s in STRENGTHS[:6]]],
    ],
)
def test_apply_refuses_what_the_form_cannot_send(pairs):
    with pytest.raises(ValidationError):
        strengths.apply({}, qd(pairs))


@pytest.mark.parametrize(
    "responses,words",
    [
        ("text", "object"),
        ({"ratings": []}, '"ratings" must be an object'),
        ({"ratings": {"curiosity": 5}}, "Rate every strength first: 24 still to rate"),
        ({"ratings": ratings(), "top": "curiosity"}, '"top" must be a list'),
        ({"ratings": ratings(), "top": TOP[:3]}, "you have chosen 3"),
        ({"ratings": ratings(), "top": [*TOP[:4], "focus"]}, "Focus is not among"),
        ({"ratings": ratings(), "top": TOP, "reflections": ["x"]}, '"reflections" must be'),
        ({"ratings": ratings(), "top": TOP, "via": ["Hope"]}, '"via" must be text'),
    ],
)
def test_score_names_what_is_wrong_with_api_shaped_responses(responses, words):
    with pytest.raises(ValidationError) as exc:
        strengths.score(responses)
    assert words in " ".join(exc.value.messages)


def test_score_gives_the_documented_shape():
    result = strengths.score(
        {
            "ratings": ratings(),
            "top": TOP,
            "reflections": {"curiosity": "Reading the manual first.", "focus": "dropped"},
            "clifton": "1. Learner\n2. Input\n3. Intellection\n4. Empathy\n5. Harmony",
            "via": VIA,
        }
    )
    assert [p["key"] for p in result["top"]] == TOP
    assert result["top"][0]["reflection"] == "Reading the manual first."
    assert result["top"][0]["question"].startswith("Curiosity:")
    assert [t["key"] for t in result["themes"]] == [
        "thinking",
        "relating",
        "doing",
        "influencing",
        "adapting",
    ]
    assert result["clifton"] == ["Learner", "Input", "Intellection", "Empathy", "Harmony"]
    assert result["via"][5] == {"rank": 6, "name": "Zestiness", "known": False, "theme": ""}
    assert result["via"][8]["name"] == "Humor"
    questions = " ".join(result["questions"])
    assert "You chose Curiosity" in questions  # VIA ranks it last
    assert "CliftonStrengths" in questions
    assert strengths.headline(result).startswith("Top five: Curiosity, Listening")


def test_changes_name_what_came_in_and_went_out():
    before = strengths.score({"ratings": ratings(), "top": TOP})
    now_top = [*TOP[:4], "focus"]
    after = strengths.score({"ratings": ratings(now_top + ["humour"]), "top": now_top})
    assert strengths.changes(before, after) == [
        "New in your top five: Focus.",
        "No longer in your top five: Humour.",
    ]
    assert strengths.changes(before, before) == ["Your top five is the same as before."]
    assert strengths.changes({"reflection": "old"}, after) == []


# --- the pages --------------------------------------------------------------------------------


def test_the_client_goes_through_the_steps_without_javascript(world):
    a = started(world)
    page_url, save_url, complete_url = urls(a)
    client = world.login(world.client)
    page = client.get(page_url).content.decode()
    assert "How much is each of these you?" in page and "Calm under pressure" in page

    rate = {f"rate-{k}": str(v) for k, v in ratings().items()}
    response = client.post(save_url, {"step": "rate", "goto": "top", **rate})
    assert response.url == f"{page_url}?step=top"
    page = client.get(response.url).content.decode()
    assert "Choose your top five" in page and 'value="humour"' in page
    assert 'value="focus"' not in page  # rated 2: not offered

    response = client.post(
        save_url, {"step": "top", "goto": "reflect", "top_sent": "1", "top": TOP}
    )
    page = client.get(response.url).content.decode()
    assert "Humour: which recent difficulty did it carry you through" in page

    client.post(save_url, {"step": "reflect", "reflect-humour": "The move, last spring."})
    response = client.post(
        complete_url, {"step": "outside", "via": VIA, "clifton": "Learner, Input"}
    )
    a.refresh_from_db()
    assert response.url == page_url and a.is_completed and a.result is not None
    assert a.result["top"][4]["reflection"] == "The move, last spring."

    page = client.get(page_url).content.decode()
    assert "Your top five" in page and "The move, last spring." in page
    assert "<svg" in page and "Average rating by theme" in page
    assert "Zestiness" in page and "not a VIA name we recognise" in page
    assert "Learner" in page


def test_finishing_early_says_what_is_missing_and_keeps_everything(world):
    a = started(world)
    _, save_url, complete_url = urls(a)
    client = world.login(world.client)
    client.post(save_url, {"step": "rate", "rate-curiosity": "5"})
    response = client.post(complete_url, {"step": "outside", "via": "Hope"}, follow=True)
    assert "Rate every strength first" in response.content.decode()
    a.refresh_from_db()
    assert a.responses["via"] == "Hope" and a.responses["ratings"] == {"curiosity": 5}


def test_a_sixth_tick_is_not_saved_and_says_why(world):
    a = started(world)
    _, save_url, _ = urls(a)
    response = world.login(world.client).post(
        save_url,
        {"step": "top", "top_sent": "1", "top": [s.key for s in STRENGTHS[:6]]},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 422 and b"Choose five at most" in response.content


def test_the_outside_step_shows_how_a_pasted_list_was_read(world):
    a = started(world)
    page_url, save_url, _ = urls(a)
    client = world.login(world.client)
    client.post(save_url, {"step": "outside", "via": "1. Curiosity\n2. Zestiness\n3) humour"})
    page = client.get(f"{page_url}?step=outside").content.decode()
    assert "Read as: 1. Curiosity, 2. Zestiness (not a VIA name we recognise), 3. Humor." in page


def test_the_coach_reads_a_shared_result_and_the_history_compares(world):
    for top in (TOP, [*TOP[:4], "focus"]):
        a = started(world)
        a.responses = {"ratings": ratings([*top, "humour"]), "top": top}
        a.save()
        assessment_complete(assessment=a, by=world.client)
    coach = world.login(world.owner)
    page = coach.get(reverse("discovery_kind", args=[world.engagement.pk, "strengths"]))
    text = page.content.decode()
    assert "New in your top five: Focus." in text and text.count("<svg") == 2
    assert coach.get(a.get_absolute_url()).status_code == 200
