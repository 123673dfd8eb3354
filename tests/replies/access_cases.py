"""Access battery cases for replies (run by tests/battery/test_pages.py): the client and their
coach talk under a check-in, a goal, a step or a shared result; nobody else sees there is one.
A result the client keeps to themselves is not there for the coach either."""

from __future__ import annotations

from typing import Any

from headway.replies.models import Reply
from tests.battery import setups as s
from tests.battery.cases import Case, exists, hidden, page


def _reply(target: str, about: Any, expected: dict[str, int], label: str = "coached") -> Case:
    return page(
        "reply",
        "post",
        expected,
        s.coached,
        target,
        about,
        label=f"{label} {target}",
        data={"text": "How did it go?"},
        changed=exists(Reply),
    )


BOTH = hidden(owner=302, client=302)

REPLY_CASES = [
    _reply("check-in", s.check_in, BOTH),
    _reply("goal", s.goal, BOTH),
    _reply("step", s.step, BOTH),
    _reply("result", s.result(shared=True), BOTH, "shared"),
    _reply("result", s.result(shared=False), hidden(client=302), "private"),
    _reply("nothing", s.check_in, hidden()),
]
