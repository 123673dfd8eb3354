"""TF-IDF cosine similarity between short documents, in plain numpy.

Occupations that share task statements and job titles are what labour-market experts
list as related ("Registered Nurses" and "Critical Care Nurses" share most of both),
so the pathway model takes one document of tasks and one of titles per occupation and
turns each into an occupation-by-occupation cosine matrix here.

The vocabulary is words and adjacent word pairs ("patient care", "source code"), lightly
stemmed so "nurses"/"nursing" and "audit"/"auditing" meet. Terms that occur in one
document only are kept for the document norms (they make a document more specific)
but dropped from the matrix, since they cannot contribute to any pair; that keeps the
matrix small enough to multiply densely.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

_TOKEN = re.compile(r"[a-z][a-z0-9+#]*")
_TOKEN_OR_BREAK = re.compile(r"[a-z][a-z0-9+#]*|\n")

# Function words, and the filler common to O*NET task statements ("such as", "other").
# fmt: off
STOP_WORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it",
    "its", "of", "on", "or", "other", "such", "that", "the", "their", "them", "they", "this",
    "those", "to", "with", "within", "without", "using", "use", "used", "via", "well",
    "including", "include", "includes", "may", "might", "must", "should", "shall", "will",
    "would", "can", "could", "all", "any", "each", "per", "etc", "eg", "ie", "than", "then",
    "these", "also", "both", "either",
})
# fmt: on

# Terms in at most this many documents are summed pair by pair, the rest densely.
_RARE_DF = 40

# Longest first; a stem keeps at least four letters, so "caring" does not become "car".
_SUFFIXES = ("ations", "ation", "ings", "ing", "ers", "er", "ed")


def stem(word: str) -> str:
    """A deliberately crude stemmer: enough to join nurse/nurses/nursing, audit/auditing,
    teacher/teaching, tax/taxes, program/programming.

    A plural "s" stays after s, u or i (business, status, analysis), and a final "e"
    goes from longer stems, so "nurse" and "nurs(ing)" meet but "care" stays apart from
    "car".
    """
    if len(word) <= 3:
        return word
    if word.endswith(("ies", "ied")) and len(word) > 4:
        return word[:-3] + "y"
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            if word[-1] == word[-2] and word[-1] not in "aeiouls":
                word = word[:-1]  # programm(ing) -> program, plann(ing) -> plan
            break
    else:
        if word.endswith("s") and word[-2] not in "sui":
            word = word[:-1]
    if word.endswith("e") and (len(word) > 4 or word[-2] == "x"):
        word = word[:-1]  # nurse -> nurs, taxe(s) -> tax
    return word


def tokens(text: str, *, bigrams: bool = True) -> list[str]:
    """Stemmed content words of `text`, then its adjacent pairs when `bigrams` (for reading)."""
    words = [stem(w) for w in _TOKEN.findall(text.lower()) if len(w) >= 2 and w not in STOP_WORDS]
    if bigrams:
        words.extend(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return words


def tfidf_cosine(documents: Sequence[str], *, bigrams: bool = True) -> np.ndarray:
    """The (n, n) float32 cosine matrix of the documents' TF-IDF vectors.

    Sublinear term frequency (1 + log tf) so one long list of similar tasks does not
    drown the rest, and smoothed idf so terms every occupation uses count for little.
    An empty document has a zero row and column (including its diagonal).

    Lines are separate passages (one task, one title): word pairs never span two.
    Words become integer ids in one pass and everything after is array arithmetic
    (a word pair is the integer a * words + b), which keeps 19,000 task statements
    well under a second.
    """
    n = len(documents)
    # Every token of every document in one list, a line break ("\n") after each line and
    # at each document's end; then each distinct raw word is looked at once.
    tokens_flat: list[str] = []
    lengths = np.empty(n, dtype=np.intp)
    for d, text in enumerate(documents):
        found = _TOKEN_OR_BREAK.findall(text.lower())
        tokens_flat.extend(found)
        tokens_flat.append("\n")
        lengths[d] = len(found) + 1
    # Raw word -> id of its stem; a line break is -1 (kept: it stops word pairs), a stop
    # word -2 (dropped).
    stem_id: dict[str, int] = {}
    word_id: dict[str, int] = {"\n": -1}
    for raw in dict.fromkeys(tokens_flat):  # first-seen order: the same ids every run
        if raw in word_id:
            continue
        if len(raw) < 2 or raw in STOP_WORDS:
            word_id[raw] = -2
        else:
            word_id[raw] = stem_id.setdefault(stem(raw), len(stem_id))
    flat = np.fromiter(
        map(word_id.__getitem__, tokens_flat), dtype=np.int64, count=len(tokens_flat)
    )
    document = np.repeat(np.arange(n, dtype=np.int64), lengths)
    kept = flat != -2
    flat, document = flat[kept], document[kept]
    words = max(len(stem_id), 1)
    word = flat >= 0
    keys, owners = flat[word], document[word]
    if bigrams and len(flat) > 1:
        # Each line ends in -1, which pairs with nothing, so lines (and documents) stay apart.
        paired = word[:-1] & word[1:]
        pairs = words + flat[:-1][paired] * words + flat[1:][paired]
        keys = np.concatenate([keys, pairs])
        owners = np.concatenate([owners, document[:-1][paired]])

    # Term frequency of each (document, term), then document frequency of each term.
    span = words + words * words
    cells, tf = np.unique(owners * span + keys, return_counts=True)
    rows, terms = np.divmod(cells, span)
    _, term_index, df = np.unique(terms, return_inverse=True, return_counts=True)
    term_df = df[term_index]
    weights = (1.0 + np.log(tf)) * (np.log((1.0 + n) / (1.0 + term_df)) + 1.0)
    squared_norms = np.bincount(rows, weights=weights**2, minlength=n)
    norms = np.sqrt(squared_norms)
    norms[norms == 0] = 1.0
    weights /= norms[rows]

    # Only shared terms count: a term in one document cannot link two of them. Terms in a
    # few documents (most word pairs) add their products pair by pair; common terms are
    # few enough to multiply as a dense block. Same sums, a fraction of the work.
    shared = term_df >= 2
    rows, weights, term_index, term_df = (
        rows[shared],
        weights[shared],
        term_index[shared],
        term_df[shared],
    )
    gram = np.zeros((n, n), dtype=np.float64)
    rare = term_df <= _RARE_DF
    if rare.any():
        order = np.argsort(term_index[rare], kind="stable")
        r_rows, r_weights, r_df = rows[rare][order], weights[rare][order], term_df[rare][order]
        # Every (member, member) pair of each term's postings, via the group's start.
        starts = np.flatnonzero(np.r_[True, np.diff(term_index[rare][order]) != 0])
        start_of = np.repeat(starts, np.diff(np.r_[starts, len(r_rows)]))
        left = np.repeat(np.arange(len(r_rows)), r_df)
        offset = np.arange(len(left)) - np.repeat(np.cumsum(r_df) - r_df, r_df)
        right = start_of[left] + offset
        gram += np.bincount(
            r_rows[left] * n + r_rows[right],
            weights=r_weights[left] * r_weights[right],
            minlength=n * n,
        ).reshape(n, n)
    common = ~rare
    if common.any():
        _, columns = np.unique(term_index[common], return_inverse=True)
        block = np.zeros((n, int(columns.max()) + 1), dtype=np.float64)
        block[rows[common], columns] = weights[common]
        gram += block @ block.T
    gram = gram.astype(np.float32)
    # Exactly 1 for any document with words, though its one-off terms have no column.
    np.fill_diagonal(gram, (squared_norms > 0).astype(np.float32))
    return gram
