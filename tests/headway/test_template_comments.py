"""Django's `{# … #}` comments end on the line they start on; one spread over two lines is
printed on the page as text (the "Your work" card once showed its own comment)."""

from __future__ import annotations

import re
from pathlib import Path

import headway

ROOT = Path(headway.__file__).parent
OPEN = re.compile(r"\{#(?!.*#\})")


def test_every_one_line_comment_closes_on_its_line() -> None:
    templates = [*ROOT.rglob("*.html"), *ROOT.rglob("*.txt")]
    assert len(templates) > 50
    unclosed = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in templates
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if OPEN.search(line)
    ]
    assert unclosed == [], "use {% comment %} for comments of several lines"
