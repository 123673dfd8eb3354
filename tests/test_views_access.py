"""The access battery for every page that takes an object id or a token.

The rules, as for the API: only the coach and the client of an engagement see it; everyone
else gets the same 404 as for an object that does not exist. Someone who may see an object
but not make a given change gets a 403. Anonymous visitors are sent to log in. Token links
(invitations, email confirmation, password reset) and public coach pages answer the same
to everyone: the token or the slug is what counts.

The table below holds one or more cases for every URL pattern with parameters; a test walks
the URL configuration so that a new view without an entry fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from headway.accounts.models import ApiToken, User
from headway.coaching.models import CoachingModel, Stage
from headway.engagements.models import (
    AgreementAcceptance,
    Engagement,
    EngagementStatus,
    FlagAcknowledgement,
    Intake,
    Invitation,
    StageTransition,
)
from headway.engagements.services import (
    engagement_invite_client,
)
from headway.exploration.models import Option
from headway.exploration.services import option_add
from headway.onet.models import Occupation
from headway.practices.models import (
    CoachInvitation,
    IntroRequest,
    MemberRole,
    Membership,
)
from tests.access import (
    ANSWER,
    ROLES,
    Case,
    Ctx,
    _answered,
    _first_stage,
    _fresh,
    _moved,
    _question,
    _stage_keys,
    _stages,
    any_coach,
    coaches_of_practice,
    everyone,
    hidden,
    make_ctx,
)
from tests.booking.access_cases import BOOKING_CASES
from tests.checkins.access_cases import CHECKIN_CASES
from tests.concluding.access_cases import CONCLUDING_CASES
from tests.discovery.access_cases import DISCOVERY_CASES
from tests.helpers import World, without_tokens
from tests.meetings.access_cases import SESSION_CASES
from tests.meetings.note_access_cases import NOTE_CASES
from tests.offsites.access_cases import OFFSITE_CASES
from tests.planning.access_cases import PLANNING_CASES
from tests.privacy.access_cases import PRIVACY_CASES
from tests.reminders.access_cases import REMINDER_CASES
from tests.replies.access_cases import REPLY_CASES
from tests.review.access_cases import REVIEW_CASES


@pytest.fixture
def ctx(world: World) -> Ctx:
    return make_ctx(world)


def _engagement_cases(label: str, pick: Callable[[Ctx], Engagement], **who: Any) -> list[Case]:
    """The engagement pages for one engagement; `who` gives the expected answer of its people."""

    def url(name: str, *extra: Callable[[Engagement], Any]) -> Callable[[Ctx], str]:
        return lambda c: reverse(name, args=[pick(c).pk, *(f(pick(c)) for f in extra)])

    return [
        Case("engagement_detail", label, "get", url("engagement_detail"), hidden(**who["detail"])),
        Case(
            "engagement_answers",
            label,
            "post",
            url("engagement_answers"),
            hidden(**who["write_answers"]),
            data=lambda c: {
                "stage": pick(c).stage.key,
                f"answer-{_question(pick(c)).pk}": ANSWER,
            },
            changed=lambda c: _answered(pick(c)),
        ),
        Case(
            "engagement_answer",
            label,
            "post",
            url("engagement_answer", lambda e: _question(e).pk),
            hidden(**who["write_answers"]),
            data=lambda c: {"text": ANSWER},
            changed=lambda c: _answered(pick(c)),
        ),
        Case(
            "engagement_move_stage",
            label,
            "post",
            url("engagement_move_stage"),
            hidden(**who["move"]),
            data=lambda c: {"stage": _stages(pick(c))[1].pk, "reason": "Ready"},
            changed=lambda c: _moved(pick(c)) and _fresh(pick(c)).stage == _stages(pick(c))[1],
        ),
        Case(
            "engagement_status",
            label,
            "post",
            url("engagement_status"),
            hidden(**who["status"]),
            data=lambda c: {"status": EngagementStatus.PAUSED},
            changed=lambda c: _fresh(pick(c)).status == EngagementStatus.PAUSED,
        ),
        Case(
            "engagement_checklist",
            label,
            "post",
            url("engagement_checklist", lambda e: e.stage_id, lambda e: 0),
            hidden(**who["checklist"]),
            data=lambda c: {"done": "1"},
            changed=lambda c: _fresh(pick(c)).done_items(pick(c).stage.key) == [0],
        ),
        Case("engagement_intake", label, "get", url("engagement_intake"), hidden(**who["detail"])),
        Case(
            "engagement_intake",
            label,
            "post",
            url("engagement_intake"),
            hidden(**who["write_intake"]),
            data=lambda c: {"current_role": "Accountant", "satisfaction": "4"},
            changed=lambda c: Intake.objects.filter(
                engagement=pick(c), current_role="Accountant"
            ).exists(),
        ),
        Case(
            "engagement_agreement",
            label,
            "get",
            url("engagement_agreement"),
            hidden(**who["agreement"]),
        ),
        Case(
            "engagement_agreement",
            label,
            "post",
            url("engagement_agreement"),
            hidden(**who["accept"]),
            data=lambda c: {"confirm": "on"},
            changed=lambda c: AgreementAcceptance.objects.filter(engagement=pick(c)).exists(),
            acts=who.get("accept_acts"),
        ),
        Case("engagement_coach", label, "get", url("engagement_coach"), hidden(**who["coach"])),
        Case(
            "engagement_request_coach",
            label,
            "get",
            url("engagement_request_coach"),
            hidden(**who["request_coach"]),
        ),
        Case(
            "engagement_request_coach",
            label,
            "post",
            url("engagement_request_coach"),
            hidden(**who["request_coach_post"]),
            data=lambda c: {"email": "coach@example.com", "message": "Join me?"},
            changed=lambda c: Invitation.objects.filter(
                engagement=pick(c),
                direction=Invitation.Direction.CLIENT_TO_COACH,
                email="coach@example.com",
            ).exists(),
        ),
    ]


ENGAGEMENT_CASES = _engagement_cases(
    "coached",
    lambda c: c.world.engagement,
    detail={"owner": 200, "client": 200},
    write_answers={"owner": 403, "client": 302},  # only the client writes the answers
    move={"owner": 302, "client": 403},  # the coach leads the stage
    status={"owner": 302, "client": 403},
    checklist={"owner": 302, "client": 302},  # both tick the exit checklist
    write_intake={"owner": 403, "client": 302},
    agreement={"owner": 200, "client": 200},
    accept={"owner": 403, "client": 302},
    coach={"owner": 200, "client": 200},
    request_coach={"owner": 403, "client": 403},  # only for a self-guided journey
    request_coach_post={"owner": 403, "client": 403},
) + _engagement_cases(
    "self-guided",
    lambda c: c.world.solo_engagement,
    detail={"solo": 200},
    write_answers={"solo": 302},
    move={"solo": 302},  # a self-guided client leads their own journey
    status={"solo": 302},  # ... and may pause or conclude it
    checklist={"solo": 302},
    write_intake={"solo": 302},
    agreement={"solo": 302},  # no agreement: back to the journey
    accept={"solo": 302},
    accept_acts=frozenset(),  # ... and nothing to accept
    coach={"solo": 302},  # no coach yet: on to inviting one
    request_coach={"solo": 200},
    request_coach_post={"solo": 302},
)


def _renamed(c: Ctx, name: str) -> bool:
    return CoachingModel.objects.filter(pk=c.own_model.pk, name=name).exists()


def _builtin_untouched(c: Ctx) -> bool:
    version = c.builtin.latest_version()
    return version.number == 1 and version.stages.count() == 9


def _question_texts(model: CoachingModel) -> list[str]:
    return list(
        model.latest_version().stages.values_list("questions__text", flat=True).order_by("pk")
    )


MODEL_CASES = [
    # A model of the owner's practice.
    Case(
        "model_detail",
        "own",
        "get",
        lambda c: reverse("model_detail", args=[c.own_model.pk]),
        coaches_of_practice(200),
    ),
    Case(
        "model_clone",
        "own",
        "get",
        lambda c: reverse("model_clone", args=[c.own_model.pk]),
        coaches_of_practice(200),
    ),
    Case(
        "model_clone",
        "own",
        "post",
        lambda c: reverse("model_clone", args=[c.own_model.pk]),
        coaches_of_practice(302),
        data=lambda c: {"name": "Copy", "who_for": "Anyone", "problems_solved": "Some"},
        changed=lambda c: CoachingModel.objects.filter(name="Copy").exists(),
    ),
    Case(
        "model_edit",
        "own",
        "get",
        lambda c: reverse("model_edit", args=[c.own_model.pk]),
        coaches_of_practice(200),
    ),
    Case(
        "model_edit",
        "own",
        "post",
        lambda c: reverse("model_edit", args=[c.own_model.pk]),
        coaches_of_practice(302),
        data=lambda c: {"name": "Renamed", "who_for": "Anyone", "problems_solved": "Some"},
        changed=lambda c: _renamed(c, "Renamed"),
    ),
    Case(
        "stage_add",
        "own",
        "post",
        lambda c: reverse("stage_add", args=[c.own_model.pk]),
        coaches_of_practice(302),
        data=lambda c: {"name": "Added stage"},
        changed=lambda c: Stage.objects.filter(
            version__model=c.own_model, name="Added stage"
        ).exists(),
    ),
    Case(
        "stage_edit",
        "own",
        "get",
        lambda c: reverse("stage_edit", args=[c.own_model.pk, "rapport"]),
        coaches_of_practice(200),
    ),
    Case(
        "stage_edit",
        "own",
        "post",
        lambda c: reverse("stage_edit", args=[c.own_model.pk, "rapport"]),
        coaches_of_practice(302),
        data=lambda c: {"name": "First contact", "questions": "What brings you here?"},
        changed=lambda c: _first_stage(c.own_model).name == "First contact",
    ),
    Case(
        "stage_check",
        "own",
        "post",
        lambda c: reverse("stage_check", args=[c.own_model.pk, "rapport"]),
        coaches_of_practice(200),
        data=lambda c: {"questions": "Do you like your job?"},
        # A hint only: nothing is saved.
        changed=lambda c: "Do you like your job?" in _question_texts(c.own_model),
        acts=frozenset(),
    ),
    Case(
        "stage_delete",
        "own",
        "post",
        lambda c: reverse("stage_delete", args=[c.own_model.pk, "rapport"]),
        coaches_of_practice(302),
        changed=lambda c: "rapport" not in _stage_keys(c.own_model),
    ),
    Case(
        "stage_move",
        "own",
        "post",
        lambda c: reverse("stage_move", args=[c.own_model.pk, "rapport"]),
        coaches_of_practice(302),
        data=lambda c: {"direction": "down"},
        changed=lambda c: _stage_keys(c.own_model)[:2] == ["current-state", "rapport"],
    ),
    # A built-in model: every coach reads and clones it; nobody edits it.
    Case(
        "model_detail",
        "built-in",
        "get",
        lambda c: reverse("model_detail", args=[c.builtin.pk]),
        any_coach(200),
    ),
    Case(
        "model_clone",
        "built-in",
        "get",
        lambda c: reverse("model_clone", args=[c.builtin.pk]),
        any_coach(200),
    ),
    Case(
        "model_edit",
        "built-in",
        "get",
        lambda c: reverse("model_edit", args=[c.builtin.pk]),
        hidden(),
    ),
    Case(
        "model_edit",
        "built-in",
        "post",
        lambda c: reverse("model_edit", args=[c.builtin.pk]),
        hidden(),
        data=lambda c: {"name": "Hijacked", "who_for": "x", "problems_solved": "y"},
        changed=lambda c: CoachingModel.objects.filter(name="Hijacked").exists(),
    ),
    Case(
        "stage_add",
        "built-in",
        "post",
        lambda c: reverse("stage_add", args=[c.builtin.pk]),
        hidden(),
        data=lambda c: {"name": "Added stage"},
        changed=lambda c: not _builtin_untouched(c),
    ),
    Case(
        "stage_edit",
        "built-in",
        "get",
        lambda c: reverse("stage_edit", args=[c.builtin.pk, "rapport"]),
        hidden(),
    ),
    Case(
        "stage_edit",
        "built-in",
        "post",
        lambda c: reverse("stage_edit", args=[c.builtin.pk, "rapport"]),
        hidden(),
        data=lambda c: {"name": "First contact", "questions": "What brings you here?"},
        changed=lambda c: Stage.objects.filter(name="First contact").exists(),
    ),
    Case(
        "stage_check",
        "built-in",
        "post",
        lambda c: reverse("stage_check", args=[c.builtin.pk, "rapport"]),
        hidden(),  # built-ins are cloned, not edited
        data=lambda c: {"questions": "Do you like your job?"},
    ),
    Case(
        "stage_delete",
        "built-in",
        "post",
        lambda c: reverse("stage_delete", args=[c.builtin.pk, "rapport"]),
        hidden(),
        changed=lambda c: not _builtin_untouched(c),
    ),
    Case(
        "stage_move",
        "built-in",
        "post",
        lambda c: reverse("stage_move", args=[c.builtin.pk, "rapport"]),
        hidden(),
        data=lambda c: {"direction": "down"},
        changed=lambda c: _stage_keys(c.builtin)[0] != "rapport",
    ),
]


def _coach_invitation(c: Ctx) -> CoachInvitation:
    return CoachInvitation.objects.get(practice=c.world.practice, email="nora@example.com")


PRACTICE_CASES = [
    # Every client of the practice: its owner alone; a colleague is refused (403) as on the
    # other owner's pages, everyone else does not see a practice at all (404).
    Case(
        "practice_clients",
        "",
        "get",
        lambda c: reverse("practice_clients"),
        hidden(owner=200, colleague=403, outsider=200, solo=404),
    ),
    Case(
        "engagement_handover",
        "to the colleague",
        "post",
        lambda c: reverse("engagement_handover", args=[c.world.engagement.pk]),
        hidden(owner=302, colleague=403),
        data=lambda c: {"coach": c.world.colleague.pk},
        changed=lambda c: _fresh(c.world.engagement).coach_id == c.world.colleague.pk,
    ),
    # A non-owner coach may see the member list but not manage it: 403. Coaches of another
    # practice and non-coaches never see the membership: 404.
    Case(
        "member_remove",
        "colleague",
        "post",
        lambda c: reverse("member_remove", args=[c.colleague_membership.pk]),
        hidden(owner=302, colleague=403),
        changed=lambda c: not Membership.objects.filter(user=c.world.colleague).exists(),
    ),
    Case(
        "member_role",
        "colleague",
        "post",
        lambda c: reverse("member_role", args=[c.colleague_membership.pk]),
        hidden(owner=302, colleague=403),
        data=lambda c: {"role": MemberRole.OWNER},
        changed=lambda c: Membership.objects.filter(
            user=c.world.colleague, role=MemberRole.OWNER
        ).exists(),
    ),
    Case(
        "coach_invitation_resend",
        "open",
        "post",
        lambda c: reverse("coach_invitation_resend", args=[_coach_invitation(c).pk]),
        hidden(owner=302, colleague=403),
        changed=lambda c: _coach_invitation(c).sent_at > timezone.now() - timedelta(minutes=1),
    ),
    Case(
        "coach_invitation_withdraw",
        "open",
        "post",
        lambda c: reverse("coach_invitation_withdraw", args=[_coach_invitation(c).pk]),
        hidden(owner=302, colleague=403),
        changed=lambda c: _coach_invitation(c).revoked_at is not None,
    ),
    Case(
        "coach_public",
        "public",
        "get",
        lambda c: reverse("coach_public", args=[c.world.owner.coach_profile.slug]),
        everyone(200),
    ),
    Case(
        "coach_public",
        "not public",
        "get",
        lambda c: reverse("coach_public", args=[c.world.outsider.coach_profile.slug]),
        everyone(404),  # not even its own coach: the page is off, not hidden from some
    ),
    Case(
        "coach_invitation",
        "open",
        "get",
        lambda c: reverse("coach_invitation", args=[c.coach_invite]),
        everyone(200),
    ),
    Case(
        "coach_invitation",
        "unknown",
        "get",
        lambda c: reverse("coach_invitation", args=["no-such-token"]),
        everyone(404),
    ),
]

ACCOUNT_CASES = [
    Case(
        "token_revoke",
        "owner's token",
        "post",
        lambda c: reverse("token_revoke", args=[c.token.pk]),
        hidden(owner=302),
        changed=lambda c: ApiToken.objects.get(pk=c.token.pk).revoked_at is not None,
    ),
    Case(
        "verify_email",
        "valid",
        "get",
        lambda c: reverse("verify_email", args=[c.unverified_token]),
        everyone(302),
        changed=lambda c: User.objects.get(pk=c.unverified.pk).email_verified,
        acts=frozenset(ROLES),  # the link is the proof, whoever follows it
    ),
    Case(
        "password_reset_confirm",
        "valid",
        "get",
        lambda c: reverse(
            "password_reset_confirm",
            args=[
                urlsafe_base64_encode(force_bytes(c.unverified.pk)),
                default_token_generator.make_token(User.objects.get(pk=c.unverified.pk)),
            ],
        ),
        everyone(302),  # on to the set-password form, token moved into the session
    ),
    Case(
        "password_reset_confirm",
        "invalid",
        "get",
        lambda c: reverse("password_reset_confirm", args=["MQ", "bad-token"]),
        everyone(200),  # the page saying the link does not work
    ),
]

INVITATION_CASES = [
    Case(
        "invitation",
        "open",
        "get",
        lambda c: reverse("invitation", args=[c.open_invite]),
        everyone(200),
    ),
    Case(
        "invitation",
        "used",
        "get",
        lambda c: reverse("invitation", args=[c.used_invite]),
        everyone(404),
    ),
    Case(
        "invitation",
        "unknown",
        "get",
        lambda c: reverse("invitation", args=["no-such-token"]),
        everyone(404),
    ),
]


def _invited(c: Ctx) -> Engagement:
    return Engagement.objects.get(invited_email="nina@example.com")


def _coach_request(c: Ctx) -> Invitation:
    return Invitation.objects.get(
        direction=Invitation.Direction.CLIENT_TO_COACH, email=c.world.owner.email
    )


EXTRA_CASES = [
    # A flag's "got it" is the coach's own: the client and everyone else get a 404.
    Case(
        "engagement_acknowledge",
        "energy-low",
        "post",
        lambda c: reverse("engagement_acknowledge", args=[c.world.engagement.pk]),
        hidden(owner=302),
        data=lambda c: {"code": "energy-low"},
        changed=lambda c: FlagAcknowledgement.objects.filter(
            engagement=c.world.engagement, code="energy-low"
        ).exists(),
    ),
    Case(
        "engagement_resend",
        "invited",
        "post",
        lambda c: reverse("engagement_resend", args=[_invited(c).pk]),
        hidden(owner=302),
        changed=lambda c: _invited(c).invitations.count() == 2,
    ),
    # A self-guided client's request reaches only the coach it was addressed to.
    Case(
        "coach_request",
        "to owner",
        "get",
        lambda c: reverse("coach_request", args=[_coach_request(c).pk]),
        hidden(owner=200),
    ),
    Case(
        "coach_request",
        "to owner",
        "post",
        lambda c: reverse("coach_request", args=[_coach_request(c).pk]),
        hidden(owner=302),
        data=lambda c: {"action": "accept"},
        changed=lambda c: _fresh(c.world.solo_engagement).coach_id == c.world.owner.pk,
    ),
    Case(
        "intro_request_handled",
        "owner's",
        "post",
        lambda c: reverse("intro_request_handled", args=[IntroRequest.objects.get(name="Ivy").pk]),
        hidden(owner=302),
        changed=lambda c: IntroRequest.objects.get(name="Ivy").handled_at is not None,
    ),
]


def _occupation(c: Ctx) -> str:
    """The code of an O*NET occupation (made here: the world has no O*NET data)."""
    occupation, _ = Occupation.objects.get_or_create(
        code="15-1252.00", defaults={"title": "Software Developers", "description": "Code."}
    )
    return occupation.code


# O*NET occupations are reference data: anyone signed in may read them. The "Explore
# occupations" tool of an engagement belongs to the engagement's people.
OCCUPATION_CASES = [
    Case(
        "occupation_detail",
        "existing",
        "get",
        lambda c: reverse("occupation_detail", args=[_occupation(c)]),
        {**everyone(200), "anonymous": 302},
    ),
    Case(
        "occupation_detail",
        "unknown",
        "get",
        lambda c: reverse("occupation_detail", args=["99-9999.99"]),
        {**everyone(404), "anonymous": 302},
    ),
    Case(
        "engagement_occupations",
        "coached",
        "get",
        lambda c: reverse("engagement_occupations", args=[c.world.engagement.pk]),
        hidden(owner=200, client=200),
    ),
    Case(
        "engagement_occupations",
        "self-guided",
        "get",
        lambda c: reverse("engagement_occupations", args=[c.world.solo_engagement.pk]),
        hidden(solo=200),
    ),
]


def _option(c: Ctx) -> Option:
    """An option on the coached engagement's board (made once per test, by the client)."""
    option = Option.objects.filter(engagement=c.world.engagement, title="UX research").first()
    return option or option_add(
        engagement=c.world.engagement, by=c.world.client, title="UX research"
    )


def _board_url(name: str) -> Callable[[Ctx], str]:
    return lambda c: reverse(name, args=[c.world.engagement.pk, _option(c).pk])


BOARD_CASES = [
    Case(
        "board",
        "coached",
        "get",
        lambda c: reverse("board", args=[c.world.engagement.pk]),
        hidden(owner=200, client=200),
    ),
    Case(
        "board",
        "coached",
        "post",
        lambda c: reverse("board", args=[c.world.engagement.pk]),
        hidden(owner=403, client=302),  # the board is the client's; the coach comments
        data=lambda c: {"title": "Teach at a college"},
        changed=lambda c: Option.objects.filter(title="Teach at a college").exists(),
    ),
    Case(
        "board_add_occupation",
        "coached",
        "post",
        lambda c: reverse("board_add_occupation", args=[c.world.engagement.pk]),
        hidden(owner=403, client=302),
        data=lambda c: {"code": _occupation(c)},
        changed=lambda c: Option.objects.filter(occupation_code=_occupation(c)).exists(),
    ),
    Case(
        "board_option", "coached", "get", _board_url("board_option"), hidden(owner=200, client=200)
    ),
    Case(
        "board_option",
        "coached",
        "post",
        _board_url("board_option"),
        hidden(owner=403, client=302),
        data=lambda c: {"duties": "Interviews"},
        changed=lambda c: _option(c).duties == "Interviews",
    ),
    Case(
        "option_interview",
        "coached",
        "post",
        _board_url("option_interview"),
        hidden(owner=403, client=302),
        data=lambda c: {"person": "Ana"},
        changed=lambda c: _option(c).interviews.exists(),
    ),
    Case(
        "option_experiment",
        "coached",
        "post",
        _board_url("option_experiment"),
        hidden(owner=403, client=302),
        data=lambda c: {"kind": "shadowing", "description": "A day"},
        changed=lambda c: _option(c).experiments.exists(),
    ),
    Case(
        "option_comment",
        "coached",
        "post",
        _board_url("option_comment"),
        hidden(owner=302, client=302),  # coach and client both comment
        data=lambda c: {"text": "What did you learn?"},
        changed=lambda c: _option(c).comments.exists(),
    ),
    Case(
        "option_set_aside",
        "coached",
        "post",
        _board_url("option_set_aside"),
        hidden(owner=403, client=302),
        data=lambda c: {"reason": "Pay"},
        changed=lambda c: _option(c).set_aside_at is not None,
    ),
]

CASES = (
    (
        EXTRA_CASES
        + ENGAGEMENT_CASES
        + MODEL_CASES
        + PRACTICE_CASES
        + ACCOUNT_CASES
        + INVITATION_CASES
    )
    + OCCUPATION_CASES
    + BOARD_CASES
    + DISCOVERY_CASES
    + PLANNING_CASES
    + CHECKIN_CASES
    + REPLY_CASES
    + BOOKING_CASES
    + SESSION_CASES
    + NOTE_CASES
    + CONCLUDING_CASES
    + REMINDER_CASES
    + REVIEW_CASES
    + OFFSITE_CASES
    + PRIVACY_CASES
)

# Names that must never show on a refusal: the people and things behind the ids.
SECRETS = ["Cleo", "Otto", "Sam Solo", "Northstar Method", "calendar script"]


def _request(case: Case, c: Ctx, role: str) -> Any:
    browser = Client()
    user = c.user(role)
    if user is not None:
        browser.force_login(user)
    url = case.url(c)
    if case.method == "get":
        return browser.get(url)
    return browser.post(url, case.data(c))


def _problems(case: Case, c: Ctx, role: str) -> list[str]:
    """What is wrong with the answer `role` gets; empty when it is as the table says."""
    response = _request(case, c, role)
    expected = case.expected[role]
    if response.status_code != expected:
        return [f"{role}: expected {expected}, got {response.status_code}"]
    problems = []
    if expected == 302:
        to_login = response.url.startswith(f"{reverse('login')}?next=")
        token_link = case.url_name in {"verify_email", "password_reset_confirm"}
        if to_login is not (role == "anonymous" and not token_link):
            problems.append(f"{role}: unexpected redirect to {response.url}")
    if expected in (403, 404):
        text = without_tokens(response.content)
        own_name = getattr(c.user(role), "name", "")
        problems += [
            f"{role}: the refusal shows {secret!r}"
            for secret in SECRETS
            if secret not in own_name and secret in text
        ]
    if case.changed is not None:
        acts = role in case.acting_roles()
        if case.changed(c) is not acts:
            problems.append(
                f"{role}: "
                + ("allowed, yet nothing changed" if acts else "refused, yet data changed")
            )
    return problems


@pytest.mark.parametrize("case", CASES, ids=str)
def test_battery(ctx: Ctx, case: Case) -> None:
    """Each role in turn, each on an untouched world: a savepoint undoes what a role did."""
    problems = []
    for role in ROLES:
        savepoint = transaction.savepoint_create()
        try:
            problems += _problems(case, ctx, role)
        finally:
            transaction.savepoint_rollback(savepoint)
    assert not problems, f"{case.method.upper()} {case.url(ctx)}:\n" + "\n".join(problems)


def test_the_table_expects_something_of_every_role() -> None:
    for case in CASES:
        assert set(case.expected) == set(ROLES), case


def test_refused_posts_leave_the_stage_alone(ctx: Ctx) -> None:
    """The battery's `changed` checks, spelled out for the stage of a coached engagement."""
    e = ctx.world.engagement
    before = (e.stage_id, StageTransition.objects.filter(engagement=e).count())
    for role in ["colleague", "outsider", "client", "other_client", "solo", "anonymous"]:
        browser = Client()
        if (user := ctx.user(role)) is not None:
            browser.force_login(user)
        response = browser.post(
            reverse("engagement_move_stage", args=[e.pk]), {"stage": _stages(e)[1].pk}
        )
        assert response.status_code in (302, 403, 404)
    fresh = _fresh(e)
    assert (fresh.stage_id, StageTransition.objects.filter(engagement=e).count()) == before


@pytest.mark.parametrize(
    "method, name, args",
    [
        ("get", "engagement_detail", lambda c: [999_999]),
        ("get", "engagement_intake", lambda c: [999_999]),
        ("post", "engagement_move_stage", lambda c: [999_999]),
        ("get", "model_detail", lambda c: [999_999]),
        ("get", "model_edit", lambda c: [999_999]),
        ("get", "stage_edit", lambda c: [c.own_model.pk, "no-such-stage"]),
        ("post", "stage_delete", lambda c: [c.own_model.pk, "no-such-stage"]),
        ("post", "stage_move", lambda c: [c.own_model.pk, "no-such-stage"]),
        ("post", "member_role", lambda c: [999_999]),
        ("post", "token_revoke", lambda c: [999_999]),
    ],
)
def test_a_missing_object_looks_like_a_hidden_one(
    ctx: Ctx, method: str, name: str, args: Callable[[Ctx], list[Any]]
) -> None:
    browser = ctx.world.login(ctx.world.owner)
    missing = getattr(browser, method)(reverse(name, args=args(ctx)))
    assert missing.status_code == 404
    hidden_one = browser.get(reverse("engagement_detail", args=[ctx.world.other_engagement.pk]))
    # The pages are the same but for the per-response mask of the CSRF token.
    assert without_tokens(missing.content) == without_tokens(hidden_one.content)


def test_a_missing_stage_makes_no_new_version(ctx: Ctx) -> None:
    """Even when an engagement uses the model, a request for a stage that is not there
    must not copy the model into a new version."""
    engagement_invite_client(
        coach=ctx.world.owner,
        membership=Membership.objects.get(user=ctx.world.owner),
        email="una@example.com",
        name="Una",
        model=ctx.own_model,
    )
    browser = ctx.world.login(ctx.world.owner)
    for name in ["stage_delete", "stage_move"]:
        response = browser.post(reverse(name, args=[ctx.own_model.pk, "no-such-stage"]))
        assert response.status_code == 404
    assert ctx.own_model.versions.count() == 1


# --- every URL with parameters has an entry ----------------------------------------------------


def _parameterised(patterns: list[Any], prefix: str = "", inherited: bool = False) -> Iterator[str]:
    """Names (or routes, when unnamed) of the URL patterns that take parameters, api/ aside."""
    for p in patterns:
        route = prefix + str(p.pattern)
        takes = inherited or bool(p.pattern.converters or p.pattern.regex.groups)
        if isinstance(p, URLResolver):
            if route.startswith("api/"):
                continue  # the API has its own battery in tests/api/test_access.py
            yield from _parameterised(p.url_patterns, route, takes)
        elif isinstance(p, URLPattern) and takes:
            yield p.name or route


def test_every_url_with_parameters_is_in_the_table() -> None:
    routes = set(_parameterised(get_resolver().url_patterns))
    covered = {case.url_name for case in CASES}
    assert routes, "found no URL patterns: the walk is broken"
    assert "engagement_detail" in routes and "token_revoke" in routes
    missing = routes - covered
    assert not missing, f"add access battery cases for: {sorted(missing)}"
    # Cases for pages without parameters (one's own settings, say) are welcome too.
    every = set(_parameterised(get_resolver().url_patterns, inherited=True))
    stale = covered - every
    assert not stale, f"the table names URLs that no longer exist: {sorted(stale)}"
