"""The pages' table: the engagement, model, practice, account and invitation pages here, the
other apps' in tests/<app>/access_cases.py, all gathered in `CASES`.

`hidden(...)` names who gets what; everyone else gets the 404 of an id that does not exist and
anonymous visitors are sent to log in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.contrib.auth.tokens import default_token_generator
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from headway.accounts.models import ApiToken, User
from headway.coaching.models import CoachingModel, Stage
from headway.engagements.models import (
    AgreementAcceptance,
    Answer,
    Engagement,
    EngagementStatus,
    FlagAcknowledgement,
    Intake,
    Invitation,
    StageTransition,
)
from headway.exploration.models import Option
from headway.practices.models import CoachInvitation, IntroRequest, MemberRole, Membership
from tests.battery import setups as s
from tests.battery.cases import (
    ROLES,
    Case,
    any_coach,
    coaches_of_practice,
    everyone,
    exists,
    hidden,
    page,
    signed_in,
)
from tests.battery.world import Ctx
from tests.booking.access_cases import BOOKING_CASES
from tests.checkins.access_cases import CHECKIN_CASES
from tests.concluding.access_cases import CONCLUDING_CASES
from tests.discovery.access_cases import DISCOVERY_CASES
from tests.goals.access_cases import PLANNING_CASES
from tests.meetings.access_cases import SESSION_CASES
from tests.meetings.note_access_cases import NOTE_CASES
from tests.offsites.access_cases import OFFSITE_CASES
from tests.privacy.access_cases import PRIVACY_CASES
from tests.reminders.access_cases import REMINDER_CASES
from tests.replies.access_cases import REPLY_CASES
from tests.review.access_cases import REVIEW_CASES

ANSWER = "Numbers, people"
TO_COACH = Invitation.Direction.CLIENT_TO_COACH
E, OWN, BUILTIN = s.coached, s.own_model, s.builtin


def _stages(e: Engagement) -> list[Stage]:
    return list(e.model_version.stages.order_by("position"))


def _stage_keys(model: CoachingModel) -> list[str]:
    return list(model.latest_version().stages.order_by("position").values_list("key", flat=True))


def _engagement_cases(label: str, pick: Callable[[Ctx], Engagement], **who: Any) -> list[Case]:
    """The engagement pages for one engagement; `who` gives the expected answer of its people."""

    def stage(c: Ctx) -> int:
        return pick(c).stage_id

    def moved(c: Ctx) -> bool:
        to = _stages(pick(c))[1]
        done = StageTransition.objects.filter(engagement=pick(c), from_stage__isnull=False)
        return done.exists() and s.fresh(pick(c)).stage == to

    def answers(c: Ctx) -> dict[str, Any]:
        question = pick(c).stage.questions.order_by("position")[0]
        return {"stage": pick(c).stage.key, f"answer-{question.pk}": ANSWER}

    def question(c: Ctx) -> int:
        return pick(c).stage.questions.order_by("position")[0].pk

    answered = exists(Answer, engagement=pick, text=ANSWER)
    paused = exists(Engagement, pk=lambda c: pick(c).pk, status=EngagementStatus.PAUSED)
    ticked = lambda c: s.fresh(pick(c)).done_items(pick(c).stage.key) == [0]  # noqa: E731
    move = lambda c: {"stage": _stages(pick(c))[1].pk, "reason": "Ready"}  # noqa: E731
    intake = exists(Intake, engagement=pick, current_role="Accountant")
    accepted = exists(AgreementAcceptance, engagement=pick)
    asked = exists(Invitation, engagement=pick, email="coach@example.com", direction=TO_COACH)
    ask = {"email": "coach@example.com", "message": "Join me?"}
    h = {key: hidden(**value) for key, value in who.items() if key != "accept_acts"}
    # fmt: off
    return [
        page("engagement_detail", "get", h["detail"], pick, label=label),
        page("engagement_answers", "post", h["write_answers"], pick, label=label, data=answers, changed=answered),
        page("engagement_answer", "post", h["write_answers"], pick, question, label=label, data={"text": ANSWER}, changed=answered),
        page("engagement_move_stage", "post", h["move"], pick, label=label, data=move, changed=moved),
        page("engagement_status", "post", h["status"], pick, label=label, data={"status": EngagementStatus.PAUSED}, changed=paused),
        page("engagement_checklist", "post", h["checklist"], pick, stage, 0, label=label, data={"done": "1"}, changed=ticked),
        page("engagement_intake", "get", h["detail"], pick, label=label),
        page("engagement_intake", "post", h["write_intake"], pick, label=label, data={"current_role": "Accountant", "satisfaction": "4"}, changed=intake),
        page("engagement_agreement", "get", h["agreement"], pick, label=label),
        page("engagement_agreement", "post", h["accept"], pick, label=label, data={"confirm": "on"}, changed=accepted, acts=who.get("accept_acts")),
        page("engagement_coach", "get", h["coach"], pick, label=label),
        page("engagement_request_coach", "get", h["request_coach"], pick, label=label),
        page("engagement_request_coach", "post", h["request_coach_post"], pick, label=label, data=ask, changed=asked),
    ]
    # fmt: on


ENGAGEMENT_CASES = _engagement_cases(
    "coached",
    s.coached,
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
    s.solo,
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


def _builtin_untouched(c: Ctx) -> bool:
    version = c.builtin.latest_version()
    return version.number == 1 and version.stages.count() == 9


def _question_texts(model: CoachingModel) -> list[str]:
    stages = model.latest_version().stages
    return list(stages.values_list("questions__text", flat=True).order_by("pk"))


MODEL = {"name": "Copy", "who_for": "Anyone", "problems_solved": "Some"}
RENAME = {**MODEL, "name": "Renamed"}
HIJACK = {"name": "Hijacked", "who_for": "x", "problems_solved": "y"}
STAGE = {"name": "First contact", "questions": "What brings you here?"}
HINT = {"questions": "Do you like your job?"}
PRACTICES = coaches_of_practice
first_stage_renamed = lambda c: c.own_model.latest_version().first_stage().name == "First contact"  # noqa: E731
moved_down = lambda c: _stage_keys(c.own_model)[:2] == ["current-state", "rapport"]  # noqa: E731
hint_saved = lambda c: HINT["questions"] in _question_texts(c.own_model)  # noqa: E731
builtin_changed = lambda c: not _builtin_untouched(c)  # noqa: E731
builtin_moved = lambda c: _stage_keys(c.builtin)[0] != "rapport"  # noqa: E731
own_stage_added = exists(Stage, version__model=OWN, name="Added stage")
own_stage_gone = lambda c: "rapport" not in _stage_keys(c.own_model)  # noqa: E731
renamed = exists(CoachingModel, pk=lambda c: c.own_model.pk, name="Renamed")

# fmt: off
MODEL_CASES = [
    # A model of the owner's practice.
    page("model_detail", "get", PRACTICES(200), OWN, label="own"),
    page("model_clone", "get", PRACTICES(200), OWN, label="own"),
    page("model_clone", "post", PRACTICES(302), OWN, label="own", data=MODEL, changed=exists(CoachingModel, name="Copy")),
    page("model_edit", "get", PRACTICES(200), OWN, label="own"),
    page("model_edit", "post", PRACTICES(302), OWN, label="own", data=RENAME, changed=renamed),
    page("stage_add", "post", PRACTICES(302), OWN, label="own", data={"name": "Added stage"}, changed=own_stage_added),
    page("stage_edit", "get", PRACTICES(200), OWN, "rapport", label="own"),
    page("stage_edit", "post", PRACTICES(302), OWN, "rapport", label="own", data=STAGE, changed=first_stage_renamed),
    # A hint only: nothing is saved.
    page("stage_check", "post", PRACTICES(200), OWN, "rapport", label="own", data=HINT, changed=hint_saved, acts=frozenset()),
    page("stage_delete", "post", PRACTICES(302), OWN, "rapport", label="own", changed=own_stage_gone),
    page("stage_move", "post", PRACTICES(302), OWN, "rapport", label="own", data={"direction": "down"}, changed=moved_down),
    # A built-in model: every coach reads and clones it; nobody edits it.
    page("model_detail", "get", any_coach(200), BUILTIN, label="built-in"),
    page("model_clone", "get", any_coach(200), BUILTIN, label="built-in"),
    page("model_edit", "get", hidden(), BUILTIN, label="built-in"),
    page("model_edit", "post", hidden(), BUILTIN, label="built-in", data=HIJACK, changed=exists(CoachingModel, name="Hijacked")),
    page("stage_add", "post", hidden(), BUILTIN, label="built-in", data={"name": "Added stage"}, changed=builtin_changed),
    page("stage_edit", "get", hidden(), BUILTIN, "rapport", label="built-in"),
    page("stage_edit", "post", hidden(), BUILTIN, "rapport", label="built-in", data=STAGE, changed=exists(Stage, name="First contact")),
    page("stage_check", "post", hidden(), BUILTIN, "rapport", label="built-in", data=HINT),  # built-ins are cloned, not edited
    page("stage_delete", "post", hidden(), BUILTIN, "rapport", label="built-in", changed=builtin_changed),
    page("stage_move", "post", hidden(), BUILTIN, "rapport", label="built-in", data={"direction": "down"}, changed=builtin_moved),
]
# fmt: on


def _coach_invitation(c: Ctx) -> CoachInvitation:
    return CoachInvitation.objects.get(practice=c.world.practice, email="nora@example.com")


def _membership(c: Ctx) -> Membership:
    return c.colleague_membership


def _outsiders_slug(c: Ctx) -> str:
    return c.world.outsider.coach_profile.slug


OWNER_MANAGES = hidden(owner=302, colleague=403)  # a colleague sees the practice, not its reins
handed_over = exists(
    Engagement, pk=lambda c: c.world.engagement.pk, coach=lambda c: c.world.colleague
)
removed = lambda c: not Membership.objects.filter(user=c.world.colleague).exists()  # noqa: E731
promoted = exists(Membership, user=lambda c: c.world.colleague, role=MemberRole.OWNER)
resent = lambda c: _coach_invitation(c).sent_at > timezone.now() - timedelta(minutes=1)  # noqa: E731
withdrawn = lambda c: _coach_invitation(c).revoked_at is not None  # noqa: E731

# fmt: off
PRACTICE_CASES = [
    # Every client of the practice: its owner alone; a colleague is refused (403) as on the
    # other owner's pages, everyone else does not see a practice at all (404).
    page("practice_clients", "get", hidden(owner=200, colleague=403, outsider=200, solo=404), label=""),
    page("engagement_handover", "post", OWNER_MANAGES, E, label="to the colleague", data=lambda c: {"coach": c.world.colleague.pk}, changed=handed_over),
    # A non-owner coach may see the member list but not manage it: 403. Coaches of another
    # practice and non-coaches never see the membership: 404.
    page("member_remove", "post", OWNER_MANAGES, _membership, label="colleague", changed=removed),
    page("member_role", "post", OWNER_MANAGES, _membership, label="colleague", data={"role": MemberRole.OWNER}, changed=promoted),
    page("coach_invitation_resend", "post", OWNER_MANAGES, _coach_invitation, label="open", changed=resent),
    page("coach_invitation_withdraw", "post", OWNER_MANAGES, _coach_invitation, label="open", changed=withdrawn),
    page("coach_public", "get", everyone(200), s.slug, label="public"),
    # Not even its own coach: the page is off, not hidden from some.
    page("coach_public", "get", everyone(404), _outsiders_slug, label="not public"),
    page("coach_invitation", "get", everyone(200), lambda c: c.coach_invite, label="open"),
    page("coach_invitation", "get", everyone(404), "no-such-token", label="unknown"),
]
# fmt: on


def _reset_link(c: Ctx) -> list[str]:
    user = User.objects.get(pk=c.unverified.pk)
    return [urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)]


_RESET = (lambda c: _reset_link(c)[0], lambda c: _reset_link(c)[1])
revoked = lambda c: ApiToken.objects.get(pk=c.token.pk).revoked_at is not None  # noqa: E731
verified = lambda c: User.objects.get(pk=c.unverified.pk).email_verified  # noqa: E731

# fmt: off
ACCOUNT_CASES = [
    page("token_revoke", "post", hidden(owner=302), lambda c: c.token, label="owner's token", changed=revoked),
    # The link is the proof, whoever follows it.
    page("verify_email", "get", everyone(302), lambda c: c.unverified_token, label="valid", changed=verified, acts=frozenset(ROLES)),
    # On to the set-password form, the token moved into the session.
    page("password_reset_confirm", "get", everyone(302), *_RESET, label="valid"),
    # The page saying the link does not work.
    page("password_reset_confirm", "get", everyone(200), "MQ", "bad-token", label="invalid"),
]
# fmt: on


INVITATION_CASES = [
    page("invitation", "get", everyone(200), lambda c: c.open_invite, label="open"),
    page("invitation", "get", everyone(404), lambda c: c.used_invite, label="used"),
    page("invitation", "get", everyone(404), "no-such-token", label="unknown"),
]


def _invited(c: Ctx) -> Engagement:
    return Engagement.objects.get(invited_email="nina@example.com")


def _coach_request(c: Ctx) -> Invitation:
    return Invitation.objects.get(
        direction=Invitation.Direction.CLIENT_TO_COACH, email=c.world.owner.email
    )


def _ivy(c: Ctx) -> IntroRequest:
    return IntroRequest.objects.get(name="Ivy")


acknowledged = exists(FlagAcknowledgement, engagement=E, code="energy-low")
resent_invite = lambda c: _invited(c).invitations.count() == 2  # noqa: E731
accepted_request = lambda c: s.fresh(c.world.solo_engagement).coach_id == c.world.owner.pk  # noqa: E731
handled = lambda c: _ivy(c).handled_at is not None  # noqa: E731

# fmt: off
EXTRA_CASES = [
    # A flag's "got it" is the coach's own: the client and everyone else get a 404.
    page("engagement_acknowledge", "post", hidden(owner=302), E, label="energy-low", data={"code": "energy-low"}, changed=acknowledged),
    page("engagement_resend", "post", hidden(owner=302), _invited, label="invited", changed=resent_invite),
    # A self-guided client's request reaches only the coach it was addressed to.
    page("coach_request", "get", hidden(owner=200), _coach_request, label="to owner"),
    page("coach_request", "post", hidden(owner=302), _coach_request, label="to owner", data={"action": "accept"}, changed=accepted_request),
    page("intro_request_handled", "post", hidden(owner=302), _ivy, label="owner's", changed=handled),
]
# fmt: on

# O*NET occupations are reference data: anyone signed in may read them. The "Explore
# occupations" tool of an engagement belongs to the engagement's people.
OCCUPATION_CASES = [
    page("occupation_detail", "get", signed_in(200), s.occupation, label="existing"),
    page("occupation_detail", "get", signed_in(404), "99-9999.99", label="unknown"),
    page("engagement_occupations", "get", hidden(owner=200, client=200), E),
    page("engagement_occupations", "get", hidden(solo=200), s.solo, label="self-guided"),
]

BOTH = hidden(owner=200, client=200)
CLIENT_WRITES = hidden(owner=403, client=302)  # the board is the client's; the coach comments
OPTION = (E, s.board_option)
option_changed = lambda field, value: lambda c: getattr(s.board_option(c), field) == value  # noqa: E731

# fmt: off
BOARD_CASES = [
    page("board", "get", BOTH, E),
    page("board", "post", CLIENT_WRITES, E, data={"title": "Teach at a college"}, changed=exists(Option, title="Teach at a college")),
    page("board_add_occupation", "post", CLIENT_WRITES, E, data=lambda c: {"code": s.occupation(c)}, changed=lambda c: Option.objects.filter(occupation_code=s.occupation(c)).exists()),
    page("board_option", "get", BOTH, *OPTION),
    page("board_option", "post", CLIENT_WRITES, *OPTION, data={"duties": "Interviews"}, changed=option_changed("duties", "Interviews")),
    page("option_interview", "post", CLIENT_WRITES, *OPTION, data={"person": "Ana"}, changed=lambda c: s.board_option(c).interviews.exists()),
    page("option_experiment", "post", CLIENT_WRITES, *OPTION, data={"kind": "shadowing", "description": "A day"}, changed=lambda c: s.board_option(c).experiments.exists()),
    # Coach and client both comment.
    page("option_comment", "post", hidden(owner=302, client=302), *OPTION, data={"text": "What did you learn?"}, changed=lambda c: s.board_option(c).comments.exists()),
    page("option_set_aside", "post", CLIENT_WRITES, *OPTION, data={"reason": "Pay"}, changed=lambda c: s.board_option(c).set_aside_at is not None),
]
# fmt: on

CASES = (
    EXTRA_CASES
    + ENGAGEMENT_CASES
    + MODEL_CASES
    + PRACTICE_CASES
    + ACCOUNT_CASES
    + INVITATION_CASES
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
