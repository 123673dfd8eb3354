"""Reading the results of outside strengths instruments, typed or pasted by the client.

A CliftonStrengths top five is kept as free text read into a list; a VIA ranking is read
into an ordered list and matched to the 24 VIA character strength names (names are facts:
nothing else of either instrument is reproduced here). Names not recognised are kept and
flagged, never dropped: the client knows what their report said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

LONGEST_TEXT = 4000  # a reflection or a pasted list
LONGEST_NAME = 60
MOST_ITEMS = 40  # a pasted list is cut here: CliftonStrengths has 34 themes, VIA 24

# The 24 VIA character strengths by their common names, each placed in one of our themes
# (headway.core.assessments.strengths.THEMES; the placing is ours, for comparing the two views).
VIA_THEMES = {
    "Creativity": "thinking",
    "Curiosity": "thinking",
    "Judgment": "thinking",
    "Love of Learning": "thinking",
    "Perspective": "thinking",
    "Bravery": "adapting",
    "Perseverance": "doing",
    "Honesty": "relating",
    "Zest": "influencing",
    "Love": "relating",
    "Kindness": "relating",
    "Social Intelligence": "relating",
    "Teamwork": "relating",
    "Fairness": "relating",
    "Leadership": "influencing",
    "Forgiveness": "relating",
    "Humility": "relating",
    "Prudence": "doing",
    "Self-Regulation": "doing",
    "Appreciation of Beauty and Excellence": "adapting",
    "Gratitude": "adapting",
    "Hope": "adapting",
    "Humor": "adapting",
    "Spirituality": "adapting",
}
VIA_COUNT = len(VIA_THEMES)
# Other spellings and older names people paste, mapped to the common name.
_VIA_ALIASES = {
    "judgement": "Judgment",
    "critical thinking": "Judgment",
    "open mindedness": "Judgment",
    "humour": "Humor",
    "playfulness": "Humor",
    "self control": "Self-Regulation",
    "selfregulation": "Self-Regulation",
    "appreciation of beauty": "Appreciation of Beauty and Excellence",
    "valor": "Bravery",
    "valour": "Bravery",
    "persistence": "Perseverance",
    "integrity": "Honesty",
    "authenticity": "Honesty",
    "vitality": "Zest",
    "enthusiasm": "Zest",
    "generosity": "Kindness",
    "citizenship": "Teamwork",
    "mercy": "Forgiveness",
    "modesty": "Humility",
    "optimism": "Hope",
    "originality": "Creativity",
    "wisdom": "Perspective",
    "purpose": "Spirituality",
    "curiosity and interest in the world": "Curiosity",
    "love of learning": "Love of Learning",
}


def _norm(name: str) -> str:
    return " ".join(re.sub(r"[^a-z]+", " ", name.lower().replace("&", " and ")).split())


_VIA_LOOKUP = {_norm(n): n for n in VIA_THEMES} | {_norm(k): v for k, v in _VIA_ALIASES.items()}


def names_in_words(items: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# --- reading pasted lists ---------------------------------------------------------------------

_NUMBERING = re.compile(r"^\s*(?:[-*•·]+\s*)?(?:#?\d{1,2}\s*[.):\-–—]?\s+|#?\d{1,2}[.)]\s*)?")
_DESCRIPTION = re.compile(r"\s*(?::|\s[-–—]\s|\().*$")
_SEPARATORS = re.compile(r"[,;]")


def _clean(item: str) -> str:
    item = _NUMBERING.sub("", item)
    item = _DESCRIPTION.sub("", item)
    return " ".join(item.strip(" .\t*•·-").split())[:LONGEST_NAME]


def parse_list(text: str) -> tuple[str, ...]:
    """Names from a typed or pasted list, in order, each once.

    Takes lines, commas or semicolons, numbered lists ("1. Learner", "2) Focus", "#3 Zest"),
    bullets, a description after a colon or a dash ("Hope: expecting the best") and table
    rows pasted with tabs ("1<tab>Curiosity<tab>...").
    """
    names: list[str] = []
    seen: set[str] = set()
    for line in str(text)[:LONGEST_TEXT].splitlines():
        if "\t" in line:
            cells = [c.strip() for c in line.split("\t") if c.strip()]
            cells = [c for c in cells if not re.fullmatch(r"#?\d+[.)]?", c)]
            pieces = cells[:1]
        else:
            pieces = _SEPARATORS.split(_DESCRIPTION.sub("", _NUMBERING.sub("", line)))
        for piece in pieces:
            name = _clean(piece)
            if _norm(name) and _norm(name) not in seen:
                seen.add(_norm(name))
                names.append(name)
    return tuple(names[:MOST_ITEMS])


@dataclass(frozen=True)
class ViaEntry:
    rank: int  # from 1
    name: str  # the common name when recognised, else as typed
    known: bool
    theme: str  # a Theme key, "" when not recognised


def read_via(text: str) -> tuple[ViaEntry, ...]:
    """A pasted VIA ranking, in order; names not recognised are kept and flagged."""
    entries = []
    for rank, name in enumerate(parse_list(text), start=1):
        common = _VIA_LOOKUP.get(_norm(name))
        entries.append(
            ViaEntry(rank, common or name, common is not None, VIA_THEMES.get(common or "", ""))
        )
    return tuple(entries)
