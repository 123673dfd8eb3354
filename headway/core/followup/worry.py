"""Does a short text read worried? A small, careful word list with simple negation.

It only decides whether to put a check-in in front of the coach; it never labels the client
and never quotes them. Careful means few false alarms: a word counts only when no negation
("not", "no longer", "never", ...) comes just before it in the same clause.
"""

from __future__ import annotations

import re

# Whole words with their usual endings: "stall" and "stalled", never "stallion".
WORRY_WORDS = (
    r"worr(?:y|ies|ied|ying)",
    r"anxious|anxiety",
    r"scared|afraid|frightened|terrified",
    r"panic(?:s|ked|king|ky)?",
    r"stuck",
    r"stall(?:s|ed|ing)?",
    r"overwhelm(?:s|ed|ing)?",
    r"exhausted|drained",
    r"burn(?:t|ed) out",
    r"hopeless",
    r"dread(?:s|ed|ing)?",
    r"(?:can't|cannot|can not) (?:afford|cope)",
    r"losing sleep",
)
_WORRY = re.compile(r"\b(?:" + "|".join(WORRY_WORDS) + r")\b")
NEGATIONS = frozenset({"not", "no", "never", "hardly", "isn't", "aren't", "wasn't", "don't"})
NEGATION_PHRASES = ("no longer", "not so", "not as", "not too", "not really")
WINDOW = 3  # words before the match in which a negation cancels it
_CLAUSE = re.compile(r"[.!?;,\n]|\bbut\b")
_WORD = re.compile(r"[a-z']+")


def _normalise(text: str) -> str:
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def _negated(before: str) -> bool:
    words = _WORD.findall(before)[-WINDOW:]
    if any(w in NEGATIONS or w.endswith("n't") for w in words):
        return True
    tail = " ".join(words)
    return any(p in tail for p in NEGATION_PHRASES)


def reads_worried(text: str) -> bool:
    """True when some clause of the text holds a worry word that is not negated."""
    for clause in _CLAUSE.split(_normalise(text)):
        for match in _WORRY.finditer(clause):
            # "can't afford" carries its own negation: look before it, not inside it.
            if not _negated(clause[: match.start()]):
                return True
    return False
