"""The access battery's framework: the roles, the world it aims at (`ctx`) and `Case`.

The table of cases is in tests/test_views_access.py, with per-app case lists it imports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.utils import timezone

from headway.accounts.models import ApiToken, User, new_token
from headway.accounts.services import api_token_create, verification_token
from headway.coaching.models import CoachingModel, Stage, StageQuestion
from headway.coaching.services import coaching_model_clone
from headway.engagements.models import (
    Answer,
    Engagement,
    StageTransition,
)
from headway.engagements.services import (
    engagement_invite_client,
    engagement_request_coach,
    invitation_decline,
)
from headway.practices.models import (
    CoachInvitation,
    CoachProfile,
    Membership,
)
from headway.practices.services import intro_request_create
from tests.helpers import World, transition_model

ROLES = ["owner", "colleague", "outsider", "client", "other_client", "solo", "anonymous"]
ANSWER = "Numbers, people"


# --- the objects the battery aims at -----------------------------------------------------


@dataclass
class Ctx:
    world: World
    own_model: CoachingModel  # a model of the owner's practice (the colleague's too)
    builtin: CoachingModel
    token: ApiToken  # the owner's personal API token
    open_invite: str  # raw token of an open coach-to-client invitation
    used_invite: str  # raw token of a declined one
    coach_invite: str  # raw token of an open invitation to join the owner's practice
    unverified: User
    unverified_token: str

    def user(self, role: str) -> User | None:
        return {**self.world.battery(), "solo": self.world.solo}[role]

    @property
    def colleague_membership(self) -> Membership:
        return Membership.objects.get(user=self.world.colleague)


def make_ctx(world: World) -> Ctx:
    own = coaching_model_clone(
        source=transition_model().latest_version(),
        practice_id=world.practice.pk,
        by=world.owner,
        name="Northstar Method",
    )
    token, _ = api_token_create(user=world.owner, name="calendar script")
    membership = Membership.objects.get(user=world.owner)
    _, open_raw = engagement_invite_client(
        coach=world.owner,
        membership=membership,
        email="nina@example.com",
        name="Nina New",
        model=transition_model(),
    )
    declined, used_raw = engagement_invite_client(
        coach=world.owner,
        membership=membership,
        email="dora@example.com",
        name="Dora Declined",
        model=transition_model(),
    )
    invitation_decline(invitation=declined.invitations.get())
    coach_raw, digest = new_token()
    CoachInvitation.objects.create(
        practice=world.practice,
        email="nora@example.com",
        invited_by=world.owner,
        token_hash=digest,
        sent_at=timezone.now() - timedelta(hours=1),  # long enough ago to send again
    )
    CoachProfile.objects.filter(user=world.owner).update(is_public=True)
    engagement_request_coach(
        engagement=world.solo_engagement, by=world.solo, email=world.owner.email, message="Hello"
    )
    intro_request_create(
        profile=CoachProfile.objects.get(user=world.owner),
        name="Ivy",
        email="ivy@example.com",
        message="",
    )
    unverified = User.objects.create_user(email="vera@example.com", name="Vera", password="x")
    return Ctx(
        world=world,
        own_model=own,
        builtin=transition_model(),
        token=token,
        open_invite=open_raw,
        used_invite=used_raw,
        coach_invite=coach_raw,
        unverified=unverified,
        unverified_token=verification_token(unverified),
    )


# --- small helpers for the table -------------------------------------------------------------


def _stages(e: Engagement) -> list[Stage]:
    return list(e.model_version.stages.order_by("position"))


def _question(e: Engagement) -> StageQuestion:
    question = e.stage.questions.order_by("position").first()
    assert question is not None
    return question


def _first_stage(model: CoachingModel) -> Stage:
    return model.latest_version().first_stage()


def _stage_keys(model: CoachingModel) -> list[str]:
    return list(model.latest_version().stages.order_by("position").values_list("key", flat=True))


def _answered(e: Engagement) -> bool:
    return Answer.objects.filter(engagement=e, text=ANSWER).exists()


def _moved(e: Engagement) -> bool:
    return StageTransition.objects.filter(engagement=e, from_stage__isnull=False).exists()


def _fresh(e: Engagement) -> Engagement:
    return Engagement.objects.get(pk=e.pk)


def hidden(**visible: int) -> dict[str, int]:
    """Everyone not named gets 404; anonymous visitors are sent to log in."""
    return {**dict.fromkeys(ROLES, 404), "anonymous": 302, **visible}


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


def coaches_of_practice(status: int) -> dict[str, int]:
    """A practice's own models: its coaches may; other practices and non-coaches see nothing."""
    return hidden(owner=status, colleague=status)


def any_coach(status: int) -> dict[str, int]:
    """Built-in models: every coach sees them; people who do not coach get 404."""
    return hidden(owner=status, colleague=status, outsider=status)


@dataclass(frozen=True)
class Case:
    url_name: str
    label: str
    method: str  # "get" or "post"
    url: Callable[[Ctx], str]
    expected: dict[str, int]
    data: Callable[[Ctx], dict[str, Any]] = field(default=lambda c: {})
    # What a permitted POST leaves behind. Checked after every request of the case: it must be
    # true exactly for the roles in `acts` (by default, those whose POST is answered 2xx/3xx,
    # except anonymous, whose 302 is the login redirect).
    changed: Callable[[Ctx], bool] | None = None
    acts: frozenset[str] | None = None

    def __str__(self) -> str:
        return f"{self.url_name}[{self.label}]"

    def acting_roles(self) -> frozenset[str]:
        if self.acts is not None:
            return self.acts
        return frozenset(r for r, s in self.expected.items() if s < 400 and r != "anonymous")
