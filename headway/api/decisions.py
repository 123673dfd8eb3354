"""The decision matrix over the API: read it (coach and client), and the client's changes.

Same shape as the other handlers: fetch (scoped) -> validate -> service -> return. An
engagement the caller is not part of is a 404; the coach may read the matrix and gets a 403
with the reason for any change. Scores, weights and gut ratings out of range are refused
by the services, in their words, as a 400.
"""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from headway.api.auth import request_user
from headway.api.schemas import ErrorOut
from headway.core.planning.decision import Total
from headway.decisions.access import get_matrix
from headway.decisions.models import (
    DECISIONS,
    Criterion,
    CriterionSource,
    DecisionMatrix,
    MatrixOption,
    Risk,
    Score,
)
from headway.decisions.services import (
    DEFAULT_WEIGHT,
    criterion_help,
    decision_analyse,
    decision_choose,
    decision_criterion_add,
    decision_criterion_remove,
    decision_criterion_update,
    decision_gut_set,
    decision_matrix_start,
    decision_option_add,
    decision_option_remove,
    decision_risk_add,
    decision_risk_remove,
    decision_risk_update,
    decision_scores_set,
)
from headway.engagements.access import get_engagement

router = Router(tags=["decision matrix"])

READ = {401: ErrorOut, 404: ErrorOut}
WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
BASE = "/engagements/{engagement_id}/decision"


class CriterionOut(Schema):
    id: int
    name: str
    source: CriterionSource
    source_key: str = Field(description="The value card or strength key it came from, if any.")
    help: str
    weight: int = Field(description="How much it matters, 1 (a little) to 5 (most of all).")

    @classmethod
    def of(cls, c: Criterion) -> CriterionOut:
        return cls(
            id=c.pk,
            name=c.name,
            source=CriterionSource(c.source),
            source_key=c.source_key,
            help=criterion_help(c),
            weight=c.weight,
        )


class RiskOut(Schema):
    id: int
    risk: str
    mitigation: str
    created_at: datetime

    @classmethod
    def of(cls, r: Risk) -> RiskOut:
        return cls(id=r.pk, risk=r.risk, mitigation=r.mitigation, created_at=r.created_at)


class MatrixOptionOut(Schema):
    id: int
    title: str
    board_option_id: int | None = Field(description="The exploration-board option, if any.")
    gut: int | None = Field(description="The pull the client feels, 1-10.")
    risks: list[RiskOut]

    @classmethod
    def of(cls, o: MatrixOption) -> MatrixOptionOut:
        return cls(
            id=o.pk,
            title=o.title,
            board_option_id=o.board_option_id,
            gut=o.gut,
            risks=[RiskOut.of(r) for r in o.risks.all()],
        )


class ScoreOut(Schema):
    option_id: int
    criterion_id: int
    value: int


class TotalOut(Schema):
    option_id: int
    title: str
    weighted: float | None = Field(description="The weighted mean, 0-10, of the scored cells.")
    unweighted: float | None = Field(description="The same with every criterion counting alike.")
    scored: int
    missing: int
    rank: int | None

    @classmethod
    def of(cls, t: Total) -> TotalOut:
        return cls(
            option_id=t.option.id,
            title=t.option.title,
            weighted=None if t.weighted is None else round(float(t.weighted), 3),
            unweighted=None if t.unweighted is None else round(float(t.unweighted), 3),
            scored=t.scored,
            missing=t.missing,
            rank=t.rank,
        )


class DecisionOut(Schema):
    id: int
    criteria: list[CriterionOut]
    options: list[MatrixOptionOut]
    scores: list[ScoreOut]
    totals: list[TotalOut] = Field(description="Highest weighted total first.")
    leader_id: int | None = Field(description="The option strictly ahead on the scores, if any.")
    robustness: str = Field(description="Which single change of weight would change the leader.")
    gut_questions: list[str]
    chosen_id: int | None
    chosen_at: datetime | None
    choice_reason: str
    updated_at: datetime

    @classmethod
    def of(cls, matrix: DecisionMatrix) -> DecisionOut:
        options = list(matrix.options.prefetch_related("risks"))
        criteria = list(matrix.criteria.all())
        analysis = decision_analyse(matrix, options, criteria)
        scores = Score.objects.filter(option__matrix=matrix).order_by("option_id", "criterion_id")
        leader = analysis.robustness.leader
        return cls(
            id=matrix.pk,
            criteria=[CriterionOut.of(c) for c in criteria],
            options=[MatrixOptionOut.of(o) for o in options],
            scores=[
                ScoreOut(option_id=s.option_id, criterion_id=s.criterion_id, value=s.value)
                for s in scores
            ],
            totals=[TotalOut.of(t) for t in analysis.ranked],
            leader_id=None if leader is None else leader.id,
            robustness=analysis.robustness.sentence,
            gut_questions=[q.text for q in analysis.gut_questions],
            chosen_id=matrix.chosen_id,
            chosen_at=matrix.chosen_at,
            choice_reason=matrix.choice_reason,
            updated_at=matrix.updated_at,
        )


class CellIn(Schema):
    option_id: int
    criterion_id: int
    value: int | None = Field(description="1-10; null clears the cell.")


class ScoresIn(Schema):
    cells: list[CellIn] = []


class GutIn(Schema):
    option_id: int
    gut: int | None = Field(description="1-10; null clears it.")


class GutListIn(Schema):
    options: list[GutIn] = []


class CriterionIn(Schema):
    name: str
    weight: int = DEFAULT_WEIGHT


class CriterionChangeIn(Schema):
    name: str | None = None
    weight: int | None = None


class MatrixOptionIn(Schema):
    title: str


class RiskIn(Schema):
    risk: str
    mitigation: str = ""


class ChoiceIn(Schema):
    option_id: int | None = Field(description="The chosen option; null takes the choice back.")
    reason: str = ""


def _writable(request: HttpRequest, engagement_id: int) -> DecisionMatrix:
    matrix = get_matrix(request_user(request), engagement_id)
    matrix.engagement.require_client_write(request_user(request), DECISIONS)
    return matrix


def _option(matrix: DecisionMatrix, option_id: int) -> MatrixOption:
    option = get_object_or_404(MatrixOption, pk=option_id, matrix=matrix)
    option.matrix = matrix
    return option


def _criterion(matrix: DecisionMatrix, criterion_id: int) -> Criterion:
    criterion = get_object_or_404(Criterion, pk=criterion_id, matrix=matrix)
    criterion.matrix = matrix
    return criterion


def _risk(matrix: DecisionMatrix, risk_id: int) -> Risk:
    risk = get_object_or_404(
        Risk.objects.select_related("option"), pk=risk_id, option__matrix=matrix
    )
    risk.option.matrix = matrix
    return risk


@router.get(BASE, response={200: DecisionOut, **READ}, summary="The decision matrix")
def get_decision(request: HttpRequest, engagement_id: int) -> DecisionOut:
    return DecisionOut.of(get_matrix(request_user(request), engagement_id))


@router.post(
    BASE,
    response={200: DecisionOut, 201: DecisionOut, **WRITE},
    summary="Start the matrix (201), or start again from the board and results (200)",
    description=(
        "Options come from the board's active options; criteria from the latest top values "
        "(up to 5) and strengths (up to 3), with Lifestyle, Responsibilities, Finances and "
        "Risk. Starting again keeps scores, weights and names wherever the option or "
        "criterion is still there."
    ),
)
def start_decision(request: HttpRequest, engagement_id: int) -> Status[DecisionOut]:
    engagement = get_engagement(request_user(request), engagement_id)
    engagement.require_client_write(request_user(request), DECISIONS)
    fresh = not DecisionMatrix.objects.filter(engagement=engagement).exists()
    matrix = decision_matrix_start(engagement=engagement, by=request_user(request))
    return Status(201 if fresh else 200, DecisionOut.of(matrix))


@router.put(
    BASE + "/scores",
    response={200: DecisionOut, **WRITE},
    summary="Set or clear score cells (1-10): all of them, or none if one is refused",
)
def put_scores(request: HttpRequest, engagement_id: int, payload: ScoresIn) -> DecisionOut:
    matrix = _writable(request, engagement_id)
    cells = {(c.option_id, c.criterion_id): c.value for c in payload.cells}
    decision_scores_set(matrix=matrix, by=request_user(request), scores=cells)
    return DecisionOut.of(matrix)


@router.put(
    BASE + "/gut",
    response={200: DecisionOut, **WRITE},
    summary="The gut check: how strongly each option pulls (1-10)",
)
def put_gut(request: HttpRequest, engagement_id: int, payload: GutListIn) -> DecisionOut:
    matrix = _writable(request, engagement_id)
    gut = {g.option_id: g.gut for g in payload.options}
    decision_gut_set(matrix=matrix, by=request_user(request), gut=gut)
    return DecisionOut.of(matrix)


@router.post(BASE + "/criteria", response={201: CriterionOut, **WRITE}, summary="Add a criterion")
def add_criterion(
    request: HttpRequest, engagement_id: int, payload: CriterionIn
) -> Status[CriterionOut]:
    matrix = _writable(request, engagement_id)
    criterion = decision_criterion_add(
        matrix=matrix, by=request_user(request), name=payload.name, weight=payload.weight
    )
    return Status(201, CriterionOut.of(criterion))


@router.put(
    BASE + "/criteria/{criterion_id}",
    response={200: CriterionOut, **WRITE},
    summary="Rename a criterion or change how much it matters (1-5)",
)
def change_criterion(
    request: HttpRequest, engagement_id: int, criterion_id: int, payload: CriterionChangeIn
) -> CriterionOut:
    matrix = _writable(request, engagement_id)
    criterion = decision_criterion_update(
        criterion=_criterion(matrix, criterion_id),
        by=request_user(request),
        name=payload.name,
        weight=payload.weight,
    )
    return CriterionOut.of(criterion)


@router.delete(
    BASE + "/criteria/{criterion_id}",
    response={204: None, **WRITE},
    summary="Remove a criterion and its scores",
)
def remove_criterion(request: HttpRequest, engagement_id: int, criterion_id: int) -> Status[None]:
    matrix = _writable(request, engagement_id)
    decision_criterion_remove(criterion=_criterion(matrix, criterion_id), by=request_user(request))
    return Status(204, None)


@router.post(
    BASE + "/options",
    response={201: MatrixOptionOut, **WRITE},
    summary="Add an option to the matrix only, such as “Stay where I am”",
)
def add_option(
    request: HttpRequest, engagement_id: int, payload: MatrixOptionIn
) -> Status[MatrixOptionOut]:
    matrix = _writable(request, engagement_id)
    option = decision_option_add(matrix=matrix, by=request_user(request), title=payload.title)
    return Status(201, MatrixOptionOut.of(option))


@router.delete(
    BASE + "/options/{option_id}",
    response={204: None, **WRITE},
    summary="Take an option out of the matrix (a board option stays on the board)",
)
def remove_option(request: HttpRequest, engagement_id: int, option_id: int) -> Status[None]:
    matrix = _writable(request, engagement_id)
    decision_option_remove(option=_option(matrix, option_id), by=request_user(request))
    return Status(204, None)


@router.post(
    BASE + "/options/{option_id}/risks",
    response={201: RiskOut, **WRITE},
    summary="Note a risk or barrier of an option, with what could be done about it",
)
def add_risk(
    request: HttpRequest, engagement_id: int, option_id: int, payload: RiskIn
) -> Status[RiskOut]:
    matrix = _writable(request, engagement_id)
    risk = decision_risk_add(
        option=_option(matrix, option_id),
        by=request_user(request),
        risk=payload.risk,
        mitigation=payload.mitigation,
    )
    return Status(201, RiskOut.of(risk))


@router.put(BASE + "/risks/{risk_id}", response={200: RiskOut, **WRITE}, summary="Edit a risk")
def change_risk(request: HttpRequest, engagement_id: int, risk_id: int, payload: RiskIn) -> RiskOut:
    matrix = _writable(request, engagement_id)
    risk = decision_risk_update(
        risk=_risk(matrix, risk_id),
        by=request_user(request),
        text=payload.risk,
        mitigation=payload.mitigation,
    )
    return RiskOut.of(risk)


@router.delete(BASE + "/risks/{risk_id}", response={204: None, **WRITE}, summary="Remove a risk")
def remove_risk(request: HttpRequest, engagement_id: int, risk_id: int) -> Status[None]:
    matrix = _writable(request, engagement_id)
    decision_risk_remove(risk=_risk(matrix, risk_id), by=request_user(request))
    return Status(204, None)


@router.put(
    BASE + "/choice",
    response={200: DecisionOut, **WRITE},
    summary="Choose an option, with why (null takes the choice back)",
)
def put_choice(request: HttpRequest, engagement_id: int, payload: ChoiceIn) -> DecisionOut:
    matrix = _writable(request, engagement_id)
    option = None if payload.option_id is None else _option(matrix, payload.option_id)
    decision_choose(matrix=matrix, by=request_user(request), option=option, reason=payload.reason)
    return DecisionOut.of(matrix)
