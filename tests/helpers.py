"""Shared test setup, in the spirit of a base test case: a small world of people."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.test import Client
from django.urls import resolve

from headway.accounts.models import User
from headway.accounts.services import user_signup
from headway.coaching.models import CoachingModel
from headway.engagements.models import Engagement
from headway.engagements.services import (
    engagement_invite_client,
    engagement_start_self_guided,
    invitation_accept,
    invitation_by_token,
)
from headway.practices.models import Membership, Practice
from headway.practices.services import coach_invitation_accept, coach_signup, practice_invite_coach

PASSWORD = "correct horse battery staple"


@dataclass
class World:
    practice: Practice
    owner: User  # coach of `engagement`
    colleague: User  # coach in the same practice, not on the engagement
    outsider: User  # coach of another practice
    client: User  # client of `engagement`
    other_client: User  # client of the outsider
    solo: User  # self-guided individual
    engagement: Engagement
    other_engagement: Engagement
    solo_engagement: Engagement

    def login(self, user: User) -> Client:
        c = Client()
        c.force_login(user)
        return c

    def battery(self) -> dict[str, User | None]:
        """Everyone the access battery tries, by role name."""
        return {
            "owner": self.owner,
            "colleague": self.colleague,
            "outsider": self.outsider,
            "client": self.client,
            "other_client": self.other_client,
            "anonymous": None,
        }


def transition_model() -> CoachingModel:
    return CoachingModel.objects.builtin().get(key="career-transition-journey")


def offsite_model() -> CoachingModel:
    return CoachingModel.objects.builtin().get(key="career-offsite-model")


def invite_and_accept(coach: User, email: str, name: str) -> tuple[User, Engagement]:
    membership = Membership.objects.get(user=coach)
    engagement, raw = engagement_invite_client(
        coach=coach, membership=membership, email=email, name=name, model=transition_model()
    )
    client = User.objects.filter(email=email).first() or user_signup(
        email=email, name=name, password=PASSWORD, verified=True
    )
    invitation = invitation_by_token(raw)
    assert invitation is not None
    invitation_accept(invitation=invitation, user=client)
    engagement.refresh_from_db()
    return client, engagement


def build_world() -> World:
    owner = coach_signup(
        email="olivia@example.com",
        name="Olivia Owner",
        password=PASSWORD,
        practice_name="Northstar Coaching",
        verified=True,
    )
    practice = Membership.objects.get(user=owner).practice
    colleague = user_signup(
        email="carl@example.com", name="Carl Colleague", password=PASSWORD, verified=True
    )
    invitation = practice_invite_coach(practice=practice, by=owner, email=colleague.email)
    coach_invitation_accept(invitation=invitation, user=colleague)
    outsider = coach_signup(
        email="oscar@example.com",
        name="Oscar Outsider",
        password=PASSWORD,
        practice_name="Elsewhere Partners",
        verified=True,
    )
    client, engagement = invite_and_accept(owner, "cleo@example.com", "Cleo Client")
    other_client, other_engagement = invite_and_accept(outsider, "otto@example.com", "Otto Other")
    solo = user_signup(email="sam@example.com", name="Sam Solo", password=PASSWORD, verified=True)
    solo_engagement = engagement_start_self_guided(user=solo, model=transition_model())
    return World(
        practice=practice,
        owner=owner,
        colleague=colleague,
        outsider=outsider,
        client=client,
        other_client=other_client,
        solo=solo,
        engagement=engagement,
        other_engagement=other_engagement,
        solo_engagement=solo_engagement,
    )


def email_link(body: str, url_name: str) -> tuple[str, list[str]]:
    """The path and arguments of the one site link in an email, after checking where it points."""
    links = re.findall(r"https?://\S+", body)
    assert len(links) == 1, body
    parts = urlsplit(links[0])
    assert f"{parts.scheme}://{parts.netloc}" == "http://testserver"
    match = resolve(unquote(parts.path))
    assert match.url_name == url_name
    return parts.path, [str(v) for v in (*match.args, *match.kwargs.values())]


def link_token(body: str, url_name: str) -> str:
    """The token (the one argument) of the one site link in an email."""
    _, values = email_link(body, url_name)
    assert len(values) == 1
    return values[0]


def site_link(body: str, url_name: str) -> str:
    """The path of the one site link in an email."""
    return email_link(body, url_name)[0]


def person(email: str, name: str = "Someone") -> User:
    return user_signup(email=email, name=name, password=PASSWORD, verified=True)


def without_tokens(content: bytes) -> str:
    """The page with its CSRF tokens blanked: they are random letters, so a check that a
    short name is absent could otherwise fail by chance (one once held "Otto")."""
    html = content.decode()
    html = re.sub(r'("X-CSRFToken": ")[^"]+', r"\1", html)
    return re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]+', r"\1", html)
