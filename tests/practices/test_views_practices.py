"""Practice pages: members and roles, the coaching agreement, coach profiles and intro requests."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from headway.accounts.models import User
from headway.engagements.models import AgreementAcceptance
from headway.engagements.services import agreement_accept, engagement_invite_client
from headway.practices.models import (
    Agreement,
    CoachInvitation,
    CoachProfile,
    IntroRequest,
    MemberRole,
    Membership,
)
from tests.helpers import PASSWORD, World, site_link, transition_model


def messages_of(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(m) for m in response.context["messages"]]


def membership(user: User) -> Membership:
    return Membership.objects.get(user=user)


# --- the practice page and inviting coaches ----------------------------------------------------


def test_practice_page_lists_the_coaches(world: World) -> None:
    page = world.login(world.owner).get(reverse("practice"))
    html = page.content.decode()
    assert "Northstar Coaching" in html
    assert "Olivia Owner" in html and "Carl Colleague" in html
    assert "Oscar" not in html
    assert reverse("member_role", args=[membership(world.colleague).pk]) in html
    assert reverse("member_role", args=[membership(world.owner).pk]) not in html  # not oneself
    assert reverse("agreement_edit") in html


def test_owner_invites_a_coach_who_signs_up_through_the_link(
    world: World, django_capture_on_commit_callbacks
) -> None:
    browser = world.login(world.owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(reverse("practice"), {"email": "Nora@Example.com"}, follow=True)
    assert [m.lower() for m in messages_of(response)] == ["invitation sent to nora@example.com."]
    assert "nora@example.com" in response.content.decode()  # listed as invited
    assert mail.outbox[0].to == ["nora@example.com"]
    path = site_link(mail.outbox[0].body, "coach_invitation")

    nora = Client()
    page = nora.get(path)
    assert page.status_code == 200
    assert "Olivia Owner invites you to coach with Northstar Coaching" in page.content.decode()
    response = nora.post(
        path, {"name": "Nora New", "email": "nora@example.com", "password": PASSWORD}
    )
    assert response.status_code == 302 and response.url == reverse("dashboard")
    user = User.objects.get(email="nora@example.com")
    assert user.email_verified
    assert membership(user).practice == world.practice and membership(user).role == MemberRole.COACH
    assert nora.get(reverse("dashboard")).status_code == 200
    assert Client().get(path).status_code == 404  # spent


def test_an_existing_user_joins_a_practice_through_the_link(
    world: World, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        world.login(world.owner).post(reverse("practice"), {"email": "cleo@example.com"})
    path = site_link(mail.outbox[0].body, "coach_invitation")
    browser = world.login(world.client)
    assert 'name="password"' not in browser.get(path).content.decode()
    response = browser.post(path, follow=True)
    assert "You joined Northstar Coaching." in messages_of(response)
    assert membership(world.client).role == MemberRole.COACH


def test_inviting_a_coach_already_in_the_practice(world: World) -> None:
    response = world.login(world.owner).post(reverse("practice"), {"email": "carl@example.com"})
    assert response.status_code == 200
    assert "carl@example.com is already a coach in this practice." in response.content.decode()
    assert not CoachInvitation.objects.filter(email="carl@example.com", accepted_at=None).exists()


def test_a_colleague_sees_the_practice_but_does_not_manage_it(world: World) -> None:
    browser = world.login(world.colleague)
    page = browser.get(reverse("practice"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Olivia Owner" in html
    assert reverse("member_role", args=[membership(world.owner).pk]) not in html
    assert reverse("agreement_edit") not in html
    assert "Invite a coach" not in html
    # ... and the owner-only actions are refused outright.
    assert browser.post(reverse("practice"), {"email": "x@example.com"}).status_code == 403
    assert not CoachInvitation.objects.filter(email="x@example.com").exists()
    assert browser.get(reverse("agreement_edit")).status_code == 403
    assert browser.post(reverse("agreement_edit"), {"terms": "t"}).status_code == 403
    owner = membership(world.owner).pk
    assert browser.post(reverse("member_role", args=[owner]), {"role": "coach"}).status_code == 403
    assert browser.post(reverse("member_remove", args=[owner])).status_code == 403
    assert membership(world.owner).role == MemberRole.OWNER


def test_practice_pages_are_for_coaches(world: World) -> None:
    browser = world.login(world.client)
    for name in ["practice", "agreement_edit", "profile_edit"]:
        assert browser.get(reverse(name)).status_code == 404


# --- roles and removal ------------------------------------------------------------------------


def test_owner_changes_roles(world: World) -> None:
    browser = world.login(world.owner)
    carl = membership(world.colleague)
    response = browser.post(reverse("member_role", args=[carl.pk]), {"role": "owner"}, follow=True)
    assert "Carl Colleague is now owner." in messages_of(response)
    carl.refresh_from_db()
    assert carl.role == MemberRole.OWNER
    browser.post(reverse("member_role", args=[carl.pk]), {"role": "coach"})
    carl.refresh_from_db()
    assert carl.role == MemberRole.COACH
    response = browser.post(reverse("member_role", args=[carl.pk]), {"role": "admin"}, follow=True)
    assert "Choose owner or coach." in messages_of(response)
    carl.refresh_from_db()
    assert carl.role == MemberRole.COACH


def test_the_last_owner_stays(world: World) -> None:
    browser = world.login(world.owner)
    mine = membership(world.owner)
    response = browser.post(reverse("member_remove", args=[mine.pk]), follow=True)
    assert "A practice needs at least one owner: make another coach owner first." in messages_of(
        response
    )
    response = browser.post(reverse("member_role", args=[mine.pk]), {"role": "coach"}, follow=True)
    assert "A practice needs at least one owner." in messages_of(response)
    mine.refresh_from_db()
    assert mine.role == MemberRole.OWNER


def test_two_owners_and_one_steps_down(world: World) -> None:
    browser = world.login(world.owner)
    carl = membership(world.colleague)
    browser.post(reverse("member_role", args=[carl.pk]), {"role": "owner"})
    mine = membership(world.owner)
    browser.post(reverse("member_role", args=[mine.pk]), {"role": "coach"})
    mine.refresh_from_db()
    assert mine.role == MemberRole.COACH
    assert browser.get(reverse("agreement_edit")).status_code == 403  # no longer the owner


def test_owner_removes_a_coach(world: World) -> None:
    browser = world.login(world.owner)
    carl = membership(world.colleague)
    response = browser.post(reverse("member_remove", args=[carl.pk]), follow=True)
    assert "Carl Colleague is no longer a member of the practice." in messages_of(response)
    assert not Membership.objects.filter(pk=carl.pk).exists()
    assert world.login(world.colleague).get(reverse("dashboard")).status_code == 404


def test_a_coach_with_open_engagements_is_not_removed(world: World) -> None:
    engagement_invite_client(
        coach=world.colleague,
        membership=membership(world.colleague),
        email="nina@example.com",
        name="Nina",
        model=transition_model(),
    )
    carl = membership(world.colleague)
    response = world.login(world.owner).post(reverse("member_remove", args=[carl.pk]), follow=True)
    assert any("still has open engagements" in m for m in messages_of(response))
    assert Membership.objects.filter(pk=carl.pk).exists()


def test_a_member_of_another_practice_is_out_of_reach(world: World) -> None:
    oscar = membership(world.outsider)
    browser = world.login(world.owner)
    assert (
        browser.post(reverse("member_role", args=[oscar.pk]), {"role": "coach"}).status_code == 404
    )
    assert browser.post(reverse("member_remove", args=[oscar.pk])).status_code == 404
    assert Membership.objects.filter(pk=oscar.pk, role=MemberRole.OWNER).exists()


# --- the coaching agreement ----------------------------------------------------------------------


def agreement_form(**changes: str) -> dict[str, str]:
    return {
        "terms": "We meet every two weeks.",
        "confidentiality": "What you say stays between us.",
        "exceptions": "Risk of serious harm\nA court order",
        **changes,
    }


def test_publishing_a_new_agreement_asks_clients_again(world: World) -> None:
    e = world.engagement
    agreement_accept(engagement=e, agreement=world.practice.current_agreement(), by=world.client)  # type: ignore[arg-type]
    client = world.login(world.client)
    assert "updated the" not in client.get(e.get_absolute_url()).content.decode()

    owner = world.login(world.owner)
    page = owner.get(reverse("agreement_edit"))
    assert page.status_code == 200 and "publishes version 2" in page.content.decode()
    response = owner.post(reverse("agreement_edit"), agreement_form(), follow=True)
    assert "Agreement version 2 published. Clients are asked to accept it." in messages_of(response)
    current = world.practice.current_agreement()
    assert current is not None and current.version == 2
    assert current.exception_list() == ["Risk of serious harm", "A court order"]
    assert Agreement.objects.filter(practice=world.practice).count() == 2

    html = client.get(e.get_absolute_url()).content.decode()
    assert "Your coach has updated the" in html
    agreement_page = client.get(reverse("engagement_agreement", args=[e.pk])).content.decode()
    assert "version 2" in agreement_page and "We meet every two weeks." in agreement_page
    assert 'name="confirm"' in agreement_page
    assert "v2 not yet accepted" in owner.get(e.get_absolute_url()).content.decode()
    assert "A newer agreement awaits acceptance" in owner.get(reverse("dashboard")).content.decode()

    client.post(reverse("engagement_agreement", args=[e.pk]), {"confirm": "on"})
    assert AgreementAcceptance.objects.filter(engagement=e, agreement=current).exists()
    assert "updated the" not in client.get(e.get_absolute_url()).content.decode()
    # The earlier acceptance still points at the words accepted then.
    assert AgreementAcceptance.objects.filter(engagement=e, agreement__version=1).exists()


def test_publishing_the_same_words_changes_nothing(world: World) -> None:
    current = world.practice.current_agreement()
    assert current is not None
    same = agreement_form(
        terms=current.terms, confidentiality=current.confidentiality, exceptions=current.exceptions
    )
    response = world.login(world.owner).post(reverse("agreement_edit"), same, follow=True)
    assert "Nothing changed: the agreement stays at its current version." in messages_of(response)
    assert Agreement.objects.filter(practice=world.practice).count() == 1


def test_agreement_edit_needs_every_part(world: World) -> None:
    response = world.login(world.owner).post(reverse("agreement_edit"), agreement_form(terms=""))
    assert response.status_code == 200 and response.context["form"].errors["terms"]
    assert Agreement.objects.filter(practice=world.practice).count() == 1


# --- coach profile and the public page ---------------------------------------------------------


def profile_form(**changes: str) -> dict[str, str]:
    return {
        "headline": "Career changes, calmly",
        "story": "I left banking at 40.",
        "background": "",
        "training": "ICF accredited",
        "specialties": "Mid-career change\nReturning to work",
        "session_formats": "Video calls",
        **changes,
    }


def test_coach_profile_edit_and_the_public_page(world: World) -> None:
    browser = world.login(world.owner)
    assert browser.get(reverse("profile_edit")).status_code == 200
    response = browser.post(reverse("profile_edit"), profile_form(), follow=True)
    assert "Your profile is saved." in messages_of(response)
    profile = CoachProfile.objects.get(user=world.owner)
    assert profile.headline == "Career changes, calmly" and not profile.is_public
    public_url = reverse("coach_public", args=[profile.slug])
    assert Client().get(public_url).status_code == 404  # not public: no page at all
    assert browser.get(public_url).status_code == 404

    browser.post(reverse("profile_edit"), profile_form(is_public="on"))
    page = Client().get(public_url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Olivia Owner" in html and "Career changes, calmly" in html
    assert "<li>Mid-career change</li>" in html
    assert "Career coach at <strong>Northstar Coaching</strong>" in html
    assert public_url in browser.get(reverse("profile_edit")).content.decode()
    # Clients read the same profile from their engagement.
    client_view = world.login(world.client).get(
        reverse("engagement_coach", args=[world.engagement.pk])
    )
    assert "I left banking at 40." in client_view.content.decode()


def test_a_colleague_gets_a_profile_of_their_own(world: World) -> None:
    browser = world.login(world.colleague)
    browser.post(reverse("profile_edit"), profile_form(headline="Carl's way"))
    assert CoachProfile.objects.get(user=world.colleague).headline == "Carl's way"
    assert CoachProfile.objects.get(user=world.owner).headline == ""


def test_intro_request_from_the_public_page(
    world: World, django_capture_on_commit_callbacks
) -> None:
    CoachProfile.objects.filter(user=world.owner).update(is_public=True)
    profile = CoachProfile.objects.get(user=world.owner)
    url = reverse("coach_public", args=[profile.slug])
    visitor = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = visitor.post(
            url,
            {"name": "Priya Prospect", "email": "Priya@Example.com", "message": "Can we talk?"},
            follow=True,
        )
    assert "Thank you. Olivia will reply to you by email." in messages_of(response)
    request = IntroRequest.objects.get()
    assert (request.coach, request.name, request.email) == (
        world.owner,
        "Priya Prospect",
        "priya@example.com",
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["olivia@example.com"]
    assert "Priya Prospect" in mail.outbox[0].body and "Can we talk?" in mail.outbox[0].body
    site_link(mail.outbox[0].body, "dashboard")
    dashboard = world.login(world.owner).get(reverse("dashboard")).content.decode()
    assert "Priya Prospect" in dashboard and "Can we talk?" in dashboard
    assert "Priya" not in world.login(world.colleague).get(reverse("dashboard")).content.decode()


def test_intro_request_needs_a_name_and_an_email(world: World) -> None:
    CoachProfile.objects.filter(user=world.owner).update(is_public=True)
    profile = CoachProfile.objects.get(user=world.owner)
    response = Client().post(
        reverse("coach_public", args=[profile.slug]), {"name": "", "email": "nope", "message": "Hi"}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "email"}
    assert "Hi</textarea>" in response.content.decode()
    assert not IntroRequest.objects.exists()


@pytest.mark.parametrize("public", [False, True])
def test_a_private_page_takes_no_intro_requests(world: World, public: bool) -> None:
    CoachProfile.objects.filter(user=world.owner).update(is_public=public)
    profile = CoachProfile.objects.get(user=world.owner)
    response = Client().post(
        reverse("coach_public", args=[profile.slug]), {"name": "P", "email": "p@example.com"}
    )
    assert response.status_code == (302 if public else 404)
    assert IntroRequest.objects.exists() is public


# --- a client who also coaches -----------------------------------------------------------------


def test_a_client_creates_a_practice(world: World) -> None:
    browser = world.login(world.client)
    assert browser.get(reverse("practice_new")).status_code == 200
    response = browser.post(reverse("practice_new"), {"name": "Cleo Coaching"}, follow=True)
    assert "Your practice is ready." in messages_of(response)
    assert membership(world.client).role == MemberRole.OWNER
    assert membership(world.client).practice.name == "Cleo Coaching"
    # Both roles now: the journey is still there.
    assert browser.get(world.engagement.get_absolute_url()).status_code == 200
    html = browser.get(reverse("dashboard")).content.decode()
    assert reverse("journey") in html


def test_a_coach_does_not_create_a_second_practice(world: World) -> None:
    browser = world.login(world.owner)
    assert browser.get(reverse("practice_new")).url == reverse("practice")
    browser.post(reverse("practice_new"), {"name": "Second"})
    assert Membership.objects.filter(user=world.owner).count() == 1


def test_owner_sends_a_coach_invitation_again_and_withdraws_it(
    world: World, django_capture_on_commit_callbacks
) -> None:
    browser = world.login(world.owner)
    with django_capture_on_commit_callbacks(execute=True):
        browser.post(reverse("practice"), {"email": "nora@example.com"})
    invitation = CoachInvitation.objects.get(email="nora@example.com")
    first = site_link(mail.outbox[-1].body, "coach_invitation")
    page = browser.get(reverse("practice")).content.decode()
    assert reverse("coach_invitation_resend", args=[invitation.pk]) in page
    assert reverse("coach_invitation_withdraw", args=[invitation.pk]) in page

    # At once: refused with a reason, nothing sent.
    response = browser.post(reverse("coach_invitation_resend", args=[invitation.pk]), follow=True)
    assert any("less than a minute ago" in m for m in messages_of(response))
    assert len(mail.outbox) == 1

    CoachInvitation.objects.filter(pk=invitation.pk).update(
        sent_at=timezone.now() - timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(
            reverse("coach_invitation_resend", args=[invitation.pk]), follow=True
        )
    assert messages_of(response) == [
        "Invitation sent again to nora@example.com; the earlier link stops working."
    ]
    second = site_link(mail.outbox[-1].body, "coach_invitation")
    assert Client().get(first).status_code == 404
    assert Client().get(second).status_code == 200

    response = browser.post(reverse("coach_invitation_withdraw", args=[invitation.pk]), follow=True)
    assert messages_of(response) == [
        "Invitation of nora@example.com withdrawn: its link no longer works."
    ]
    assert reverse("coach_invitation_resend", args=[invitation.pk]) not in response.content.decode()
    gone = Client().get(second)
    assert gone.status_code == 404
    assert "The practice has withdrawn this invitation." in gone.content.decode()
