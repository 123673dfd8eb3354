"""Occupation title search that forgives typos, partial words and plurals.

People type what they call a job ("soft dev", "nurce", "accountants"), not O*NET's
wording, so the index holds every title of every occupation (its own title and the
alternate, short and reported titles) and each query word may match a title word
exactly, as the start of a word, or within an edit or two.

Titles and queries are folded the same way (case, accents, punctuation, a few stop
words, plural endings). The index keeps the sorted vocabulary for prefix look-ups,
postings from word to titles, and character trigrams of each word to find typo
candidates quickly; only those candidates pay for an edit-distance check.

Ranking, best first: the occupation's exact title, a title that starts with the query,
a title holding every query word, then alternate/reported titles (in the same order),
then typo matches, then titles missing a query word. At equal quality an occupation's
own title comes before other titles. Each occupation appears once, with the title
that matched best.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache
from typing import NamedTuple

OCCUPATION = "occupation"  # the kind of an occupation's own title
# Lower is better; alternate, short and reported titles are all "other names" of the job.
_KIND_RANK = {OCCUPATION: 0, "alternate": 1, "short": 1, "reported": 2}

_STOP_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
)
_APOSTROPHES = re.compile(r"['’‘`]")
_DOTTED = re.compile(r"(?<=[a-z0-9])\.(?=[a-z0-9])")  # "r.n." -> "rn." so R.N. finds RN
_WORD = re.compile(r"[a-z0-9]+")

# Match qualities of one query word against one title word.
EXACT_WORD = 1.0
PREFIX_WORD = 0.8
_FUZZY_WORD = 0.6  # a whole word within the edit limit, minus 0.1 per extra edit
_FUZZY_PREFIX = 0.5  # the start of a word within the edit limit, likewise
_MAX_QUERY_WORDS = 8  # a pasted paragraph is not a job title
_SHORT_PREFIX = 3  # query words shorter than this match word starts in own titles only
# Sort bands: own titles take 0-2 (their Quality), then these.
_OTHER_NAMES_BAND = 3
_FUZZY_BAND = 4
_PARTIAL_BAND = 5
_FEW = 10  # below this many occupations, titles missing a query word may be shown too


class Quality(IntEnum):
    """How a title matched the whole query; lower is better."""

    EXACT = 0  # the same words
    PREFIX = 1  # the title starts with the query's words (the last ones may be partial)
    WORDS = 2  # every query word, anywhere in the title
    FUZZY = 3  # every query word, some of them only within a typo
    PARTIAL = 4  # all but one query word


class TitleEntry(NamedTuple):
    """One name of an occupation. A named tuple rather than a frozen dataclass: an index
    takes some 65,000 of them, and database rows (code, title, kind) fit as they are."""

    code: str
    title: str
    kind: str = OCCUPATION


@dataclass(frozen=True)
class Hit:
    code: str
    title: str  # the occupation's own title
    matched: str  # the title that matched: the occupation's, or one of its other names
    kind: str
    quality: Quality

    @property
    def also_called(self) -> str | None:
        """The other name that matched, to show beside the occupation title."""
        return None if self.kind == OCCUPATION else self.matched


@dataclass(frozen=True)
class Results:
    hits: tuple[Hit, ...]  # the best ones, up to the limit asked for
    total: int  # how many occupations match every query word (PARTIAL hits come on top)


# --- normalisation -----------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case without accents, apostrophes or the dots of abbreviations."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text.casefold())
    return _DOTTED.sub("", text)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Plural endings only, so "nurses" finds "nurse" while "nursing" stays its own word."""
    if len(word) > 4:
        if word.endswith("ies"):
            return word[:-3] + "y"
        if word.endswith(("sses", "ches", "shes", "xes")):
            return word[:-2]
        if word.endswith("men"):  # salesmen, foremen
            return word[:-3] + "man"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words_of(text: str) -> tuple[str, ...]:
    """The searchable words of a title or query, folded and stemmed."""
    found = _WORD.findall(fold(text))
    kept = [w for w in found if w not in _STOP_WORDS]
    return tuple(stem(w) for w in (kept or found))  # a query of stop words alone still counts


def _trigrams(word: str) -> set[str]:
    padded = f"${word}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def edit_distances(query: str, word: str, limit: int) -> tuple[int, int]:
    """(edits from `query` to `word`, fewest edits to any start of `word`), each capped at
    limit + 1. Optimal string alignment: a swap of two neighbours counts as one edit."""
    over = limit + 1
    before: list[int] = []
    previous = list(range(len(word) + 1))
    for i in range(1, len(query) + 1):
        current = [i] + [0] * len(word)
        for j in range(1, len(word) + 1):
            value = min(
                previous[j] + 1,
                current[j - 1] + 1,
                previous[j - 1] + (query[i - 1] != word[j - 1]),
            )
            if (
                i > 1
                and j > 1
                and query[i - 1] == word[j - 2]
                and query[i - 2] == word[j - 1]
                and before[j - 2] + 1 < value
            ):
                value = before[j - 2] + 1
            current[j] = value
        if min(current) > limit:
            return over, over  # every later row only grows
        before, previous = previous, current
    return min(previous[-1], over), min(min(previous[1:], default=over), over)


# --- the index ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchIndex:
    """Every title, split into words once, and the look-up tables a query needs.

    Titles sit in parallel tuples (position i is one title): building 65,000 small
    objects would take a good part of the time budget.
    """

    codes: tuple[str, ...]
    titles: tuple[str, ...]
    kinds: tuple[str, ...]
    words: tuple[tuple[str, ...], ...]
    tie_break: tuple[int, ...]  # A-Z, when all else is equal
    catch_all: frozenset[str]  # codes of residual occupations, last among equals
    own: frozenset[int]  # positions of occupations' own titles
    occupation_titles: dict[str, str]  # code -> the occupation's own title
    vocabulary: tuple[str, ...]  # sorted, for prefix look-ups
    postings: dict[str, tuple[int, ...]]  # word -> positions of the titles holding it
    trigrams: dict[str, tuple[str, ...]]  # trigram -> vocabulary words holding it

    def __len__(self) -> int:
        return len(self.titles)

    def search(self, query: str, limit: int | None = None) -> Results:
        """Occupations matching `query`, best first, each once; none for an empty query."""
        words = tuple(dict.fromkeys(words_of(query)))[:_MAX_QUERY_WORDS]
        if not words:
            return Results((), 0)
        expansions = [self._expand(w, fuzzy=False) for w in words]
        found = self._matching_all(words, expansions)
        if not found:
            # Nothing has every word as typed: perhaps a typo is also the start of a word.
            expansions = [self._expand(w, fuzzy=True) for w in words]
            found = self._matching_all(words, expansions)
        hits = self._ranked(found, expansions, limit)
        codes = {self.codes[i] for i in found}
        # Titles missing one word: a help when little or nothing matches three words, but
        # for two they mostly match the other word alone ("soft" of "soft dev").
        if (len(words) > 2 and len(codes) < _FEW) or (len(words) == 2 and not codes):
            partial = self._matching_all_but_one(words, expansions) - found
            hits += self._ranked(partial, expansions, limit, exclude=codes)
        return Results(tuple(hits[:limit]), len(codes))

    # Finding candidates

    def _expand(self, word: str, *, fuzzy: bool) -> dict[str, float]:
        """Vocabulary words that `word` may stand for, with how well each matches."""
        matches: dict[str, float] = {}
        start = bisect_left(self.vocabulary, word)
        for candidate in self.vocabulary[start:]:
            if not candidate.startswith(word):
                break
            matches[candidate] = EXACT_WORD if candidate == word else PREFIX_WORD
        if fuzzy or not matches:
            for candidate, quality in self._near(word).items():
                matches.setdefault(candidate, quality)
        return matches

    def _near(self, word: str) -> dict[str, float]:
        """Words within a typo or two of `word`, or starting that way."""
        if len(word) < 4:
            return {}  # one edit turns a short word into too many others
        limit = 1 if len(word) < 7 else 2
        grams = _trigrams(word)
        shared: Counter[str] = Counter()
        for gram in grams:
            shared.update(self.trigrams.get(gram, ()))
        # A typo breaks up to three trigrams (a swap up to four), so a short word may keep
        # only one. A longer word that shares fewer than two fifths of them is rarely what
        # was meant; only words past this cheap test pay for the edit distance.
        needed = 1 if len(word) < 6 else max(2, math.ceil(0.4 * len(grams)))
        shortest = len(word) - limit
        near: dict[str, float] = {}
        for candidate, count in shared.items():
            if count < needed or len(candidate) < shortest or candidate == word:
                continue
            whole, start = edit_distances(word, candidate, limit)
            if whole <= limit:
                base = _FUZZY_WORD - 0.1 * (whole - 1)
            elif start <= limit:
                base = _FUZZY_PREFIX - 0.1 * (start - 1)
            else:
                continue
            # Between equally close words, the common one is the likelier meaning:
            # "enginer" is more often "engineer" than "engine".
            common = min(1.0, math.log10(1 + len(self.postings[candidate])) / 3)
            near[candidate] = base + 0.05 * common
        return near

    def _postings(self, word: str, expansion: dict[str, float]) -> set[int]:
        found: set[int] = set()
        for candidate, quality in expansion.items():
            if quality == PREFIX_WORD and len(word) < _SHORT_PREFIX:
                # "s" or "co" starts thousands of other names; own titles are plenty.
                found.update(self.own.intersection(self.postings[candidate]))
            else:
                found.update(self.postings[candidate])
        return found

    def _matching_all(self, words: tuple[str, ...], expansions: list[dict[str, float]]) -> set[int]:
        sets = sorted(map(self._postings, words, expansions), key=len)
        return sets[0].intersection(*sets[1:])

    def _matching_all_but_one(
        self, words: tuple[str, ...], expansions: list[dict[str, float]]
    ) -> set[int]:
        counts: Counter[int] = Counter()
        for found in map(self._postings, words, expansions):
            counts.update(found)
        return {i for i, n in counts.items() if n >= len(words) - 1}

    # Ranking

    def _ranked(
        self,
        found: set[int],
        expansions: list[dict[str, float]],
        limit: int | None,
        exclude: set[str] | None = None,
    ) -> list[Hit]:
        """The best title of each occupation, best first (the first `limit` of them)."""
        best: dict[str, tuple[tuple[int, ...], int]] = {}

        def offer(i: int) -> None:
            code = self.codes[i]
            if exclude and code in exclude:
                return
            key = self._key(i, expansions)
            if code not in best or key < best[code][0]:
                best[code] = (key, i)

        # An occupation's own title, matched without a typo, beats every other name of it
        # (and when some query word is only ever met through a typo, every title has one
        # and own titles still come first). So rank own titles, then only the other names
        # of occupations not yet placed, and none at all once enough are placed.
        for i in found & self.own:
            offer(i)
        typo_only = any(max(e.values(), default=0.0) < PREFIX_WORD for e in expansions)
        dominant = _FUZZY_BAND + 1 if typo_only else _OTHER_NAMES_BAND
        placed = {code for code, (key, _) in best.items() if key[0] < dominant}
        if limit is None or len(placed) < limit:
            for i in found - self.own:
                if self.codes[i] not in placed:
                    offer(i)
        ranked = sorted(best.values())[:limit]
        return [
            Hit(
                self.codes[i],
                self.occupation_titles.get(self.codes[i], self.titles[i]),
                self.titles[i],
                self.kinds[i],
                Quality(key[-1]),
            )
            for key, i in ranked
        ]

    def _key(self, i: int, expansions: list[dict[str, float]]) -> tuple[int, ...]:
        """A sort key for title i, lower is better; its last item is the Quality."""
        words = self.words[i]
        used = 0  # bit p set: title word p is taken by a query word
        matched, total, weakest = 0, 0.0, EXACT_WORD
        first, in_order = len(words), True
        for n, expansion in enumerate(expansions):
            best, where = 0.0, -1
            for position, word in enumerate(words):
                quality = expansion.get(word)
                if quality is not None and quality > best and not (used >> position) & 1:
                    best, where = quality, position
            if where < 0:
                continue
            used |= 1 << where
            matched += 1
            total += best
            weakest = min(weakest, best)
            first = min(first, where)
            in_order = in_order and where == n
        if in_order and matched == len(expansions):
            # Exact matches score exactly 1.0 each, so the sum tells whether all were.
            exact = matched == len(words) and total == matched
            shape = Quality.EXACT if exact else Quality.PREFIX
        else:
            shape = Quality.WORDS
        missing = len(expansions) - matched
        score = -round(total * 100)
        kind = _KIND_RANK.get(self.kinds[i], 2)
        extra = len(words) - matched
        catch_all = self.codes[i] in self.catch_all
        tail = (kind, extra, first, self.tie_break[i])
        if missing:
            return (_PARTIAL_BAND, missing, catch_all, score, shape, *tail, Quality.PARTIAL)
        if weakest < PREFIX_WORD:
            other_name = kind > 0
            return (_FUZZY_BAND, other_name, catch_all, score, shape, *tail, Quality.FUZZY)
        if kind == 0:
            return (shape, 0, catch_all, score, 0, *tail, shape)
        # Another name, however exact, comes after the occupation titles that match.
        return (_OTHER_NAMES_BAND, shape, catch_all, score, 0, *tail, shape)


def _is_catch_all(title: str) -> bool:
    """O*NET's residual occupations ("Engineers, All Other") have no profile of their own."""
    return title.casefold().endswith("all other")


def build_index(entries: Iterable[TitleEntry | tuple[str, str, str]]) -> SearchIndex:
    """Index titles once; searching then touches only the words a query can mean."""
    codes: list[str] = []
    titles: list[str] = []
    kinds: list[str] = []
    words: list[tuple[str, ...]] = []
    occupation_titles: dict[str, str] = {}
    postings: defaultdict[str, list[int]] = defaultdict(list)
    seen: set[tuple[str, tuple[str, ...]]] = set()
    split: dict[str, tuple[str, ...]] = {}  # many titles recur across occupations
    for code, title, kind in entries:
        if kind == OCCUPATION:
            occupation_titles[code] = title
        title_words = split.get(title)
        if title_words is None:
            title_words = split[title] = words_of(title)
        # The same name twice for one occupation (an alternate also reported) adds
        # nothing, unless it is the occupation's own title, which must win.
        known = (code, title_words)
        if not title_words or (known in seen and kind != OCCUPATION):
            continue
        seen.add(known)
        position = len(titles)
        for word in set(title_words):
            postings[word].append(position)
        codes.append(code)
        titles.append(title)
        kinds.append(kind)
        words.append(title_words)
    tie_break = [0] * len(titles)
    for rank, i in enumerate(sorted(range(len(titles)), key=titles.__getitem__)):
        tie_break[i] = rank
    trigrams: defaultdict[str, list[str]] = defaultdict(list)
    for word in postings:
        for gram in _trigrams(word):
            trigrams[gram].append(word)
    return SearchIndex(
        codes=tuple(codes),
        titles=tuple(titles),
        kinds=tuple(kinds),
        words=tuple(words),
        tie_break=tuple(tie_break),
        catch_all=frozenset(c for c, t in occupation_titles.items() if _is_catch_all(t)),
        own=frozenset(i for i, kind in enumerate(kinds) if kind == OCCUPATION),
        occupation_titles=occupation_titles,
        vocabulary=tuple(sorted(postings)),
        postings={w: tuple(p) for w, p in postings.items()},
        trigrams={g: tuple(w) for g, w in trigrams.items()},
    )
