"""The coach's resource library and what they share with a client: links, files and short
notes, tagged by stage and theme. Files stay under MEDIA_ROOT and are served only by a view
that checks who asks."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename, slugify

from headway.accounts.models import User
from headway.coaching.models import CoachingModel, Stage
from headway.engagements.models import Engagement
from headway.offsites.models import Offsite, Resource, ResourceKind, SharedResource
from headway.practices.models import Membership

MAX_FILE_MB = 5
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024
MAX_TAGS = 10


def is_coach(user: User) -> bool:
    return Membership.objects.filter(user=user).exists()


def stage_choices(practice_id: int | None) -> list[tuple[str, str]]:
    """The stages of the models a coach can use (built-in and their practice's), one per key
    with the name it has first, in model order: what a resource can be tagged with."""
    models = CoachingModel.objects.available_to(practice_id)
    rows = (
        Stage.objects.filter(version__model__in=models)
        .order_by("version__model__practice_id", "version__model_id", "position")
        .values_list("key", "name")
    )
    seen: dict[str, str] = {}
    for key, name in rows:
        seen.setdefault(key, name)
    return list(seen.items())


def tags(raw: str | Sequence[str]) -> list[str]:
    """Tags from "offsite, next steps" or a list: trimmed, lower case, no repeats."""
    items = raw.split(",") if isinstance(raw, str) else list(raw)
    seen: list[str] = []
    for item in items:
        tag = " ".join(str(item).split()).lower()[:40]
        if tag and tag not in seen:
            seen.append(tag)
    if len(seen) > MAX_TAGS:
        raise ValidationError(f"Up to {MAX_TAGS} tags of each kind.")
    return seen


@transaction.atomic
def resource_add(
    *,
    owner: User,
    kind: str,
    title: str,
    url: str = "",
    note: str = "",
    upload: UploadedFile[bytes] | None = None,
    stages: Sequence[str] = (),
    themes: Sequence[str] = (),
) -> Resource:
    if not is_coach(owner):
        raise ValidationError("The resource library is a coach's.")
    title = title.strip()
    if not title:
        raise ValidationError("Give the resource a title.")
    if kind == ResourceKind.LINK and not url:
        raise ValidationError("A link needs its address.")
    if kind == ResourceKind.NOTE and not note.strip():
        raise ValidationError("A note needs a few words.")
    if kind == ResourceKind.FILE:
        if upload is None:
            raise ValidationError("Choose a file to upload.")
        if (upload.size or 0) > MAX_FILE_BYTES:
            raise ValidationError(f"Files can be up to {MAX_FILE_MB} MB; this one is larger.")
    elif kind not in ResourceKind.values:
        raise ValidationError("A resource is a link, a file or a short note.")
    resource = Resource(
        owner=owner,
        kind=kind,
        title=title,
        url=url if kind == ResourceKind.LINK else "",
        note=note.strip(),
        stages=[slugify(s) for s in tags(stages)],
        themes=tags(themes),
    )
    if kind == ResourceKind.FILE and upload is not None:
        name = get_valid_filename(upload.name or "file") or "file"
        resource.file_name = name[:200]
        resource.file_size = upload.size or 0
        resource.content_type = (upload.content_type or "application/octet-stream")[:100]
        resource.file.save(name, upload, save=False)
    resource.save()
    return resource


@transaction.atomic
def resource_delete(*, resource: Resource, by: User) -> None:
    if resource.owner_id != by.pk:
        raise ValidationError("Only the coach whose library it is removes a resource.")
    stored = resource.file.name if resource.file else ""
    storage = resource.file.storage if resource.file else None
    resource.delete()
    if stored and storage is not None:
        transaction.on_commit(lambda: storage.delete(stored))


def _coach_of(engagement: Engagement, by: User) -> None:
    if not engagement.is_open:
        raise ValidationError("This engagement is concluded.")
    if not engagement.is_coach(by):
        raise ValidationError("The coach shares resources from their library.")


@transaction.atomic
def resource_share(
    *,
    resource: Resource,
    engagement: Engagement,
    by: User,
    offsite: Offsite | None = None,
    stage_key: str = "",
    note: str = "",
) -> SharedResource:
    _coach_of(engagement, by)
    if resource.owner_id != by.pk:
        raise ValidationError("Share resources from your own library.")
    if offsite is not None and offsite.engagement_id != engagement.pk:
        raise ValidationError("That offsite belongs to another engagement.")
    stages = set(engagement.model_version.stages.values_list("key", flat=True))
    if stage_key and stage_key not in stages:
        raise ValidationError("That stage is not in this engagement's model.")
    return SharedResource.objects.create(
        resource=resource,
        engagement=engagement,
        offsite=offsite,
        stage_key=stage_key,
        note=note.strip(),
        shared_by=by,
    )


@transaction.atomic
def resource_unshare(*, shared: SharedResource, by: User) -> None:
    _coach_of(shared.engagement, by)
    shared.delete()


@transaction.atomic
def resource_mark(
    *, shared: SharedResource, by: User, used: bool, useful: bool | None
) -> SharedResource:
    """The client says whether they used it and whether it helped."""
    e = shared.engagement
    if not e.is_open:
        raise ValidationError("This engagement is concluded.")
    if not e.is_client(by):
        raise ValidationError("The client marks what they used and found useful.")
    if not used:
        shared.used_at, shared.useful = None, None
    else:
        shared.used_at = shared.used_at or timezone.now()
        shared.useful = useful
    shared.save(update_fields=["used_at", "useful"])
    return shared
