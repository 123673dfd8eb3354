"""Replies under check-ins move into the one Reply model that goals, steps and results share."""

from django.db import migrations


def copy(apps, schema_editor):
    Old = apps.get_model("checkins", "CheckInReply")
    Reply = apps.get_model("replies", "Reply")
    for old in Old.objects.select_related("check_in").order_by("pk").iterator():
        Reply.objects.create(
            engagement_id=old.check_in.engagement_id,
            check_in_id=old.check_in_id,
            author_id=old.author_id,
            text=old.text,
            created_at=old.created_at,
        )


def copy_back(apps, schema_editor):
    Old = apps.get_model("checkins", "CheckInReply")
    Reply = apps.get_model("replies", "Reply")
    for reply in Reply.objects.filter(check_in__isnull=False).order_by("pk").iterator():
        Old.objects.create(
            check_in_id=reply.check_in_id,
            author_id=reply.author_id,
            text=reply.text,
            created_at=reply.created_at,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("replies", "0001_initial"),
        ("checkins", "0002_checkin_reply"),
    ]

    operations = [migrations.RunPython(copy, copy_back)]
