"""What the API sends and accepts. Every field is listed: nothing leaks from a model
by accident. Output schemas are built from model instances by their `of()` constructors."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ninja import Field, Schema
from pydantic import field_validator

from headway.accounts.models import User
from headway.coaching.models import CoachingModel, ModelVersion, Stage, StageQuestion
from headway.engagements.models import Answer, Engagement, Intake, StageTransition, Stance
from headway.practices.models import Membership


class ErrorOut(Schema):
    detail: str


# --- people ---------------------------------------------------------------------------


class PersonOut(Schema):
    id: int
    name: str
    email: str

    @classmethod
    def of(cls, user: User) -> PersonOut:
        return cls(id=user.pk, name=user.name, email=user.email)

    @classmethod
    def maybe(cls, user: User | None) -> PersonOut | None:
        return None if user is None else cls.of(user)


class PracticeOut(Schema):
    id: int
    name: str
    slug: str
    role: str = Field(description="Your role in the practice: owner or coach.")

    @classmethod
    def of(cls, membership: Membership) -> PracticeOut:
        practice = membership.practice
        return cls(id=practice.pk, name=practice.name, slug=practice.slug, role=membership.role)


class RolesOut(Schema):
    is_coach: bool
    is_client: bool = Field(description="Whether you are the client of any engagement.")
    practice: PracticeOut | None


class MeOut(Schema):
    id: int
    email: str
    name: str
    roles: RolesOut


# --- coaching models ------------------------------------------------------------------


class QuestionOut(Schema):
    id: int
    key: str
    position: int
    text: str

    @classmethod
    def of(cls, question: StageQuestion) -> QuestionOut:
        return cls(id=question.pk, key=question.key, position=question.position, text=question.text)


class StageOut(Schema):
    key: str
    name: str
    position: int
    purpose: str
    tools: list[str]
    exit_checklist: list[str]
    questions: list[QuestionOut]

    @classmethod
    def of(cls, stage: Stage) -> StageOut:
        return cls(
            key=stage.key,
            name=stage.name,
            position=stage.position,
            purpose=stage.purpose,
            tools=list(stage.tools),
            exit_checklist=list(stage.exit_checklist),
            questions=[QuestionOut.of(q) for q in stage.questions.all()],
        )


class CoachingModelOut(Schema):
    id: int
    key: str
    name: str
    summary: str
    is_builtin: bool
    latest_version: int

    @classmethod
    def of(cls, model: CoachingModel, latest_version: int) -> CoachingModelOut:
        return cls(
            id=model.pk,
            key=model.key,
            name=model.name,
            summary=model.summary,
            is_builtin=model.is_builtin,
            latest_version=latest_version,
        )


class CoachingModelDetailOut(CoachingModelOut):
    who_for: str
    problems_solved: str
    stages: list[StageOut] = Field(description="The stages of the latest version, in order.")

    @classmethod
    def of_version(cls, model: CoachingModel, version: ModelVersion) -> CoachingModelDetailOut:
        return cls(
            id=model.pk,
            key=model.key,
            name=model.name,
            summary=model.summary,
            is_builtin=model.is_builtin,
            latest_version=version.number,
            who_for=model.who_for,
            problems_solved=model.problems_solved,
            stages=[StageOut.of(s) for s in version.stages.prefetch_related("questions")],
        )


# --- engagements ----------------------------------------------------------------------


class ModelRefOut(Schema):
    id: int
    name: str
    version: int = Field(description="The version number this engagement follows.")


class StageRefOut(Schema):
    key: str
    name: str

    @classmethod
    def of(cls, stage: Stage) -> StageRefOut:
        return cls(key=stage.key, name=stage.name)

    @classmethod
    def maybe(cls, stage: Stage | None) -> StageRefOut | None:
        return None if stage is None else cls.of(stage)


class EngagementOut(Schema):
    id: int
    kind: str = Field(description="coached or self_guided")
    status: str = Field(description="invited, active, paused or concluded")
    coach: PersonOut | None
    client: PersonOut | None = Field(description="Empty until an invited client joins.")
    client_name: str
    model: ModelRefOut
    stage: StageRefOut = Field(description="The current stage.")
    created_at: datetime
    last_activity_at: datetime
    concluded_at: datetime | None

    @classmethod
    def fields_of(cls, engagement: Engagement) -> dict[str, Any]:
        version = engagement.model_version
        return {
            "id": engagement.pk,
            "kind": engagement.kind,
            "status": engagement.status,
            "coach": PersonOut.maybe(engagement.coach),
            "client": PersonOut.maybe(engagement.client),
            "client_name": engagement.client_name,
            "model": ModelRefOut(
                id=version.model_id, name=version.model.name, version=version.number
            ),
            "stage": StageRefOut.of(engagement.stage),
            "created_at": engagement.created_at,
            "last_activity_at": engagement.last_activity_at,
            "concluded_at": engagement.concluded_at,
        }

    @classmethod
    def of(cls, engagement: Engagement) -> EngagementOut:
        return cls(**cls.fields_of(engagement))


class TransitionOut(Schema):
    from_stage: StageRefOut | None
    to_stage: StageRefOut
    moved_by: PersonOut | None
    moved_at: datetime
    reason: str

    @classmethod
    def of(cls, transition: StageTransition) -> TransitionOut:
        return cls(
            from_stage=StageRefOut.maybe(transition.from_stage),
            to_stage=StageRefOut.of(transition.to_stage),
            moved_by=PersonOut.maybe(transition.moved_by),
            moved_at=transition.moved_at,
            reason=transition.reason,
        )


class EngagementDetailOut(EngagementOut):
    stage_history: list[TransitionOut] = Field(description="Stage moves, oldest first.")

    @classmethod
    def of_history(
        cls, engagement: Engagement, transitions: list[StageTransition]
    ) -> EngagementDetailOut:
        return cls(
            **cls.fields_of(engagement),
            stage_history=[TransitionOut.of(t) for t in transitions],
        )


class MoveStageIn(Schema):
    stage: str = Field(description="The key of the stage to move to.", min_length=1, max_length=80)
    reason: str = Field("", max_length=2000)


# --- the engagement's stages, with the client's work ----------------------------------


class QuestionAnswerOut(Schema):
    id: int
    key: str
    position: int
    text: str
    answer: str | None = Field(description="The client's answer, if there is one.")


class ChecklistItemOut(Schema):
    index: int
    text: str
    done: bool


class EngagementStageOut(Schema):
    key: str
    name: str
    position: int
    purpose: str
    tools: list[str]
    is_current: bool
    questions: list[QuestionAnswerOut]
    exit_checklist: list[ChecklistItemOut]

    @classmethod
    def of(
        cls, engagement: Engagement, stage: Stage, answers: dict[tuple[str, str], str]
    ) -> EngagementStageOut:
        done = set(engagement.done_items(stage.key))
        return cls(
            key=stage.key,
            name=stage.name,
            position=stage.position,
            purpose=stage.purpose,
            tools=list(stage.tools),
            is_current=stage.pk == engagement.stage_id,
            questions=[
                QuestionAnswerOut(
                    id=q.pk,
                    key=q.key,
                    position=q.position,
                    text=q.text,
                    answer=answers.get((stage.key, q.key)),
                )
                for q in stage.questions.all()
            ],
            exit_checklist=[
                ChecklistItemOut(index=i, text=text, done=i in done)
                for i, text in enumerate(stage.exit_checklist)
            ],
        )


# --- intake ---------------------------------------------------------------------------

STANCES: list[str] = ["", *Stance.values]


class IntakeFields(Schema):
    current_role: str = Field("", max_length=200)
    field: str = Field("", max_length=200, description="Field or industry.")
    years_in_field: int | None = Field(None, ge=0, le=80)
    satisfaction: int | None = Field(None, ge=1, le=10, description="Satisfaction today, 1-10.")
    change_prompt: str = Field("", max_length=5000, description="What prompts the change now?")
    stance: str = Field(
        "",
        description="Where the client stands; empty when not given.",
        json_schema_extra={"enum": [*STANCES]},
    )
    constraints: str = Field("", max_length=5000)
    hopes: str = Field("", max_length=5000, description="What the client wants from coaching.")


class IntakeIn(IntakeFields):
    """The whole intake: fields left out are cleared."""

    submit: bool = Field(False, description="Mark the intake as submitted (it stays editable).")

    @field_validator("stance")
    @classmethod
    def _known_stance(cls, value: str) -> str:
        if value not in STANCES:
            raise ValueError(f"Choose one of: {', '.join(s for s in STANCES if s)}.")
        return value

    def apply_to(self, intake: Intake) -> Intake:
        for name in IntakeFields.model_fields:
            setattr(intake, name, getattr(self, name))
        return intake


class IntakeOut(IntakeFields):
    submitted_at: datetime | None
    updated_at: datetime | None = Field(description="Empty while nothing has been saved.")

    @classmethod
    def of(cls, intake: Intake) -> IntakeOut:
        saved = intake.pk is not None
        return cls(
            **{name: getattr(intake, name) for name in IntakeFields.model_fields},
            submitted_at=intake.submitted_at,
            updated_at=intake.updated_at if saved else None,
        )


# --- answers --------------------------------------------------------------------------


class AnswerIn(Schema):
    text: str = Field(max_length=20000)


class AnswerOut(Schema):
    id: int
    question_id: int | None = Field(description="Empty if the question was since removed.")
    stage_key: str
    question_key: str
    question_text: str
    text: str
    updated_at: datetime
    updated_by: PersonOut | None

    @classmethod
    def of(cls, answer: Answer) -> AnswerOut:
        return cls(
            id=answer.pk,
            question_id=answer.question_id,
            stage_key=answer.stage_key,
            question_key=answer.question_key,
            question_text=answer.question_text,
            text=answer.text,
            updated_at=answer.updated_at,
            updated_by=PersonOut.maybe(answer.updated_by),
        )
