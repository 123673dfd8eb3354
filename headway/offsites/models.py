"""Career offsites: the cycle of an engagement (how often, how long, how many things), each
offsite's worksheet (answers saved as they are typed, per field), its clock (elapsed seconds
kept on the server, so pausing and resuming survive a closed tab), the priorities it ends
with, and the coach's resource library shared with clients."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from headway.core.planning import offsite as core
from headway.crypto import EncryptedTextField
from headway.engagements.models import ClientWork

PRIORITIES = ClientWork(not_client="What becomes of a priority is the client's to decide.")


class Mode(models.TextChoices):
    SELF_GUIDED = "self_guided", "Self-guided"
    FACILITATED = "facilitated", "With my coach facilitating"


class OffsiteStatus(models.TextChoices):
    RUNNING = "running", "Under way"
    PAUSED = "paused", "Paused"
    COMPLETED = "completed", "Completed"


class OffsiteCycle(models.Model):
    """The rhythm of an engagement's offsites and the date of the next one."""

    engagement = models.OneToOneField(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="offsite_cycle"
    )
    every_months = models.PositiveSmallIntegerField(
        "Every how many months", default=core.DEFAULT_EVERY_MONTHS
    )
    minutes = models.PositiveSmallIntegerField("Length in minutes", default=core.DEFAULT_MINUTES)
    priorities = models.PositiveSmallIntegerField(
        "Things to leave with, at most", default=core.DEFAULT_PRIORITIES
    )
    horizon_months = models.PositiveSmallIntegerField(
        "For the next how many months", default=core.DEFAULT_HORIZON_MONTHS
    )
    mode = models.CharField(max_length=12, choices=Mode.choices, default=Mode.SELF_GUIDED)
    next_on = models.DateField("Next offsite", null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Offsite cycle of engagement {self.engagement_id}"

    @property
    def spec(self) -> core.Cycle:
        return core.Cycle(self.every_months, self.minutes, self.priorities, self.horizon_months)


class Offsite(models.Model):
    engagement = models.ForeignKey(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="offsites"
    )
    mode = models.CharField(max_length=12, choices=Mode.choices, default=Mode.SELF_GUIDED)
    status = models.CharField(
        max_length=10, choices=OffsiteStatus.choices, default=OffsiteStatus.RUNNING
    )
    # The cycle as it was when the offsite began: a later change leaves this one as it was.
    minutes = models.PositiveSmallIntegerField(default=core.DEFAULT_MINUTES)
    priorities_max = models.PositiveSmallIntegerField(default=core.DEFAULT_PRIORITIES)
    horizon_months = models.PositiveSmallIntegerField(default=core.DEFAULT_HORIZON_MONTHS)
    section = models.CharField(max_length=30, default=core.SECTIONS[0].key)
    # Seconds spent per section, folded in at every pause and section change; while the
    # clock runs, the time since `running_since` is added on top.
    elapsed = models.JSONField(default=dict, blank=True)
    running_since = models.DateTimeField(null=True, blank=True)
    # Bumped on every change to the worksheet: the live view asks for what is newer.
    version = models.PositiveIntegerField(default=0)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    # Frozen on completion: the values and energy as they were, for the history. JSON, kept
    # encrypted: it names activities from the (encrypted) energy journal.
    snapshot_text = EncryptedTextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"Offsite of engagement {self.engagement_id} on {self.started_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("offsite", args=[self.engagement_id, self.pk])

    @property
    def snapshot(self) -> dict[str, Any]:
        if not self.snapshot_text:
            return {}
        loaded = json.loads(self.snapshot_text)
        return loaded if isinstance(loaded, dict) else {}

    @snapshot.setter
    def snapshot(self, value: dict[str, Any]) -> None:
        self.snapshot_text = json.dumps(value)

    @property
    def is_completed(self) -> bool:
        return self.status == OffsiteStatus.COMPLETED

    @property
    def held_on(self) -> dt.date:
        return timezone.localdate(self.completed_at or self.started_at)

    def seconds_in(self, key: str, now: dt.datetime | None = None) -> int:
        seconds = int((self.elapsed or {}).get(key, 0))
        if self.running_since is not None and key == self.section:
            seconds += int(((now or timezone.now()) - self.running_since).total_seconds())
        return max(0, seconds)

    def seconds_total(self, now: dt.datetime | None = None) -> int:
        keys = set(self.elapsed or {}) | {self.section}
        return sum(self.seconds_in(k, now) for k in keys)


class OffsiteAnswer(models.Model):
    """One field of the worksheet. Per field, the last one to write wins; `version` says
    when, in the offsite's own count."""

    offsite = models.ForeignKey(Offsite, on_delete=models.CASCADE, related_name="answers")
    key = models.SlugField(max_length=60)
    text = EncryptedTextField(blank=True)
    version = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["offsite", "key"]
        constraints = [
            models.UniqueConstraint(fields=["offsite", "key"], name="offsite_answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.key} of offsite {self.offsite_id}"


class PriorityPath(models.TextChoices):
    OPEN = "open", "Not decided yet"
    GOAL = "goal", "Became a goal"
    LATER = "later", "To think over before the next session"


class Priority(models.Model):
    """One of the things an offsite ends with."""

    offsite = models.ForeignKey(Offsite, on_delete=models.CASCADE, related_name="priority_rows")
    position = models.PositiveSmallIntegerField()
    text = EncryptedTextField()
    path = models.CharField(max_length=6, choices=PriorityPath.choices, default=PriorityPath.OPEN)
    goal = models.ForeignKey(
        "goals.Goal", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["offsite", "position"]

    def __str__(self) -> str:
        return f"Priority {self.position} of offsite {self.offsite_id}"


# --- resources -------------------------------------------------------------------------------


class ResourceKind(models.TextChoices):
    LINK = "link", "Link"
    FILE = "file", "File"
    NOTE = "note", "Short note"


def _upload_to(instance: Resource, filename: str) -> str:
    # Served only through a view that checks access, never as a public media URL.
    return f"resources/{instance.owner_id}/{timezone.now():%Y%m}/{filename}"


class Resource(models.Model):
    """An item of a coach's library."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="resources"
    )
    kind = models.CharField(max_length=4, choices=ResourceKind.choices)
    title = models.CharField(max_length=200)
    url = models.URLField("Link", max_length=500, blank=True)
    note = models.TextField(blank=True)
    file = models.FileField(upload_to=_upload_to, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    file_size = models.PositiveIntegerField(default=0)
    content_type = models.CharField(max_length=100, blank=True)
    stages = models.JSONField(default=list, blank=True)  # stage keys, e.g. "offsite"
    themes = models.JSONField(default=list, blank=True)  # the coach's own words
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title


class SharedResource(models.Model):
    """A library item shared with one client, for an offsite or a stage (or neither)."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="shares")
    engagement = models.ForeignKey(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="shared_resources"
    )
    offsite = models.ForeignKey(
        Offsite, null=True, blank=True, on_delete=models.SET_NULL, related_name="resources"
    )
    stage_key = models.SlugField(max_length=80, blank=True)
    # Encrypted: a word to one client about why may touch on what they shared.
    note = EncryptedTextField("Why this one", blank=True)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    shared_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)
    useful = models.BooleanField(null=True, blank=True)  # None: not said

    class Meta:
        ordering = ["-shared_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.resource} shared with engagement {self.engagement_id}"
