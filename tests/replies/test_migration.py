"""Replies written under check-ins before every page shared one conversation model are
carried over by the migration, with their author, date and (encrypted) words."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("checkins", "0002_checkin_reply"), ("replies", None)]


@pytest.mark.django_db(transaction=True)
def test_check_in_replies_move_into_the_shared_conversation() -> None:
    from tests.helpers import build_world

    world = build_world()
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state([BEFORE[0]]).apps
        check_in = old.get_model("checkins", "CheckIn").objects.create(
            engagement_id=world.engagement.pk, energy=4
        )
        when = timezone.now() - dt.timedelta(days=3)
        old.get_model("checkins", "CheckInReply").objects.create(
            check_in_id=check_in.pk,
            author_id=world.owner.pk,
            text="How did it go?",
            created_at=when,
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    from headway.replies.models import Reply, Target

    reply = Reply.objects.get()
    assert (reply.target, reply.check_in_id, reply.engagement_id) == (
        Target.CHECK_IN,
        check_in.pk,
        world.engagement.pk,
    )
    assert (reply.author_id, reply.text, reply.created_at) == (
        world.owner.pk,
        "How did it go?",
        when,
    )
