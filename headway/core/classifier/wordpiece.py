"""BERT's uncased tokenizer (lower-case, accents stripped, punctuation split off, then
greedy longest-match WordPiece), so a turn is cut into the same pieces the sentence encoder
that our word vectors come from was trained on. Pure Python; each word is cut once."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

UNKNOWN = "[UNK]"
_MAX_WORD = 100  # BERT's limit: a longer "word" is one unknown piece
# ASCII text, the common case, the fast way: every printable non-alphanumeric character is
# punctuation to BERT; control characters are deleted, not spaces.
_ASCII_WORDS = re.compile(r"[a-z0-9]+|[!-/:-@\[-`{-~]")
_ASCII_CONTROL = dict.fromkeys((*range(0, 9), 11, 12, *range(14, 32), 127))


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    # ASCII symbols count as punctuation too ($, +, ^...), as in BERT.
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


def basic_words(text: str) -> list[str]:
    """Lower-cased words with accents stripped; each punctuation mark and CJK character is a
    word of its own; control characters are dropped."""
    if text.isascii():
        return _ASCII_WORDS.findall(text.lower().translate(_ASCII_CONTROL))
    text = unicodedata.normalize("NFD", text.lower())
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            out.append("".join(current))
            current.clear()

    for ch in text:
        cat = unicodedata.category(ch)
        if cat == "Mn" or ch == "\ufffd" or (cat.startswith("C") and ch not in "\t\n\r"):
            continue
        if ch.isspace():
            flush()
        elif _is_punctuation(ch) or _is_cjk(ord(ch)):
            flush()
            out.append(ch)
        else:
            current.append(ch)
    flush()
    return out


class WordPiece:
    """Cuts text into vocabulary indices."""

    def __init__(self, pieces: Sequence[str]) -> None:
        self.index = {p: i for i, p in enumerate(pieces)}
        self.unknown = self.index[UNKNOWN]
        # Per instance, so two models never share a cache.
        self.word = functools.lru_cache(maxsize=50_000)(self._word)

    def _word(self, word: str) -> tuple[int, ...]:
        if len(word) > _MAX_WORD:
            return (self.unknown,)
        ids: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.index.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return (self.unknown,)
            ids.append(found)
            start = end
        return tuple(ids)

    def __call__(self, text: str) -> list[int]:
        return [i for w in basic_words(text) for i in self.word(w)]
