from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from headway.accounts.models import User
from headway.coaching.models import CoachingModel, ModelVersion, Stage, StageQuestion
from headway.core.coaching.builtin import BUILTIN_MODELS
from headway.core.coaching.spec import ModelSpec, StageSpec


def _write_stages(version: ModelVersion, stages: tuple[StageSpec, ...]) -> None:
    for position, spec in enumerate(stages, start=1):
        stage = Stage.objects.create(
            version=version,
            position=position,
            key=spec.key,
            name=spec.name,
            purpose=spec.purpose,
            tools=list(spec.tools),
            exit_checklist=list(spec.exit_checklist),
        )
        StageQuestion.objects.bulk_create(
            StageQuestion(stage=stage, position=i, key=q.key, text=q.text)
            for i, q in enumerate(spec.questions, start=1)
        )


@transaction.atomic
def builtin_models_sync() -> None:
    """Make the database hold the current built-in models. A changed built-in model
    becomes a new version; engagements on the old one keep it."""
    for spec in BUILTIN_MODELS:
        model, _ = CoachingModel.objects.get_or_create(
            practice=None,
            key=spec.key,
            defaults={"name": spec.name},
        )
        CoachingModel.objects.filter(pk=model.pk).update(
            name=spec.name,
            summary=spec.summary,
            who_for=spec.who_for,
            problems_solved=spec.problems_solved,
        )
        fingerprint = spec.fingerprint()
        latest = model.versions.order_by("-number").first()
        if latest is not None and latest.fingerprint == fingerprint:
            continue
        version = ModelVersion.objects.create(
            model=model, number=(latest.number + 1 if latest else 1), fingerprint=fingerprint
        )
        _write_stages(version, spec.stages)


def _unique_key(practice_id: int, name: str) -> str:
    base = slugify(name)[:70] or "model"
    key, n = base, 2
    while CoachingModel.objects.filter(practice_id=practice_id, key=key).exists():
        key, n = f"{base}-{n}", n + 1
    return key


@transaction.atomic
def coaching_model_clone(
    *,
    source: ModelVersion,
    practice_id: int,
    by: User,
    name: str,
    who_for: str = "",
    problems_solved: str = "",
) -> CoachingModel:
    """A practice's own model, starting as a copy of another model's version."""
    spec: ModelSpec = source.to_spec()
    model = CoachingModel.objects.create(
        practice_id=practice_id,
        key=_unique_key(practice_id, name),
        name=name.strip(),
        summary=spec.summary,
        who_for=who_for.strip() or spec.who_for,
        problems_solved=problems_solved.strip() or spec.problems_solved,
        based_on=source.model,
        created_by=by,
    )
    version = ModelVersion.objects.create(model=model, number=1)
    _write_stages(version, spec.stages)
    return model


@transaction.atomic
def coaching_model_editable_version(*, model: CoachingModel) -> ModelVersion:
    """The version a coach's edits go into: the latest one while no engagement uses it,
    otherwise a fresh copy, so running engagements keep the version they started with."""
    latest = model.latest_version()
    if not latest.is_in_use():
        return latest
    version = ModelVersion.objects.create(model=model, number=latest.number + 1)
    _write_stages(version, latest.to_spec().stages)
    return version


def _new_key(existing: set[str], text: str) -> str:
    base = slugify(text)[:60] or "item"
    key, n = base, 2
    while key in existing:
        key, n = f"{base}-{n}", n + 1
    return key


@transaction.atomic
def stage_update(
    *,
    model: CoachingModel,
    stage_key: str,
    name: str,
    purpose: str,
    questions: list[str],
    exit_checklist: list[str],
    tools: list[str],
) -> Stage:
    """Replace a stage's wording. Questions whose text is unchanged keep their key,
    so answers stay attached to them."""
    version = coaching_model_editable_version(model=model)
    stage = version.stages.get(key=stage_key)
    old = {q.text.strip(): q.key for q in stage.questions.all()}
    stage.name, stage.purpose = name.strip(), purpose.strip()
    stage.exit_checklist = [i.strip() for i in exit_checklist if i.strip()]
    stage.tools = tools
    stage.save()
    stage.questions.all().delete()
    used: set[str] = set()
    rows = []
    for i, text in enumerate((t.strip() for t in questions if t.strip()), start=1):
        key = old.get(text)
        if key is None or key in used:  # a repeated text needs a key of its own
            key = _new_key(used | set(old.values()), text)
        used.add(key)
        rows.append(StageQuestion(stage=stage, position=i, key=key, text=text))
    StageQuestion.objects.bulk_create(rows)
    return stage


@transaction.atomic
def stage_add(*, model: CoachingModel, name: str, purpose: str = "") -> Stage:
    version = coaching_model_editable_version(model=model)
    keys = set(version.stages.values_list("key", flat=True))
    last = version.stages.order_by("-position").first()
    return Stage.objects.create(
        version=version,
        position=(last.position + 1) if last else 1,
        key=_new_key(keys, name),
        name=name.strip(),
        purpose=purpose.strip(),
    )


@transaction.atomic
def stage_delete(*, model: CoachingModel, stage_key: str) -> None:
    version = coaching_model_editable_version(model=model)
    if version.stages.count() <= 1:
        raise ValidationError("A model needs at least one stage.")
    version.stages.filter(key=stage_key).delete()


@transaction.atomic
def stage_move(*, model: CoachingModel, stage_key: str, offset: int) -> None:
    version = coaching_model_editable_version(model=model)
    stages = list(version.stages.order_by("position"))
    index = next(i for i, s in enumerate(stages) if s.key == stage_key)
    target = max(0, min(len(stages) - 1, index + offset))
    stages.insert(target, stages.pop(index))
    for position, stage in enumerate(stages, start=1):
        if stage.position != position:
            Stage.objects.filter(pk=stage.pk).update(position=position)
