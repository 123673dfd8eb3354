"""Engagements: invitations both ways, carrying a self-guided journey over, stages,
answers, agreements and exit checklists."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from headway.coaching.models import Stage, StageQuestion
from headway.coaching.services import coaching_model_clone, stage_add
from headway.engagements.models import (
    AgreementAcceptance,
    Answer,
    Engagement,
    EngagementKind,
    EngagementStatus,
    Intake,
    Invitation,
    StageTransition,
    StatusChange,
)
from headway.engagements.services import (
    agreement_accept,
    answer_save,
    checklist_toggle,
    engagement_invite_client,
    engagement_move_stage,
    engagement_request_coach,
    engagement_set_status,
    intake_save,
    invitation_accept,
    invitation_by_token,
)
from headway.practices.models import Membership
from headway.practices.services import agreement_publish
from tests.helpers import World, link_token, offsite_model, person, transition_model

pytestmark = pytest.mark.django_db


def owner_membership(world: World) -> Membership:
    return Membership.objects.get(user=world.owner, practice=world.practice)


def invite(world: World, email: str = "dora@example.com", model=None) -> tuple[Engagement, str]:
    return engagement_invite_client(
        coach=world.owner,
        membership=owner_membership(world),
        email=email,
        name="Dora Doe",
        model=model or transition_model(),
        message="Looking forward to it.",
    )


def question(engagement: Engagement, stage_key: str, question_key: str) -> StageQuestion:
    return StageQuestion.objects.get(
        stage__version=engagement.model_version, stage__key=stage_key, key=question_key
    )


def stage_of(engagement: Engagement, key: str) -> Stage:
    return engagement.model_version.stages.get(key=key)


# inviting a client -------------------------------------------------------------


def test_inviting_a_client_creates_an_invited_engagement(world: World) -> None:
    engagement, raw = invite(world, email="  Dora@Example.com ")
    assert engagement.status == EngagementStatus.INVITED
    assert engagement.kind == EngagementKind.COACHED
    assert engagement.coach == world.owner
    assert engagement.practice == world.practice
    assert engagement.client is None
    assert engagement.invited_email == "dora@example.com"
    assert engagement.client_name == "Dora Doe"
    version = transition_model().latest_version()
    assert engagement.model_version == version
    assert engagement.stage == version.first_stage()
    (start,) = engagement.transitions.all()
    assert (start.from_stage, start.to_stage, start.moved_by) == (
        None,
        version.first_stage(),
        world.owner,
    )
    invitation = invitation_by_token(raw)
    assert invitation is not None
    assert invitation.engagement == engagement
    assert invitation.direction == Invitation.Direction.COACH_TO_CLIENT
    assert invitation.token_hash != raw


def test_invitation_email_carries_a_working_link(
    world: World, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        engagement, raw = invite(world)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["dora@example.com"]
    assert world.owner.name in message.body
    assert "Looking forward to it." in message.body
    token = link_token(message.body, "invitation")
    assert token == raw
    invitation = invitation_by_token(token)
    assert invitation is not None
    assert invitation.engagement == engagement


def test_no_second_open_engagement_with_the_same_person(world: World) -> None:
    invite(world)
    with pytest.raises(ValidationError, match="already have an open engagement"):
        invite(world, email="DORA@example.com")
    with pytest.raises(ValidationError, match="already have an open engagement"):
        invite(world, email=world.client.email)  # an active client too
    assert Engagement.objects.filter(invited_email="dora@example.com").count() == 1


def test_another_coach_may_invite_the_same_person(world: World) -> None:
    invite(world)
    outsider = Membership.objects.get(user=world.outsider)
    engagement, _ = engagement_invite_client(
        coach=world.outsider,
        membership=outsider,
        email="dora@example.com",
        name="Dora",
        model=offsite_model(),
    )
    assert engagement.practice == outsider.practice


def test_a_concluded_engagement_does_not_block_a_new_invitation(world: World) -> None:
    engagement_set_status(
        engagement=world.engagement, status=EngagementStatus.CONCLUDED, by=world.owner
    )
    engagement, _ = invite(world, email=world.client.email)
    assert engagement.status == EngagementStatus.INVITED


# accepting ---------------------------------------------------------------------


def test_accepting_an_invitation_makes_the_engagement_active(world: World) -> None:
    engagement, raw = invite(world)
    dora = person("dora@example.com", "Dora Doe")
    invitation = invitation_by_token(raw)
    assert invitation is not None

    accepted = invitation_accept(invitation=invitation, user=dora)

    assert accepted.pk == engagement.pk
    engagement.refresh_from_db()
    assert engagement.client == dora
    assert engagement.status == EngagementStatus.ACTIVE
    change = StatusChange.objects.get(engagement=engagement)
    assert (change.from_status, change.to_status, change.changed_by) == (
        EngagementStatus.INVITED,
        EngagementStatus.ACTIVE,
        dora,
    )
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    assert invitation_by_token(raw) is None
    assert engagement in Engagement.objects.visible_to(dora)


def test_accepting_twice_fails(world: World) -> None:
    _, raw = invite(world)
    invitation = invitation_by_token(raw)
    assert invitation is not None
    dora = person("dora@example.com")
    invitation_accept(invitation=invitation, user=dora)
    with pytest.raises(ValidationError, match="already been used"):
        invitation_accept(invitation=invitation, user=dora)
    with pytest.raises(ValidationError, match="already been used"):
        invitation_accept(
            invitation=Invitation.objects.get(pk=invitation.pk), user=person("eve@example.com")
        )
    assert StatusChange.objects.filter(engagement=invitation.engagement).count() == 1


def test_a_stale_copy_of_an_invitation_cannot_be_accepted_again(world: World) -> None:
    """Two requests load the same open invitation; only the first may win."""
    _, raw = invite(world)
    first, second = invitation_by_token(raw), invitation_by_token(raw)
    assert first is not None and second is not None
    dora, eve = person("dora@example.com"), person("eve@example.com")
    invitation_accept(invitation=first, user=dora)
    with pytest.raises(ValidationError, match="already been used"):
        invitation_accept(invitation=second, user=eve)
    engagement = Engagement.objects.get(pk=first.engagement_id)
    assert engagement.client == dora


def test_a_coach_cannot_accept_their_own_invitation(world: World) -> None:
    _, raw = invite(world, email="someone@example.com")
    invitation = invitation_by_token(raw)
    assert invitation is not None
    with pytest.raises(ValidationError, match="your own invitation"):
        invitation_accept(invitation=invitation, user=world.owner)
    invitation.refresh_from_db()
    assert invitation.is_open


# bringing a self-guided journey ------------------------------------------------


def _solo_journey(world: World) -> Engagement:
    """Sam's self-guided journey: three answers, an intake, now in the current-state stage."""
    solo = world.solo_engagement
    answer_save(
        engagement=solo,
        question=question(solo, "rapport", "what-brings-you"),
        text="I want work that matters.",
        by=world.solo,
    )
    answer_save(
        engagement=solo,
        question=question(solo, "rapport", "biggest-worry"),
        text="Money.",
        by=world.solo,
    )
    answer_save(
        engagement=solo,
        question=question(solo, "current-state", "satisfaction-score"),
        text="4, the people keep it up.",
        by=world.solo,
    )
    intake_save(
        engagement=solo,
        intake=Intake(current_role="Accountant", field="Finance", satisfaction=4),
        submit=True,
    )
    engagement_move_stage(engagement=solo, to_stage=stage_of(solo, "current-state"), by=world.solo)
    solo.refresh_from_db()
    return solo


def test_bringing_a_self_guided_journey_into_a_coached_one(world: World) -> None:
    solo = _solo_journey(world)
    engagement, raw = invite(world, email=world.solo.email, model=offsite_model())
    invitation = invitation_by_token(raw)
    assert invitation is not None

    invitation_accept(invitation=invitation, user=world.solo, bring_from=solo)

    engagement.refresh_from_db()
    assert engagement.client == world.solo
    assert engagement.status == EngagementStatus.ACTIVE
    # Answers whose stage and question keys exist in the new model follow the client.
    for stage_key, question_key, text in [
        ("rapport", "what-brings-you", "I want work that matters."),
        ("current-state", "satisfaction-score", "4, the people keep it up."),
    ]:
        answer = Answer.objects.get(
            engagement=engagement, stage_key=stage_key, question_key=question_key
        )
        assert answer.text == text
        assert answer.question == question(engagement, stage_key, question_key)
        assert answer.updated_by == world.solo
    # The intake is copied; the old journey keeps its own.
    assert engagement.intake.current_role == "Accountant"
    assert engagement.intake.is_complete
    assert Intake.objects.get(engagement=solo).current_role == "Accountant"
    # The client continues in the stage they had reached.
    assert engagement.stage == stage_of(engagement, "current-state")
    assert engagement.transitions.filter(
        to_stage=engagement.stage, reason="Continued from the self-guided journey"
    ).exists()
    # The old journey is concluded and points at its continuation.
    solo.refresh_from_db()
    assert solo.status == EngagementStatus.CONCLUDED
    assert solo.concluded_at is not None
    assert solo.continued_in == engagement
    assert solo.answers.count() == 3
    assert StatusChange.objects.filter(
        engagement=solo, from_status=EngagementStatus.ACTIVE, to_status=EngagementStatus.CONCLUDED
    ).exists()


def test_bringing_a_journey_on_the_same_model_links_every_answer(world: World) -> None:
    solo = _solo_journey(world)
    engagement, raw = invite(world, email=world.solo.email)
    invitation = invitation_by_token(raw)
    assert invitation is not None
    invitation_accept(invitation=invitation, user=world.solo, bring_from=solo)
    answers = Answer.objects.filter(engagement=engagement)
    assert answers.count() == 3
    assert all(
        a.question is not None and a.question.stage.version == engagement.model_version
        for a in answers
    )
    engagement.refresh_from_db()
    assert engagement.stage.key == "current-state"


def test_only_your_own_self_guided_journey_can_be_brought(world: World) -> None:
    engagement, raw = invite(world, email="dora@example.com")
    invitation = invitation_by_token(raw)
    assert invitation is not None
    dora = person("dora@example.com")
    with pytest.raises(ValidationError, match="Only your own self-guided journey"):
        invitation_accept(invitation=invitation, user=dora, bring_from=world.solo_engagement)
    # Nothing happened: the invitation is still open and Sam's journey untouched.
    assert invitation_by_token(raw) is not None
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.INVITED
    world.solo_engagement.refresh_from_db()
    assert world.solo_engagement.status == EngagementStatus.ACTIVE
    assert world.solo_engagement.continued_in is None


# a self-guided client asking for a coach ------------------------------------------


def test_requesting_a_coach_who_accepts_makes_the_journey_coached(
    world: World, django_capture_on_commit_callbacks
) -> None:
    solo = _solo_journey(world)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = engagement_request_coach(
            engagement=solo, by=world.solo, email=" OSCAR@example.com ", message="Can you help?"
        )
    assert invitation.direction == Invitation.Direction.CLIENT_TO_COACH
    assert invitation.email == "oscar@example.com"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["oscar@example.com"]
    assert "Can you help?" in mail.outbox[0].body
    token = link_token(mail.outbox[0].body, "invitation")
    found = invitation_by_token(token)
    assert found == invitation
    assert found is not None

    invitation_accept(invitation=found, user=world.outsider)

    solo.refresh_from_db()
    assert solo.kind == EngagementKind.COACHED
    assert solo.coach == world.outsider
    assert solo.practice == Membership.objects.get(user=world.outsider).practice
    assert solo.client == world.solo
    assert solo.status == EngagementStatus.ACTIVE
    assert solo.answers.count() == 3
    assert solo.stage.key == "current-state"
    assert solo in Engagement.objects.coached_by(world.outsider)
    # Now the coach leads the stage.
    assert not solo.can_move_stage(world.solo)
    assert solo.can_move_stage(world.outsider)


def test_only_a_coach_can_take_up_a_request(world: World) -> None:
    invitation = engagement_request_coach(
        engagement=world.solo_engagement, by=world.solo, email="friend@example.com", message=""
    )
    friend = person("friend@example.com")
    with pytest.raises(ValidationError, match="practice first"):
        invitation_accept(invitation=invitation, user=friend)
    world.solo_engagement.refresh_from_db()
    assert world.solo_engagement.is_self_guided
    assert world.solo_engagement.coach is None


def test_only_a_self_guided_client_can_request_a_coach(world: World) -> None:
    with pytest.raises(ValidationError):
        engagement_request_coach(
            engagement=world.engagement, by=world.client, email="x@example.com", message=""
        )
    with pytest.raises(ValidationError):
        engagement_request_coach(
            engagement=world.solo_engagement, by=world.client, email="x@example.com", message=""
        )
    assert not Invitation.objects.filter(email="x@example.com").exists()


# stages ------------------------------------------------------------------------


def test_the_coach_moves_the_stage_and_history_is_kept(world: World) -> None:
    engagement = world.engagement
    first = engagement.stage
    second = first.next_stage()
    assert second is not None
    before = engagement.last_activity_at

    transition = engagement_move_stage(
        engagement=engagement, to_stage=second, by=world.owner, reason="  Ready.  "
    )

    assert (transition.from_stage, transition.to_stage, transition.moved_by, transition.reason) == (
        first,
        second,
        world.owner,
        "Ready.",
    )
    engagement.refresh_from_db()
    assert engagement.stage == second
    assert engagement.last_activity_at >= before
    engagement_move_stage(engagement=engagement, to_stage=first, by=world.owner)
    history = list(
        StageTransition.objects.filter(engagement=engagement)
        .order_by("pk")
        .values_list("from_stage", "to_stage")
    )
    assert history == [(None, first.pk), (first.pk, second.pk), (second.pk, first.pk)]


@pytest.mark.parametrize("who", ["client", "colleague", "outsider", "other_client"])
def test_only_the_coach_moves_a_coached_engagement(world: World, who: str) -> None:
    engagement = world.engagement
    second = engagement.stage.next_stage()
    assert second is not None
    with pytest.raises(ValidationError, match="Only the coach"):
        engagement_move_stage(engagement=engagement, to_stage=second, by=getattr(world, who))
    engagement.refresh_from_db()
    assert engagement.stage == second.previous_stage()
    assert engagement.transitions.count() == 1


def test_a_self_guided_client_moves_their_own_stage(world: World) -> None:
    solo = world.solo_engagement
    second = solo.stage.next_stage()
    assert second is not None
    engagement_move_stage(engagement=solo, to_stage=second, by=world.solo)
    solo.refresh_from_db()
    assert solo.stage == second
    with pytest.raises(ValidationError):
        engagement_move_stage(engagement=solo, to_stage=second.next_stage(), by=world.client)


def test_a_stage_of_another_version_is_refused(world: World) -> None:
    engagement = world.engagement
    other_model_stage = offsite_model().latest_version().stages.get(key="offsite")
    with pytest.raises(ValidationError, match="another coaching model"):
        engagement_move_stage(engagement=engagement, to_stage=other_model_stage, by=world.owner)
    # The same model's stage in a newer version is another version too.
    clone = coaching_model_clone(
        source=engagement.model_version, practice_id=world.practice.pk, by=world.owner, name="Ours"
    )
    with pytest.raises(ValidationError, match="another coaching model"):
        engagement_move_stage(
            engagement=engagement,
            to_stage=clone.latest_version().stages.get(key="readiness"),
            by=world.owner,
        )
    engagement.refresh_from_db()
    assert engagement.stage.key == "rapport"


def test_moving_to_the_current_stage_or_in_a_concluded_engagement_is_refused(world: World) -> None:
    engagement = world.engagement
    with pytest.raises(ValidationError, match="already at that stage"):
        engagement_move_stage(engagement=engagement, to_stage=engagement.stage, by=world.owner)
    engagement_set_status(engagement=engagement, status=EngagementStatus.CONCLUDED, by=world.owner)
    second = engagement.stage.next_stage()
    assert second is not None
    with pytest.raises(ValidationError, match="concluded"):
        engagement_move_stage(engagement=engagement, to_stage=second, by=world.owner)


def test_an_engagement_keeps_its_version_when_the_model_changes(world: World) -> None:
    clone = coaching_model_clone(
        source=transition_model().latest_version(),
        practice_id=world.practice.pk,
        by=world.owner,
        name="Ours",
    )
    engagement, _ = invite(world, model=clone)
    v1 = engagement.model_version
    stage_add(model=clone, name="Bonus")
    assert clone.latest_version() != v1
    next_stage = engagement.stage.next_stage()
    assert next_stage is not None
    engagement_move_stage(engagement=engagement, to_stage=next_stage, by=world.owner)
    engagement.refresh_from_db()
    assert engagement.model_version == v1
    assert engagement.stage.version == v1


# answers -----------------------------------------------------------------------


def test_answer_save_creates_then_updates_one_answer(world: World) -> None:
    engagement = world.engagement
    q = question(engagement, "rapport", "what-brings-you")
    first = answer_save(engagement=engagement, question=q, text="A first go.", by=world.client)
    assert (first.stage_key, first.question_key, first.question_text) == ("rapport", q.key, q.text)
    second = answer_save(engagement=engagement, question=q, text="Better now.", by=world.client)
    assert second.pk == first.pk
    assert Answer.objects.get(engagement=engagement, question_key=q.key).text == "Better now."
    assert engagement.answers.count() == 1


def test_answer_save_refuses_a_question_of_another_version(world: World) -> None:
    engagement = world.engagement
    foreign = question(world.solo_engagement, "rapport", "what-brings-you")  # same model, same key
    clone = coaching_model_clone(
        source=engagement.model_version, practice_id=world.practice.pk, by=world.owner, name="Ours"
    )
    cloned = StageQuestion.objects.filter(stage__version=clone.latest_version()).first()
    offsite = StageQuestion.objects.filter(stage__version=offsite_model().latest_version()).first()
    assert cloned is not None and offsite is not None
    # The solo journey shares the built-in version, so that question belongs to this version.
    assert foreign.stage.version == engagement.model_version
    for q in (cloned, offsite):
        with pytest.raises(ValidationError, match="not part of this engagement"):
            answer_save(engagement=engagement, question=q, text="Nope", by=world.client)
    assert not engagement.answers.exists()


# agreements --------------------------------------------------------------------


def test_only_the_client_accepts_the_agreement(world: World) -> None:
    engagement = world.engagement
    agreement = world.practice.current_agreement()
    assert agreement is not None
    for someone in (world.owner, world.colleague, world.outsider, world.other_client):
        with pytest.raises(ValidationError, match="Only the client"):
            agreement_accept(engagement=engagement, agreement=agreement, by=someone)
    assert not AgreementAcceptance.objects.filter(engagement=engagement).exists()

    acceptance = agreement_accept(engagement=engagement, agreement=agreement, by=world.client)
    assert (acceptance.agreement, acceptance.accepted_by) == (agreement, world.client)
    assert list(engagement.acceptances.all()) == [acceptance]


def test_an_acceptance_points_at_the_exact_version(world: World) -> None:
    engagement = world.engagement
    v1 = world.practice.current_agreement()
    assert v1 is not None
    agreement_accept(engagement=engagement, agreement=v1, by=world.client)
    v2 = agreement_publish(
        practice=world.practice, by=world.owner, terms="New", confidentiality="C", exceptions="E"
    )
    agreement_accept(engagement=engagement, agreement=v2, by=world.client)
    assert sorted(engagement.acceptances.values_list("agreement__version", flat=True)) == [1, 2]


def test_an_agreement_of_another_practice_is_refused(world: World) -> None:
    other = Membership.objects.get(user=world.outsider).practice.current_agreement()
    assert other is not None
    with pytest.raises(ValidationError, match="another practice"):
        agreement_accept(engagement=world.engagement, agreement=other, by=world.client)


# exit checklist -------------------------------------------------------------------


def test_checklist_toggle_marks_and_unmarks_items(world: World) -> None:
    engagement = world.engagement
    stage = engagement.stage
    assert len(stage.exit_checklist) >= 3
    checklist_toggle(engagement=engagement, stage=stage, index=2, done=True)
    checklist_toggle(engagement=engagement, stage=stage, index=0, done=True)
    checklist_toggle(engagement=engagement, stage=stage, index=0, done=True)  # idempotent
    engagement.refresh_from_db()
    assert engagement.done_items(stage.key) == [0, 2]
    checklist_toggle(engagement=engagement, stage=stage, index=0, done=False)
    checklist_toggle(engagement=engagement, stage=stage, index=1, done=False)  # was not done
    engagement.refresh_from_db()
    assert engagement.done_items(stage.key) == [2]


def test_checklist_is_kept_per_stage(world: World) -> None:
    engagement = world.engagement
    first = engagement.stage
    second = first.next_stage()
    assert second is not None
    checklist_toggle(engagement=engagement, stage=first, index=0, done=True)
    checklist_toggle(engagement=engagement, stage=second, index=1, done=True)
    engagement.refresh_from_db()
    assert engagement.done_items(first.key) == [0]
    assert engagement.done_items(second.key) == [1]


def test_checklist_refuses_items_that_do_not_exist(world: World) -> None:
    engagement = world.engagement
    stage = engagement.stage
    for index in (-1, len(stage.exit_checklist)):
        with pytest.raises(ValidationError, match="No such checklist item"):
            checklist_toggle(engagement=engagement, stage=stage, index=index, done=True)
    engagement.refresh_from_db()
    assert engagement.checklist_done == {}


# status ------------------------------------------------------------------------


def test_status_changes_are_recorded(world: World) -> None:
    engagement = world.engagement
    engagement_set_status(
        engagement=engagement, status=EngagementStatus.PAUSED, by=world.owner, reason=" Holiday "
    )
    engagement_set_status(engagement=engagement, status=EngagementStatus.CONCLUDED, by=world.owner)
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.CONCLUDED
    assert engagement.concluded_at is not None
    changes = list(
        engagement.status_changes.order_by("pk").values_list("from_status", "to_status", "reason")
    )
    assert changes == [
        ("invited", "active", "Invitation accepted"),
        ("active", "paused", "Holiday"),
        ("paused", "concluded", ""),
    ]
    engagement_set_status(engagement=engagement, status=EngagementStatus.ACTIVE, by=world.owner)
    engagement.refresh_from_db()
    assert engagement.concluded_at is None


def test_an_invited_engagement_cannot_be_made_active_by_hand(world: World) -> None:
    engagement, _ = invite(world)
    with pytest.raises(ValidationError, match="not accepted"):
        engagement_set_status(engagement=engagement, status=EngagementStatus.ACTIVE, by=world.owner)
    engagement_set_status(engagement=engagement, status=EngagementStatus.CONCLUDED, by=world.owner)
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.CONCLUDED
