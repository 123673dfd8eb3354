"""The exploration board: the client's options, conversations and experiments; the coach comments."""

from __future__ import annotations

import pytest
from django.urls import reverse

from headway.engagements.models import EngagementStatus
from headway.engagements.services import engagement_set_status
from headway.exploration.models import MAX_ACTIVE_OPTIONS, Comment, Experiment, Option
from headway.exploration.services import option_add
from headway.onet.models import Occupation
from tests.helpers import World


@pytest.fixture
def nurse(db) -> Occupation:
    return Occupation.objects.create(
        code="29-1141.00", title="Registered Nurses", description="Assess patient health problems."
    )


def board_url(world: World) -> str:
    return reverse("board", args=[world.engagement.pk])


def test_client_adds_options_in_own_words_and_from_an_occupation(world, nurse):
    client = world.login(world.client)
    response = client.post(board_url(world), {"title": "Start my own business"})
    option = Option.objects.get(engagement=world.engagement, title="Start my own business")
    assert response.status_code == 302 and response.url == option.get_absolute_url()
    response = client.post(
        reverse("board_add_occupation", args=[world.engagement.pk]), {"code": nurse.code}
    )
    assert Option.objects.filter(occupation_code=nurse.code, title="Registered Nurses").exists()
    page = client.get(board_url(world)).content.decode()
    assert "Start my own business" in page and "Registered Nurses" in page


def test_an_occupation_is_on_the_board_once(world, nurse):
    client = world.login(world.client)
    url = reverse("board_add_occupation", args=[world.engagement.pk])
    client.post(url, {"code": nurse.code})
    response = client.post(url, {"code": nurse.code}, follow=True)
    assert "already on your board" in response.content.decode()
    assert Option.objects.filter(occupation_code=nurse.code).count() == 1


def test_unknown_occupation_code_is_404(world):
    client = world.login(world.client)
    url = reverse("board_add_occupation", args=[world.engagement.pk])
    assert client.post(url, {"code": "99-9999.99"}).status_code == 404


def test_the_board_holds_at_most_five_active_options(world):
    for i in range(MAX_ACTIVE_OPTIONS):
        option_add(engagement=world.engagement, by=world.client, title=f"Option {i}")
    client = world.login(world.client)
    page = client.get(board_url(world)).content.decode()
    assert "set one aside" in page
    response = client.post(board_url(world), {"title": "One too many"})
    assert "set one aside to make room" in response.content.decode()
    assert not Option.objects.filter(title="One too many").exists()
    # Setting one aside makes room; bringing it back needs room again.
    first = Option.objects.get(title="Option 0")
    client.post(
        reverse("option_set_aside", args=[world.engagement.pk, first.pk]), {"reason": "Pay"}
    )
    first.refresh_from_db()
    assert first.set_aside_at is not None and first.set_aside_reason == "Pay"
    client.post(board_url(world), {"title": "Teach at a college"})
    response = client.post(
        reverse("option_set_aside", args=[world.engagement.pk, first.pk]),
        {"restore": "1"},
        follow=True,
    )
    assert "set another option aside first" in response.content.decode()


def test_research_notes_and_what_resonates_are_saved_and_the_coach_reads_them(world):
    option = option_add(engagement=world.engagement, by=world.client, title="UX research")
    url = reverse("board_option", args=[world.engagement.pk, option.pk])
    client = world.login(world.client)
    client.post(url, {"duties": "Interviews, usability tests", "resonates": "Listening to people"})
    option.refresh_from_db()
    assert option.duties == "Interviews, usability tests" and option.research_done() == 1
    coach = world.login(world.owner)
    page = coach.get(url).content.decode()
    assert "Listening to people" in page and 'name="duties"' not in page  # read-only for the coach
    assert coach.post(url, {"duties": "changed by coach"}).status_code == 403
    option.refresh_from_db()
    assert option.duties == "Interviews, usability tests"


def test_client_logs_an_interview_and_an_experiment(world):
    option = option_add(engagement=world.engagement, by=world.client, title="UX research")
    client = world.login(world.client)
    client.post(
        reverse("option_interview", args=[world.engagement.pk, option.pk]),
        {
            "person": "Ana",
            "role": "UX lead, NHS Digital",
            "held_on": "2026-11-20",
            "learned": "Junior pay is lower",
        },
    )
    assert option.interviews.get().person == "Ana"
    response = client.post(
        reverse("option_experiment", args=[world.engagement.pk, option.pk]),
        {
            "kind": "shadowing",
            "description": "A day with a UX team",
            "starts_on": "2026-12-10",
            "ends_on": "2026-12-01",
        },
    )
    assert response.status_code == 200
    assert "end date comes before the start date" in response.content.decode()
    assert not Experiment.objects.exists()
    client.post(
        reverse("option_experiment", args=[world.engagement.pk, option.pk]),
        {"kind": "shadowing", "description": "A day with a UX team", "starts_on": "2026-12-10"},
    )
    assert option.experiments.get().get_kind_display() == "Job shadowing"
    page = client.get(option.get_absolute_url()).content.decode()
    assert "Ana" in page and "A day with a UX team" in page


def test_interview_needs_a_person(world):
    option = option_add(engagement=world.engagement, by=world.client, title="UX research")
    client = world.login(world.client)
    response = client.post(
        reverse("option_interview", args=[world.engagement.pk, option.pk]), {"learned": "Lots"}
    )
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    assert "Lots" in response.content.decode()  # what was typed is kept
    assert not option.interviews.exists()


def test_coach_comments_and_client_replies(world):
    option = option_add(engagement=world.engagement, by=world.client, title="UX research")
    url = reverse("option_comment", args=[world.engagement.pk, option.pk])
    world.login(world.owner).post(url, {"text": "What surprised you most in that conversation?"})
    world.login(world.client).post(url, {"text": "How much research is about listening."})
    assert [c.author for c in Comment.objects.order_by("pk")] == [world.owner, world.client]
    for outsider in (world.colleague, world.outsider, world.other_client):
        assert world.login(outsider).post(url, {"text": "hi"}).status_code == 404
    assert Comment.objects.count() == 2


def test_a_concluded_engagement_keeps_its_board_as_it_was(world):
    option = option_add(engagement=world.engagement, by=world.client, title="UX research")
    engagement_set_status(
        engagement=world.engagement, status=EngagementStatus.CONCLUDED, by=world.owner
    )
    client = world.login(world.client)
    assert client.post(board_url(world), {"title": "Late idea"}).status_code == 403
    url = reverse("board_option", args=[world.engagement.pk, option.pk])
    assert client.post(url, {"duties": "late"}).status_code == 403
    page = client.get(url)
    assert page.status_code == 200 and "Add comment" not in page.content.decode()
    # Its conversation is kept as it was too: neither of them adds to it any more.
    comment_url = reverse("option_comment", args=[world.engagement.pk, option.pk])
    for person in (world.client, world.owner):
        refused = world.login(person).post(comment_url, {"text": "One more thought"})
        assert "kept as they were" in refused.content.decode()
    assert not Comment.objects.exists()


def test_engagement_stage_links_the_board_tool(world):
    from headway.engagements.services import engagement_move_stage

    exploring = world.engagement.model_version.stages.get(key="exploring")
    engagement_move_stage(engagement=world.engagement, to_stage=exploring, by=world.owner)
    page = world.login(world.client).get(world.engagement.get_absolute_url()).content.decode()
    assert board_url(world) in page
