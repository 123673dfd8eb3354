"""The word-piece tokenizer and turn vectors the classifier's dense part runs on."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from headway.core.classifier import load_model
from headway.core.classifier.model import HEADS
from headway.core.classifier.vectors import turn_vectors
from headway.core.classifier.wordpiece import WordPiece, basic_words

PIECES = ["[PAD]", "[UNK]", "un", "##aff", "##able", "hello", "!", "'", "cafe", "don", "t"]


def cut(text: str) -> list[str]:
    wp = WordPiece(PIECES)
    return [PIECES[i] for i in wp(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unaffable!", ["un", "##aff", "##able", "!"]),
        ("  Café\tHELLO ", ["cafe", "hello"]),
        ("don't", ["don", "'", "t"]),
        ("zebra hello", ["[UNK]", "hello"]),  # no piece covers the word: one unknown
        ("unafx", ["[UNK]"]),  # a word that only partly matches is unknown as a whole
        ("", []),
    ],
)
def test_wordpiece_cuts_as_bert_does(text, expected):
    assert cut(text) == expected


def test_basic_words_split_punctuation_and_cjk_and_drop_control_characters():
    assert basic_words("Hi,there\x00 你好") == ["hi", ",", "there", "你", "好"]
    assert basic_words("Naïve résumé") == ["naive", "resume"]
    assert cut("un" * 60) == ["[UNK]"]  # longer than BERT's 100 characters


def test_the_committed_models_tokenizer_is_berts():
    pieces = load_model().pieces
    names = {i: p for p, i in pieces.index.items()}
    assert [names[i] for i in pieces("Tokenization")] == ["token", "##ization"]
    assert [names[i] for i in pieces("What's next?")] == ["what", "'", "s", "next", "?"]


@given(st.text(max_size=200))
def test_any_text_gives_valid_piece_indices(text):
    pieces = load_model().pieces
    ids = pieces(text)
    assert all(0 <= i < len(pieces.index) for i in ids)


def test_turn_vectors_are_unit_length_sums_and_zero_for_empty_turns():
    table = np.asarray([[1.0, 0.0], [0.0, 2.0], [3.0, 4.0]], dtype=np.float32)
    out = turn_vectors([[0, 1], [2], [], [1, 0]], table)
    assert out.shape == (4, 2)
    np.testing.assert_allclose(out[0], [1 / np.sqrt(5), 2 / np.sqrt(5)], rtol=1e-6)
    np.testing.assert_allclose(out[1], [0.6, 0.8], rtol=1e-6)
    np.testing.assert_array_equal(out[2], [0.0, 0.0])
    np.testing.assert_allclose(out[3], out[0])  # a sum: order does not matter
    assert turn_vectors([], table).shape == (0, 2)


def test_committed_model_carries_its_vectors_and_their_weights():
    model = load_model()
    columns = sum(len(labels) for _, labels in HEADS)
    assert model.vectors.shape == (len(model.pieces.index), model.dense.shape[0])
    assert model.dense.shape == (model.vectors.shape[1], columns)
    assert "all-MiniLM-L6-v2" in model.info
    # The vectors are not dead weight: they move every column a model was fitted for (a
    # binary head fits one, for its second label).
    fitted = np.abs(model.weights).max(axis=0) > 0
    assert fitted.sum() >= 11
    assert (np.abs(model.dense).max(axis=0)[fitted] > 0.1).all()


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_the_ascii_fast_path_splits_as_the_general_one(text):
    # "é" sends the text down the general path; it adds one word of its own at the end.
    assert basic_words(text) == basic_words(text + " é")[:-1]


def test_model_info_fits_where_each_review_stores_it():
    # SessionReview.model_info is 300 characters: a longer text would be cut mid-word.
    info = load_model().info
    assert len(info) <= 300 and info.endswith("conversations")
