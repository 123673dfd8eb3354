"""If-then plans keep the person's words without repeating the page's "If" and "then I will"."""

from __future__ import annotations

import pytest

from headway.core.planning.if_then import IfThen, if_then


@pytest.mark.parametrize(
    ("obstacle", "plan", "expected"),
    [
        ("I'm tired", "rest for ten minutes", IfThen("I'm tired", "rest for ten minutes")),
        ("If I'm tired", "then I will rest", IfThen("I'm tired", "rest")),
        ("if I'm tired,", "Then I'll rest", IfThen("I'm tired", "rest")),
        (
            "If… a night shift runs late",
            "…then I will study at lunch",
            IfThen("a night shift runs late", "study at lunch"),
        ),
        ("If I'm tired then I will", "rest", IfThen("I'm tired", "rest")),
        ("If I'm tired, then", "I will rest", IfThen("I'm tired", "rest")),
        ("I'm tired", "I’ll rest", IfThen("I'm tired", "rest")),
        ("I'm tired", "then I rest", IfThen("I'm tired", "rest")),
        # Whole sentence typed into the first field.
        ("If I'm tired, then I will rest", "", IfThen("I'm tired", "rest")),
        ("If I'm tired then I'll rest", "", IfThen("I'm tired", "rest")),
    ],
)
def test_the_page_words_are_taken_off(obstacle: str, plan: str, expected: IfThen) -> None:
    assert if_then(obstacle, plan) == expected


@pytest.mark.parametrize(
    ("obstacle", "plan"),
    [
        ("Iffy weather keeps me in", "I'm going to read at home"),  # "Iffy" is not "If"
        ("the course isn't open by then", "ask the college"),  # "by then" is the obstacle's
        ("nothing has moved until then", "call Priya"),
        ("my manager says no", "thenceforth look elsewhere"),  # "thenceforth" is not "then"
        ("I'm tired", "I'm going for a walk"),  # "I'm" is not "I will"
    ],
)
def test_the_persons_own_words_stay(obstacle: str, plan: str) -> None:
    assert if_then(obstacle, plan) == IfThen(obstacle, plan)


def test_a_lone_if_leaves_nothing() -> None:
    assert if_then("If", "then I will") == IfThen("", "")
