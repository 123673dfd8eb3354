"""The API's table: every operation of the OpenAPI schema, one line each.

`api(...)` names who gets what; everyone else gets the 404 of an id that does not exist and an
anonymous caller 401. `concluded` is the coached client once the engagement is concluded: what
the client reads stays readable, what the client writes is refused unless the entry says so.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from headway.booking.models import Audience, BusyCalendar, SessionType
from headway.booking.services import weekly_hours_set
from headway.checkins.models import CheckIn
from headway.concluding.models import Conclusion, EfficacyRating, FollowUp, Insight
from headway.core.assessments.efficacy import SCALE_KEYS
from headway.decisions.models import Criterion, DecisionMatrix, MatrixOption, Risk
from headway.discovery.models import Assessment, JournalEntry, Kind
from headway.engagements.models import Answer, Intake, StageTransition
from headway.exploration.models import Option
from headway.goals.models import Goal, Obstacle
from headway.goals.models import Step as PlanStep
from headway.meetings.models import Session, SessionNote, SessionStatus
from headway.offsites.models import Offsite, OffsiteCycle, Priority, PriorityPath, SharedResource
from headway.reminders.models import ReminderPreference
from headway.replies.models import Reply
from headway.review.models import Review
from tests.battery import setups as s
from tests.battery.cases import Case, api, api_everyone, exists, gone, op
from tests.battery.world import Ctx
from tests.review.fixtures import VTT

ANSWER = "Numbers, people"
BOTH = api(owner=200, client=200)  # the engagement's coach and client read it


# Once concluded, a write is refused: 403 where the API checks before the service, 400 where
# the service says so (`after=400`; the same refusal, told two ways).
def client_writes(status: int, after: int = 403) -> dict[str, int]:
    return api(owner=403, client=status, concluded=after)


def coach_writes(status: int) -> dict[str, int]:
    return api(owner=status, client=403, concluded=403)


def both_write(status: int, after: int = 403) -> dict[str, int]:
    return api(owner=status, client=status, concluded=after)


def _next_stage(c: Ctx) -> dict[str, Any]:
    stage = c.world.engagement.stage.next_stage()
    assert stage is not None
    return {"stage": stage.key, "reason": "Rapport is there"}


def _moved(c: Ctx) -> bool:
    moves = StageTransition.objects.filter(engagement=c.world.engagement, from_stage__isnull=False)
    return moves.exists()


# fmt: off
ENGAGEMENTS = [
    op("account_me", api_everyone(200)),
    op("coaching_list_models", api_everyone(200)),
    op("coaching_get_model", api(owner=200, colleague=200), label="practice's own"),
    op("coaching_get_model", api_everyone(200), ids={"model_id": s.builtin}, label="built-in"),
    op("engagements_list_engagements", api_everyone(200)),
    op("engagements_get_engagement_detail", BOTH),
    op("engagements_list_engagement_stages", BOTH),
    op("engagements_move_stage", coach_writes(200), body=_next_stage, changed=_moved),
    op("engagements_get_intake", BOTH),
    op("engagements_put_intake", client_writes(200, after=403), body={"current_role": "Accountant", "submit": True}, changed=exists(Intake, current_role="Accountant")),
    op("engagements_list_answers", BOTH),
    op("engagements_put_answer", client_writes(200, after=403), body={"text": ANSWER}, changed=exists(Answer, text=ANSWER)),
]
# fmt: on

# fmt: off
BOARD = [
    op("exploration_board", BOTH),
    op("exploration_add_option", client_writes(201), body={"title": "Teach"}, changed=exists(Option, title="Teach")),
    op("exploration_get_board_option", BOTH),
    op("exploration_update_option", client_writes(200), body={"duties": "Interviews"}, changed=exists(Option, duties="Interviews")),
    op("exploration_add_interview", client_writes(201), body={"person": "Ana"}),
    op("exploration_add_experiment", client_writes(201), body={"kind": "course", "description": "UX"}),
    # Comments are still taken once the engagement is concluded, though the board is kept.
    op("exploration_add_comment", both_write(201, after=403), body={"text": "What did you learn?"}),
]
# fmt: on


def _discovery(kind: Kind) -> list[Case]:
    """The same six operations for each kind of assessment."""
    k = kind.value
    ids = {"assessment_id": s.assessment(kind)}
    started = exists(Assessment, kind=kind, engagement=s.coached)
    return [
        op(f"{k}_list", BOTH),
        op(f"{k}_start", client_writes(201), changed=started),
        op(f"{k}_get", api(client=200), ids=ids),
        # In progress, an assessment is the client's alone: the coach gets the 404.
        op(f"{k}_responses", api(client=200, concluded=403), ids=ids, body={}),
        # Empty, it cannot be completed: the client is told what is missing (400).
        op(f"{k}_complete", api(client=400, concluded=403), ids=ids),
        # Who sees the results stays the client's choice, concluded or not.
        op(f"{k}_sharing", api(client=200), ids=ids, body={"shared": False}),
    ]


# fmt: off
DISCOVERY = [case for kind in Kind for case in _discovery(kind)] + [
    op("discovery_assign", coach_writes(201), body={"kind": "values"}),
    op("journal_entries", api(owner=403, client=200)),  # the coach sees shared patterns only
    op("journal_add", client_writes(201, after=403), body={"activity": "Mentoring", "energy": 2}, changed=lambda c: any(e.activity == "Mentoring" for e in JournalEntry.objects.all())),
    op("journal_delete", client_writes(204, after=403)),
    op("journal_patterns", api(owner=403, client=200)),  # not shared: the coach is told so
    op("journal_sharing", api(owner=403, client=200), body={"shared": True}),
]
# fmt: on

# fmt: off
PLAN = [
    op("calendar_list_events", api_everyone(200)),
    op("calendar_create_feed", api_everyone(201)),
    op("calendar_delete_feed", api_everyone(204)),
    op("decisions_get_decision", BOTH, needs=s.matrix),
    op("decisions_start_decision", client_writes(201)),
    op("decisions_put_scores", client_writes(200), body={"cells": []}, needs=s.matrix),
    op("decisions_put_gut", client_writes(200), body={"options": []}, needs=s.matrix),
    op("decisions_add_criterion", client_writes(201), needs=s.matrix, body={"name": "Commute", "weight": 3}, changed=exists(Criterion, name="Commute")),
    op("decisions_change_criterion", client_writes(200), body={"weight": 2}),
    op("decisions_remove_criterion", client_writes(204)),
    op("decisions_add_option", client_writes(201), needs=s.matrix, body={"title": "Stay"}, changed=exists(MatrixOption, title="Stay")),
    op("decisions_remove_option", client_writes(204), ids={"option_id": s.matrix_option}),
    op("decisions_add_risk", client_writes(201), ids={"option_id": s.matrix_option}, body={"risk": "No openings"}, changed=exists(Risk, risk="No openings")),
    op("decisions_change_risk", client_writes(200), body={"risk": "Pay cut", "mitigation": "Budget"}),
    op("decisions_remove_risk", client_writes(204), changed=gone(Risk, risk="Pay cut")),
    op("decisions_put_choice", client_writes(200), body=lambda c: {"option_id": s.matrix_option(c).pk}, changed=lambda c: DecisionMatrix.objects.filter(chosen__isnull=False).exists()),
    op("goals_list_goals", BOTH),
    op("goals_create_goal", client_writes(201), body={"text": "Finish the UX course by June"}, changed=exists(Goal, text="Finish the UX course by June")),
    op("goals_read_goal", BOTH),
    op("goals_update_goal", client_writes(200), body={"confidence": 7}),
    op("goals_list_revisions", BOTH),
    op("goals_add_step", client_writes(201), body={"title": "Book a coffee"}, changed=exists(PlanStep, title="Book a coffee")),
    op("goals_update_step", client_writes(200), body={"done": True}),
    # The "If" and "then" are the form's own: the obstacle is kept without them.
    op("goals_add_obstacle", client_writes(201), body={"obstacle": "If I feel unsure", "plan": "then I write first"}, changed=exists(Obstacle, obstacle="I feel unsure")),
    op("goals_check_goal", api_everyone(200), body={"text": "Call Ana by Friday"}),
    op("checkins_check_ins", BOTH),
    op("checkins_add", client_writes(201, after=403), body={"energy": 7}, changed=exists(CheckIn, engagement=s.coached)),
    op("checkins_signals", BOTH),
    op("replies_replies", BOTH),
    op("replies_add", both_write(201, after=400), body=lambda c: {"target": "check-in", "target_id": s.check_in(c).pk, "text": "How?"}, changed=exists(Reply)),
]
# fmt: on


def _day(days: int) -> str:
    return (timezone.localdate() + dt.timedelta(days=days)).isoformat()


SCHEDULE = {"date": _day(8), "time": "18:00", "time_zone": "Europe/London", "place": "Room 4"}


def _slot(c: Ctx) -> dt.datetime:
    """A free time of the owner's three days ahead (hours set here)."""
    weekly_hours_set(coach=c.world.owner, by_weekday=["09:00-17:00"] * 7)
    day = timezone.localdate() + dt.timedelta(days=3)
    return dt.datetime.combine(day, dt.time(10), tzinfo=dt.UTC)


def _booking(c: Ctx) -> dict[str, Any]:
    kind = SessionType.objects.get(coach=c.world.owner, audience=Audience.CLIENTS)
    start = _slot(c).isoformat()
    return {"engagement_id": c.world.engagement.pk, "session_type": kind.pk, "start": start}


NURSE = {"code": lambda c: s.NURSE}
# fmt: off
PROFILE = [2, 5, 3, 6, 3, 2]  # Social, then Investigative
REMINDERS = {
    "delivery": "off",
    "digest_weekday": 4,
    "sessions": True,
    "session_hour_before": False,
    "steps": True,
    "step_lead": 1,
    "checkins": True,
    "checkin_days": 7,
    "offsites": True,
    "followups": True,
    "time_zone": "UTC",
}
HOURS = {"time_zone": "UTC", "cancel_hours": 12, "weekly": {"monday": "09:00-12:00"}}
COACHES = api_everyone(200, client=403, other_client=403, solo=403, concluded=403)


def _coaches(status: int) -> dict[str, int]:
    return {k: (status if v == 200 else v) for k, v in COACHES.items()}


MEETINGS = [
    op("notes_list_notes", BOTH),
    op("notes_add_note", coach_writes(201), body={"text": "Talked about Ana"}, changed=lambda c: any(n.text == "Talked about Ana" for n in SessionNote.objects.all())),
    op("notes_brief", api(owner=200, client=403)),
    # O*NET is reference data, the same for everyone signed in (the mini release here).
    op("occupations_search_occupations", api_everyone(200), query="q=nurse", needs=s.onet),
    op("occupations_get_occupation_detail", api_everyone(200), ids=NURSE, needs=s.onet),
    op("occupations_related_occupations", api_everyone(200), ids=NURSE, needs=s.onet),
    op("occupations_pathways", api_everyone(200), body={"from": [s.NURSE]}, needs=s.onet),
    op("occupations_interest_match", api_everyone(200), body={"profile": PROFILE}, needs=s.onet),
    op("sessions_list_sessions", BOTH),
    op("sessions_schedule", coach_writes(201), body=SCHEDULE, changed=exists(Session, place="Room 4")),
    op("sessions_get_session", BOTH),
    op("sessions_reschedule", coach_writes(200), body=SCHEDULE),
    op("sessions_cancel", coach_writes(200), body={"reason": "Ill"}, changed=exists(Session, status=SessionStatus.CANCELLED)),
    op("booking_slots", api_everyone(200, anonymous=200)),  # a public coach's free times
    op("booking_book", api(client=201, concluded=400), body=_booking, needs=s.session_type),
    op("booking_get_availability", COACHES),
    op("booking_put_availability", COACHES, body=HOURS),
    op("booking_session_types", COACHES),
    op("booking_add_session_type", _coaches(201), body={"name": "Walk", "minutes": 45, "audience": "clients"}, changed=exists(SessionType, name="Walk")),
    op("booking_busy_calendars", COACHES),
    op("booking_add_busy_calendar", _coaches(201), body={"name": "Home", "url": "webcal://calendar.example.com/secret.ics"}, changed=exists(BusyCalendar, name="Home")),
    op("booking_remove_busy_calendar", api(owner=204, client=403, other_client=403, solo=403, concluded=403), changed=gone(BusyCalendar, name="Work")),
    op("booking_move", api(client=200, concluded=400), body=lambda c: {"start": _slot(c).isoformat()}),
    op("booking_cancel", api(client=204, concluded=400)),
    op("reminders_get_preferences", api_everyone(200)),
    op("reminders_put_preferences", api_everyone(200), body=REMINDERS, changed=exists(ReminderPreference, delivery="off")),
]
# fmt: on


def _reflected(c: Ctx) -> bool:
    return any(x.reflection == "Well done" for x in Conclusion.objects.all())


# fmt: off
CONCLUDING = [
    op("concluding_efficacy_list", BOTH),
    op("concluding_efficacy_add", client_writes(201, after=400), body={"responses": dict.fromkeys(SCALE_KEYS, 4), "phase": "end"}, changed=exists(EfficacyRating)),
    op("concluding_readiness", BOTH),
    # Checked by the reflection: the `concluded` role's engagement was concluded before it asked.
    op("concluding_conclude", coach_writes(201), body={"reflection": "Well done"}, changed=_reflected),
    op("concluding_insights", BOTH),
    # What the client takes away is written at the end, and after it.
    op("concluding_insights_put", client_writes(200, after=200), body={"learned": ANSWER}, changed=exists(Insight)),
    op("concluding_celebration", BOTH),
    op("concluding_followups", BOTH),
    # The follow-ups come after the conclusion.
    op("concluding_followup_decline", client_writes(200, after=200), body={"declined": True}, changed=exists(FollowUp, declined_at__isnull=False)),
    op("concluding_followup_answer_post", client_writes(200, after=200), body={"energy": 7}, changed=exists(FollowUp, answered_at__isnull=False)),
    op("offsites_read_cycle", BOTH),
    op("offsites_write_cycle", both_write(200, after=400), body={"every_months": 2}, changed=exists(OffsiteCycle, every_months=2)),
    op("offsites_list_offsites", BOTH),
    op("offsites_start", client_writes(201, after=400), body={"mode": "self_guided"}, changed=exists(Offsite)),
    op("offsites_read_offsite", BOTH),
    op("offsites_write_answer", client_writes(200), body={"text": ANSWER}),
    op("offsites_clock", client_writes(200), body={"action": "pause"}),
    op("offsites_complete", client_writes(200), needs=s.offsite_insights),
    op("offsites_priority_goal", client_writes(201, after=400), ids={"offsite_id": s.priority_offsite}, changed=exists(Priority, goal__isnull=False)),
    op("offsites_priority_later", client_writes(200, after=400), ids={"offsite_id": s.priority_offsite}, body={"path": "later"}, changed=exists(Priority, path=PriorityPath.LATER)),
    op("offsites_shared_resources", BOTH),
    op("offsites_mark_resource", client_writes(200, after=400), body={"used": True, "useful": True}, changed=exists(SharedResource, useful=True)),
    op("review_list_reviews", api(owner=200)),
    op("review_create_review", api(owner=201), body={"filename": "s.vtt", "content": VTT, "coach": "Olivia Owner"}, changed=exists(Review, filename="s.vtt")),
    op("review_get_review", api(owner=200)),
    op("review_delete_review", api(owner=204), changed=gone(Review)),
    op("review_set_coach", api(owner=200), body={"speaker": "Olivia Owner"}),
    op("privacy_my_consent", api_everyone(200)),
    op("privacy_engagement_consent", BOTH),
    op("privacy_my_export", api_everyone(200)),
]
# fmt: on

# The self-guided journey: its client may do all the client and the coach may; nobody else
# sees it. One entry for each operation the old battery tried on it.
SOLO = {"engagement_id": s.solo}
SELF_GUIDED = [
    op(name, api(solo=status), ids=SOLO, label="self-guided", body=body)
    for name, status, body in [
        ("engagements_get_engagement_detail", 200, None),
        ("engagements_list_engagement_stages", 200, None),
        ("engagements_get_intake", 200, None),
        ("engagements_put_intake", 200, {"current_role": "Accountant", "submit": True}),
        ("engagements_list_answers", 200, None),
        ("concluding_readiness", 200, None),
        ("concluding_insights_put", 200, {"learned": ANSWER}),
        ("offsites_read_cycle", 200, None),
        ("offsites_write_cycle", 200, {"every_months": 2}),
        ("offsites_list_offsites", 200, None),
        ("offsites_shared_resources", 200, None),
        ("privacy_engagement_consent", 200, None),
        ("review_list_reviews", 404, None),
    ]
]

# Operations whose right caller the battery takes as far as the check of what is missing (a
# 400 that says so): completing an empty assessment.
# The coach who books in their own client's engagement is told "Not found" (lower case), not
# the API's "Not Found" of an id that does not exist (nor a 403 saying only the client books).
NOT_FOUND = {("booking_book", "owner"): {"detail": "Not found"}}

UP_TO_VALIDATION = {f"{kind.value}_complete" for kind in Kind}

CASES = ENGAGEMENTS + BOARD + DISCOVERY + PLAN + MEETINGS + CONCLUDING + SELF_GUIDED
