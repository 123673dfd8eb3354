"""Session review summaries: talk time, the mix of codes, advice reframes, the client's words."""

from __future__ import annotations

from headway.core.review.session_review import (
    CodedUtterance,
    analyze,
    client_words,
    reframes,
    summarize,
    talk_shares,
    trend_point,
)
from headway.core.review.transcripts import Utterance

COACH = "Maya"


def turn(speaker, text, code=None, subtype=None, start=None, end=None):
    return CodedUtterance(speaker, text, code, subtype, start, end)


SESSION = [
    turn("Maya", "What would you like to focus on today?", "question", "open", 0, 4),
    turn(
        "Jordan", "I want to leave accounting, I feel stuck and I'm tired of it.", None, None, 4, 14
    ),
    turn("Maya", "You feel stuck.", "reflection", "simple", 14, 16),
    turn("Jordan", "Yes, and I love working with people.", None, None, 16, 22),
    turn("Maya", "Have you talked to HR?", "question", "closed", 22, 24),
    turn("Jordan", "No.", None, None, 24, 25),
    turn("Maya", "You should update your CV.", "input", "advice", 25, 28),
    turn("Jordan", "Maybe.", None, None, 28, 30),
    turn("Maya", "It's the people side that keeps you going.", "reflection", "complex", 30, 33),
    turn("Maya", "Okay.", "other", None, 33, 34),
]


def test_counts_ratios_and_observations_describe_without_judging():
    s = summarize(SESSION, COACH)
    assert s.counts == {"question": 2, "reflection": 2, "input": 1, "other": 1}
    assert s.coach_turns == 6
    assert s.open_closed_ratio == 1.0
    assert s.reflections_per_question == 1.0
    assert s.complex_reflection_share == 0.5
    assert "You asked 2 questions, 1 of them open." in s.observations
    assert "You offered 2 reflections, 1 of them complex." in s.observations
    assert any("many coaches" in o for o in s.observations)
    for o in s.observations:
        assert "should" not in o and "poor" not in o and "bad" not in o


def test_talk_time_uses_times_when_every_turn_has_them_else_words():
    shares, measure = talk_shares(SESSION, COACH)
    assert measure == "time"
    coach = next(t for t in shares if t.is_coach)
    assert coach.seconds == 15.0 and round(coach.share, 3) == round(15 / 34, 3)
    untimed = [turn(u.speaker, u.text, u.code, u.subtype) for u in SESSION]
    shares, measure = talk_shares(untimed, COACH)
    assert measure == "words"
    assert round(sum(t.share for t in shares), 6) == 1.0


def test_advice_moment_with_what_the_client_had_said_and_reframes():
    s = summarize(SESSION, COACH)
    (moment,) = s.advice
    assert moment.text == "You should update your CV."
    assert moment.client_before == "No."
    assert moment.reframes[0] == "What ideas do you have about updating your CV?"
    assert all(q.endswith("?") for q in moment.reframes)


def test_reframes_of_common_advice_forms():
    assert reframes("If I were you, I'd start applying for HR roles.")[0] == (
        "What ideas do you have about applying for HR roles?"
    )
    assert reframes("Why don't you talk to your manager before Friday?")[0] == (
        "What ideas do you have about talking to your manager before Friday?"
    )
    assert reframes("I'd recommend that you get a mentor.")[0] == (
        "What ideas do you have about getting a mentor?"
    )
    assert reframes("Take the startup job, you can afford the risk.")[0] == (
        "What ideas do you have about taking the startup job?"
    )
    # No recognisable action: an open question all the same, never an empty list.
    assert reframes("Honestly, that's what everyone does.") == (
        "What options do you see from here?",
        "What have you already thought about trying?",
    )


def test_client_words_are_what_they_want_feel_or_value():
    words = client_words(SESSION, COACH)
    assert words == (
        "I want to leave accounting, I feel stuck and I'm tired of it.",
        "Yes, and I love working with people.",
    )


def test_empty_session_has_no_ratios():
    s = summarize([turn("Jordan", "Hello there, anyone?")], COACH)
    assert s.open_closed_ratio is None and s.reflections_per_question is None
    assert "You asked no questions." in s.observations


def test_summary_as_dict_and_its_trend_point():
    data = summarize(SESSION, COACH).to_dict()
    point = trend_point(data)
    assert point["open_share"] == 0.5
    assert point["reflections_per_question"] == 1.0
    assert point["advice"] == 1.0
    assert 0 < (point["coach_share"] or 0) < 1


def test_analyze_codes_only_the_coach_and_keeps_every_turn_in_order():
    turns = [
        Utterance("Maya", "What would you like to talk about today?"),
        Utterance("Jordan", "My job search."),
        Utterance("Maya", "You should update your CV and apply for five jobs a week."),
    ]
    coded, summary = analyze(turns, "Maya")
    assert [c.text for c in coded] == [t.text for t in turns]
    assert coded[1].code is None and coded[1].subtype is None
    assert coded[0].code == "question" and coded[0].subtype == "open"
    assert (coded[2].code, coded[2].subtype) == ("input", "advice")
    assert len(summary.advice) == 1
