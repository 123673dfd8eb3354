"""Engagement pages: the coach's dashboard, inviting clients, invitations, and the journey."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from headway.accounts.models import User
from headway.coaching.models import Stage, StageQuestion
from headway.engagements.models import (
    AgreementAcceptance,
    Answer,
    Engagement,
    EngagementKind,
    EngagementStatus,
    Intake,
    Invitation,
)
from headway.engagements.services import (
    agreement_accept,
    answer_save,
    engagement_invite_client,
    engagement_move_stage,
    engagement_set_status,
)
from headway.practices.models import Membership
from tests.helpers import PASSWORD, World, link_token, transition_model, without_tokens


def questions(e: Engagement, stage: Stage | None = None) -> list[StageQuestion]:
    return list((stage or e.stage).questions.order_by("position"))


def stage_at(e: Engagement, position: int) -> Stage:
    return e.model_version.stages.get(position=position)


def invite(world: World, email: str, name: str) -> tuple[Engagement, str]:
    return engagement_invite_client(
        coach=world.owner,
        membership=Membership.objects.get(user=world.owner),
        email=email,
        name=name,
        model=transition_model(),
    )


def messages_of(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(m) for m in response.context["messages"]]


# --- the dashboard -------------------------------------------------------------------------


def dashboard_names(browser: Client, **filters: str) -> list[str]:
    response = browser.get(reverse("dashboard"), filters)
    assert response.status_code == 200
    return [row.engagement.client_name for row in response.context["rows"]]


def test_dashboard_lists_the_coachs_clients_with_stage_and_attention(world: World) -> None:
    invite(world, "nina@example.com", "Nina New")
    response = world.login(world.owner).get(reverse("dashboard"))
    html = without_tokens(response.content)
    assert "Cleo Client" in html and "Nina New" in html
    assert "1. Rapport and setting the stage" in html
    assert "Agreement not accepted yet" in html  # Cleo: the badges that ask for action
    assert "Intake not completed" in html
    assert "Waiting for the client to accept" in html  # Nina: invited
    assert 'class="badge act"' in html
    # Nobody else's clients: not the outsider's, not the self-guided.
    assert "Otto" not in html and "Sam Solo" not in html


def test_dashboard_does_not_list_other_coaches_clients(world: World) -> None:
    for coach in (world.colleague, world.outsider):
        html = without_tokens(world.login(coach).get(reverse("dashboard")).content)
        assert "Cleo" not in html
    assert dashboard_names(world.login(world.colleague)) == []
    assert dashboard_names(world.login(world.outsider)) == ["Otto Other"]


def test_dashboard_filters(world: World) -> None:
    nina, _ = invite(world, "nina@example.com", "Nina New")
    engagement_move_stage(
        engagement=world.engagement, to_stage=stage_at(world.engagement, 2), by=world.owner
    )
    browser = world.login(world.owner)
    assert sorted(dashboard_names(browser)) == ["Cleo Client", "Nina New"]
    # status
    assert dashboard_names(browser, status="invited") == ["Nina New"]
    assert dashboard_names(browser, status="active") == ["Cleo Client"]
    assert dashboard_names(browser, status="concluded") == []
    assert sorted(dashboard_names(browser, status="bogus")) == ["Cleo Client", "Nina New"]
    # stage
    assert dashboard_names(browser, stage="Current career state") == ["Cleo Client"]
    assert dashboard_names(browser, stage="Rapport and setting the stage") == ["Nina New"]
    # q: the name, or the invited address
    assert dashboard_names(browser, q="cleo") == ["Cleo Client"]
    assert dashboard_names(browser, q="nina@") == ["Nina New"]
    # attention: Cleo has things to act on; Nina's invitation is only news
    assert dashboard_names(browser, attention="1") == ["Cleo Client"]
    agreement_accept(
        engagement=world.engagement,
        agreement=world.practice.current_agreement(),  # type: ignore[arg-type]
        by=world.client,
    )
    Intake.objects.create(
        engagement=world.engagement, current_role="Teacher", submitted_at=timezone.now()
    )
    assert dashboard_names(browser, attention="1") == []
    response = browser.get(reverse("dashboard"), {"attention": "1"})
    assert "No client matches these filters." in response.content.decode()
    # a concluded engagement leaves the default list but stays findable
    engagement_set_status(engagement=nina, status=EngagementStatus.CONCLUDED, by=world.owner)
    assert dashboard_names(browser) == ["Cleo Client"]
    assert dashboard_names(browser, status="concluded") == ["Nina New"]


def test_dashboard_is_for_coaches(world: World) -> None:
    assert world.login(world.client).get(reverse("dashboard")).status_code == 404
    response = Client().get(reverse("dashboard"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_home_sends_each_person_where_they_work(world: World) -> None:
    assert world.login(world.owner).get("/").url == reverse("dashboard")
    assert world.login(world.client).get("/").url == reverse("journey")
    landing = Client().get("/")
    assert landing.status_code == 200
    assert reverse("signup") in landing.content.decode()


# --- inviting a client and accepting -----------------------------------------------------------


def test_client_invite_emails_a_link_that_works(
    world: World, django_capture_on_commit_callbacks
) -> None:
    browser = world.login(world.owner)
    assert browser.get(reverse("client_invite")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(
            reverse("client_invite"),
            {
                "name": "Nina New",
                "email": "Nina@Example.com",
                "model": transition_model().pk,
                "message": "Looking forward to working with you.",
            },
        )
    engagement = Engagement.objects.get(invited_email="nina@example.com")
    assert response.status_code == 302
    assert response.url == engagement.get_absolute_url()
    assert engagement.status == EngagementStatus.INVITED and engagement.coach == world.owner
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nina@example.com"]
    assert "Looking forward to working with you." in message.body
    token = link_token(message.body, "invitation")
    page = Client().get(reverse("invitation", args=[token]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Olivia Owner invites you to coaching" in html
    assert "Looking forward to working with you." in html
    assert 'value="nina@example.com"' in html  # the sign-up form knows who is invited


def test_client_invite_refuses_a_second_open_engagement(world: World) -> None:
    response = world.login(world.owner).post(
        reverse("client_invite"),
        {"name": "Cleo", "email": "cleo@example.com", "model": transition_model().pk},
    )
    assert response.status_code == 200
    assert "You already have an open engagement with cleo@example.com." in response.content.decode()
    assert Engagement.objects.filter(coach=world.owner).count() == 1


def test_client_invite_offers_only_the_practices_models(world: World) -> None:
    from headway.coaching.services import coaching_model_clone

    theirs = coaching_model_clone(
        source=transition_model().latest_version(),
        practice_id=Membership.objects.get(user=world.outsider).practice_id,
        by=world.outsider,
        name="Elsewhere Method",
    )
    browser = world.login(world.owner)
    assert "Elsewhere Method" not in browser.get(reverse("client_invite")).content.decode()
    response = browser.post(
        reverse("client_invite"),
        {"name": "Nina", "email": "nina@example.com", "model": theirs.pk},
    )
    assert response.status_code == 200 and response.context["form"].errors["model"]
    assert not Engagement.objects.filter(invited_email="nina@example.com").exists()


def test_a_new_user_accepts_by_signing_up(world: World) -> None:
    engagement, token = invite(world, "nina@example.com", "Nina New")
    browser = Client()
    response = browser.post(
        reverse("invitation", args=[token]),
        {"name": "Nina New", "email": "nina@example.com", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response.url == engagement.get_absolute_url()
    nina = User.objects.get(email="nina@example.com")
    assert nina.email_verified  # following the emailed link proved the address
    engagement.refresh_from_db()
    assert engagement.client == nina and engagement.status == EngagementStatus.ACTIVE
    page = browser.get(response.url)  # logged in: the journey is theirs
    assert page.status_code == 200
    assert "Your journey with Olivia Owner" in page.content.decode()
    # The link is spent.
    again = Client().get(reverse("invitation", args=[token]))
    assert again.status_code == 404
    assert "This invitation link does not work" in again.content.decode()


def test_signing_up_through_an_invitation_validates_the_form(world: World) -> None:
    _, token = invite(world, "nina@example.com", "Nina New")
    response = Client().post(
        reverse("invitation", args=[token]),
        {"name": "Nina", "email": "cleo@example.com", "password": "short"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "An account with this email already exists" in html
    assert "too short" in html
    assert not User.objects.filter(name="Nina").exists()


def test_a_self_guided_user_brings_their_journey(world: World) -> None:
    solo_e = world.solo_engagement
    first, second = questions(solo_e)[:2]
    answer_save(engagement=solo_e, question=first, text="I want more autonomy", by=world.solo)
    engagement_move_stage(engagement=solo_e, to_stage=stage_at(solo_e, 2), by=world.solo)
    solo_e.refresh_from_db()
    later = questions(solo_e)[0]
    answer_save(engagement=solo_e, question=later, text="Project manager", by=world.solo)
    Intake.objects.create(engagement=solo_e, current_role="Project manager")

    engagement, token = invite(world, "sam@example.com", "Sam Solo")
    browser = world.login(world.solo)
    page = browser.get(reverse("invitation", args=[token]))
    assert page.status_code == 200
    assert "Bring my Career Transition Journey" in page.content.decode()
    response = browser.post(
        reverse("invitation", args=[token]), {"action": "accept", "bring_from": solo_e.pk}
    )
    assert response.status_code == 302 and response.url == engagement.get_absolute_url()
    engagement.refresh_from_db()
    assert engagement.client == world.solo and engagement.status == EngagementStatus.ACTIVE
    carried = dict(Answer.objects.filter(engagement=engagement).values_list("question_key", "text"))
    assert carried == {first.key: "I want more autonomy", later.key: "Project manager"}
    assert second.key not in carried
    assert engagement.stage.key == "current-state"
    assert Intake.objects.get(engagement=engagement).current_role == "Project manager"
    solo_e.refresh_from_db()
    assert solo_e.status == EngagementStatus.CONCLUDED and solo_e.continued_in == engagement
    # The coach sees what was brought along.
    coach_page = world.login(world.owner).get(engagement.get_absolute_url()).content.decode()
    assert "Project manager" in coach_page


def test_a_logged_in_user_may_start_fresh(world: World) -> None:
    answer_save(
        engagement=world.solo_engagement,
        question=questions(world.solo_engagement)[0],
        text="Private",
        by=world.solo,
    )
    engagement, token = invite(world, "sam@example.com", "Sam Solo")
    response = world.login(world.solo).post(
        reverse("invitation", args=[token]), {"action": "accept", "bring_from": ""}
    )
    assert response.status_code == 302
    assert not Answer.objects.filter(engagement=engagement).exists()
    world.solo_engagement.refresh_from_db()
    assert world.solo_engagement.status == EngagementStatus.ACTIVE


def test_someone_elses_journey_cannot_be_brought(world: World) -> None:
    answer_save(
        engagement=world.solo_engagement,
        question=questions(world.solo_engagement)[0],
        text="Sam's secret",
        by=world.solo,
    )
    engagement, token = invite(world, "newbie@example.com", "Newbie")
    newbie = User.objects.create_user(email="newbie@example.com", name="Newbie", password=PASSWORD)
    response = world.login(newbie).post(
        reverse("invitation", args=[token]),
        {"action": "accept", "bring_from": world.solo_engagement.pk},
    )
    assert response.status_code == 302
    assert not Answer.objects.filter(engagement=engagement).exists()
    world.solo_engagement.refresh_from_db()
    assert world.solo_engagement.status == EngagementStatus.ACTIVE


def test_declining_an_invitation(world: World) -> None:
    engagement, token = invite(world, "sam@example.com", "Sam Solo")
    response = world.login(world.solo).post(
        reverse("invitation", args=[token]), {"action": "decline"}
    )
    assert response.status_code == 302 and response.url == reverse("home")
    assert engagement.invitations.get().declined_at is not None
    engagement.refresh_from_db()
    assert engagement.client is None
    assert world.login(world.solo).get(reverse("invitation", args=[token])).status_code == 404


def test_the_coach_cannot_accept_their_own_invitation(world: World) -> None:
    engagement, token = invite(world, "nina@example.com", "Nina")
    browser = world.login(world.owner)
    response = browser.post(reverse("invitation", args=[token]), {"action": "accept"}, follow=True)
    assert "You cannot accept your own invitation." in messages_of(response)
    engagement.refresh_from_db()
    assert engagement.client is None and engagement.status == EngagementStatus.INVITED


@pytest.mark.parametrize("logged_in", [False, True])
def test_unknown_invitation_token_shows_the_invalid_page(world: World, logged_in: bool) -> None:
    browser = world.login(world.client) if logged_in else Client()
    for method in ("get", "post"):
        response = getattr(browser, method)(reverse("invitation", args=["not-a-real-token"]))
        assert response.status_code == 404
        assert "This invitation link does not work" in response.content.decode()


# --- a self-guided client asks a coach in ----------------------------------------------------------


def test_a_self_guided_client_invites_a_coach(
    world: World, django_capture_on_commit_callbacks
) -> None:
    browser = world.login(world.solo)
    url = reverse("engagement_request_coach", args=[world.solo_engagement.pk])
    assert browser.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(url, {"email": "oscar@example.com", "message": "Can you help?"})
    assert response.status_code == 302
    assert mail.outbox[0].to == ["oscar@example.com"]
    token = link_token(mail.outbox[0].body, "invitation")
    coach = world.login(world.outsider)
    dashboard = coach.get(reverse("dashboard")).content.decode()
    assert "Sam Solo asks you to coach their self-guided journey" in dashboard
    page = coach.get(reverse("invitation", args=[token]))
    assert "Sam Solo would like you as their coach" in page.content.decode()
    response = coach.post(reverse("invitation", args=[token]), {"action": "accept"})
    assert response.status_code == 302
    e = Engagement.objects.get(pk=world.solo_engagement.pk)
    assert e.coach == world.outsider and e.kind == EngagementKind.COACHED
    assert coach.get(e.get_absolute_url()).status_code == 200


def test_request_coach_form_needs_an_email(world: World) -> None:
    url = reverse("engagement_request_coach", args=[world.solo_engagement.pk])
    response = world.login(world.solo).post(url, {"email": "not an email"})
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert not Invitation.objects.filter(engagement=world.solo_engagement).exists()


# --- the engagement page and its answers -----------------------------------------------------------


def test_engagement_page_for_coach_and_client(world: World) -> None:
    e = world.engagement
    client_html = world.login(world.client).get(e.get_absolute_url()).content.decode()
    assert "Your journey with Olivia Owner" in client_html
    assert "read and accept the" in client_html  # the agreement comes first
    assert "fill in the intake" in client_html
    assert reverse("engagement_move_stage", args=[e.pk]) not in client_html
    coach_html = world.login(world.owner).get(e.get_absolute_url()).content.decode()
    assert "<h1>Cleo Client</h1>" in coach_html
    assert reverse("engagement_move_stage", args=[e.pk]) in coach_html
    assert "not accepted yet" in coach_html
    assert 'name="answer-' not in coach_html  # the coach reads answers, never edits them


def test_engagement_page_shows_another_stage(world: World) -> None:
    e = world.engagement
    browser = world.login(world.client)
    page = browser.get(e.get_absolute_url(), {"stage": "exploring"})
    assert page.context["view_stage"].key == "exploring"
    assert "Coming later" in page.content.decode()
    assert browser.get(e.get_absolute_url(), {"stage": "nope"}).context["view_stage"] == e.stage


def test_answer_autosave_with_htmx_returns_the_saved_fragment(world: World) -> None:
    e = world.engagement
    q = questions(e)[0]
    url = reverse("engagement_answer", args=[e.pk, q.pk])
    response = world.login(world.client).post(
        url, {f"answer-{q.pk}": "Because I am curious"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith("<span>Saved ") and "<html" not in html
    assert Answer.objects.get(engagement=e, question_key=q.key).text == "Because I am curious"


def test_answer_save_without_htmx_redirects(world: World) -> None:
    e = world.engagement
    q = questions(e)[0]
    url = reverse("engagement_answer", args=[e.pk, q.pk])
    browser = world.login(world.client)
    response = browser.post(url, {"text": "First draft"})
    assert response.status_code == 302
    assert response.url == f"{e.get_absolute_url()}?stage={e.stage.key}"
    assert "Answer saved." in messages_of(browser.get(response.url))
    # ... or to where the one-question form says, as long as it is on this site
    response = browser.post(url, {"text": "Second draft", "next": f"{e.get_absolute_url()}?q=1"})
    assert response.url == f"{e.get_absolute_url()}?q=1"
    assert Answer.objects.get(engagement=e, question_key=q.key).text == "Second draft"
    assert browser.post(url, {}).status_code == 400  # no text at all


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:x"]
)
def test_answer_save_does_not_redirect_off_site(world: World, target: str) -> None:
    e = world.engagement
    q = questions(e)[0]
    response = world.login(world.client).post(
        reverse("engagement_answer", args=[e.pk, q.pk]), {"text": "x", "next": target}
    )
    assert response.status_code == 302
    assert response.url == e.get_absolute_url()


def test_the_no_js_answers_form_saves_every_answer(world: World) -> None:
    e = world.engagement
    qs = questions(e)[:3]
    browser = world.login(world.client)
    data = {"stage": e.stage.key, **{f"answer-{q.pk}": f"Answer {i}" for i, q in enumerate(qs)}}
    response = browser.post(reverse("engagement_answers", args=[e.pk]), data)
    assert response.status_code == 302
    assert response.url == f"{e.get_absolute_url()}?stage={e.stage.key}"
    saved = dict(Answer.objects.filter(engagement=e).values_list("question_key", "text"))
    assert saved == {q.key: f"Answer {i}" for i, q in enumerate(qs)}
    page = browser.get(response.url)
    assert "Your answers are saved." in messages_of(page)
    html = page.content.decode()
    assert all(f"Answer {i}</textarea>" in html for i in range(3))
    assert "3 of 12 answered." in html
    # A later stage too, and an unknown stage is a 404.
    later = stage_at(e, 3)
    q = questions(e, later)[0]
    browser.post(
        reverse("engagement_answers", args=[e.pk]), {"stage": later.key, f"answer-{q.pk}": "Later"}
    )
    assert Answer.objects.get(engagement=e, question_key=q.key, stage_key=later.key).text == "Later"
    missing = browser.post(reverse("engagement_answers", args=[e.pk]), {"stage": "nope"})
    assert missing.status_code == 404


def test_the_coach_sees_the_answers(world: World) -> None:
    e = world.engagement
    answer_save(engagement=e, question=questions(e)[0], text="Honest words", by=world.client)
    html = world.login(world.owner).get(e.get_absolute_url()).content.decode()
    assert "Honest words" in html
    assert "1 of 12 answered." in html


def test_a_concluded_engagement_is_read_only_for_the_client(world: World) -> None:
    e = world.engagement
    engagement_set_status(engagement=e, status=EngagementStatus.CONCLUDED, by=world.owner)
    browser = world.login(world.client)
    q = questions(e)[0]
    assert (
        browser.post(reverse("engagement_answer", args=[e.pk, q.pk]), {"text": "x"}).status_code
        == 403
    )
    assert not Answer.objects.filter(engagement=e).exists()
    html = browser.get(e.get_absolute_url()).content.decode()
    assert 'name="answer-' not in html
    coach = world.login(world.owner)
    response = coach.post(
        reverse("engagement_move_stage", args=[e.pk]), {"stage": stage_at(e, 2).pk}, follow=True
    )
    assert "This engagement is concluded." in messages_of(response)


# --- self-guided: Headway asks -----------------------------------------------------------------


def test_self_guided_headway_asks_one_question_at_a_time(world: World) -> None:
    e = world.solo_engagement
    qs = questions(e)
    browser = world.login(world.solo)
    page = browser.get(e.get_absolute_url())
    html = page.content.decode()
    assert "Headway asks · question 1 of 12" in html
    assert qs[0].text in html
    # Saving moves to the next question.
    response = browser.post(
        reverse("engagement_answer", args=[e.pk, qs[0].pk]),
        {"text": "Something new", "next": f"{e.get_absolute_url()}?q=1"},
    )
    assert response.url == f"{e.get_absolute_url()}?q=1"
    html = browser.get(response.url).content.decode()
    assert "question 2 of 12" in html and qs[1].text in html
    # Back on the page, it starts at the first question not answered yet.
    assert "question 2 of 12" in browser.get(e.get_absolute_url()).content.decode()
    assert "question 12 of 12" in browser.get(e.get_absolute_url(), {"q": "99"}).content.decode()
    assert "question 2 of 12" in browser.get(e.get_absolute_url(), {"q": "x"}).content.decode()
    # All the questions at once, on request.
    everything = browser.get(e.get_absolute_url(), {"all": "1"}).content.decode()
    assert "Headway asks" not in everything
    assert all(q.text in everything for q in qs)


def test_self_guided_client_moves_their_own_stage(world: World) -> None:
    e = world.solo_engagement
    browser = world.login(world.solo)
    response = browser.post(
        reverse("engagement_move_stage", args=[e.pk]), {"stage": stage_at(e, 2).pk}, follow=True
    )
    assert "Moved to “Current career state”." in messages_of(response)
    e.refresh_from_db()
    assert e.stage.key == "current-state"


def test_self_guided_journey_has_no_agreement_and_no_coach(world: World) -> None:
    e = world.solo_engagement
    browser = world.login(world.solo)
    response = browser.get(reverse("engagement_agreement", args=[e.pk]), follow=True)
    assert "A self-guided journey has no coaching agreement." in messages_of(response)
    response = browser.get(reverse("engagement_coach", args=[e.pk]))
    assert response.url == reverse("engagement_request_coach", args=[e.pk])
    html = browser.get(e.get_absolute_url()).content.decode()
    assert reverse("engagement_agreement", args=[e.pk]) not in html


def test_journey_goes_to_the_one_open_journey_or_lists_them(world: World) -> None:
    browser = world.login(world.solo)
    response = browser.get(reverse("journey"))
    assert response.url == world.solo_engagement.get_absolute_url()
    listing = browser.get(reverse("journey"), {"all": "1"})
    assert listing.status_code == 200
    assert "Career Transition Journey" in listing.content.decode()


def test_journey_start(world: World) -> None:
    browser = world.login(world.solo)
    response = browser.post(reverse("journey_start"), {"model": "career-offsite-model"})
    e = Engagement.objects.filter(client=world.solo).order_by("-pk").first()
    assert e is not None and e.model_version.model.key == "career-offsite-model"
    assert response.url == e.get_absolute_url()
    assert e.kind == EngagementKind.SELF_GUIDED
    response = browser.post(reverse("journey_start"), {"model": "nope"}, follow=True)
    assert "Choose one of the journeys to start." in messages_of(response)
    assert browser.get(reverse("journey_start")).status_code == 405


# --- stage, status, checklist ---------------------------------------------------------------------


def test_coach_moves_the_stage_with_a_reason(world: World) -> None:
    e = world.engagement
    browser = world.login(world.owner)
    response = browser.post(
        reverse("engagement_move_stage", args=[e.pk]),
        {"stage": stage_at(e, 2).pk, "reason": "Rapport is there"},
        follow=True,
    )
    assert "Moved to “Current career state”." in messages_of(response)
    assert "Rapport is there" in response.content.decode()  # in the history
    e.refresh_from_db()
    assert e.stage.key == "current-state"
    # A stage of another model is refused.
    foreign = Stage.objects.exclude(version=e.model_version).first()
    assert foreign is not None
    response = browser.post(
        reverse("engagement_move_stage", args=[e.pk]), {"stage": foreign.pk}, follow=True
    )
    assert "Choose a stage to move to." in messages_of(response)
    e.refresh_from_db()
    assert e.stage.key == "current-state"


def test_coach_changes_the_status(world: World) -> None:
    e = world.engagement
    browser = world.login(world.owner)
    response = browser.post(
        reverse("engagement_status", args=[e.pk]),
        {"status": "paused", "reason": "Summer break"},
        follow=True,
    )
    assert "Status: Paused." in messages_of(response)
    e.refresh_from_db()
    assert e.status == EngagementStatus.PAUSED
    browser.post(reverse("engagement_status", args=[e.pk]), {"status": "invited"})
    e.refresh_from_db()
    assert e.status == EngagementStatus.PAUSED  # not a status the coach sets


def test_an_invited_engagement_cannot_be_activated_by_hand(world: World) -> None:
    e, _ = invite(world, "nina@example.com", "Nina")
    response = world.login(world.owner).post(
        reverse("engagement_status", args=[e.pk]), {"status": "active"}, follow=True
    )
    assert "The client has not accepted the invitation yet." in messages_of(response)
    e.refresh_from_db()
    assert e.status == EngagementStatus.INVITED


def test_checklist_toggle(world: World) -> None:
    e = world.engagement
    browser = world.login(world.client)
    url = reverse("engagement_checklist", args=[e.pk, e.stage_id, 1])
    response = browser.post(url, {"done": "1"})
    assert response.url == f"{e.get_absolute_url()}?stage={e.stage.key}"
    e.refresh_from_db()
    assert e.done_items(e.stage.key) == [1]
    response = browser.post(url, {"done": "0"}, headers={"HX-Request": "true"})
    assert response.status_code == 200 and response.headers["HX-Refresh"] == "true"
    e.refresh_from_db()
    assert e.done_items(e.stage.key) == []
    response = browser.post(
        reverse("engagement_checklist", args=[e.pk, e.stage_id, 99]), {"done": "1"}, follow=True
    )
    assert "No such checklist item." in messages_of(response)
    other = Stage.objects.exclude(version=e.model_version).first()
    assert other is not None
    response = browser.post(reverse("engagement_checklist", args=[e.pk, other.pk, 0]))
    assert response.status_code == 404


# --- intake ------------------------------------------------------------------------------------


def test_intake_validation_keeps_what_was_typed(world: World) -> None:
    e = world.engagement
    browser = world.login(world.client)
    data = {
        "current_role": "Secondary school teacher",
        "field": "Education",
        "years_in_field": "12",
        "satisfaction": "11",
        "stance": "exploring",
        "change_prompt": "Burnout after the reorganisation",
        "hopes": "A calmer job with more impact",
    }
    response = browser.post(reverse("engagement_intake", args=[e.pk]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose a number from 1 (not at all) to 10 (completely)." in html
    for value in [
        "Secondary school teacher",
        "Education",
        'value="12"',
        'value="11"',
        "Burnout after the reorganisation",
        "A calmer job with more impact",
    ]:
        assert value in html, value
    assert 'value="exploring" checked' in html or re.search(r'value="exploring"[^>]*checked', html)
    assert not Intake.objects.filter(engagement=e).exists()
    for bad in ["0", "abc"]:
        response = browser.post(
            reverse("engagement_intake", args=[e.pk]), {**data, "satisfaction": bad}
        )
        assert response.status_code == 200 and response.context["form"].errors["satisfaction"]


def test_intake_saves_and_the_coach_reads_it(world: World) -> None:
    e = world.engagement
    browser = world.login(world.client)
    response = browser.post(
        reverse("engagement_intake", args=[e.pk]),
        {"current_role": "Teacher", "satisfaction": "4", "hopes": "Clarity"},
        follow=True,
    )
    assert "Thank you: your intake is saved and shared with your coach." in messages_of(response)
    intake = Intake.objects.get(engagement=e)
    assert intake.is_complete and intake.satisfaction == 4
    assert "fill in the intake" not in response.content.decode()
    coach = world.login(world.owner)
    assert "4 / 10" in coach.get(e.get_absolute_url()).content.decode()
    page = coach.get(reverse("engagement_intake", args=[e.pk])).content.decode()
    assert "Teacher" in page and "Clarity" in page and "<form" not in page.split("<main")[1]
    # Editing later keeps it submitted.
    browser.post(reverse("engagement_intake", args=[e.pk]), {"current_role": "Head teacher"})
    intake.refresh_from_db()
    assert intake.current_role == "Head teacher" and intake.submitted_at is not None


# --- agreement -----------------------------------------------------------------------------------


def test_accepting_the_agreement_requires_the_checkbox(world: World) -> None:
    e = world.engagement
    browser = world.login(world.client)
    url = reverse("engagement_agreement", args=[e.pk])
    page = browser.get(url).content.decode()
    assert "Confidentiality" in page and 'name="confirm"' in page
    response = browser.post(url, {})
    assert response.status_code == 200
    assert "Tick the box to accept the agreement." in response.content.decode()
    assert not AgreementAcceptance.objects.filter(engagement=e).exists()
    response = browser.post(url, {"confirm": "on"}, follow=True)
    assert "Agreement accepted. Thank you." in messages_of(response)
    acceptance = AgreementAcceptance.objects.get(engagement=e)
    assert acceptance.accepted_by == world.client and acceptance.agreement.version == 1
    assert "read and accept the" not in response.content.decode()
    assert "You accepted this version" in browser.get(url).content.decode()


@pytest.mark.parametrize("token_in", ["form", "header"])
def test_an_unticked_box_is_refused_with_csrf_checks_on(world: World, token_in: str) -> None:
    """As a browser sends it: the CSRF token in the form (or, as htmx does, in a header)."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.client)
    url = reverse("engagement_agreement", args=[world.engagement.pk])
    page = browser.get(url).content.decode()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert match is not None
    csrf = match.group(1)
    if token_in == "form":
        response = browser.post(url, {"csrfmiddlewaretoken": csrf})
    else:
        response = browser.post(url, {}, headers={"X-CSRFToken": csrf})
    assert response.status_code == 200
    assert "Tick the box to accept the agreement." in response.content.decode()
    assert not AgreementAcceptance.objects.filter(engagement=world.engagement).exists()


def test_the_coach_sees_the_acceptance(world: World) -> None:
    e = world.engagement
    coach = world.login(world.owner)
    assert (
        "Not yet accepted"
        in coach.get(reverse("engagement_agreement", args=[e.pk])).content.decode()
    )
    world.login(world.client).post(reverse("engagement_agreement", args=[e.pk]), {"confirm": "on"})
    page = coach.get(reverse("engagement_agreement", args=[e.pk])).content.decode()
    assert "Cleo Client accepted this version" in page
    assert "accepted v1 on" in coach.get(e.get_absolute_url()).content.decode()
    assert "Agreement not accepted yet" not in coach.get(reverse("dashboard")).content.decode()


def test_the_client_reads_the_coach_profile(world: World) -> None:
    from headway.practices.models import CoachProfile

    CoachProfile.objects.filter(user=world.owner).update(headline="Career changes, calmly")
    page = world.login(world.client).get(reverse("engagement_coach", args=[world.engagement.pk]))
    assert page.status_code == 200
    assert "Career changes, calmly" in page.content.decode()


# --- follow-ups: resending, a self-guided client's own status, requests from the dashboard ---


def test_coach_resends_an_invitation_and_both_links_work(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        engagement, first = invite(world, "rita@example.com", "Rita Resend")
    mail.outbox.clear()
    coach = world.login(world.owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = coach.post(reverse("engagement_resend", args=[engagement.pk]))
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["rita@example.com"]
    second = link_token(mail.outbox[0].body, "invitation")
    assert second != first
    for token in (first, second):
        assert Client().get(reverse("invitation", args=[token])).status_code == 200


def test_resending_after_the_client_joined_says_so(world):
    coach = world.login(world.owner)
    response = coach.post(reverse("engagement_resend", args=[world.engagement.pk]), follow=True)
    assert "already joined" in response.content.decode()
    assert world.engagement.invitations.count() == 1


def test_self_guided_client_pauses_and_concludes_their_journey(world):
    solo = world.login(world.solo)
    e = world.solo_engagement
    page = solo.get(e.get_absolute_url()).content.decode()
    assert "Your journey" in page and 'name="status"' in page
    solo.post(
        reverse("engagement_status", args=[e.pk]), {"status": "paused", "reason": "Busy month"}
    )
    e.refresh_from_db()
    assert e.status == EngagementStatus.PAUSED
    solo.post(reverse("engagement_status", args=[e.pk]), {"status": "concluded"})
    e.refresh_from_db()
    assert e.status == EngagementStatus.CONCLUDED and e.concluded_at is not None
    # A concluded journey is kept as it was: answers can no longer change.
    question = questions(e)[0]
    response = solo.post(reverse("engagement_answer", args=[e.pk, question.pk]), {"text": "late"})
    assert response.status_code == 403
    assert not Answer.objects.filter(engagement=e, text="late").exists()


def test_coach_answers_a_self_guided_request_from_the_dashboard(world):
    from headway.engagements.services import engagement_request_coach

    e = world.solo_engagement
    engagement_request_coach(engagement=e, by=world.solo, email=world.colleague.email, message="Hi")
    colleague = world.login(world.colleague)
    dashboard = colleague.get(reverse("dashboard")).content.decode()
    request = Invitation.objects.get(engagement=e, direction=Invitation.Direction.CLIENT_TO_COACH)
    assert reverse("coach_request", args=[request.pk]) in dashboard
    # The owner is not the addressee and cannot see it.
    assert (
        world.login(world.owner).get(reverse("coach_request", args=[request.pk])).status_code == 404
    )
    response = colleague.post(reverse("coach_request", args=[request.pk]), {"action": "accept"})
    assert response.status_code == 302
    e.refresh_from_db()
    assert e.coach == world.colleague and e.kind == EngagementKind.COACHED
    assert e.practice == world.practice
    assert (
        reverse("coach_request", args=[request.pk])
        not in colleague.get(reverse("dashboard")).content.decode()
    )


def test_coach_declines_a_request(world):
    from headway.engagements.services import engagement_request_coach

    e = world.solo_engagement
    engagement_request_coach(engagement=e, by=world.solo, email=world.owner.email, message="")
    request = Invitation.objects.get(engagement=e, direction=Invitation.Direction.CLIENT_TO_COACH)
    world.login(world.owner).post(
        reverse("coach_request", args=[request.pk]), {"action": "decline"}
    )
    request.refresh_from_db()
    e.refresh_from_db()
    assert request.declined_at is not None and e.coach is None


def test_intro_request_marked_answered_leaves_the_dashboard(world):
    from headway.practices.models import CoachProfile, IntroRequest
    from headway.practices.services import intro_request_create

    profile = CoachProfile.objects.get(user=world.owner)
    intro_request_create(
        profile=profile, name="Ivy Intro", email="ivy@example.com", message="Hello"
    )
    coach = world.login(world.owner)
    assert "Ivy Intro" in coach.get(reverse("dashboard")).content.decode()
    intro = IntroRequest.objects.get(name="Ivy Intro")
    done = coach.post(reverse("intro_request_handled", args=[intro.pk]), follow=True)
    assert "Marked Ivy Intro" in done.content.decode()  # the message, shown once
    assert "Ivy Intro" not in coach.get(reverse("dashboard")).content.decode()


@pytest.mark.parametrize("self_guided", [False, True])
def test_every_stage_tool_links_to_its_page(world: World, self_guided: bool) -> None:
    """Every tool a built-in stage names has its page now: none says "coming soon"."""
    e = world.solo_engagement if self_guided else world.engagement
    browser = world.login(world.solo if self_guided else world.client)
    for stage in e.model_version.stages.all():
        page = browser.get(reverse("engagement_detail", args=[e.pk]), {"stage": stage.key})
        assert page.status_code == 200
        assert "coming soon" not in page.text, stage.key
        sessions = reverse("sessions", args=[e.pk])
        if self_guided:
            assert sessions not in page.text  # no coach to meet
