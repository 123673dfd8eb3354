"""What the demo's parts share: the login, the built-in models' keys, the filling of an
engagement stage by stage, and the moving of what was just created into the past.

The lowest module of the demo: it imports only the apps, and every other demo module may
import it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.apps import apps

from headway.accounts.models import User
from headway.accounts.tasks import deliver_email
from headway.engagements.models import (
    AgreementAcceptance,
    Answer,
    Engagement,
    EngagementStatus,
    Intake,
    Invitation,
    StageTransition,
    StatusChange,
)
from headway.engagements.services import (
    answer_save,
    checklist_toggle,
    engagement_move_stage,
    intake_save,
)

PASSWORD = "headway-demo"  # noqa: S105  (printed on purpose: it is the demo's shared login)
CTJ, OFFSITE = "career-transition-journey", "career-offsite-model"


def queued_emails_drop(*, since: datetime, whose: Callable[[list[str]], bool]) -> None:
    """The services queue invitations and notifications on commit; the demo's stay unsent.
    The database task backend keeps them in a table until a worker runs: delete those queued
    from `since` whose recipients `whose` accepts. (The dummy backend sends nothing; the
    immediate one, used in tests, sends to locmem.)"""
    if not apps.is_installed("django_tasks_db"):
        return
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.filter(
        task_path=deliver_email.module_path, status="READY", enqueued_at__gte=since
    )
    ours = [t.pk for t in queued if whose(t.args_kwargs["args"][0])]
    DBTaskResult.objects.filter(pk__in=ours).delete()


def journey(engagement: Engagement, *, client: User, mover: User, spec: dict[str, Any]) -> None:
    """The intake, then stage by stage: answers, checklist, on to the next stage."""
    intake_save(engagement=engagement, intake=Intake(**spec["intake"]), submit=True)
    stages = {s.key: s for s in engagement.model_version.stages.all()}
    path = [engagement.stage.key, *(key for key, _, _ in spec["moves"])]
    answers: dict[str, dict[str, str]] = {}
    for key, text in spec["answers"].items():
        stage_key, question_key = key.split("/")
        answers.setdefault(stage_key, {})[question_key] = text
    for i, stage_key in enumerate(path):
        stage = stages[stage_key]
        questions = {q.key: q for q in stage.questions.all()}
        for question_key, text in answers.pop(stage_key, {}).items():
            answer_save(
                engagement=engagement, question=questions[question_key], text=text, by=client
            )
        current = i == len(path) - 1
        for index in spec["ticks"] if current else range(len(stage.exit_checklist)):
            checklist_toggle(engagement=engagement, stage=stage, index=index, done=True)
        if not current:
            next_key, _, reason = spec["moves"][i]
            engagement_move_stage(
                engagement=engagement, to_stage=stages[next_key], by=mover, reason=reason
            )
    assert not answers, f"answers for stages not on the path: {sorted(answers)}"


def backdate(
    engagement: Engagement,
    spec: dict[str, Any],
    ago: Callable[[float], datetime],
    seen: datetime | None,
) -> None:
    """Spread what was just created over the past weeks, as if it had happened then."""
    started, last, accepted = spec["started"], spec["last"], ago(spec["started"] - 1)
    Engagement.objects.filter(pk=engagement.pk).update(
        created_at=ago(started), last_activity_at=ago(last), coach_seen_at=seen
    )
    Invitation.objects.filter(engagement=engagement).update(created_at=ago(started))
    Invitation.objects.filter(engagement=engagement, accepted_at__isnull=False).update(
        accepted_at=accepted
    )
    changes = StatusChange.objects.filter(engagement=engagement)
    changes.filter(to_status=EngagementStatus.ACTIVE).update(changed_at=accepted)
    changes.filter(to_status=EngagementStatus.PAUSED).update(changed_at=ago(last))
    AgreementAcceptance.objects.filter(engagement=engagement).update(accepted_at=accepted)
    Intake.objects.filter(engagement=engagement).update(submitted_at=accepted, updated_at=accepted)
    if engagement.client_id is not None:  # a client joins on accepting; a self-guided user starts
        joined = accepted if engagement.coach_id else ago(started + 0.1)
        User.objects.filter(pk=engagement.client_id).update(date_joined=joined)
    # The opening transition, then one per move; answers just before leaving their stage.
    days = [started, *(day for _, day, _ in spec["moves"])]
    for transition, day in zip(engagement.transitions.order_by("pk"), days, strict=True):
        StageTransition.objects.filter(pk=transition.pk).update(moved_at=ago(day))
    path = [engagement.model_version.first_stage().key, *(key for key, _, _ in spec["moves"])]
    for stage_key, left in zip(path, [*(d + 0.1 for d in days[1:]), last], strict=True):
        Answer.objects.filter(engagement=engagement, stage_key=stage_key).update(
            updated_at=ago(left)
        )
