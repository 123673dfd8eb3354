"""Session notes and the coach's prep brief.

The coach writes notes, private or shared; the client reads the shared ones only. Every private
note sent in a response is written to the audit log, marked as read through the API.
"""

from __future__ import annotations

from datetime import date, datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from headway.accounts.models import User
from headway.api.auth import request_user
from headway.api.schemas import ErrorOut
from headway.core.followup.brief import StepFact
from headway.engagements.access import get_engagement
from headway.meetings.brief import session_brief
from headway.meetings.models import NoteKind, Session, SessionNote
from headway.meetings.note_services import note_add, notes_for

router = Router(tags=["session notes"])

READ = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


class NoteOut(Schema):
    id: int
    kind: str = Field(description="private (the coach's alone) or shared (the client sees it)")
    text: str
    created_at: datetime
    updated_at: datetime
    mine: bool

    @classmethod
    def of(cls, n: SessionNote, user: User) -> NoteOut:
        return cls(
            id=n.pk,
            kind=n.kind,
            text=n.text,
            created_at=n.created_at,
            updated_at=n.updated_at,
            mine=n.author_id == user.pk,
        )


class NoteIn(Schema):
    text: str
    kind: NoteKind = NoteKind.PRIVATE


class BriefStepOut(Schema):
    title: str
    due_on: date | None
    done_at: datetime | None


class GoalBriefOut(Schema):
    goal: str
    done: list[BriefStepOut] = Field(description="Steps done since the last session")
    due: list[BriefStepOut] = Field(description="Open steps due from today up to the session")
    overdue: list[BriefStepOut] = Field(description="Open steps past their due date")


class DatedOut(Schema):
    at: datetime
    text: str


class CheckInBriefOut(Schema):
    at: datetime
    energy: int
    progress: str
    obstacles: str
    win: str


class EnergyOut(Schema):
    word: str = Field(description="rising, falling, steady, up and down, or too few to tell")
    values: list[int] = Field(description="The latest energies, oldest first, 1-10")


class PlanObstacleOut(Schema):
    at: datetime
    goal: str
    obstacle: str
    plan: str


class BriefOut(Schema):
    since: datetime | None = Field(description="The last session; null before the first one")
    until: datetime = Field(description="The session the brief prepares")
    topics: list[str]
    wins: list[DatedOut]
    goals: list[GoalBriefOut]
    latest_check_ins: list[CheckInBriefOut] = Field(description="Newest first")
    check_ins_since: int
    energy: EnergyOut
    obstacles: list[DatedOut] = Field(description="Reported in check-ins since the last session")
    plan_obstacles: list[PlanObstacleOut] = Field(description="Added to the plan since then")


def _session(user: User, engagement_id: int, session_id: int) -> Session:
    engagement = get_engagement(user, engagement_id)
    return get_object_or_404(
        Session.objects.select_related("engagement"), pk=session_id, engagement=engagement
    )


@router.get(
    "/engagements/{engagement_id}/sessions/{session_id}/notes",
    response={200: list[NoteOut], **READ},
    summary="The session's notes you may read (each private note read is logged)",
)
def list_notes(request: HttpRequest, engagement_id: int, session_id: int) -> list[NoteOut]:
    user = request_user(request)
    session = _session(user, engagement_id, session_id)
    return [NoteOut.of(n, user) for n in notes_for(user=user, session=session, via="api")]


@router.post(
    "/engagements/{engagement_id}/sessions/{session_id}/notes",
    response={201: NoteOut, **WRITE},
    summary="Add a note to a session (the coach): private, or shared with the client",
)
def add_note(
    request: HttpRequest, engagement_id: int, session_id: int, payload: NoteIn
) -> Status[NoteOut]:
    user = request_user(request)
    session = _session(user, engagement_id, session_id)
    if not session.engagement.is_coach(user):
        raise HttpError(403, "Session notes are written by the coach.")
    note = note_add(session=session, by=user, text=payload.text, kind=payload.kind)
    return Status(201, NoteOut.of(note, user))


@router.get(
    "/engagements/{engagement_id}/sessions/{session_id}/brief",
    response={200: BriefOut, **READ},
    summary="The coach's prep brief for a session",
)
def brief(request: HttpRequest, engagement_id: int, session_id: int) -> BriefOut:
    user = request_user(request)
    session = _session(user, engagement_id, session_id)
    if not session.engagement.is_coach(user):
        raise HttpError(403, "The prep brief is for the coach.")
    b = session_brief(session)

    def steps(items: tuple[StepFact, ...]) -> list[BriefStepOut]:
        return [BriefStepOut(title=s.title, due_on=s.due_on, done_at=s.done_at) for s in items]

    return BriefOut(
        since=b.since,
        until=b.until,
        topics=list(b.topics),
        wins=[DatedOut(at=w.at, text=w.text) for w in b.wins],
        goals=[
            GoalBriefOut(
                goal=g.goal, done=steps(g.done), due=steps(g.due), overdue=steps(g.overdue)
            )
            for g in b.goals
        ],
        latest_check_ins=[
            CheckInBriefOut(
                at=c.at, energy=c.energy, progress=c.progress, obstacles=c.obstacles, win=c.win
            )
            for c in b.latest
        ],
        check_ins_since=b.check_ins_in_period,
        energy=EnergyOut(word=b.energy.word, values=list(b.energy.values)),
        obstacles=[DatedOut(at=o.at, text=o.text) for o in b.obstacles],
        plan_obstacles=[
            PlanObstacleOut(at=o.at, goal=o.goal, obstacle=o.obstacle, plan=o.plan)
            for o in b.plan_obstacles
        ],
    )
