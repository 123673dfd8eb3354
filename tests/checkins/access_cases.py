"""Access battery cases for the check-ins page (run by tests/battery/test_pages.py).

Check-ins are the client's own: the coach of the engagement reads them, only the client writes.
"""

from __future__ import annotations

from headway.checkins.models import CheckIn
from tests.battery.cases import exists, hidden, page
from tests.battery.setups import coached, solo

# fmt: off
CHECKIN_CASES = [
    page("checkins", "get", hidden(owner=200, client=200), coached),
    page("checkins", "post", hidden(owner=403, client=302), coached, data={"energy": "7", "win": "Called Ana"}, changed=exists(CheckIn, engagement=coached)),
    page("checkins", "post", hidden(solo=302), solo, label="self-guided", data={"energy": "5"}, changed=exists(CheckIn, engagement=solo)),
]
# fmt: on
