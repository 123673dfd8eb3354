"""What makes a goal measurable: a quantity, or a clear sign of when it is done.

Both searches run on the goal with its time expressions blanked out, so "in 6 weeks" is
not a quantity and "3 UX researchers by 15/04" only counts the researchers.
"""

from __future__ import annotations

import re

from headway.core.smart.calendar_words import NUMBER_WORD, NUMBER_WORD_SCALED, word_set
from headway.core.smart.lexicon import DONE_STATES, FIRST_OUTCOMES

_FLAGS = re.IGNORECASE

MONEY = re.compile(
    r"[£$€]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn|million|thousand|grand)\b)?|"
    r"\b\d[\d,]*(?:\.\d+)?\s?(?:k|grand)?\s?(?:pounds|dollars|euros|gbp|usd|eur|quid)\b|"
    r"\b\d[\d,]*(?:\.\d+)?k\b",
    _FLAGS,
)
PERCENT = re.compile(r"\b\d+(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)", _FLAGS)
HOUR = re.compile(r"\b(?:an|one|half\s+an|a\s+half)\s+hour\b", _FLAGS)
RATIO = re.compile(r"\b(?:double|triple|treble|quadruple|halve)\b", _FLAGS)
COUNT_NOUN = re.compile(
    r"(?<![\w.£$€/:-])(?:(?:at\s+least|over|more\s+than|up\s+to|around|about|roughly|exactly|"
    r"another|an\s+extra|a\s+total\s+of|a\s+minimum\s+of|no\s+fewer\s+than|minimum)\s+)?"
    rf"(?P<n>\d[\d,]*(?:\.\d+)?\+?|{NUMBER_WORD_SCALED}|a\s+couple\s+of|a\s+pair\s+of|"
    r"a\s+dozen|half\s+a\s+dozen|both)(?:\s+(?:or|to)\s+(?:\d+|" + NUMBER_WORD + r"))?"
    r"(?:\s+|-)(?:(?:more|new|extra|additional|different|separate|other|of\s+(?:my|the|these|those))"
    r"\s+)?(?P<word>[a-z][\w'-]*)",
    _FLAGS,
)
TARGET = re.compile(
    r"\b(?:score|scoring|reach|reaching|hit|achieve|at\s+least|above|over|under|below|to|of|"
    r"band|grade|level)\s+(?:a\s+)?(?P<n>\d[\d,.]*)(?![\w/.-])(?!\s+[a-z])",
    _FLAGS,
)
# Numbers that name a thing rather than count it: "Python 3", "step 2", "24/7".
_NAMING = word_set(
    "version v python web windows ios android html css java es php gpt chatgpt covid room "
    "step phase stage part year no number page chapter figure"
)
_NOT_COUNTED = word_set("of day another way year-old years-old or to and on")

DONE = re.compile(
    "|".join(
        [
            rf"\b(?:get|getting|got|become|becoming|be|being|am|is|'m|fully)\s+(?:[a-z]+\s+)?"
            rf"(?:{'|'.join(sorted(DONE_STATES))})\b",
            r"\buntil\s+(?:i|we)\s+(?:have|get|land|find|receive|secure|am|'m|start|sign|accept|"
            r"hear|hit|reach|pass|finish|complete)\b",
            r"\bso\s+(?:that\s+)?(?:i|we)\s+(?:can|could|am|'m|will|have)\b",
            r"\benough\s+(?:[a-z]+\s+){0,3}to\s+[a-z]+",
            r"\bto\s+the\s+point\s+(?:where|that)\b",
            r"\b(?:be|am|'m|feel|feeling)\s+able\s+to\b",
            r"\b(?:decide|deciding|decided)\s+(?:between|whether|which|on|if)\b",
            r"\bmake\s+a\s+(?:final\s+|clear\s+|firm\s+)?decision\b",
            r"\b(?:choose|choosing|pick|picking)\s+between\b",
            r"\b(?:job|written|formal|firm)\s+offers?\b|\ban\s+offer\b|\boffer\s+letter\b",
            rf"\b(?:a|my|the|our)\s+first\s+(?:paid\s+|paying\s+|freelance\s+|[a-z]+\s+)?"
            rf"(?:{'|'.join(sorted(FIRST_OUTCOMES))})s?\b",
            r"\b(?:sign|signed|signing)\s+(?:a|the|my)\s+(?:[a-z]+\s+)?contract\b",
            r"\b(?:website|site|portfolio|app|blog|page|podcast|shop|store|course)\s+(?:is\s+|goes\s+)?"
            r"live\b|\bgo(?:es)?\s+live\b",
            r"\b(?:the|my)\s+(?:[a-z-]+\s+){1,4}(?:done|finished|completed|submitted|published|"
            r"launched|sent|updated|rewritten|written|signed)\b",
        ]
    ),
    _FLAGS,
)


_NEXT_WORD = re.compile(r" ([a-z0-9£$€][\w'-]*)", _FLAGS)
_STOP = word_set(
    "by in on at for to with and or but every each per until before after so because then "
    "within from about of as than if when while this next"
)


def _extend(masked: str, end: int, words: int, *, keep: frozenset[str] = frozenset()) -> int:
    """The end of the phrase when up to `words` more words are read ("3 UX" -> "3 UX researchers")."""
    for _ in range(words):
        found = _NEXT_WORD.match(masked, end)
        if found is None or (
            found.group(1).lower() in _STOP and found.group(1).lower() not in keep
        ):
            break
        end = found.end()
    return end


def _prev_word(text: str, start: int) -> str:
    found = re.search(r"([a-z']+)\s*$", text[max(0, start - 60) : start], _FLAGS)
    return found.group(1).lower() if found else ""


def find_quantity(masked: str) -> str | None:
    """The first quantity in the goal ("3 UX researchers", "£5,000", "10%"), if any."""
    found: list[tuple[int, str]] = []
    for pattern in (MONEY, PERCENT, HOUR, RATIO):
        found += [(m.start(), m.group().strip()) for m in pattern.finditer(masked)]
    for match in COUNT_NOUN.finditer(masked):
        word = match["word"].lower()
        number = match["n"].lower()
        if word in _NOT_COUNTED or _prev_word(masked, match.start()) in _NAMING:
            continue
        if number == "one" and word in {"day", "thing", "step", "way", "more"}:
            continue
        if word.startswith(("year", "yr")) and re.match(
            r"\s*(?:of|old|experience)", masked[match.end() :]
        ):
            continue  # "5 years of experience" describes the client, it is not a target
        if re.fullmatch(r"(?:19|20)\d\d", number) and not word.endswith("s"):
            continue  # a year, not a count
        if number == "both" and word in {"and", "of"}:
            continue
        found.append(
            (match.start(), masked[match.start() : _extend(masked, match.end(), 2)].strip())
        )
    for match in TARGET.finditer(masked):
        if _prev_word(masked, match.start("n")) not in _NAMING:
            found.append((match.start(), match.group().strip()))
    return min(found)[1] if found else None


FREQUENCY = re.compile(rf"\b(?:once|twice|thrice|\d+|{NUMBER_WORD})\b", _FLAGS)


def counted_routine(recurrence: str | None) -> bool:
    """ "twice a week" and "3 times a week" count; "every week" alone does not."""
    return bool(recurrence and FREQUENCY.search(recurrence))


def find_done(masked: str) -> str | None:
    match = DONE.search(masked)
    if match is None:
        return None
    return masked[match.start() : _extend(masked, match.end(), 3)].strip()
