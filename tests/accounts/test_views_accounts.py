"""Account pages: signing up, logging in and out, confirming the email, API tokens."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client
from django.urls import reverse

from headway.accounts.models import ApiToken, User
from headway.accounts.services import api_token_authenticate, api_token_create
from headway.engagements.models import Engagement, EngagementKind
from headway.practices.models import MemberRole, Membership
from tests.helpers import PASSWORD, World, site_link


def messages_of(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(m) for m in response.context["messages"]]


@pytest.mark.parametrize(
    "url",
    ["/", "/login/", "/signup/", "/signup/coach/", "/signup/self-guided/", "/password/reset/"],
)
def test_public_pages_open_without_an_account(db: None, url: str) -> None:
    response = Client().get(url)
    assert response.status_code == 200
    assert 'href="/login/"' in response.content.decode()


# --- signing up ------------------------------------------------------------------------------


def test_self_guided_signup_lands_on_the_journey_with_headway_asking(
    db: None, django_capture_on_commit_callbacks
) -> None:
    browser = Client()
    page = browser.get(reverse("signup_self")).content.decode()
    assert 'value="career-transition-journey" checked' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(
            reverse("signup_self"),
            {
                "name": "Sam Solo",
                "email": "Sam@Example.com",
                "password": PASSWORD,
                "model": "career-transition-journey",
            },
        )
    user = User.objects.get(email="sam@example.com")
    engagement = Engagement.objects.get(client=user)
    assert engagement.kind == EngagementKind.SELF_GUIDED and engagement.coach is None
    assert engagement.model_version.model.key == "career-transition-journey"
    assert response.status_code == 302 and response.url == engagement.get_absolute_url()
    landing = browser.get(response.url)
    html = landing.content.decode()
    assert "Your journey has started. Take the first question at your own pace." in messages_of(
        landing
    )
    assert "Headway asks · question 1 of" in html
    first = engagement.stage.questions.order_by("position").first()
    assert first is not None and first.text in html
    # Not confirmed yet: the page says so, and a confirmation email went out.
    assert not user.email_verified
    assert "Please confirm your email address" in html
    assert [m.to for m in mail.outbox] == [["sam@example.com"]]


def test_self_guided_signup_with_another_model(db: None) -> None:
    response = Client().post(
        reverse("signup_self"),
        {
            "name": "Sam",
            "email": "sam@example.com",
            "password": PASSWORD,
            "model": "career-offsite-model",
        },
    )
    engagement = Engagement.objects.get(client__email="sam@example.com")
    assert engagement.model_version.model.key == "career-offsite-model"
    assert response.url == engagement.get_absolute_url()


def test_self_guided_signup_with_an_unknown_model_creates_nobody(db: None) -> None:
    response = Client().post(
        reverse("signup_self"),
        {"name": "Sam", "email": "sam@example.com", "password": PASSWORD, "model": "nope"},
    )
    assert response.status_code == 200
    assert "Choose one of the journeys." in response.content.decode()
    assert not User.objects.filter(email="sam@example.com").exists()


def test_coach_signup_creates_the_practice(db: None) -> None:
    browser = Client()
    response = browser.post(
        reverse("signup_coach"),
        {
            "name": "Olivia Owner",
            "email": "olivia@example.com",
            "password": PASSWORD,
            "practice_name": "Northstar Coaching",
        },
    )
    assert response.status_code == 302 and response.url == reverse("dashboard")
    membership = Membership.objects.get(user__email="olivia@example.com")
    assert membership.role == MemberRole.OWNER
    assert membership.practice.name == "Northstar Coaching"
    assert membership.practice.current_agreement() is not None
    dashboard = browser.get(response.url)
    assert "Your practice is ready" in " ".join(messages_of(dashboard))
    assert "No clients yet." in dashboard.content.decode()


def test_coach_signup_needs_a_practice_name(db: None) -> None:
    response = Client().post(
        reverse("signup_coach"),
        {
            "name": "Olivia",
            "email": "olivia@example.com",
            "password": PASSWORD,
            "practice_name": "",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["practice_name"]
    assert not User.objects.filter(email="olivia@example.com").exists()


@pytest.mark.parametrize("url_name", ["signup_self", "signup_coach"])
def test_signup_refuses_a_duplicate_email(world: World, url_name: str) -> None:
    response = Client().post(
        reverse(url_name),
        {
            "name": "Someone",
            "email": "CLEO@example.com",
            "password": PASSWORD,
            "practice_name": "P",
            "model": "career-transition-journey",
        },
    )
    assert response.status_code == 200
    assert "An account with this email already exists. Log in instead." in response.content.decode()
    assert User.objects.filter(email__iexact="cleo@example.com").count() == 1


@pytest.mark.parametrize(
    "password, message",
    [
        ("short", "too short"),
        ("password", "too common"),
        ("12345678901", "entirely numeric"),
        ("nina@example.com", "too similar"),
    ],
)
def test_signup_refuses_a_weak_password(db: None, password: str, message: str) -> None:
    response = Client().post(
        reverse("signup_self"),
        {"name": "Nina", "email": "nina@example.com", "password": password},
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["password"])
    html = response.content.decode()
    assert 'value="nina@example.com"' in html  # what was typed stays
    password_input = re.search(r'<input type="password"[^>]*>', html)
    assert password_input is not None and "value=" not in password_input.group()
    assert not User.objects.filter(email="nina@example.com").exists()


# --- email confirmation ------------------------------------------------------------------------


def test_the_emailed_verification_link_confirms_the_address(
    db: None, django_capture_on_commit_callbacks
) -> None:
    browser = Client()
    with django_capture_on_commit_callbacks(execute=True):
        browser.post(
            reverse("signup_self"),
            {"name": "Sam", "email": "sam@example.com", "password": PASSWORD},
        )
    path = site_link(mail.outbox[0].body, "verify_email")
    response = browser.get(path, follow=True)
    assert "Thank you: your email address is confirmed." in messages_of(response)
    assert User.objects.get(email="sam@example.com").email_verified
    assert "Please confirm your email address" not in response.content.decode()
    # Following it again does no harm; a link from another browser works too.
    assert Client().get(path).status_code == 302
    assert User.objects.get(email="sam@example.com").email_verified


def test_a_tampered_verification_link_is_refused(db: None) -> None:
    user = User.objects.create_user(email="sam@example.com", name="Sam", password=PASSWORD)
    response = Client().get(
        reverse("verify_email", args=[f"{user.pk}:sam@example.com:x:y"]), follow=True
    )
    assert "This verification link is not valid." in messages_of(response)
    user.refresh_from_db()
    assert not user.email_verified


def test_resending_the_verification_email(db: None, django_capture_on_commit_callbacks) -> None:
    user = User.objects.create_user(email="sam@example.com", name="Sam", password=PASSWORD)
    browser = Client()
    browser.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(reverse("verify_resend"), {"next": "/journey/"})
    assert response.url == "/journey/"
    assert mail.outbox[0].to == ["sam@example.com"]
    site_link(mail.outbox[0].body, "verify_email")
    assert browser.get(reverse("verify_resend")).status_code == 405


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_resending_does_not_redirect_off_site(db: None, target: str) -> None:
    user = User.objects.create_user(email="sam@example.com", name="Sam", password=PASSWORD)
    browser = Client()
    browser.force_login(user)
    response = browser.post(reverse("verify_resend"), {"next": target})
    assert response.status_code == 302
    assert response.url == reverse("home")


# --- logging in and out ------------------------------------------------------------------------


def test_login_with_a_wrong_password_says_so(world: World) -> None:
    browser = Client()
    response = browser.post(
        reverse("login"), {"username": "olivia@example.com", "password": "not it"}
    )
    assert response.status_code == 200
    assert (
        "That email and password do not match an account. Check both and try again."
        in response.content.decode()
    )
    assert SESSION_KEY not in browser.session
    assert 'value="olivia@example.com"' in response.content.decode()


def test_login_and_on_to_where_each_person_works(world: World) -> None:
    browser = Client()
    response = browser.post(
        reverse("login"), {"username": "OLIVIA@example.com", "password": PASSWORD}
    )
    assert response.status_code == 302 and response.url == reverse("home")
    assert browser.get(response.url).url == reverse("dashboard")
    # A page that needed login sends them back to it.
    client = Client()
    target = world.engagement.get_absolute_url()
    login_url = client.get(target).url
    assert login_url == f"{reverse('login')}?next={target}"
    response = client.post(
        login_url, {"username": "cleo@example.com", "password": PASSWORD, "next": target}
    )
    assert response.url == target
    # Logged in, the login page moves on.
    assert client.get(reverse("login")).status_code == 302


def test_logout_is_a_post(world: World) -> None:
    browser = world.login(world.owner)
    assert browser.get(reverse("logout")).status_code == 405
    assert browser.get(reverse("dashboard")).status_code == 200  # still logged in
    response = browser.post(reverse("logout"))
    assert response.status_code == 302 and response.url == reverse("login")
    assert SESSION_KEY not in browser.session
    assert browser.get(reverse("dashboard")).status_code == 302


def test_password_reset_by_email(world: World, django_capture_on_commit_callbacks) -> None:
    browser = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(reverse("password_reset"), {"email": "cleo@example.com"})
    assert response.url == reverse("password_reset_done")
    assert mail.outbox[0].to == ["cleo@example.com"]
    path = site_link(mail.outbox[0].body, "password_reset_confirm")
    form_url = browser.get(path).url
    assert form_url.endswith("/set-password/")
    new = "a brand new passphrase"
    response = browser.post(form_url, {"new_password1": new, "new_password2": new})
    assert response.url == reverse("password_reset_complete")
    assert Client().login(username="cleo@example.com", password=new)
    # The link is spent.
    assert "This link has already been used" in Client().get(path, follow=True).content.decode()


def test_password_reset_for_an_unknown_address_says_the_same(
    db: None, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(reverse("password_reset"), {"email": "nobody@example.com"})
    assert response.url == reverse("password_reset_done")
    assert mail.outbox == []


# --- the account page: name and API tokens -------------------------------------------------------


def test_account_page_changes_the_name(world: World) -> None:
    browser = world.login(world.client)
    response = browser.post(reverse("account"), {"action": "name", "name": "Cleo C."}, follow=True)
    assert "Saved." in messages_of(response)
    world.client.refresh_from_db()
    assert world.client.name == "Cleo C."
    response = browser.post(reverse("account"), {"action": "name", "name": ""})
    assert response.status_code == 200 and response.context["name_form"].errors["name"]


def test_a_new_token_is_shown_once(world: World) -> None:
    browser = world.login(world.owner)
    response = browser.post(reverse("account"), {"action": "token", "name": "calendar script"})
    assert response.status_code == 200
    raw = response.context["new_token"]
    assert raw.startswith("hw_")
    html = response.content.decode()
    assert raw in html and "it will not be shown again" in html
    token = ApiToken.objects.get(user=world.owner)
    assert token.name == "calendar script" and token.key_hash != raw
    assert api_token_authenticate(raw) == world.owner
    page = browser.get(reverse("account")).content.decode()
    assert raw not in page
    assert "calendar script" in page and token.prefix in page


def test_a_token_needs_a_name(world: World) -> None:
    response = world.login(world.owner).post(reverse("account"), {"action": "token", "name": ""})
    assert response.status_code == 200 and response.context["new_token"] is None
    assert not ApiToken.objects.exists()


def test_revoking_a_token(world: World) -> None:
    token, raw = api_token_create(user=world.owner, name="calendar script")
    browser = world.login(world.owner)
    response = browser.post(reverse("token_revoke", args=[token.pk]), follow=True)
    assert "Token “calendar script” revoked: it no longer works." in messages_of(response)
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert api_token_authenticate(raw) is None
    assert "revoked" in response.content.decode()
    assert browser.get(reverse("token_revoke", args=[token.pk])).status_code == 405


def test_the_account_page_lists_only_ones_own_tokens(world: World) -> None:
    api_token_create(user=world.outsider, name="oscar's robot")
    page = world.login(world.owner).get(reverse("account")).content.decode()
    assert "oscar's robot" not in page
