"""What needs a coach's attention, from plain facts (no Django)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from headway.core.followup.attention import (
    INVITE_REMINDER_DAYS,
    LONG_STAGE_DAYS,
    QUIET_DAYS,
    Attention,
    EngagementFacts,
    Level,
    attention_items,
    needs_action,
)


def facts(**changes: Any) -> EngagementFacts:
    """A healthy, active, coached engagement; each test changes only what it is about."""
    base = EngagementFacts(
        status="active",
        self_guided=False,
        days_since_activity=1,
        days_since_invited=None,
        days_in_stage=3,
        agreement_accepted=True,
        agreement_outdated=False,
        intake_submitted=True,
        answers_in_stage=2,
        questions_in_stage=10,
        checklist_done=1,
        checklist_total=4,
        unseen_client_activity=False,
    )
    return dataclasses.replace(base, **changes)


def codes(f: EngagementFacts) -> tuple[str, ...]:
    return tuple(item.code for item in attention_items(f))


def test_healthy_engagement_needs_nothing() -> None:
    items = attention_items(facts())
    assert items == ()
    assert needs_action(items) is False


def test_concluded_engagement_never_asks_for_attention() -> None:
    f = facts(
        status="concluded",
        agreement_accepted=False,
        intake_submitted=False,
        days_since_activity=400,
        days_in_stage=400,
        unseen_client_activity=True,
    )
    assert attention_items(f) == ()


@pytest.mark.parametrize("days", [None, 0, INVITE_REMINDER_DAYS - 1])
def test_recent_invitation_is_only_information(days: int | None) -> None:
    items = attention_items(
        facts(
            status="invited",
            days_since_invited=days,
            intake_submitted=False,
            agreement_accepted=False,
        )
    )
    assert items == (Attention("invited", "Waiting for the client to accept", Level.INFO),)
    assert needs_action(items) is False


@pytest.mark.parametrize("days", [INVITE_REMINDER_DAYS, INVITE_REMINDER_DAYS + 20])
def test_old_invitation_asks_for_action_and_nothing_else(days: int) -> None:
    items = attention_items(
        facts(
            status="invited",
            days_since_invited=days,
            intake_submitted=False,
            agreement_accepted=False,
        )
    )
    assert len(items) == 1
    (item,) = items
    assert item.code == "invite-pending"
    assert item.level is Level.ACT
    assert str(days) in item.message
    assert needs_action(items) is True


def test_unaccepted_agreement_of_coached_engagement_is_an_action() -> None:
    items = attention_items(facts(agreement_accepted=False))
    assert [(i.code, i.level) for i in items] == [("agreement", Level.ACT)]


def test_self_guided_journey_has_no_agreement_to_accept() -> None:
    assert codes(facts(self_guided=True, agreement_accepted=False)) == ()


def test_outdated_agreement_is_information_once_accepted() -> None:
    items = attention_items(facts(agreement_outdated=True))
    assert [(i.code, i.level) for i in items] == [("agreement-new", Level.INFO)]


def test_unaccepted_agreement_hides_the_outdated_notice() -> None:
    assert codes(facts(agreement_accepted=False, agreement_outdated=True)) == ("agreement",)


def test_missing_intake_is_an_action() -> None:
    items = attention_items(facts(intake_submitted=False))
    assert [(i.code, i.level) for i in items] == [("intake", Level.ACT)]


def test_quiet_threshold() -> None:
    assert codes(facts(days_since_activity=QUIET_DAYS - 1)) == ()
    (item,) = attention_items(facts(days_since_activity=QUIET_DAYS))
    assert item.code == "quiet"
    assert item.level is Level.ACT
    assert f"{QUIET_DAYS} days" in item.message


def test_paused_engagement_is_not_quiet_nor_long_in_stage() -> None:
    f = facts(
        status="paused", days_since_activity=QUIET_DAYS * 5, days_in_stage=LONG_STAGE_DAYS * 2
    )
    assert codes(f) == ()


def test_unseen_client_activity_is_information() -> None:
    items = attention_items(facts(unseen_client_activity=True))
    assert [(i.code, i.level) for i in items] == [("new-answers", Level.INFO)]
    assert needs_action(items) is False


def test_complete_checklist_suggests_moving_on() -> None:
    items = attention_items(facts(checklist_done=4, checklist_total=4))
    assert [(i.code, i.level) for i in items] == [("stage-ready", Level.INFO)]


def test_empty_checklist_is_never_complete() -> None:
    assert codes(facts(checklist_done=0, checklist_total=0)) == ()


def test_stage_without_questions_is_not_ready() -> None:
    assert codes(facts(checklist_done=4, checklist_total=4, questions_in_stage=0)) == ()


def test_long_stage_threshold() -> None:
    assert codes(facts(days_in_stage=LONG_STAGE_DAYS - 1)) == ()
    (item,) = attention_items(facts(days_in_stage=LONG_STAGE_DAYS))
    assert item.code == "long-stage"
    assert item.level is Level.INFO
    assert str(LONG_STAGE_DAYS) in item.message


def test_ready_stage_takes_precedence_over_long_stage() -> None:
    f = facts(checklist_done=4, checklist_total=4, days_in_stage=LONG_STAGE_DAYS + 10)
    assert codes(f) == ("stage-ready",)


def test_several_reasons_come_in_a_stable_order() -> None:
    f = facts(
        agreement_accepted=False,
        intake_submitted=False,
        days_since_activity=QUIET_DAYS,
        unseen_client_activity=True,
        days_in_stage=LONG_STAGE_DAYS,
    )
    assert codes(f) == ("agreement", "intake", "quiet", "new-answers", "long-stage")
    assert needs_action(attention_items(f)) is True


def test_needs_action_only_for_act_items() -> None:
    info = Attention("x", "x", Level.INFO)
    act = Attention("y", "y", Level.ACT)
    assert needs_action(()) is False
    assert needs_action((info,)) is False
    assert needs_action((info, act)) is True


def test_levels_are_plain_strings_for_templates() -> None:
    assert Level.ACT == "act"
    assert Level.INFO == "info"


def test_items_are_immutable() -> None:
    (item,) = attention_items(facts(intake_submitted=False))
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.code = "other"  # type: ignore[misc]


def test_overdue_assessments_ask_for_action() -> None:
    one = attention_items(facts(overdue_assessments=1))
    assert [(i.code, i.message, i.level) for i in one] == [
        ("assessment-overdue", "1 assessment past due", Level.ACT)
    ]
    assert attention_items(facts(overdue_assessments=3))[0].message == "3 assessments past due"


def test_new_shared_results_are_information() -> None:
    items = attention_items(facts(new_results=2))
    assert [(i.code, i.message, i.level) for i in items] == [
        ("new-results", "2 new results shared with you", Level.INFO)
    ]


def test_a_passed_offsite_date_is_information() -> None:
    assert codes(facts(offsite_days_late=None)) == ()
    (item,) = attention_items(facts(offsite_days_late=3))
    assert (item.code, item.message, item.level) == (
        "offsite-due",
        "Offsite was planned for 3 days ago",
        Level.INFO,
    )
    assert attention_items(facts(offsite_days_late=1))[0].message.endswith("1 day ago")
    assert attention_items(facts(offsite_days_late=0))[0].message.endswith("for today")
    assert codes(facts(offsite_days_late=3, status="paused")) == ()
