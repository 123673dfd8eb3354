"""Offsite services: the cycle, the worksheet saved per field, the clock, completing with
insights first, priorities becoming goals or kept for later, and resources."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from headway.core.dates import add_months
from headway.core.planning import offsite as core
from headway.discovery.services import journal_add, journal_set_sharing
from headway.engagements.models import EngagementStatus
from headway.engagements.services import engagement_set_status
from headway.goals.models import Goal
from headway.offsites.calendar import due_offsites, offsite_events
from headway.offsites.models import (
    Mode,
    Offsite,
    OffsiteAnswer,
    OffsiteCycle,
    OffsiteStatus,
    PriorityPath,
    ResourceKind,
)
from headway.offsites.resource_services import (
    MAX_FILE_BYTES,
    resource_add,
    resource_mark,
    resource_share,
)
from headway.offsites.services import (
    ClockAction,
    answers_of,
    answers_save,
    cycle_of,
    cycle_update,
    highlights_for,
    offsite_clock,
    offsite_complete,
    offsite_start,
    priority_make_goal,
    priority_set_later,
)
from headway.overview.dashboard import dashboard_rows
from tests.helpers import World


def _cycle(world: World, **changes: object) -> None:
    fields = {
        "every_months": 3,
        "minutes": 180,
        "priorities": 3,
        "horizon_months": 3,
        "mode": Mode.SELF_GUIDED,
        "next_on": None,
        **changes,
    }
    cycle_update(engagement=world.engagement, by=world.client, **fields)  # type: ignore[arg-type]


def test_the_cycle_defaults_to_three_three_three_three(world: World) -> None:
    cycle = cycle_of(world.engagement)
    assert cycle.spec == core.Cycle()
    _cycle(world, every_months=2, minutes=120, priorities=2, horizon_months=4)
    cycle.refresh_from_db()
    assert cycle.spec.summary == "Every 2 months, 2 hours, up to 2 things for the next 4 months."
    with pytest.raises(ValidationError, match="30 minutes to 8 hours"):
        _cycle(world, minutes=10)


def test_a_facilitated_offsite_needs_a_coach(world: World) -> None:
    with pytest.raises(ValidationError, match="needs a coach"):
        offsite_start(engagement=world.solo_engagement, by=world.solo, mode=Mode.FACILITATED)
    offsite = offsite_start(engagement=world.solo_engagement, by=world.solo, mode=Mode.SELF_GUIDED)
    assert offsite.status == OffsiteStatus.RUNNING


def test_only_the_client_starts_a_self_guided_one_and_one_at_a_time(world: World) -> None:
    e = world.engagement
    with pytest.raises(ValidationError, match="client's own"):
        offsite_start(engagement=e, by=world.owner, mode=Mode.SELF_GUIDED)
    offsite_start(engagement=e, by=world.owner, mode=Mode.FACILITATED)
    with pytest.raises(ValidationError, match="already under way"):
        offsite_start(engagement=e, by=world.client, mode=Mode.SELF_GUIDED)


def test_fields_save_one_by_one_and_the_last_writer_wins_per_field(world: World) -> None:
    offsite = offsite_start(engagement=world.engagement, by=world.owner, mode=Mode.FACILITATED)
    v1 = answers_save(offsite=offsite, by=world.client, texts={"proud": "The repairs process"})
    v2 = answers_save(offsite=offsite, by=world.owner, texts={"curious": "Strategy"})
    v3 = answers_save(offsite=offsite, by=world.owner, texts={"proud": "The repairs, and Ana"})
    assert v1 < v2 < v3
    answers = answers_of(offsite)
    assert answers["proud"].text == "The repairs, and Ana"
    assert answers["proud"].updated_by == world.owner
    assert answers["curious"].version == v2
    # The same text again is not a change.
    assert answers_save(offsite=offsite, by=world.client, texts={"curious": "Strategy"}) == v3
    with pytest.raises(ValidationError, match="no field"):
        answers_save(offsite=offsite, by=world.client, texts={"priority-9": "x"})


def test_the_coach_reads_a_self_guided_offsite_but_does_not_write(world: World) -> None:
    offsite = offsite_start(engagement=world.engagement, by=world.client, mode=Mode.SELF_GUIDED)
    with pytest.raises(ValidationError, match="the coach reads it"):
        answers_save(offsite=offsite, by=world.owner, texts={"proud": "x"})


def test_the_clock_pauses_resumes_and_counts_per_section(world: World) -> None:
    offsite = offsite_start(engagement=world.engagement, by=world.client, mode=Mode.SELF_GUIDED)
    Offsite.objects.filter(pk=offsite.pk).update(
        running_since=timezone.now() - dt.timedelta(minutes=7)
    )
    offsite.refresh_from_db()
    offsite = offsite_clock(
        offsite=offsite, by=world.client, action=ClockAction.MOVE, section="look-back"
    )
    assert 419 <= offsite.elapsed["arrive"] <= 425
    offsite = offsite_clock(offsite=offsite, by=world.client, action=ClockAction.PAUSE)
    assert offsite.status == OffsiteStatus.PAUSED and offsite.running_since is None
    paused_total = offsite.seconds_total()
    offsite.refresh_from_db()
    assert offsite.seconds_total() == paused_total  # a paused clock stands still
    offsite = offsite_clock(offsite=offsite, by=world.client, action=ClockAction.RESUME)
    assert offsite.status == OffsiteStatus.RUNNING and offsite.running_since is not None
    with pytest.raises(ValidationError, match="not on this offsite's agenda"):
        offsite_clock(offsite=offsite, by=world.client, action=ClockAction.MOVE, section="x")


def test_completing_needs_insights_then_makes_priorities_and_schedules_the_next(
    world: World,
) -> None:
    _cycle(world, every_months=4, priorities=2)
    offsite = offsite_start(engagement=world.engagement, by=world.client, mode=Mode.SELF_GUIDED)
    answers_save(offsite=offsite, by=world.client, texts={"priority-1": "Lead the refresh"})
    with pytest.raises(ValidationError, match="insights"):
        offsite_complete(offsite=offsite, by=world.client)
    answers_save(
        offsite=offsite,
        by=world.client,
        texts={"insights": "I like structure", "priority-2": "Find a mentor"},
    )
    done = offsite_complete(offsite=offsite, by=world.client)
    assert done.status == OffsiteStatus.COMPLETED
    assert [p.text for p in done.priority_rows.all()] == ["Lead the refresh", "Find a mentor"]
    cycle = cycle_of(world.engagement)
    assert cycle.next_on == add_months(timezone.localdate(), 4)
    with pytest.raises(ValidationError, match="complete"):
        answers_save(offsite=done, by=world.client, texts={"proud": "late"})
    (event,) = offsite_events(world.client)
    assert event.day == cycle.next_on and event.kind == "offsite"
    assert list(offsite_events(world.owner)) == []  # self-guided: the client's date
    assert cycle in due_offsites(timezone.now() + dt.timedelta(days=125))
    assert cycle not in due_offsites(timezone.now())


def _completed(world: World, *priorities: str) -> Offsite:
    offsite = offsite_start(engagement=world.engagement, by=world.client, mode=Mode.SELF_GUIDED)
    texts = {"insights": "Structure energises me"}
    texts |= {core.priority_key(i): p for i, p in enumerate(priorities, start=1)}
    answers_save(offsite=offsite, by=world.client, texts=texts)
    return offsite_complete(offsite=offsite, by=world.client)


def test_a_priority_becomes_a_goal_or_waits_for_the_next_session(world: World) -> None:
    offsite = _completed(world, "Run the strategy refresh by March", "Find a mentor")
    first, second = offsite.priority_rows.all()
    with pytest.raises(ValidationError, match="client's to decide"):
        priority_set_later(priority=second, by=world.owner)
    goal = priority_make_goal(
        priority=first, by=world.client, fields={"text": first.text, "due_on": None}
    )
    assert Goal.objects.get(pk=goal.pk).text == "Run the strategy refresh by March"
    first.refresh_from_db()
    assert (first.path, first.goal_id) == (PriorityPath.GOAL, goal.pk)
    with pytest.raises(ValidationError, match="already a goal"):
        priority_make_goal(priority=first, by=world.client, fields={"text": "again"})
    priority_set_later(priority=second, by=world.client)
    second.refresh_from_db()
    assert second.path == PriorityPath.LATER


def test_highlights_and_the_journal_stays_private_from_the_coach(world: World) -> None:
    e = world.engagement
    for activity, energy in [("Visiting schemes", 2), ("Visiting scheme", 2), ("Board papers", -2)]:
        journal_add(engagement=e, by=world.client, activity=activity, energy=energy)
    offsite = offsite_start(engagement=e, by=world.owner, mode=Mode.FACILITATED)
    mine = highlights_for(offsite, world.client)
    assert mine.entries == 3 and mine.energising[0].startswith("Visiting scheme")
    assert highlights_for(offsite, world.owner).entries == 0
    journal_set_sharing(engagement=e, by=world.client, shared=True)
    assert highlights_for(offsite, world.owner).entries == 3


def test_a_concluded_engagement_keeps_its_offsites_to_read(world: World) -> None:
    offsite = offsite_start(engagement=world.engagement, by=world.client, mode=Mode.SELF_GUIDED)
    engagement_set_status(
        engagement=world.engagement, by=world.owner, status=EngagementStatus.CONCLUDED
    )
    offsite.engagement.refresh_from_db()
    with pytest.raises(ValidationError, match="concluded"):
        answers_save(offsite=offsite, by=world.client, texts={"proud": "x"})
    assert not OffsiteAnswer.objects.exists()
    assert list(offsite_events(world.client)) == []


def test_resources_are_added_shared_and_marked(world: World, settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ValidationError, match="coach's"):
        resource_add(owner=world.client, kind=ResourceKind.NOTE, title="x", note="y")
    big = SimpleUploadedFile("big.pdf", b"x" * (MAX_FILE_BYTES + 1), "application/pdf")
    with pytest.raises(ValidationError, match="up to 5 MB"):
        resource_add(owner=world.owner, kind=ResourceKind.FILE, title="Big", upload=big)
    pdf = SimpleUploadedFile("energy audit.pdf", b"%PDF-1.4 small", "application/pdf")
    resource = resource_add(
        owner=world.owner,
        kind=ResourceKind.FILE,
        title="Energy audit",
        upload=pdf,
        stages=["offsite"],
        themes=["Energy", "energy ", "values"],
    )
    assert resource.themes == ["energy", "values"]
    assert resource.file_name == "energy_audit.pdf" and resource.file_size == 14
    assert resource.file.name.startswith(f"resources/{world.owner.pk}/")
    with pytest.raises(ValidationError, match="not in this engagement's model"):
        resource_share(
            resource=resource, engagement=world.engagement, by=world.owner, stage_key="x"
        )
    with pytest.raises(ValidationError, match="coach shares"):
        resource_share(resource=resource, engagement=world.engagement, by=world.client)
    shared = resource_share(
        resource=resource, engagement=world.engagement, by=world.owner, stage_key="exploring"
    )
    with pytest.raises(ValidationError, match="client marks"):
        resource_mark(shared=shared, by=world.owner, used=True, useful=True)
    resource_mark(shared=shared, by=world.client, used=True, useful=True)
    assert shared.used_at is not None and shared.useful is True
    resource_mark(shared=shared, by=world.client, used=False, useful=True)
    assert shared.used_at is None and shared.useful is None


def test_the_worksheet_and_the_snapshot_are_encrypted_at_rest(world: World) -> None:
    from django.db import connection

    journal_add(engagement=world.engagement, by=world.client, activity="Secret walks", energy=2)
    journal_add(engagement=world.engagement, by=world.client, activity="Secret walk", energy=2)
    done = _completed(world, "Find a mentor")
    assert done.snapshot["energising"][0].startswith("Secret walk")
    with connection.cursor() as cursor:
        cursor.execute("SELECT snapshot_text FROM offsites_offsite WHERE id = %s", [done.pk])
        (raw,) = cursor.fetchone()
        cursor.execute("SELECT text FROM offsites_offsiteanswer WHERE offsite_id = %s", [done.pk])
        texts = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT text FROM offsites_priority WHERE offsite_id = %s", [done.pk])
        texts += [row[0] for row in cursor.fetchall()]
    assert "Secret" not in raw
    assert not any("Structure" in t or "mentor" in t for t in texts)


def test_a_passed_offsite_date_shows_on_the_dashboard_until_one_begins(world: World) -> None:
    def codes() -> set[str]:
        (row,) = [r for r in dashboard_rows(world.owner) if r.engagement == world.engagement]
        return {a.code for a in row.attention}

    _cycle(world, next_on=timezone.localdate() + dt.timedelta(days=5))
    assert "offsite-due" not in codes()
    OffsiteCycle.objects.filter(engagement=world.engagement).update(
        next_on=timezone.localdate() - dt.timedelta(days=4)
    )
    assert "offsite-due" in codes()
    offsite_start(engagement=world.engagement, by=world.client, mode=Mode.SELF_GUIDED)
    assert "offsite-due" not in codes()
