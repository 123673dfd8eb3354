"""Access battery cases for the sessions pages (run by tests/battery/test_pages.py).

Coach and client of a coached engagement see its sessions; only the coach schedules, moves
and cancels them; both add topics. A self-guided journey has a sessions page with a note.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from headway.meetings.models import Session, SessionStatus, SessionTopic
from tests.battery.cases import exists, hidden, page
from tests.battery.setups import coached, session, solo
from tests.battery.world import Ctx


def _form(c: Ctx) -> dict[str, str]:
    day = timezone.localdate() + dt.timedelta(days=8)
    return {
        "day": day.isoformat(),
        "time": "18:00",
        "zone": "Europe/London",
        "duration_minutes": "60",
        "place": "Room 4",
        "agenda": "",
    }


BOTH = hidden(owner=200, client=200)
COACH_WRITES = hidden(owner=302, client=403)
SESSION = (coached, session)

# fmt: off
SESSION_CASES = [
    page("sessions", "get", BOTH, coached),
    page("sessions", "post", COACH_WRITES, coached, data=_form, changed=exists(Session, place="Room 4")),
    page("sessions", "get", hidden(solo=200), solo, label="self-guided"),
    page("sessions", "post", hidden(solo=403), solo, label="self-guided", data=_form, changed=exists(Session)),
    page("session_detail", "get", BOTH, *SESSION),
    page("session_reschedule", "post", COACH_WRITES, *SESSION, data=_form, changed=exists(Session, sequence=1)),
    page("session_cancel", "post", COACH_WRITES, *SESSION, data={"reason": "Ill"}, changed=exists(Session, status=SessionStatus.CANCELLED)),
    page("session_topics", "post", hidden(owner=302, client=302), *SESSION, data={"text": "My CV"}, changed=exists(SessionTopic)),
]
# fmt: on
