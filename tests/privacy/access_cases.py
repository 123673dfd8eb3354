"""Access battery cases for the Your data pages (run by tests/battery/test_pages.py).

Only the person reaches their own data pages; an engagement's consent log is its coach's and
client's; the audit log is the practice owner's."""

from __future__ import annotations

from tests.battery.cases import hidden, page, signed_in
from tests.battery.setups import coached, solo

PRIVACY_CASES = [
    page("privacy_data", "get", signed_in(200), label="own"),
    page("privacy_consent", "get", signed_in(200), label="own"),
    page("privacy_engagement_consent", "get", hidden(owner=200, client=200), coached),
    page("privacy_engagement_consent", "get", hidden(solo=200), solo, label="self-guided"),
    # The outsider owns another practice: they see that practice's log, never this one's.
    page("privacy_audit", "get", hidden(owner=200, outsider=200), label="owner"),
]
