"""The committed classifier on hand-written career-coaching turns: plain cases it must get
right, so a retrained model that loses the basics fails here."""

from __future__ import annotations

import pytest

from headway.core.classifier import CODES, SUBTYPES, classify_conversation, load_model
from headway.core.classifier.features import conversation_features, tokens

CLIENT = "I've been thinking about leaving my job in finance for something more creative."


def code_of(
    text: str, before: str = CLIENT, after: str = "Hmm, I'm not sure."
) -> tuple[str, str | None]:
    (coded,) = classify_conversation(["client", "coach", "client"], [before, text, after], "coach")
    return coded.code, coded.subtype


@pytest.mark.parametrize(
    "text",
    [
        "What draws you to creative work?",
        "How would you like your working week to look in a year's time?",
        "What would make this change feel worth it to you?",
        "Tell me more about what creative means for you.",
    ],
)
def test_open_questions(text):
    assert code_of(text) == ("question", "open")


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("Have you talked to anyone who works in design?", "No."),
        ("Is your manager aware that you want to leave?", "Yes, she knows."),
        ("Do you have savings to cover a few months?", "About three months."),
    ],
)
def test_closed_questions(text, after):
    assert code_of(text, after=after) == ("question", "closed")


@pytest.mark.parametrize(
    "text",
    [
        "You should update your CV before you apply anywhere.",
        "If I were you, I'd quit and go freelance.",
        "You need to start networking with people in the industry.",
        "My advice would be to take a course in graphic design first.",
    ],
)
def test_advice(text):
    assert code_of(text) == ("input", "advice")


def test_reflection():
    code, _ = code_of("So you're ready for work that lets you make things.")
    assert code == "reflection"


@pytest.mark.parametrize(
    "text", ["Okay.", "Mm-hmm.", "Thanks for coming in today, good to see you."]
)
def test_other(text):
    assert code_of(text)[0] == "other"


def test_every_coach_turn_gets_a_code_and_a_valid_subtype_others_none():
    speakers = ["Ana", "Ben", "Ana", "Ana", "Ben"]
    texts = ["Hi Ben.", "Hi.", "What brings you here?", "Take your time.", "My career."]
    coded = classify_conversation(speakers, texts, "Ana")
    assert [c.index for c in coded] == [0, 2, 3]
    for c in coded:
        assert c.code in CODES
        assert (c.subtype is None) == (c.code == "other")
        assert c.subtype is None or c.subtype in SUBTYPES[c.code]
        assert 0 < c.confidence <= 1


def test_empty_and_odd_turns_do_not_break_inference():
    coded = classify_conversation(["c", "c"], ["", "???  !!"], "c")
    assert len(coded) == 2


def test_model_is_small_and_says_how_it_was_trained():
    model = load_model()
    assert "AnnoMI" in model.info
    assert model.weights.shape[0] == len(model.vocab) < 400_000


def test_features_use_the_turns_around():
    feats = dict(conversation_features(["a", "b", "a"], ["Hello?", "Did you?", "Yes."], "b"))[1]
    assert "Pends?" in feats and "Nfirst:yes" in feats and "first:did" in feats
    assert tokens("Don’t you think so?") == ["don't", "you", "think", "so", "?"]
