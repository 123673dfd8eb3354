"""Access battery cases for the offsite and resource pages (run by tests/test_views_access.py).

The coach and the client of an engagement see its offsites; the client writes a self-guided
one (the coach reads along), both write a facilitated one; what becomes of a priority is the
client's. A coach's resource library is theirs alone; a shared resource is the engagement's.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from headway.core.planning import offsite as core
from headway.offsites.models import (
    Mode,
    Offsite,
    OffsiteAnswer,
    OffsiteCycle,
    OffsiteStatus,
    Priority,
    PriorityPath,
    Resource,
    ResourceKind,
    SharedResource,
)
from headway.offsites.resource_services import resource_add, resource_share
from headway.offsites.services import answers_save, offsite_complete, offsite_start
from tests.access import Case, Ctx, hidden

E = "e/<int:pk>/"


def _open(c: Ctx) -> Offsite:
    e = c.world.engagement
    found = Offsite.objects.filter(engagement=e).exclude(status=OffsiteStatus.COMPLETED).first()
    return found or offsite_start(engagement=e, by=c.world.client, mode=Mode.SELF_GUIDED)


def _priority(c: Ctx) -> Priority:
    found = Priority.objects.filter(offsite__engagement=c.world.engagement).first()
    if found is not None:
        return found
    offsite = _open(c)
    answers_save(
        offsite=offsite,
        by=c.world.client,
        texts={core.INSIGHTS_KEY: "Structure", core.priority_key(1): "Find a mentor"},
    )
    offsite_complete(offsite=offsite, by=c.world.client)
    return Priority.objects.get(offsite=offsite)


def _resource(c: Ctx) -> Resource:
    found = Resource.objects.filter(owner=c.world.owner).first()
    return found or resource_add(
        owner=c.world.owner,
        kind=ResourceKind.FILE,
        title="Energy audit",
        upload=SimpleUploadedFile("audit.txt", b"Notice your energy.", "text/plain"),
    )


def _shared(c: Ctx) -> SharedResource:
    found = SharedResource.objects.filter(engagement=c.world.engagement).first()
    return found or resource_share(
        resource=_resource(c), engagement=c.world.engagement, by=c.world.owner
    )


def _o(name: str) -> Callable[[Ctx], str]:
    return lambda c: reverse(name, args=[c.world.engagement.pk, _open(c).pk])


def _p(name: str) -> Callable[[Ctx], str]:
    def url(c: Ctx) -> str:
        p = _priority(c)
        return reverse(name, args=[c.world.engagement.pk, p.offsite_id, p.pk])

    return url


def _s(name: str) -> Callable[[Ctx], str]:
    return lambda c: reverse(name, args=[c.world.engagement.pk, _shared(c).pk])


def _status(c: Ctx) -> str:
    return Offsite.objects.get(pk=_open(c).pk).status


CYCLE = {
    "every_months": "2",
    "minutes": "120",
    "priorities": "3",
    "horizon_months": "3",
    "mode": "self_guided",
}

OFFSITE_CASES = [
    Case(
        "offsites",
        "coached",
        "get",
        lambda c: reverse("offsites", args=[c.world.engagement.pk]),
        hidden(owner=200, client=200),
    ),
    Case(
        "offsites",
        "self-guided",
        "get",
        lambda c: reverse("offsites", args=[c.world.solo_engagement.pk]),
        hidden(solo=200),
    ),
    Case(
        "offsite_cycle",
        "coached",
        "post",
        lambda c: reverse("offsite_cycle", args=[c.world.engagement.pk]),
        hidden(owner=302, client=302),  # the rhythm is agreed between them
        data=lambda c: CYCLE,
        changed=lambda c: OffsiteCycle.objects.filter(
            engagement=c.world.engagement, every_months=2
        ).exists(),
    ),
    Case(
        "offsite_start",
        "coached",
        "post",
        lambda c: reverse("offsite_start", args=[c.world.engagement.pk]),
        hidden(owner=403, client=302),
        data=lambda c: {"mode": "self_guided"},
        changed=lambda c: Offsite.objects.filter(engagement=c.world.engagement).exists(),
    ),
    Case(
        "offsite_start",
        "facilitated",
        "post",
        lambda c: reverse("offsite_start", args=[c.world.engagement.pk]),
        hidden(owner=302, client=302),
        data=lambda c: {"mode": "facilitated"},
        changed=lambda c: Offsite.objects.filter(engagement=c.world.engagement).exists(),
    ),
    Case(
        "offsite_start",
        "self-guided",
        "post",
        lambda c: reverse("offsite_start", args=[c.world.solo_engagement.pk]),
        hidden(solo=302),
        data=lambda c: {"mode": "self_guided"},
        changed=lambda c: Offsite.objects.filter(engagement=c.world.solo_engagement).exists(),
    ),
    Case(
        "offsite_history",
        "coached",
        "get",
        lambda c: reverse("offsite_history", args=[c.world.engagement.pk]),
        hidden(owner=200, client=200),
    ),
    Case("offsite", "coached", "get", _o("offsite"), hidden(owner=200, client=200)),
    Case(
        "offsite_save",
        "self-guided offsite",
        "post",
        _o("offsite_save"),
        hidden(owner=403, client=302),  # the coach reads a self-guided offsite
        data=lambda c: {"field": "proud", "answer-proud": "Numbers, people"},
        changed=lambda c: OffsiteAnswer.objects.filter(key="proud").exists(),
    ),
    Case("offsite_live", "coached", "get", _o("offsite_live"), hidden(owner=200, client=200)),
    Case(
        "offsite_clock",
        "self-guided offsite",
        "post",
        _o("offsite_clock"),
        hidden(owner=403, client=302),
        data=lambda c: {"action": "pause"},
        changed=lambda c: _status(c) == OffsiteStatus.PAUSED,
    ),
    Case(
        "offsite_complete",
        "self-guided offsite",
        "post",
        _o("offsite_complete"),
        hidden(owner=403, client=302),
        data=lambda c: {"answer-insights": "I like structure"},
        changed=lambda c: Offsite.objects.filter(status=OffsiteStatus.COMPLETED).exists(),
    ),
    Case("priority_goal", "coached", "get", _p("priority_goal"), hidden(owner=403, client=200)),
    Case(
        "priority_goal",
        "coached",
        "post",
        _p("priority_goal"),
        hidden(owner=403, client=302),
        data=lambda c: {"text": "Find a mentor by March"},
        changed=lambda c: Priority.objects.filter(goal__isnull=False).exists(),
    ),
    Case(
        "priority_later",
        "coached",
        "post",
        _p("priority_later"),
        hidden(owner=403, client=302),
        changed=lambda c: Priority.objects.filter(path=PriorityPath.LATER).exists(),
    ),
    # The library is one coach's: every other person, colleague included, gets 404.
    Case(
        "resource_delete",
        "owner's library",
        "post",
        lambda c: reverse("resource_delete", args=[_resource(c).pk]),
        hidden(owner=302),
        changed=lambda c: not Resource.objects.filter(owner=c.world.owner).exists(),
    ),
    Case(
        "resource_file",
        "owner's library",
        "get",
        lambda c: reverse("resource_file", args=[_resource(c).pk]),
        hidden(owner=200),
    ),
    Case(
        "engagement_resources",
        "coached",
        "get",
        lambda c: reverse("engagement_resources", args=[c.world.engagement.pk]),
        hidden(owner=200, client=200),
    ),
    Case(
        "engagement_resources",
        "coached",
        "post",
        lambda c: reverse("engagement_resources", args=[c.world.engagement.pk]),
        hidden(owner=302, client=403),
        data=lambda c: {"resource": str(_resource(c).pk)},
        changed=lambda c: SharedResource.objects.filter(engagement=c.world.engagement).exists(),
    ),
    Case(
        "engagement_resources",
        "self-guided",
        "get",
        lambda c: reverse("engagement_resources", args=[c.world.solo_engagement.pk]),
        hidden(solo=200),
    ),
    Case(
        "resource_mark",
        "coached",
        "post",
        _s("resource_mark"),
        hidden(owner=403, client=302),
        data=lambda c: {f"r{_shared(c).pk}-used": "on", f"r{_shared(c).pk}-useful": "yes"},
        changed=lambda c: SharedResource.objects.filter(useful=True).exists(),
    ),
    Case(
        "resource_unshare",
        "coached",
        "post",
        _s("resource_unshare"),
        hidden(owner=302, client=403),
        changed=lambda c: not SharedResource.objects.exists(),
    ),
    Case("shared_file", "coached", "get", _s("shared_file"), hidden(owner=200, client=200)),
]
