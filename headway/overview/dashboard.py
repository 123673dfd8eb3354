"""The coach dashboard's read model: every client with stage, quiet days and attention."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from django.db.models import (
    Count,
    DateTimeField,
    Exists,
    F,
    IntegerField,
    Max,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from headway.accounts.models import User
from headway.booking.packages import packages_of
from headway.checkins.services import checkin_facts
from headway.coaching.models import StageQuestion
from headway.concluding.services import (
    engagements_needing_followup_attention,
    followup_attention_of,
)
from headway.core.followup.attention import (
    NEW_ANSWERS,
    NEW_RESULTS,
    Attention,
    EngagementFacts,
    attention_items,
    needs_action,
    unacknowledged,
)
from headway.discovery.models import Assessment
from headway.engagements.models import (
    AgreementAcceptance,
    Answer,
    Engagement,
    EngagementStatus,
    FlagAcknowledgement,
    StageTransition,
)
from headway.meetings.models import Session
from headway.offsites.models import Offsite, OffsiteStatus
from headway.overview.activity import ActivityItem, headlines
from headway.overview.flags import acknowledgements_of
from headway.practices.models import Agreement


@dataclass(frozen=True)
class DashboardRow:
    engagement: Engagement
    days_quiet: int
    attention: tuple[Attention, ...]
    headline: ActivityItem | None = None  # what to see first since the coach's last visit

    @property
    def needs_action(self) -> bool:
        return needs_action(self.attention)


def _count(qs: QuerySet[Model], group: str) -> Coalesce:
    """COUNT(*) of a correlated queryset, 0 when it is empty."""
    counted = qs.order_by().values(group).annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _acked(coach: User, code: str) -> Coalesce:
    """When the coach last said "got it" to a flag of the row's engagement; long ago if never."""
    at = FlagAcknowledgement.objects.filter(
        engagement=OuterRef("pk"), coach=coach, code=code
    ).values("acknowledged_at")[:1]
    return Coalesce(Subquery(at), Value(EPOCH), output_field=DateTimeField())


def _days(since: datetime | None, now: datetime) -> int:
    return 0 if since is None else max(0, (now - since).days)


def _offsite_days_late(e: Engagement, today: date) -> int | None:
    planned: date | None = e.offsite_next_on  # type: ignore[attr-defined]
    if planned is None or planned > today or e.offsite_open:  # type: ignore[attr-defined]
        return None
    return (today - planned).days


def dashboard_rows(
    coach: User, *, status: str = "", stage: str = "", query: str = "", attention_only: bool = False
) -> list[DashboardRow]:
    now = timezone.now()
    latest_acceptance = AgreementAcceptance.objects.filter(engagement=OuterRef("pk")).order_by(
        "-accepted_at"
    )
    qs = (
        Engagement.objects.coached_by(coach)
        .select_related("client", "stage", "model_version__model", "intake")
        .annotate(
            accepted_agreement=Subquery(latest_acceptance.values("agreement__version")[:1]),
            # Subqueries, not joins: several joined counts would multiply each other's rows.
            answers_here=_count(
                Answer.objects.filter(
                    engagement=OuterRef("pk"), stage_key=OuterRef("stage__key")
                ).exclude(text=""),
                "engagement",
            ),
            questions_here=_count(StageQuestion.objects.filter(stage=OuterRef("stage")), "stage"),
            # The client's newest answer; the flag stays until the coach's "got it".
            last_answer_at=Subquery(
                Answer.objects.filter(engagement=OuterRef("pk"))
                .exclude(text="")
                .exclude(updated_by_id=coach.pk)
                .order_by("-updated_at")
                .values("updated_at")[:1]
            ),
            answers_acked=_acked(coach, NEW_ANSWERS),
            results_acked=_acked(coach, NEW_RESULTS),
            overdue=_count(
                Assessment.objects.filter(
                    engagement=OuterRef("pk"),
                    completed_at__isnull=True,
                    due_on__lt=timezone.localdate(),
                ),
                "engagement",
            ),
        )
        .annotate(
            new_results=_count(
                Assessment.objects.seen_by_coach().filter(
                    engagement=OuterRef("pk"), completed_at__gt=OuterRef("results_acked")
                ),
                "engagement",
            ),
            new_results_at=Subquery(
                Assessment.objects.seen_by_coach()
                .filter(engagement=OuterRef("pk"))
                .order_by("-completed_at")
                .values("completed_at")[:1]
            ),
            next_session=Exists(Session.objects.upcoming(now).filter(engagement=OuterRef("pk"))),
            offsite_next_on=F("offsite_cycle__next_on"),
            offsite_open=Exists(
                Offsite.objects.filter(
                    engagement=OuterRef("pk"),
                    status__in=[OffsiteStatus.RUNNING, OffsiteStatus.PAUSED],
                )
            ),
            entered_stage_at=Subquery(
                StageTransition.objects.filter(engagement=OuterRef("pk"))
                .order_by("-moved_at")
                .values("moved_at")[:1]
            ),
        )
    )
    if status:
        qs = qs.filter(status=status)
    else:
        # Concluded engagements are listed again while a follow-up asks for the coach.
        followup_pks = engagements_needing_followup_attention(coach)
        qs = qs.exclude(Q(status=EngagementStatus.CONCLUDED) & ~Q(pk__in=followup_pks))
    if stage:
        qs = qs.filter(stage__name=stage)
    if query:
        qs = qs.filter(
            Q(client__name__icontains=query)
            | Q(invited_name__icontains=query)
            | Q(invited_email__icontains=query)
        )
    current_versions = dict(
        Agreement.objects.filter(practice__memberships__user=coach)
        .values_list("practice_id")
        .annotate(v=Max("version"))
    )
    engagements = list(qs)
    checkins = checkin_facts(engagements, now=now)
    followups = followup_attention_of(engagements, today=timezone.localdate(now))
    acknowledged = acknowledgements_of(coach, engagements)
    news = headlines(engagements)
    packages = packages_of(engagements)
    rows = []
    for e in engagements:
        intake = getattr(e, "intake", None)
        current = current_versions.get(e.practice_id)
        accepted = e.accepted_agreement  # type: ignore[attr-defined]
        facts = EngagementFacts(
            status=e.status,
            self_guided=e.is_self_guided,
            days_since_activity=_days(e.last_activity_at, now),
            days_since_invited=_days(e.created_at, now)
            if e.status == EngagementStatus.INVITED
            else None,
            days_in_stage=_days(e.entered_stage_at, now),  # type: ignore[attr-defined]
            agreement_accepted=accepted is not None,
            agreement_outdated=accepted is not None and current is not None and accepted < current,
            intake_submitted=bool(intake and intake.is_complete),
            answers_in_stage=e.answers_here,  # type: ignore[attr-defined]
            questions_in_stage=e.questions_here,  # type: ignore[attr-defined]
            checklist_done=len(e.done_items(e.stage.key)),
            checklist_total=len(e.stage.exit_checklist),
            unseen_client_activity=bool(
                e.last_answer_at and e.last_answer_at > e.answers_acked  # type: ignore[attr-defined]
            ),
            new_answers_at=e.last_answer_at,  # type: ignore[attr-defined]
            overdue_assessments=e.overdue,  # type: ignore[attr-defined]
            new_results=e.new_results,  # type: ignore[attr-defined]
            new_results_at=e.new_results_at,  # type: ignore[attr-defined]
            checkins=checkins[e.pk],
            next_session_booked=e.next_session,  # type: ignore[attr-defined]
            offsite_days_late=_offsite_days_late(e, timezone.localdate(now)),
            package_left=packages[e.pk].left if e.pk in packages else None,
            followup_due=followups[e.pk].due if e.pk in followups else None,
            followup_answered=followups[e.pk].answered if e.pk in followups else None,
        )
        items = unacknowledged(attention_items(facts), acknowledged[e.pk])
        if attention_only and not needs_action(items):
            continue
        rows.append(
            DashboardRow(
                engagement=e,
                days_quiet=facts.days_since_activity,
                attention=items,
                headline=news.get(e.pk),
            )
        )
    return rows
