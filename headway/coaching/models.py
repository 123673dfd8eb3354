from __future__ import annotations

from django.conf import settings
from django.db import models

from headway.core.coaching.spec import ModelSpec, QuestionSpec, StageSpec


class CoachingModelQuerySet(models.QuerySet["CoachingModel"]):
    def builtin(self) -> CoachingModelQuerySet:
        return self.filter(practice__isnull=True)

    def available_to(self, practice_id: int | None) -> CoachingModelQuerySet:
        """Built-in models plus the practice's own."""
        q = models.Q(practice__isnull=True)
        if practice_id is not None:
            q |= models.Q(practice_id=practice_id)
        return self.filter(q, archived=False)


class CoachingModel(models.Model):
    """A coaching model: built in (no practice) or a practice's own."""

    practice = models.ForeignKey(
        "practices.Practice",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="coaching_models",
    )
    key = models.SlugField(max_length=80)
    name = models.CharField(max_length=150)
    summary = models.TextField(blank=True)
    who_for = models.TextField("Who it is for", blank=True)
    problems_solved = models.TextField("The problems it solves", blank=True)
    based_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="clones"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    archived = models.BooleanField(default=False)

    objects = CoachingModelQuerySet.as_manager()

    class Meta:
        ordering = ["practice_id", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_builtin(self) -> bool:
        return self.practice_id is None

    def latest_version(self) -> ModelVersion:
        version = self.versions.order_by("-number").first()
        assert version is not None, "a coaching model always has a version"
        return version


class ModelVersion(models.Model):
    """An immutable-once-used snapshot of a model's stages: engagements keep theirs."""

    model = models.ForeignKey(CoachingModel, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    fingerprint = models.CharField(max_length=32, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["model", "number"], name="model_version_unique")
        ]
        ordering = ["model_id", "-number"]

    def __str__(self) -> str:
        return f"{self.model.name} v{self.number}"

    def first_stage(self) -> Stage:
        stage = self.stages.order_by("position").first()
        assert stage is not None, "a model version always has a stage"
        return stage

    def is_in_use(self) -> bool:
        return self.engagements.exists()

    def to_spec(self) -> ModelSpec:
        stages = tuple(
            StageSpec(
                key=s.key,
                name=s.name,
                purpose=s.purpose,
                questions=tuple(QuestionSpec(q.key, q.text) for q in s.questions.all()),
                tools=tuple(s.tools),
                exit_checklist=tuple(s.exit_checklist),
            )
            for s in self.stages.prefetch_related("questions")
        )
        m = self.model
        return ModelSpec(m.key, m.name, m.summary, m.who_for, m.problems_solved, stages)


class Stage(models.Model):
    version = models.ForeignKey(ModelVersion, on_delete=models.CASCADE, related_name="stages")
    position = models.PositiveIntegerField()
    key = models.SlugField(max_length=80)
    name = models.CharField(max_length=150)
    purpose = models.TextField(blank=True)
    tools = models.JSONField(default=list, blank=True)
    exit_checklist = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["version_id", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "key"], name="stage_key_unique")]

    def __str__(self) -> str:
        return self.name

    def next_stage(self) -> Stage | None:
        return self.version.stages.filter(position__gt=self.position).order_by("position").first()

    def previous_stage(self) -> Stage | None:
        return self.version.stages.filter(position__lt=self.position).order_by("-position").first()


class StageQuestion(models.Model):
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField()
    key = models.SlugField(max_length=80)
    text = models.TextField()

    class Meta:
        ordering = ["stage_id", "position"]

    def __str__(self) -> str:
        return self.text
