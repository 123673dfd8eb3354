"""Replies: the coach writes under a check-in, a goal, a step or a shared result; the client
reads it there and answers; each hears by email that the other wrote, never what."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from headway.checkins.services import checkin_add
from headway.discovery.models import Kind
from headway.discovery.services import (
    assessment_complete,
    assessment_set_sharing,
    assessment_start,
)
from headway.engagements.models import EngagementStatus
from headway.engagements.services import engagement_set_status
from headway.goals.services import goal_create, step_add
from headway.privacy.services import account_erase, account_export_json
from headway.replies.models import Reply, Target
from headway.replies.services import reply_add
from tests.discovery.test_values import complete_responses
from tests.helpers import World
from tests.smtp import Mailbox, mailbox, smtp_server  # noqa: F401


def _values_result(world: World):  # type: ignore[no-untyped-def]
    a = assessment_start(engagement=world.engagement, by=world.client, kind=Kind.VALUES)
    a.responses = complete_responses()
    a.save()
    return assessment_complete(assessment=a, by=world.client)


def test_the_coach_replies_to_a_check_in_the_client_answers_each_told_without_the_words(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    django_capture_on_commit_callbacks,
) -> None:
    e = world.engagement
    check_in = checkin_add(engagement=e, by=world.client, energy=3, obstacles="worried I'll stall")
    coach = world.login(world.owner)
    url = reverse("reply", args=[e.pk, Target.CHECK_IN, check_in.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = coach.post(url, {"text": "That sounds hard. What would help this week?"})
    assert response.status_code == 302 and response.url.endswith(f"#checkin-{check_in.pk}")
    to_client = mailbox.wait_for(world.client.email)
    assert "Olivia Owner wrote about the check-in of" in to_client.body
    assert "What would help" not in to_client.body and "stall" not in to_client.body

    client = world.login(world.client)
    page = client.get(reverse("checkins", args=[e.pk])).content.decode()
    assert "That sounds hard. What would help this week?" in page and "Your answer" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"text": "A call with Ana on Thursday."})
    to_coach = mailbox.wait_for(world.owner.email)
    assert "Ana" not in to_coach.body
    page = coach.get(reverse("checkins", args=[e.pk])).content.decode()
    assert page.index("What would help") < page.index("A call with Ana on Thursday.")
    assert [r.text for r in Reply.objects.filter(check_in=check_in)] == [
        "That sounds hard. What would help this week?",
        "A call with Ana on Thursday.",
    ]
    with connection.cursor() as cursor:  # encrypted at rest, like the check-in
        cursor.execute("SELECT text FROM replies_reply")
        assert all("Ana" not in row[0] for row in cursor.fetchall())


def test_a_conversation_under_a_goal_and_under_one_of_its_steps(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    django_capture_on_commit_callbacks,
) -> None:
    e = world.engagement
    goal = goal_create(engagement=e, by=world.client, text="Two informational interviews by May")
    step = step_add(goal=goal, by=world.client, title="Write to Ana at the museum")
    other = step_add(goal=goal, by=world.client, title="List five people")
    coach = world.login(world.owner)
    page_url = reverse("goal_detail", args=[e.pk, goal.pk])
    page = coach.get(page_url).content.decode()
    assert "Your reply to Cleo Client" in page and "Write to Cleo Client about this step" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = coach.post(
            reverse("reply", args=[e.pk, Target.GOAL, goal.pk]),
            {"text": "Which of the two feels easier to start?"},
        )
    assert response.url == page_url + "#conversation"
    assert "wrote about a goal" in mailbox.wait_for(world.client.email).body
    mailbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = coach.post(
            reverse("reply", args=[e.pk, Target.STEP, step.pk]), {"text": "Ana sounds keen."}
        )
    assert response.url == page_url + f"#step-{step.pk}"
    body = mailbox.wait_for(world.client.email, subject="a step").body
    assert "wrote about a step of a goal's plan" in body and "Ana" not in body

    client = world.login(world.client)
    page = client.get(page_url).content.decode()
    assert "Which of the two feels easier to start?" in page and "Ana sounds keen." in page
    assert "Conversation about this step" in page
    client.post(reverse("reply", args=[e.pk, Target.STEP, step.pk]), {"text": "She wrote back!"})
    assert [r.text for r in Reply.objects.filter(step=step)] == [
        "Ana sounds keen.",
        "She wrote back!",
    ]
    assert not Reply.objects.filter(step=other).exists()
    # The client answers; a conversation is the coach's to start.
    assert "Write to Cleo Client" not in page


def test_a_shared_result_has_a_conversation_and_a_private_one_is_not_there_for_the_coach(
    world: World,
) -> None:
    e = world.engagement
    result = _values_result(world)
    coach = world.login(world.owner)
    url = reverse("reply", args=[e.pk, Target.RESULT, result.pk])
    response = coach.post(url, {"text": "Security at the top: what does it protect?"})
    assert response.url == result.get_absolute_url() + "#conversation"
    client = world.login(world.client)
    page = client.get(result.get_absolute_url()).content.decode()
    assert "Security at the top: what does it protect?" in page and "Your answer" in page

    assessment_set_sharing(assessment=result, by=world.client, shared=False)
    assert coach.post(url, {"text": "Hello?"}).status_code == 404
    assert coach.get(result.get_absolute_url()).status_code == 404
    with pytest.raises(ValidationError, match="not shared with you"):
        reply_add(about=result, by=world.owner, text="Hello?")
    # The client keeps the conversation they had, and may still answer in it.
    client.post(url, {"text": "Thinking about it."})
    assert Reply.objects.filter(assessment=result).count() == 2


def test_a_reply_needs_words_the_right_people_and_an_open_engagement(world: World) -> None:
    e = world.engagement
    check_in = checkin_add(engagement=e, by=world.client, energy=6)
    with pytest.raises(ValidationError, match="Write a few words"):
        reply_add(about=check_in, by=world.owner, text="   ")
    with pytest.raises(ValidationError, match="up to 2000 characters"):
        reply_add(about=check_in, by=world.owner, text="x" * 2001)
    with pytest.raises(ValidationError, match="Only the client and their coach"):
        reply_add(about=check_in, by=world.colleague, text="Hello")
    coach = world.login(world.owner)
    response = coach.post(
        reverse("reply", args=[e.pk, Target.CHECK_IN, check_in.pk]), {"text": " "}, follow=True
    )
    assert "Write a few words before sending." in response.content.decode()
    engagement_set_status(engagement=e, by=world.owner, status=EngagementStatus.CONCLUDED)
    check_in.refresh_from_db()
    with pytest.raises(ValidationError, match="concluded"):
        reply_add(about=check_in, by=world.owner, text="Hello")
    assert not Reply.objects.exists()


def test_replies_are_in_the_clients_export_and_go_when_they_erase_their_data(
    world: World,
) -> None:
    check_in = checkin_add(engagement=world.engagement, by=world.client, energy=6)
    goal = goal_create(engagement=world.engagement, by=world.client, text="Two calls a week")
    reply_add(about=check_in, by=world.owner, text="Well done on the call.")
    reply_add(about=goal, by=world.client, text="Thank you, the next one is Friday.")
    exported = str(account_export_json(user=world.client))
    assert "Well done on the call." in exported and "the next one is Friday" in exported
    account_erase(user=world.client, confirm_email=world.client.email)
    assert not Reply.objects.exists()


def test_a_reply_has_exactly_one_thing_it_is_about(world: World) -> None:
    from django.db import IntegrityError, transaction

    check_in = checkin_add(engagement=world.engagement, by=world.client, energy=6)
    goal = goal_create(engagement=world.engagement, by=world.client, text="Two calls a week")
    for targets in ({}, {"check_in": check_in, "goal": goal}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Reply.objects.create(engagement=world.engagement, text="x", **targets)


def test_the_clients_page_lists_where_the_coach_wrote_last(world: World) -> None:
    e = world.engagement
    goal = goal_create(engagement=e, by=world.client, text="Two calls a week")
    check_in = checkin_add(engagement=e, by=world.client, energy=6)
    reply_add(about=goal, by=world.owner, text="Which call first?")
    reply_add(about=check_in, by=world.owner, text="Well done")
    client = world.login(world.client)
    url = reverse("engagement_detail", args=[e.pk])
    page = client.get(url).content.decode()
    goal_page = reverse("goal_detail", args=[e.pk, goal.pk]) + "#conversation"
    assert "From your coach" in page
    assert f'<a href="{goal_page}">Olivia wrote about a goal</a>' in page
    assert "Olivia wrote about the check-in of" in page
    assert "Which call first?" not in page  # the words stay where they were written
    reply_add(about=goal, by=world.client, text="Ana's")
    page = client.get(url).content.decode()
    assert "Olivia wrote about a goal" not in page and "wrote about the check-in" in page
    coach_page = world.login(world.owner).get(url).content.decode()
    assert "From your coach" not in coach_page
