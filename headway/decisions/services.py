"""The decision matrix: start it from the board and the self-discovery results, edit options and
criteria, score, rate the gut's pull, note risks, choose. The matrix is the client's own
thinking: only the client changes it, the coach reads it, and a concluded engagement keeps it
as it was. `decision_analyse` turns the rows into headway.core.planning.decision's totals and questions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone

from headway.accounts.models import User
from headway.core.assessments.strengths import BY_KEY as STRENGTHS_BY_KEY
from headway.core.assessments.values_cards import CARDS_BY_KEY
from headway.core.planning import decision as core
from headway.decisions.models import (
    DECISIONS,
    Criterion,
    CriterionSource,
    DecisionMatrix,
    MatrixOption,
    Risk,
    Score,
)
from headway.discovery.models import Assessment, Kind
from headway.engagements.models import Engagement

TOP_VALUES = 5
TOP_STRENGTHS = 3
MAX_OPTIONS = 8  # the board holds five; room for "stay where I am" and a couple more
MAX_CRITERIA = 15
DEFAULT_WEIGHT = 3  # the middle of 1-5, so a criterion can matter more or less from the start
STAY = "Stay where I am"

# The suggested criteria beside the client's values and strengths, with what each asks.
FIXED: tuple[tuple[str, str, str], ...] = (
    (CriterionSource.LIFESTYLE, "Lifestyle", "Hours, travel, flexibility: the shape of my days."),
    (
        CriterionSource.RESPONSIBILITIES,
        "Responsibilities",
        "How it fits with the people and commitments I look after.",
    ),
    (CriterionSource.FINANCES, "Finances", "Pay, and what the move would cost me on the way."),
    (
        CriterionSource.RISK,
        "Risk",
        "How much I could lose, and how well I could live with it (a high score: little risk).",
    ),
)
HELP = {source: text for source, _, text in FIXED}


def criterion_help(criterion: Criterion) -> str:
    """One line on what a criterion asks, in the client's voice."""
    if criterion.source == CriterionSource.VALUE:
        card = CARDS_BY_KEY.get(criterion.source_key)
        # Lower-case the first letter only: "how I do my work" keeps its capital I.
        what = card.description[:1].lower() + card.description[1:] if card else ""
        return f"One of my top values: {what}." if card else ""
    if criterion.source == CriterionSource.STRENGTH:
        strength = STRENGTHS_BY_KEY.get(criterion.source_key)
        return strength.description if strength else ""
    return HELP.get(criterion.source, "")


def _next_position(rows: QuerySet[Any]) -> int:
    top = rows.aggregate(top=Max("position"))["top"]
    return 0 if top is None else top + 1


def _suggested(engagement: Engagement) -> list[tuple[str, str, str]]:
    """(source, source key, name) of every criterion a fresh matrix starts with."""
    found: list[tuple[str, str, str]] = []
    done = engagement.assessments.completed()
    values: Assessment | None = done.of_kind(Kind.VALUES).first()
    for row in ((values.result or {}).get("top") or [])[:TOP_VALUES] if values else []:
        if isinstance(row, dict) and row.get("key") and row.get("name"):
            found.append((CriterionSource.VALUE, str(row["key"]), str(row["name"])[:120]))
    strengths: Assessment | None = done.of_kind(Kind.STRENGTHS).first()
    for row in ((strengths.result or {}).get("top") or [])[:TOP_STRENGTHS] if strengths else []:
        if isinstance(row, dict) and row.get("key") and row.get("name"):
            name = f"Uses my strength: {row['name']}"[:120]
            found.append((CriterionSource.STRENGTH, str(row["key"]), name))
    found += [(source, "", name) for source, name, _ in FIXED]
    return found


@transaction.atomic
def decision_matrix_start(*, engagement: Engagement, by: User) -> DecisionMatrix:
    """Create the matrix, or start again: bring in the board's active options and the latest
    top values and strengths, put back suggested criteria, and keep every score, weight and
    name for the options and criteria still there. The client's own options and criteria
    stay; board options since set aside and values no longer in the top leave (except the
    chosen option: a choice is never dropped behind the client's back)."""
    engagement.require_client_write(by, DECISIONS)
    matrix, _ = DecisionMatrix.objects.get_or_create(engagement=engagement)
    matrix = DecisionMatrix.objects.select_for_update().get(pk=matrix.pk)

    suggested = _suggested(engagement)
    wanted = {(source, key) for source, key, _ in suggested}
    derived = (CriterionSource.VALUE, CriterionSource.STRENGTH)
    have = {}
    for c in matrix.criteria.all():
        if c.source in derived and (c.source, c.source_key) not in wanted:
            c.delete()
        else:
            have[(c.source, c.source_key)] = c
    position = _next_position(matrix.criteria.all())
    taken = {c.name.casefold() for c in have.values()}
    for source, key, name in suggested:
        if (source, key) in have or name.casefold() in taken:
            continue
        Criterion.objects.create(
            matrix=matrix,
            name=name,
            source=source,
            source_key=key,
            weight=DEFAULT_WEIGHT,
            position=position,
        )
        position += 1

    active = {o.pk: o for o in engagement.options.active()}
    linked = set()
    for option in matrix.options.all():
        if option.board_option_id is None:
            continue
        if option.board_option_id in active or option.pk == matrix.chosen_id:
            linked.add(option.board_option_id)
        else:
            option.delete()
    position = _next_position(matrix.options.all())
    for pk, board_option in active.items():
        if pk not in linked:
            MatrixOption.objects.create(
                matrix=matrix,
                board_option=board_option,
                title=board_option.title,
                position=position,
            )
            position += 1
    matrix.save()
    engagement.touch()
    return matrix


# --- options and criteria -----------------------------------------------------------------


@transaction.atomic
def decision_option_add(*, matrix: DecisionMatrix, by: User, title: str) -> MatrixOption:
    matrix.engagement.require_client_write(by, DECISIONS)
    title = " ".join(title.split())
    if not title:
        raise ValidationError("Name the option, for example “Stay where I am”.")
    options = matrix.options.all()
    if any(o.title.casefold() == title.casefold() for o in options):
        raise ValidationError(f"“{title}” is already in your matrix.")
    if len(options) >= MAX_OPTIONS:
        raise ValidationError(
            f"The matrix holds {MAX_OPTIONS} options at most: comparing more gets blurry. "
            "Remove one to make room."
        )
    option = MatrixOption.objects.create(
        matrix=matrix, title=title[:200], position=_next_position(matrix.options.all())
    )
    matrix.save(update_fields=["updated_at"])
    return option


def _clear_choice(matrix: DecisionMatrix) -> None:
    matrix.chosen = None
    matrix.chosen_at = None
    matrix.choice_reason = ""


@transaction.atomic
def decision_option_remove(*, option: MatrixOption, by: User) -> None:
    """Take an option out of the matrix, with its scores and risks; a board option stays on the
    board (starting again brings it back while it is active there)."""
    matrix = option.matrix
    matrix.engagement.require_client_write(by, DECISIONS)
    if matrix.chosen_id == option.pk:
        _clear_choice(matrix)
    option.delete()
    matrix.save()


def _check_weight(weight: int) -> int:
    if not core.WEIGHT_MIN <= weight <= core.WEIGHT_MAX:
        raise ValidationError("“How much it matters” runs from 1 (a little) to 5 (most of all).")
    return weight


def _check_name(matrix: DecisionMatrix, name: str, *, other_than: int | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError("Name the criterion, for example “Time with my family”.")
    if len(name) > 120:
        raise ValidationError("Keep the name of a criterion under 120 characters.")
    clash = matrix.criteria.filter(name__iexact=name)
    if other_than is not None:
        clash = clash.exclude(pk=other_than)
    if clash.exists():
        raise ValidationError(f"“{name}” is already a criterion.")
    return name


@transaction.atomic
def decision_criterion_add(
    *, matrix: DecisionMatrix, by: User, name: str, weight: int = DEFAULT_WEIGHT
) -> Criterion:
    matrix.engagement.require_client_write(by, DECISIONS)
    name = _check_name(matrix, name)
    if matrix.criteria.count() >= MAX_CRITERIA:
        raise ValidationError(
            f"The matrix holds {MAX_CRITERIA} criteria at most. Remove one that matters less."
        )
    criterion = Criterion.objects.create(
        matrix=matrix,
        name=name,
        source=CriterionSource.OWN,
        weight=_check_weight(weight),
        position=_next_position(matrix.criteria.all()),
    )
    matrix.save(update_fields=["updated_at"])
    return criterion


@transaction.atomic
def decision_criterion_update(
    *, criterion: Criterion, by: User, name: str | None = None, weight: int | None = None
) -> Criterion:
    matrix = criterion.matrix
    matrix.engagement.require_client_write(by, DECISIONS)
    if name is not None:
        criterion.name = _check_name(matrix, name, other_than=criterion.pk)
    if weight is not None:
        criterion.weight = _check_weight(weight)
    criterion.save()
    matrix.save(update_fields=["updated_at"])
    return criterion


@transaction.atomic
def decision_criterion_remove(*, criterion: Criterion, by: User) -> None:
    matrix = criterion.matrix
    matrix.engagement.require_client_write(by, DECISIONS)
    criterion.delete()
    matrix.save(update_fields=["updated_at"])


# --- scores and gut -----------------------------------------------------------------------


@transaction.atomic
def decision_scores_set(
    *,
    matrix: DecisionMatrix,
    by: User,
    scores: Mapping[tuple[int, int], int | None],
    weights: Mapping[int, int] | None = None,
) -> None:
    """Set (or, with None, clear) the given cells and weights; all of them, or none when one
    is out of range or names an option or criterion not in this matrix."""
    matrix.engagement.require_client_write(by, DECISIONS)
    options = {o.pk: o for o in matrix.options.all()}
    criteria = {c.pk: c for c in matrix.criteria.all()}
    for (option_id, criterion_id), value in scores.items():
        if option_id not in options or criterion_id not in criteria:
            raise ValidationError(
                "A score names an option or criterion that is no longer in the matrix: "
                "reload the page to see it as it is now."
            )
        if value is not None and not core.SCORE_MIN <= value <= core.SCORE_MAX:
            raise ValidationError(
                f"Scores run from 1 to 10: {value} for {options[option_id].title} on "
                f"{criteria[criterion_id].name} is outside that."
            )
    for criterion_id, weight in (weights or {}).items():
        if criterion_id not in criteria:
            raise ValidationError("That criterion is no longer in the matrix: reload the page.")
        _check_weight(weight)
    for (option_id, criterion_id), value in scores.items():
        if value is None:
            Score.objects.filter(option_id=option_id, criterion_id=criterion_id).delete()
        else:
            Score.objects.update_or_create(
                option_id=option_id, criterion_id=criterion_id, defaults={"value": value}
            )
    for criterion_id, weight in (weights or {}).items():
        if criteria[criterion_id].weight != weight:
            Criterion.objects.filter(pk=criterion_id).update(weight=weight)
    matrix.save(update_fields=["updated_at"])
    matrix.engagement.touch()


@transaction.atomic
def decision_gut_set(*, matrix: DecisionMatrix, by: User, gut: Mapping[int, int | None]) -> None:
    """The pull of each option, 1-10 (None: not rated)."""
    matrix.engagement.require_client_write(by, DECISIONS)
    options = {o.pk: o for o in matrix.options.all()}
    for option_id, value in gut.items():
        if option_id not in options:
            raise ValidationError("That option is no longer in the matrix: reload the page.")
        if value is not None and not core.SCORE_MIN <= value <= core.SCORE_MAX:
            raise ValidationError(
                f"The pull runs from 1 to 10: {value} for {options[option_id].title} is "
                "outside that."
            )
    for option_id, value in gut.items():
        MatrixOption.objects.filter(pk=option_id).update(gut=value)
    matrix.save(update_fields=["updated_at"])


# --- risks and the choice -----------------------------------------------------------------


def _risk_texts(risk: str, mitigation: str) -> tuple[str, str]:
    risk, mitigation = risk.strip(), mitigation.strip()
    if not risk:
        raise ValidationError("Describe the risk or barrier, for example “A pay cut at first”.")
    return risk, mitigation


@transaction.atomic
def decision_risk_add(*, option: MatrixOption, by: User, risk: str, mitigation: str = "") -> Risk:
    option.matrix.engagement.require_client_write(by, DECISIONS)
    text, plan = _risk_texts(risk, mitigation)
    row = Risk.objects.create(option=option, risk=text, mitigation=plan)
    option.matrix.save(update_fields=["updated_at"])
    return row


@transaction.atomic
def decision_risk_update(*, risk: Risk, by: User, text: str, mitigation: str) -> Risk:
    risk.option.matrix.engagement.require_client_write(by, DECISIONS)
    risk.risk, risk.mitigation = _risk_texts(text, mitigation)
    risk.save()
    return risk


@transaction.atomic
def decision_risk_remove(*, risk: Risk, by: User) -> None:
    risk.option.matrix.engagement.require_client_write(by, DECISIONS)
    risk.delete()


@transaction.atomic
def decision_choose(
    *, matrix: DecisionMatrix, by: User, option: MatrixOption | None, reason: str = ""
) -> DecisionMatrix:
    """Mark one option as the client's choice (None takes the choice back)."""
    matrix.engagement.require_client_write(by, DECISIONS)
    if option is None:
        _clear_choice(matrix)
    else:
        if option.matrix_id != matrix.pk:
            raise ValidationError("That option is not in this matrix.")
        if matrix.chosen_id != option.pk:
            matrix.chosen_at = timezone.now()
        matrix.chosen = option
        matrix.choice_reason = reason.strip()
    matrix.save()
    matrix.engagement.touch()
    return matrix


# --- reading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Analysis:
    matrix: core.Matrix
    totals: tuple[core.Total, ...]
    ranked: list[core.Total]
    robustness: core.Robustness
    gut_questions: tuple[core.GutQuestion, ...]
    chart: core.BarChart
    missing: int  # empty cells in the whole matrix

    @property
    def weights_differ(self) -> bool:
        return self.matrix.weights_differ


def _within(value: int | None, low: int, high: int) -> int | None:
    return None if value is None else max(low, min(high, value))


def decision_analyse(
    matrix: DecisionMatrix,
    options: list[MatrixOption] | None = None,
    criteria: list[Criterion] | None = None,
) -> Analysis:
    """What the scores say: totals, the robustness sentence, gut questions and the chart."""
    options = list(matrix.options.all()) if options is None else options
    criteria = list(matrix.criteria.all()) if criteria is None else criteria
    scores = {
        (option_id, criterion_id): value
        for option_id, criterion_id, value in Score.objects.filter(
            option__matrix=matrix
        ).values_list("option_id", "criterion_id", "value")
    }
    # Clamped, so a row changed outside the services can never break the page.
    m = core.Matrix(
        tuple(core.Option(o.pk, o.title, _within(o.gut, 1, 10)) for o in options),
        tuple(core.Criterion(c.pk, c.name, _within(c.weight, 1, 5) or 1) for c in criteria),
        {cell: _within(v, 1, 10) or 1 for cell, v in scores.items()},
    )
    rows = core.totals(m)
    return Analysis(
        matrix=m,
        totals=rows,
        ranked=core.ranked(rows),
        robustness=core.robustness(m),
        gut_questions=core.gut_questions(m),
        chart=core.bar_chart(rows),
        missing=sum(t.missing for t in rows),
    )
