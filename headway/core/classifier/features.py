"""Features of one coach utterance in its conversation: words, word pairs, its shape, and
the turns around it. Shared by the trainer (scripts/train_classifier.py) and inference, so
what the model learnt from is exactly what it sees at run time."""

from __future__ import annotations

import re
from collections.abc import Sequence

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[?!]")
_WH = frozenset({"what", "how", "why", "where", "when", "who", "which", "tell", "describe"})
_AUX = frozenset(
    {
        "do", "does", "did", "is", "are", "was", "were", "can", "could", "will", "would",
        "have", "has", "had", "should", "shall", "may", "might", "am", "isn't", "aren't",
        "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't",
    }
)  # fmt: skip
# Backchannels: a turn of only these words says little on its own, so context decides.
_FILLER = frozenset(
    {"okay", "ok", "right", "mm", "hmm", "mhm", "uh", "um", "huh", "yeah", "yes", "sure",
     "alright", "all", "good", "great", "oh", "i", "see", "so", "well", "and", "mm-hmm"}
)  # fmt: skip


# Phrases that usually carry advice: a strong hint, the model still weighs it.
_ADVICE = re.compile(
    r"\b(?:you (?:really |just |definitely )?(?:should|ought to|need to|have to|must|had better|'d better)"
    r"|if i were you|why don't you|why not|i(?:'d| would) (?:suggest|recommend|advise)"
    r"|i (?:suggest|recommend|advise)|my advice|you might want to|it would be (?:a good idea|best|better)"
    r"|make sure you|try to|you could try)\b",
)

# Softer advice: the counsellor's wish or a recommendation dressed as help ("what I'd like
# you to do", "it would be helpful", "you could try"). About a third of AnnoMI turns that
# match are coded advice (advice is 3% overall), so it is a feature, not a rule.
_SOFT_ADVICE = re.compile(
    r"\b(?:i(?:'d| would) like you to|i want you to"
    r"|(?:it|that) (?:would|might|could|will) (?:be )?(?:help|be helpful|be good|be best)"
    r"|(?:need|needs) to (?:stop|change|quit|cut)|i hope you(?:'ll| will)"
    r"|you can (?:take|try|use|start|get|call|go)"
    r"|you could (?:try|use|start|get|call|go|take|enroll|ask)"
    r"|i think if you|what about (?:maybe |trying )|how about (?:trying|you)"
    r"|would be (?:best|better|helpful|a good idea)|i(?:'d| would) (?:encourage|consider)"
    r"|i encourage you)\b"
)

_STOP = frozenset(
    {"that", "this", "what", "have", "with", "about", "just", "like", "there", "they", "them",
     "then", "than", "when", "were", "been", "would", "could", "should", "will", "your", "yeah",
     "okay", "really", "know", "think", "things", "thing", "because", "going", "some", "from",
     "it's", "that's", "don't", "you're", "i'm", "kind", "sort", "well", "right", "very", "more"}
)  # fmt: skip


def tokens(text: str) -> list[str]:
    """Lower-case words (with their apostrophes) and ? / ! as tokens of their own."""
    return _TOKEN.findall(text.lower().replace("’", "'"))


def _bucket(n: int) -> str:
    if n <= 2:
        return str(n)
    if n <= 5:
        return "3-5"
    if n <= 12:
        return "6-12"
    if n <= 30:
        return "13-30"
    return "31+"


def _shape(prefix: str, toks: list[str]) -> list[str]:
    """A few words about a turn's form: length, question mark, how it opens."""
    words = [t for t in toks if t not in "?!"]
    out = [f"{prefix}len:{_bucket(len(words))}"]
    if "?" in toks:
        out.append(f"{prefix}has?")
    if toks and toks[-1] == "?":
        out.append(f"{prefix}ends?")
    if words:
        out.append(f"{prefix}first:{words[0]}")
        if len(words) > 1:
            out.append(f"{prefix}first2:{words[0]} {words[1]}")
        if all(w in _FILLER for w in words):
            out.append(f"{prefix}filler")
    return out


def _clauses(text: str) -> list[list[str]]:
    """The turn split at sentence ends, so 'Okay. What would...' still opens with 'what'."""
    parts = re.split(r"(?<=[.?!])\s+", text.strip())
    return [t for t in (tokens(p) for p in parts) if t]


def utterance_features(
    text: str, before: str | None, after: str | None, own_before: str | None
) -> list[str]:
    """Feature names of one coach turn. `before` / `after` are the other speaker's turns
    just before and after it (the client's answer tells a closed question from an open
    one), `own_before` the coach's previous turn."""
    toks = tokens(text)
    words = [t for t in toks if t not in "?!"]
    feats = [f"w:{t}" for t in set(toks)]
    padded = ["<s>", *toks, "</s>"]
    feats.extend({f"b:{a} {b}" for a, b in zip(padded, padded[1:], strict=False)})
    feats.extend(
        {f"t:{a} {b} {c}" for a, b, c in zip(padded, padded[1:], padded[2:], strict=False)}
    )
    feats.extend(_shape("", toks))
    lowered = text.lower().replace("’", "'")
    if _ADVICE.search(lowered):
        feats.append("rule:advice")
    if _SOFT_ADVICE.search(lowered):
        feats.append("rule:soft_advice")
    # Letter 4-grams across word boundaries: catch word forms the vocabulary has not seen.
    joined = " " + " ".join(toks) + " "
    feats.extend({"c:" + joined[i : i + 4] for i in range(len(joined) - 3)})
    clauses = _clauses(text)
    if clauses:
        last = clauses[-1]
        lw = [t for t in last if t not in "?!"]
        if lw:
            feats.append(f"lc_first:{lw[0]}")
            if len(lw) > 1:
                feats.append(f"lc_first2:{lw[0]} {lw[1]}")
            if lw[0] in _WH:
                feats.append("lc_wh")
            elif lw[0] in _AUX:
                feats.append("lc_aux")
        for clause in clauses:
            cw = [t for t in clause if t not in "?!"]
            if cw and clause[-1] == "?":
                feats.append(f"q_first:{cw[0]}")
                feats.append(
                    "q_wh" if cw[0] in _WH or (len(cw) > 1 and cw[1] in _WH) else "q_nonwh"
                )
    feats.append(f"nclauses:{_bucket(len(clauses))}")
    if words and words[0] in {"so", "sounds", "it", "you"}:
        feats.append(f"open_with:{words[0]}")
    # Who the turn is about: reflections say "you", input often "I" or "we".
    you = sum(t in {"you", "your", "you're", "you've", "yourself"} for t in toks)
    me = sum(t in {"i", "me", "my", "i'm", "i'd", "i've", "we", "our", "us"} for t in toks)
    feats.append(f"you_n:{min(you, 3)}")
    feats.append(f"me_n:{min(me, 3)}")
    if any(t.isdigit() for t in toks):
        feats.append("has_num")
    if before is not None:
        # A reflection gives the client's words back: how many content words are shared.
        mine = {t for t in words if len(t) > 3 and t not in _STOP}
        theirs = {t for t in tokens(before) if len(t) > 3 and t not in _STOP}
        shared = len(mine & theirs)
        feats.append(f"overlap:{min(shared, 4)}")
        if mine:
            feats.append(f"overlap_share:{min(int(4 * shared / len(mine)), 3)}")
    for prefix, other in (("P", before), ("N", after), ("O", own_before)):
        if other is None:
            feats.append(f"{prefix}:none")
            continue
        otoks = tokens(other)
        feats.extend(_shape(f"{prefix}", otoks))
        if prefix != "O":
            feats.extend({f"{prefix}w:{t}" for t in otoks[:12]})
    return feats


def conversation_features(
    speakers: Sequence[str], texts: Sequence[str], coach: str
) -> list[tuple[int, list[str]]]:
    """(index, features) for every coach turn of one conversation, in order."""
    out: list[tuple[int, list[str]]] = []
    last_other: str | None = None
    last_own: str | None = None
    n = len(texts)
    for i in range(n):
        if speakers[i] != coach:
            last_other = texts[i]
            continue
        after = None
        for j in range(i + 1, n):
            if speakers[j] != coach:
                after = texts[j]
                break
        out.append((i, utterance_features(texts[i], last_other, after, last_own)))
        last_own = texts[i]
    return out
