"""The exploration board: options, research notes, conversations, experiments and comments.

Same shape as the engagement handlers: fetch (scoped) -> validate -> service -> return.
The board is the client's; the coach reads it and comments.
"""

from __future__ import annotations

from datetime import date, datetime

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from headway.api.auth import request_user
from headway.api.schemas import ErrorOut, PersonOut
from headway.engagements.access import get_engagement
from headway.exploration.access import get_option
from headway.exploration.models import (
    BOARD,
    Comment,
    Experiment,
    ExperimentKind,
    InformationalInterview,
    Option,
)
from headway.exploration.services import (
    comment_add,
    experiment_add,
    interview_add,
    option_add,
    option_update,
)
from headway.onet.models import Occupation

router = Router(tags=["exploration board"])

READ = {401: ErrorOut, 404: ErrorOut}
WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


class InterviewOut(Schema):
    id: int
    person: str
    role: str
    held_on: date | None
    questions: str
    learned: str

    @classmethod
    def of(cls, i: InformationalInterview) -> InterviewOut:
        return cls(
            id=i.pk,
            person=i.person,
            role=i.role,
            held_on=i.held_on,
            questions=i.questions,
            learned=i.learned,
        )


class ExperimentOut(Schema):
    id: int
    kind: ExperimentKind
    description: str
    starts_on: date | None
    ends_on: date | None
    reflection: str

    @classmethod
    def of(cls, x: Experiment) -> ExperimentOut:
        return cls(
            id=x.pk,
            kind=ExperimentKind(x.kind),
            description=x.description,
            starts_on=x.starts_on,
            ends_on=x.ends_on,
            reflection=x.reflection,
        )


class CommentOut(Schema):
    id: int
    author: PersonOut | None
    text: str
    created_at: datetime

    @classmethod
    def of(cls, c: Comment) -> CommentOut:
        return cls(id=c.pk, author=PersonOut.maybe(c.author), text=c.text, created_at=c.created_at)


class OptionOut(Schema):
    id: int
    title: str
    occupation_code: str
    duties: str
    skills: str
    education: str
    culture: str
    growth: str
    resonates: str
    concerns: str
    set_aside_at: datetime | None
    interviews: list[InterviewOut]
    experiments: list[ExperimentOut]
    comments: list[CommentOut]

    @classmethod
    def of(cls, o: Option) -> OptionOut:
        return cls(
            id=o.pk,
            title=o.title,
            occupation_code=o.occupation_code,
            duties=o.duties,
            skills=o.skills,
            education=o.education,
            culture=o.culture,
            growth=o.growth,
            resonates=o.resonates,
            concerns=o.concerns,
            set_aside_at=o.set_aside_at,
            interviews=[InterviewOut.of(i) for i in o.interviews.all()],
            experiments=[ExperimentOut.of(x) for x in o.experiments.all()],
            comments=[CommentOut.of(c) for c in o.comments.select_related("author")],
        )


class OptionIn(Schema):
    title: str = ""
    occupation_code: str = ""


class OptionNotesIn(Schema):
    duties: str | None = None
    skills: str | None = None
    education: str | None = None
    culture: str | None = None
    growth: str | None = None
    resonates: str | None = None
    concerns: str | None = None


class InterviewIn(Schema):
    person: str
    role: str = ""
    held_on: date | None = None
    questions: str = ""
    learned: str = ""


class ExperimentIn(Schema):
    kind: ExperimentKind
    description: str
    starts_on: date | None = None
    ends_on: date | None = None
    reflection: str = ""


class CommentIn(Schema):
    text: str


@router.get(
    "/engagements/{engagement_id}/board",
    response={200: list[OptionOut], **READ},
    summary="The exploration board",
)
def board(request: HttpRequest, engagement_id: int) -> list[OptionOut]:
    engagement = get_engagement(request_user(request), engagement_id)
    options = engagement.options.prefetch_related("interviews", "experiments")
    return [OptionOut.of(o) for o in options]


@router.post(
    "/engagements/{engagement_id}/board",
    response={201: OptionOut, **WRITE},
    summary="Add an option: an occupation (by O*NET-SOC code) or a title in the client's words",
)
def add_option(request: HttpRequest, engagement_id: int, payload: OptionIn) -> Status[OptionOut]:
    engagement = get_engagement(request_user(request), engagement_id)
    engagement.require_client_write(request_user(request), BOARD)
    title = payload.title
    if payload.occupation_code:
        occupation = Occupation.objects.filter(code=payload.occupation_code).first()
        if occupation is None:
            raise HttpError(400, f"No occupation has the code {payload.occupation_code!r}.")
        title = occupation.title
    option = option_add(
        engagement=engagement,
        by=request_user(request),
        title=title,
        occupation_code=payload.occupation_code,
    )
    return Status(201, OptionOut.of(option))


@router.get(
    "/engagements/{engagement_id}/board/{option_id}",
    response={200: OptionOut, **READ},
    summary="One option",
)
def get_board_option(request: HttpRequest, engagement_id: int, option_id: int) -> OptionOut:
    return OptionOut.of(get_option(request_user(request), engagement_id, option_id))


@router.patch(
    "/engagements/{engagement_id}/board/{option_id}",
    response={200: OptionOut, **WRITE},
    summary="Update research notes, what resonates and what concerns",
)
def update_option(
    request: HttpRequest, engagement_id: int, option_id: int, payload: OptionNotesIn
) -> OptionOut:
    option = get_option(request_user(request), engagement_id, option_id)
    engagement = option.engagement
    engagement.require_client_write(request_user(request), BOARD)
    fields = {k: v for k, v in payload.dict().items() if v is not None}
    return OptionOut.of(option_update(option=option, by=request_user(request), fields=fields))


@router.post(
    "/engagements/{engagement_id}/board/{option_id}/interviews",
    response={201: InterviewOut, **WRITE},
    summary="Log an informational interview",
)
def add_interview(
    request: HttpRequest, engagement_id: int, option_id: int, payload: InterviewIn
) -> Status[InterviewOut]:
    option = get_option(request_user(request), engagement_id, option_id)
    engagement = option.engagement
    engagement.require_client_write(request_user(request), BOARD)
    if not payload.person.strip():
        raise HttpError(400, "Say who the conversation was with.")
    interview = interview_add(option=option, by=request_user(request), **payload.dict())
    return Status(201, InterviewOut.of(interview))


@router.post(
    "/engagements/{engagement_id}/board/{option_id}/experiments",
    response={201: ExperimentOut, **WRITE},
    summary="Add an experiment (job shadowing, volunteering, a short project)",
)
def add_experiment(
    request: HttpRequest, engagement_id: int, option_id: int, payload: ExperimentIn
) -> Status[ExperimentOut]:
    option = get_option(request_user(request), engagement_id, option_id)
    engagement = option.engagement
    engagement.require_client_write(request_user(request), BOARD)
    if not payload.description.strip():
        raise HttpError(400, "Describe the experiment.")
    experiment = experiment_add(option=option, by=request_user(request), **payload.dict())
    return Status(201, ExperimentOut.of(experiment))


@router.post(
    "/engagements/{engagement_id}/board/{option_id}/comments",
    response={201: CommentOut, **WRITE},
    summary="Comment on an option (coach or client)",
)
def add_comment(
    request: HttpRequest, engagement_id: int, option_id: int, payload: CommentIn
) -> Status[CommentOut]:
    option = get_option(request_user(request), engagement_id, option_id)
    comment = comment_add(option=option, by=request_user(request), text=payload.text)
    return Status(201, CommentOut.of(comment))
