"""Finding the actions in a goal and judging what each one is done to.

A goal is read as clauses ("Update my CV, then apply to 3 jobs"): each clause has an
action (a verb from the lexicon, with its small word: "talk to", "get better at") and the
words it acts on. No part-of-speech tagger: a verb is only looked for where a clause
starts, after "I want to"-style preambles, so "book a call" and "read a book" are told
apart by position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from headway.core.smart.calendar_words import TENS_WORDS, UNIT_WORDS, word_set
from headway.core.smart.lexicon import (
    ACTIVITY_VERBS,
    ASPECT,
    BE_VERBS,
    BEGIN_PHRASES,
    BROAD,
    COMPARATIVES,
    DONE_STATES,
    FUNCTION,
    GENERIC_NOUNS,
    IRREGULAR,
    IRREGULAR_PLURALS,
    JOB_GENERIC,
    JOB_NOUNS,
    JOB_VERBS,
    KNOWN_VERBS,
    MASS_NOUNS,
    MOVE_PHRASES,
    NOT_PLURAL,
    NOT_ROLES,
    OPEN_AMOUNT,
    PREAMBLE,
    ROLE_SUFFIXES,
    ROLE_WORDS,
    STATUS,
    SUBJECTIVE,
    TOPIC_MODIFIERS,
    VAGUE_ADJECTIVES,
    VAGUE_NOUNS,
    VAGUE_PHRASES,
    VAGUE_VERBS,
    VERB_PARTICLES,
)

TOKEN = re.compile(r"[£$€]?\d[\d,]*(?:\.\d+)?%?(?:k\b)?|[a-z][a-z'\-]*|[^\sa-z0-9]", re.I)
BREAKS = frozenset(',;:.!?()[]"“”|')
NUMBER_WORDS = frozenset(UNIT_WORDS) | frozenset(TENS_WORDS) | {"dozen", "hundred", "thousand"}

VERBS = KNOWN_VERBS | VAGUE_VERBS | ACTIVITY_VERBS | JOB_VERBS
IGNORED = FUNCTION | COMPARATIVES | DONE_STATES | JOB_GENERIC | VAGUE_ADJECTIVES
NOT_CONCRETE = VAGUE_NOUNS | GENERIC_NOUNS | BROAD | JOB_NOUNS
UNQUALIFYING = GENERIC_NOUNS | JOB_NOUNS | VAGUE_NOUNS
PHRASES: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _kind, _group in (
    ("vague", VAGUE_PHRASES),
    ("move", MOVE_PHRASES),
    ("be", BE_VERBS),
    ("verb", VERB_PARTICLES),
    ("activity", BEGIN_PHRASES),
):
    for _phrase in _group:
        _words = tuple(_phrase.split())
        PHRASES.setdefault(_words[0], []).append((_words, _kind))
        VERBS |= {_words[0]}
for _options in PHRASES.values():
    _options.sort(key=lambda item: -len(item[0]))

PARTICIPLES = frozenset(
    {w for w in IRREGULAR if w not in {"is", "am", "are", "has", "does", "goes"}}
)
EMBEDDING = word_set("what whether how which why who if where when")
SUBORDINATE = word_set("until unless because once if when while whilst since though")
PREPOSITIONS = word_set(
    "in at on about for with from of to as into within towards toward around across"
)
COUNT_WORDS = word_set("first couple pair both dozen single")
RELATIVE = word_set(
    "that which who whom whose where i we so because if when while like what how why"
)


@dataclass(frozen=True)
class Token:
    text: str
    low: str
    start: int
    end: int
    timed: bool  # part of a time expression


@dataclass(frozen=True)
class ObjectInfo:
    text: str
    quality: str  # "concrete", "counted", "generic", "vague" or "empty"
    definite: bool  # "the", "my", "this" ...: one particular thing
    possessive: bool  # "my job", "our plan": the client's own, so it is clear which
    plural_bare: bool  # "jobs", "people in UX": how many is open
    job: bool  # the object is a job, role or position
    role: bool  # a named role or status: "a UX designer", "self-employed"
    open_amount: bool  # "some experience", "money": how much is left open
    quantifier: bool  # starts "some", "more", "any": the amount is open by the client's words
    comparative: bool  # "better", "more": a direction, not a thing
    qualified: bool  # a generic noun with a modifier that says which: "a tech meetup"
    concrete_words: tuple[str, ...]  # the words that make it concrete
    subjective: bool  # described by how it feels: "a job I love", "my dream job"


@dataclass(frozen=True)
class Clause:
    kind: str  # "vague", "move", "be", "job", "activity", "done" or "none" (no verb found)
    verb: str  # the lemma phrase: "talk to"
    verb_text: str  # as written
    obj: ObjectInfo
    main: bool  # False for "until ...", "because ..." clauses


def tokenise(text: str, timed: list[tuple[int, int]]) -> list[Token]:
    in_time = bytearray(len(text) + 1)
    for t_start, t_end in timed:
        in_time[t_start:t_end] = b"\x01" * (t_end - t_start)
    tokens = []
    for match in TOKEN.finditer(text):
        start, end = match.span()
        timed_token = any(in_time[start:end])
        tokens.append(Token(match.group(), match.group().lower(), start, end, timed_token))
    return tokens


def lemma(word: str) -> str:
    word = word.lower().strip("'")
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word in VERBS:
        return word
    candidates = []
    if word.endswith("ies"):
        candidates.append(word[:-3] + "y")
    if word.endswith("es"):
        candidates += [word[:-2], word[:-1]]
    if word.endswith("s"):
        candidates.append(word[:-1])
    for suffix in ("ing", "ed"):
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            candidates += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                candidates.append(stem[:-1])
            if suffix == "ed" and stem.endswith("i"):
                candidates.append(stem[:-1] + "y")
    return next((c for c in candidates if c in VERBS), word)


def is_number(low: str) -> bool:
    return bool(re.match(r"[£$€]?\d", low)) or low in NUMBER_WORDS


def is_verb(token: Token | None) -> bool:
    return token is not None and token.low[:1].isalpha() and lemma(token.low) in VERBS


def _is_plural(word: str) -> bool:
    return word in IRREGULAR_PLURALS or (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "'s"))
        and word not in NOT_PLURAL
    )


def judge_object(tokens: list[Token], source: str) -> ObjectInfo:
    """What the words after a verb say: concrete, counted, generic (which one?) or vague."""
    lows = [t.low for t in tokens]
    text = source[tokens[0].start : tokens[-1].end] if tokens else ""
    cut = next((i for i, w in enumerate(lows) if w in RELATIVE and i > 0), len(lows))
    words = [w.removesuffix("'s") for w in lows[:cut]]
    parts = {part for w in lows for part in w.split("-")}  # "better-paid" is "better" too
    # "a few" and "several" leave the number open; "a couple", "both" and "first" do not.
    counted = any(is_number(w) or w in COUNT_WORDS for w in words)
    definite = bool(words) and words[0] in {"the", "my", "our", "this", "that", "these", "those"}
    definite = definite and not (len(words) > 1 and words[1] == "own")
    content = [w for w in words if w not in IGNORED and not is_number(w) and w[:1].isalnum()]
    concrete = [w for w in content if w not in NOT_CONCRETE]
    # After a preposition even a generic noun says which: "people in the charity sector".
    first_prep = next((i for i, w in enumerate(words) if w in PREPOSITIONS and i > 0), len(words))
    concrete += [
        w for w in words[first_prep:] if w in GENERIC_NOUNS and w not in JOB_NOUNS and w in content
    ]
    # The head is the last content word before a preposition: "people" in "people in UX".
    head = ""
    for w in words:
        if w in PREPOSITIONS and head:
            break
        if w in content or w in MASS_NOUNS:
            head = w
    if concrete:
        quality = "concrete"
    elif content and all(w in VAGUE_NOUNS or w in BROAD for w in content):
        quality = "vague"  # "3 things", "one step towards my new career"
    elif counted:
        quality = "counted"
    elif any(w in GENERIC_NOUNS or w in JOB_NOUNS for w in content):
        quality = "generic"
    elif content:
        quality = "vague"
    else:
        quality = "empty"
    role = any(w in STATUS for w in words) or any(w in ROLE_WORDS for w in content)
    if not role and words and words[0] in {"a", "an", "the"}:
        role = any(
            w.endswith(ROLE_SUFFIXES)
            and len(w) > 4
            and w not in NOT_ROLES
            and not w.endswith("ier")
            for w in concrete
        )
    return ObjectInfo(
        text=text,
        quality=quality,
        definite=definite,
        possessive=definite and words[0] in {"my", "our"},
        plural_bare=_is_plural(head) and not counted and not definite,
        job=any(w in JOB_NOUNS for w in words),
        role=role,
        open_amount=bool(words) and (words[0] in OPEN_AMOUNT or head in MASS_NOUNS) and not counted,
        quantifier=bool(words)
        and words[0] in OPEN_AMOUNT - {"every", "each", "all"}
        and not counted,
        comparative=any(w in COMPARATIVES for w in parts),
        qualified=any(w in TOPIC_MODIFIERS or w not in UNQUALIFYING for w in content),
        subjective=any(w in SUBJECTIVE for w in parts),
        concrete_words=tuple(concrete),
    )


def _skip_preamble(tokens: list[Token], i: int) -> int:
    n = len(tokens)
    while i < n:
        low = tokens[i].low
        after = tokens[i + 1].low if i + 1 < n else ""
        if tokens[i].timed or low in BREAKS:
            return i
        if [t.low for t in tokens[i : i + 3]] == ["be", "able", "to"]:
            i += 3
        elif low in {"have", "has", "had", "got", "need", "needs"} and after == "to":
            i += 2
        elif low in {"have", "has", "had", "will", "'ll"} and (
            after in PARTICIPLES or (after.endswith("ed") and is_verb(tokens[i + 1]))
        ):
            i += 1  # "I will have applied to ..."
        elif (
            low in {"be", "am", "'m", "is", "are"}
            and after.endswith("ing")
            and (is_verb(tokens[i + 1]))
        ):
            i += 1  # "I'll be working as ..."
        elif low in {"try", "trying"} and after not in {"to", "and"}:
            return i  # "try out teaching" is the action itself
        elif low in PREAMBLE or (low.endswith("ly") and len(low) > 4 and low not in VERBS):
            i += 1
        elif (
            lemma(low) in ASPECT
            and i + 1 < n
            and ((after.endswith("ing") and is_verb(tokens[i + 1])) or after == "to")
        ):
            i += 2 if after == "to" else 1
        else:
            return i
    return i


def _match_verb(tokens: list[Token], i: int) -> tuple[str, str, int] | None:
    """(lemma phrase, kind, index after it) for the verb at tokens[i], if there is one."""
    if i >= len(tokens) or tokens[i].timed or not tokens[i].low[:1].isalpha():
        return None
    head = lemma(tokens[i].low)
    for words, kind in PHRASES.get(head, []):
        following = [t.low for t in tokens[i + 1 : i + len(words)] if not t.timed]
        if tuple(following) == words[1:]:
            if kind == "verb":  # "sign up for", "look for": the verb's own kind
                kind = (
                    "vague"
                    if head in VAGUE_VERBS
                    else "activity"
                    if head in ACTIVITY_VERBS
                    else "done"
                )
            return " ".join(words), kind, i + len(words)
    if head not in VERBS:
        return None
    low = tokens[i].low
    if low != head and low.endswith("s") and low not in IRREGULAR:
        return None  # "calls with my mentor": a plural noun, goals are not in the third person
    if head in VAGUE_VERBS:
        return head, "vague", i + 1
    return head, "activity" if head in ACTIVITY_VERBS else "done", i + 1


def _object_end(tokens: list[Token], i: int) -> int:
    n = len(tokens)
    start = i
    while i < n and i - start < 14:
        token = tokens[i]
        low = token.low
        nxt = tokens[i + 1] if i + 1 < n else None
        if token.timed or low in BREAKS or low in SUBORDINATE or low in {"after", "before"}:
            break
        if low in {"by", "then", "so", "plus", "whilst"}:
            break
        if low in {"and", "or", "but", "&"} and (
            nxt is None
            or nxt.low in {"i", "we", "to", "then", "also"}
            or (
                is_verb(nxt)
                and nxt.low == lemma(nxt.low)
                or nxt.low.endswith("ing")
                and is_verb(nxt)
            )
        ):
            break
        # "learn SQL to get a data job" ends at "to"; in "learn to code" the "to" is the object.
        if (
            low == "to"
            and i > start
            and tokens[i - 1].low != "how"  # "learn how to use Tableau"
            and is_verb(nxt)
            and nxt is not None
            and nxt.low == lemma(nxt.low)
            and not (nxt.low in NUMBER_WORDS or nxt.low in FUNCTION)
        ):
            break
        if low == "in" and nxt is not None and nxt.low == "order":
            break
        i += 1
    return i


def read_clauses(tokens: list[Token], source: str) -> list[Clause]:
    clauses: list[Clause] = []
    n = len(tokens)
    i, expect, main, embedded = 0, True, True, False
    while i < n:
        token = tokens[i]
        if token.timed or token.low in BREAKS:
            expect, main, embedded = True, True, False
            i += 1
            continue
        if expect:
            j = _skip_preamble(tokens, i)
            found = _match_verb(tokens, j)
            if found is not None:
                verb, kind, k = found
                end = _object_end(tokens, k)
                info = judge_object(tokens[k:end], source)
                if kind in {"done", "activity"} and verb.split()[0] in JOB_VERBS and info.job:
                    kind = "job"
                verb_text = source[tokens[j].start : tokens[k - 1].end]
                clauses.append(Clause(kind, verb, verb_text, info, main))
                # "research what I'd need to work in HR": what follows is not an action.
                embedded = any(t.low in EMBEDDING for t in tokens[k:end])
                i, expect = max(end, j + 1), False
                continue
            if not clauses and j < n and not tokens[j].timed and tokens[j].low not in BREAKS:
                end = _object_end(tokens, j)
                # A goal written as a noun phrase: "3 coffee chats with people in UX",
                # "a job as a UX designer". One word ("hmm", "Python") is too little to read.
                if end > j + 1:
                    info = judge_object(tokens[j:end], source)
                    kind = "job" if info.job else "none"
                    clauses.append(Clause(kind, "", "", info, main))
                    i, expect = end, False
                    continue
            expect = False
            if j > i:
                i = j  # the words skipped were preamble: no clause starts among them
                continue
        low = token.low
        nxt = tokens[i + 1] if i + 1 < n else None
        if low in SUBORDINATE or (low == "so" and nxt is not None and nxt.low == "that"):
            expect, main = True, False
        elif low in {"and", "or", "but", "then", "plus", "also", "&", "so"}:
            expect, embedded = True, False
        elif low == "to" and is_verb(nxt):
            # A purpose ("learn SQL to get a data job") counts; an embedded question does not.
            expect, main = True, main and not embedded
        elif low == "by" and nxt is not None and nxt.low.endswith("ing") and is_verb(nxt):
            expect = True
        i += 1
    return clauses
