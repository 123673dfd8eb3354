"""Whether a check-in's words read worried: a careful word list with simple negation."""

from __future__ import annotations

import pytest

from headway.core.followup.worry import reads_worried


@pytest.mark.parametrize(
    "text",
    [
        "Worried I'll stall... not sure we can afford a pay cut",
        "Feeling anxious about the interview",
        "Stuck on the CV again",
        "Honestly overwhelmed this week",
        "We can't afford a pay cut right now",
        "We can\u2019t afford a gap",  # a typographic apostrophe, as phones type it
        "Exhausted after the week",
        "Not sure about it, but scared of the call",  # the negation stays in its own clause
    ],
)
def test_worried_texts(text: str) -> None:
    assert reads_worried(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Not worried at all",
        "I'm no longer stuck",
        "I don't feel overwhelmed any more",
        "Never been less anxious",
        "Good week: two calls and a coffee chat",
        "Installed the new stallion statue",  # a word that only starts like one
    ],
)
def test_calm_texts(text: str) -> None:
    assert not reads_worried(text)
