"""The "is this question open?" hint: the session-review classifier's own codes, read for
one question at a time."""

from __future__ import annotations

from headway.core.coaching.question_hints import Reading, question_panel, reading_of


def test_clear_questions_read_as_open_or_closed() -> None:
    assert reading_of("What matters most to you in your work?") is Reading.OPEN
    assert reading_of("How would you know this change has worked?") is Reading.OPEN
    assert reading_of("Do you like your job?") is Reading.CLOSED
    assert reading_of("Are you ready to move on?") is Reading.CLOSED


def test_advice_is_not_a_question() -> None:
    assert reading_of("You should apply for that job.") is Reading.INPUT


def test_the_panel_lists_new_questions_and_any_that_do_not_read_as_open() -> None:
    saved = ["What matters most to you in your work?", "Is there anything else?"]
    typed = ["What matters most to you in your work?", "", "  Do you like your job? ", *saved[1:]]
    panel = question_panel(typed, saved=saved)
    assert [h.text for h in panel.hints] == [
        "What matters most to you in your work?",
        "Do you like your job?",
        "Is there anything else?",
    ]
    assert panel.open_count == 1
    # The saved open question is not repeated; the saved closed one is, and the new one.
    assert [h.text for h in panel.shown] == ["Do you like your job?", "Is there anything else?"]
    assert [h.text for h in panel.to_reconsider] == ["Do you like your job?"]
    closed = panel.shown[0]
    assert closed.changed and closed.message == (
        "Reads as a closed (yes/no) question: an open one (What..., How...) invites the "
        "client to explore."
    )


def test_a_new_open_question_is_confirmed() -> None:
    panel = question_panel(["What would you like to explore today?"])
    (hint,) = panel.shown
    assert hint.is_open and hint.message == "Reads as an open question."
    assert panel.to_reconsider == ()
