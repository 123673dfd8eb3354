from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from headway.accounts.models import User
from headway.engagements.models import ClientWriteRefused, Engagement
from headway.exploration.models import (
    BOARD,
    MAX_ACTIVE_OPTIONS,
    Comment,
    Experiment,
    InformationalInterview,
    Option,
)


@transaction.atomic
def option_add(
    *, engagement: Engagement, by: User, title: str, occupation_code: str = ""
) -> Option:
    engagement.require_client_write(by, BOARD)
    title = title.strip()
    if not title:
        raise ValidationError("Name the option, for example “Start my own business”.")
    active = engagement.options.active()
    if occupation_code and active.filter(occupation_code=occupation_code).exists():
        raise ValidationError(f"“{title}” is already on your board.")
    if active.count() >= MAX_ACTIVE_OPTIONS:
        raise ValidationError(
            f"Your board already holds {MAX_ACTIVE_OPTIONS} options. Exploring works best with a "
            "handful: set one aside to make room."
        )
    option = Option.objects.create(
        engagement=engagement, title=title[:200], occupation_code=occupation_code
    )
    engagement.touch()
    return option


@transaction.atomic
def option_update(*, option: Option, by: User, fields: dict[str, Any]) -> Option:
    option.engagement.require_client_write(by, BOARD)
    allowed = {*Option.RESEARCH_FIELDS, "resonates", "concerns"}
    for name, value in fields.items():
        if name not in allowed:
            raise ValidationError(f"Unknown field {name}.")
        setattr(option, name, value)
    option.save()
    option.engagement.touch()
    return option


@transaction.atomic
def option_set_aside(*, option: Option, by: User, reason: str = "") -> None:
    option.engagement.require_client_write(by, BOARD)
    option.set_aside_at = timezone.now()
    option.set_aside_reason = reason.strip()
    option.save(update_fields=["set_aside_at", "set_aside_reason"])


@transaction.atomic
def option_restore(*, option: Option, by: User) -> None:
    option.engagement.require_client_write(by, BOARD)
    if option.engagement.options.active().count() >= MAX_ACTIVE_OPTIONS:
        raise ValidationError("Your board is full: set another option aside first.")
    option.set_aside_at = None
    option.save(update_fields=["set_aside_at"])


@transaction.atomic
def interview_add(*, option: Option, by: User, **fields: Any) -> InformationalInterview:
    option.engagement.require_client_write(by, BOARD)
    interview = InformationalInterview.objects.create(option=option, **fields)
    option.engagement.touch()
    return interview


@transaction.atomic
def experiment_add(*, option: Option, by: User, **fields: Any) -> Experiment:
    option.engagement.require_client_write(by, BOARD)
    starts, ends = fields.get("starts_on"), fields.get("ends_on")
    if starts and ends and ends < starts:
        raise ValidationError("The end date comes before the start date.")
    experiment = Experiment.objects.create(option=option, **fields)
    option.engagement.touch()
    return experiment


@transaction.atomic
def comment_add(*, option: Option, by: User, text: str) -> Comment:
    engagement = option.engagement
    if not (engagement.is_coach(by) or engagement.is_client(by)):
        raise ValidationError("Only the coach and the client comment on the board.")
    if not engagement.is_open:  # the board is kept as it was, its conversation too
        raise ClientWriteRefused(BOARD.concluded)
    if not text.strip():
        raise ValidationError("Write a comment first.")
    comment = Comment.objects.create(option=option, author=by, text=text.strip())
    engagement.touch()
    return comment
