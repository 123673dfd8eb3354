"""Access battery cases for the offsite and resource pages (run by tests/battery/test_pages.py).

The coach and the client of an engagement see its offsites; the client writes a self-guided
one (the coach reads along), both write a facilitated one; what becomes of a priority is the
client's. A coach's resource library is theirs alone; a shared resource is the engagement's.
"""

from __future__ import annotations

from headway.offsites.models import (
    Offsite,
    OffsiteAnswer,
    OffsiteCycle,
    OffsiteStatus,
    Priority,
    PriorityPath,
    Resource,
    SharedResource,
)
from tests.battery import setups as s
from tests.battery.cases import exists, gone, hidden, page
from tests.battery.world import Ctx

E = s.coached
BOTH = hidden(owner=200, client=200)
CLIENT_WRITES = hidden(owner=403, client=302)  # the coach reads a self-guided offsite
OFFSITE = (E, s.open_offsite)
PRIORITY = (E, s.priority_offsite, s.priority)
SHARED = (E, s.shared)
CYCLE = {
    "every_months": "2",
    "minutes": "120",
    "priorities": "3",
    "horizon_months": "3",
    "mode": "self_guided",
}
started = exists(Offsite, engagement=E)


def _paused(c: Ctx) -> bool:
    return Offsite.objects.get(pk=s.open_offsite(c).pk).status == OffsiteStatus.PAUSED


def _marked(c: Ctx) -> dict[str, str]:
    pk = s.shared(c).pk
    return {f"r{pk}-used": "on", f"r{pk}-useful": "yes"}


# fmt: off
OFFSITE_CASES = [
    page("offsites", "get", BOTH, E),
    page("offsites", "get", hidden(solo=200), s.solo, label="self-guided"),
    # The rhythm is agreed between them.
    page("offsite_cycle", "post", hidden(owner=302, client=302), E, data=CYCLE, changed=exists(OffsiteCycle, engagement=E, every_months=2)),
    page("offsite_start", "post", CLIENT_WRITES, E, data={"mode": "self_guided"}, changed=started),
    page("offsite_start", "post", hidden(owner=302, client=302), E, label="facilitated", data={"mode": "facilitated"}, changed=started),
    page("offsite_start", "post", hidden(solo=302), s.solo, label="self-guided", data={"mode": "self_guided"}, changed=exists(Offsite, engagement=s.solo)),
    page("offsite_history", "get", BOTH, E),
    page("offsite", "get", BOTH, *OFFSITE),
    page("offsite_save", "post", CLIENT_WRITES, *OFFSITE, label="self-guided offsite", data={"field": "proud", "answer-proud": "Numbers, people"}, changed=exists(OffsiteAnswer, key="proud")),
    page("offsite_live", "get", BOTH, *OFFSITE),
    page("offsite_clock", "post", CLIENT_WRITES, *OFFSITE, label="self-guided offsite", data={"action": "pause"}, changed=_paused),
    page("offsite_complete", "post", CLIENT_WRITES, *OFFSITE, label="self-guided offsite", data={"answer-insights": "I like structure"}, changed=exists(Offsite, status=OffsiteStatus.COMPLETED)),
    page("priority_goal", "get", hidden(owner=403, client=200), *PRIORITY),
    page("priority_goal", "post", CLIENT_WRITES, *PRIORITY, data={"text": "Find a mentor by March"}, changed=exists(Priority, goal__isnull=False)),
    page("priority_later", "post", CLIENT_WRITES, *PRIORITY, changed=exists(Priority, path=PriorityPath.LATER)),
    # The library is one coach's: every other person, colleague included, gets 404.
    page("resource_delete", "post", hidden(owner=302), s.resource, label="owner's library", changed=gone(Resource, owner=lambda c: c.world.owner)),
    page("resource_file", "get", hidden(owner=200), s.resource, label="owner's library"),
    page("engagement_resources", "get", BOTH, E),
    page("engagement_resources", "post", hidden(owner=302, client=403), E, data=lambda c: {"resource": str(s.resource(c).pk)}, changed=exists(SharedResource, engagement=E)),
    page("engagement_resources", "get", hidden(solo=200), s.solo, label="self-guided"),
    page("resource_mark", "post", CLIENT_WRITES, *SHARED, data=_marked, changed=exists(SharedResource, useful=True)),
    page("resource_unshare", "post", hidden(owner=302, client=403), *SHARED, changed=gone(SharedResource)),
    page("shared_file", "get", BOTH, *SHARED),
]
# fmt: on
