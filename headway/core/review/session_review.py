"""What a session review shows: who talked how much, the mix of questions, reflections and
input, each advice moment with open questions the coach could have asked instead, and the
client's own words. Pure: coded turns in, frozen dataclasses out.

The review describes; it does not grade. Reference points are MI practice figures (MITI 4),
offered as what many coaches aim for, not as a pass mark."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from headway.core.review.transcripts import Utterance

# What many MI-trained practitioners aim for (MITI 4.2 "good" / "fair" thresholds).
REFERENCE_REFLECTIONS_PER_QUESTION = 1.0  # fair 1:1, good 2:1
REFERENCE_COMPLEX_SHARE = 0.5  # fair 40 %, good 50 % of reflections
REFERENCE_OPEN_SHARE = 0.5  # MITI 3: fair 50 %, good 70 % of questions open


@dataclass(frozen=True)
class CodedUtterance:
    speaker: str
    text: str
    code: str | None  # None for turns that are not the coach's
    subtype: str | None = None
    start: float | None = None
    end: float | None = None


@dataclass(frozen=True)
class SpeakerShare:
    speaker: str
    words: int
    seconds: float | None
    share: float  # 0-1, of time when every turn has times, else of words
    is_coach: bool


@dataclass(frozen=True)
class AdviceMoment:
    index: int  # position in the transcript
    text: str
    reframes: tuple[str, ...]
    client_before: str | None  # what the client had just said


@dataclass(frozen=True)
class ReviewSummary:
    coach: str
    talk: tuple[SpeakerShare, ...]
    talk_measure: str  # "time" or "words"
    coach_turns: int
    counts: dict[str, int]  # code -> count
    subtype_counts: dict[str, int]  # "question/open" -> count
    open_closed_ratio: float | None
    reflections_per_question: float | None
    complex_reflection_share: float | None
    advice: tuple[AdviceMoment, ...]
    client_words: tuple[str, ...]
    observations: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "coach": self.coach,
            "talk_measure": self.talk_measure,
            "talk": [
                {"speaker": s.speaker, "words": s.words, "seconds": s.seconds,
                 "share": round(s.share, 4), "is_coach": s.is_coach}
                for s in self.talk
            ],
            "coach_turns": self.coach_turns,
            "counts": dict(self.counts),
            "subtypes": dict(self.subtype_counts),
            "open_closed_ratio": _round(self.open_closed_ratio),
            "reflections_per_question": _round(self.reflections_per_question),
            "complex_reflection_share": _round(self.complex_reflection_share),
            "advice": [
                {"index": a.index, "text": a.text, "reframes": list(a.reframes),
                 "client_before": a.client_before}
                for a in self.advice
            ],
            "client_words": list(self.client_words),
            "observations": list(self.observations),
        }  # fmt: skip


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _words(text: str) -> int:
    return len(text.split())


def talk_shares(
    utterances: Sequence[CodedUtterance], coach: str
) -> tuple[tuple[SpeakerShare, ...], str]:
    timed = bool(utterances) and all(
        u.start is not None and u.end is not None and u.end >= u.start for u in utterances
    )
    words: dict[str, int] = {}
    seconds: dict[str, float] = {}
    for u in utterances:
        words[u.speaker] = words.get(u.speaker, 0) + _words(u.text)
        if timed:
            seconds[u.speaker] = seconds.get(u.speaker, 0.0) + (u.end or 0.0) - (u.start or 0.0)
    timed = timed and sum(seconds.values()) > 0
    total = sum(seconds.values()) if timed else sum(words.values())
    shares = tuple(
        SpeakerShare(
            speaker=s,
            words=w,
            seconds=round(seconds[s], 1) if timed else None,
            share=((seconds[s] if timed else w) / total) if total else 0.0,
            is_coach=s == coach,
        )
        for s, w in words.items()
    )
    return shares, "time" if timed else "words"


# --- Reframes ---------------------------------------------------------------------------

_ADVICE_PATTERNS = [
    re.compile(p, re.I)
    for p in (
        r"\bif i were you,?\s+i(?:'d| would)\s+(?:probably\s+|definitely\s+|just\s+)?(?P<x>.+)",
        r"\bwhy (?:don't|do not) you\s+(?P<x>.+)",
        r"\b(?:i(?:'d| would)?\s+)?(?:suggest|recommend|advise)\s+(?:that\s+)?(?:you\s+)?(?P<x>.+)",
        r"\bmy advice (?:would be|is)\s+(?:to\s+)?(?P<x>.+)",
        r"\byou (?:really\s+|definitely\s+|just\s+)?(?:should|ought to|need to|have to|must|had better|'d better|might want to)\s+(?:really\s+|definitely\s+|just\s+)?(?P<x>.+)",
        r"\b(?:it )?(?:might|may|would) be (?:worth|good|a good idea)\s+(?:to\s+)?(?P<x>.+)",
        r"\bhave you (?:thought about|considered|tried)\s+(?P<x>.+)",
        r"\byou could (?:always\s+|just\s+|try\s+)?(?P<x>.+)",
        r"^\s*(?:just\s+|definitely\s+)?(?P<x>(?:take|go|apply|ask|update|talk|call|start|stop|get|try|send|write|quit|leave|tell|do|don't)\b.+)",
    )
]
_CUT = re.compile(
    r"\s*(?:[.;!?]|,\s*(?:and|but|so|because|you|i|it|that|which|we|they)\b|\s-\s|\bbecause\b|\band (?:then |also )?(?=[a-z]+ )|\bbefore you\b).*$",
    re.I | re.S,
)
_DOUBLE = frozenset(
    {
        "get",
        "put",
        "set",
        "stop",
        "plan",
        "run",
        "sit",
        "shop",
        "cut",
        "drop",
        "swap",
        "chat",
        "quit",
        "begin",
        "forget",
        "admit",
        "commit",
        "submit",
        "regret",
        "prefer",
        "refer",
    }
)
_OWN = {r"\bmy\b": "your", r"\bme\b": "you", r"\bi\b": "you"}


def _gerund(verb: str) -> str:
    v = verb.lower()
    if v in _DOUBLE:
        return v + v[-1] + "ing"
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")) and len(v) > 2:
        return v[:-1] + "ing"
    return v + "ing"


def _action(text: str) -> str | None:
    """The suggested action of an advice turn: 'You should update your CV.' -> 'update your CV'."""
    for pattern in _ADVICE_PATTERNS:
        match = pattern.search(text)
        if match:
            action = _CUT.sub("", match.group("x")).strip(" ,")
            action = re.sub(r"^(?:to|try to|try|just|really|go and)\s+", "", action, flags=re.I)
            words = action.split()
            if 1 <= len(words) <= 14 and re.match(r"[a-z]", words[0], re.I):
                return action
    return None


def reframes(text: str) -> tuple[str, ...]:
    """Open questions that hand the idea back to the client. Suggestions, not the answer."""
    action = _action(text)
    generic = "What options do you see from here?"
    if action is None:
        return (generic, "What have you already thought about trying?")
    first, _, rest = action.partition(" ")
    if first.lower().startswith(("don't", "not")):
        return (f"What do you make of {rest or 'that'}?", generic)
    second = rest.split(" ", 1)[0].lower()
    if first.lower().endswith("ing"):
        phrase = action
    elif first.lower() in {"start", "begin", "keep", "try"} and second.endswith("ing"):
        phrase = rest  # "start applying for roles" -> "applying for roles"
    else:
        phrase = f"{_gerund(first)} {rest}".strip()
    return (
        f"What ideas do you have about {phrase}?",
        f"How would {phrase} fit with what you want?",
        generic,
    )


# --- The client's words -----------------------------------------------------------------

_OWN_WORDS = re.compile(
    r"\b(?:i|i'm|i've|i'd|me|my)\b.*\b(?:want|wants|wanted|hope|wish|love|enjoy|care|matter|"
    r"matters|important|worried|worry|afraid|scared|excited|feel|felt|dream|need|miss|hate|"
    r"proud|tired|stuck|value|passion|meaning)\b",
    re.I,
)


def client_words(
    utterances: Sequence[CodedUtterance], coach: str, limit: int = 5
) -> tuple[str, ...]:
    """Turns where the client says what they want, feel or value, in their own words."""
    picked = [
        u.text for u in utterances
        if u.speaker != coach and _words(u.text) >= 5 and _OWN_WORDS.search(u.text)
    ]  # fmt: skip
    if len(picked) > limit:
        # Keep the fullest ones, shown in the order they were said.
        keep = set(sorted(picked, key=lambda t: -_words(t))[:limit])
        picked = [t for t in picked if t in keep][:limit]
    return tuple(picked)


# --- The summary ------------------------------------------------------------------------


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def summarize(utterances: Sequence[CodedUtterance], coach: str) -> ReviewSummary:
    coach_turns = [(i, u) for i, u in enumerate(utterances) if u.speaker == coach and u.code]
    counts = dict.fromkeys(("question", "reflection", "input", "other"), 0)
    subtypes: dict[str, int] = {}
    for _, u in coach_turns:
        counts[u.code or "other"] = counts.get(u.code or "other", 0) + 1
        if u.subtype:
            key = f"{u.code}/{u.subtype}"
            subtypes[key] = subtypes.get(key, 0) + 1
    q, r = counts["question"], counts["reflection"]
    open_q, closed_q = subtypes.get("question/open", 0), subtypes.get("question/closed", 0)
    complex_r = subtypes.get("reflection/complex", 0)
    advice = []
    for i, u in coach_turns:
        if u.code == "input" and u.subtype == "advice":
            before = next((p.text for p in reversed(utterances[:i]) if p.speaker != coach), None)
            advice.append(AdviceMoment(i, u.text, reframes(u.text), before))
    talk, measure = talk_shares(utterances, coach)
    summary = ReviewSummary(
        coach=coach,
        talk=talk,
        talk_measure=measure,
        coach_turns=len(coach_turns),
        counts=counts,
        subtype_counts=dict(sorted(subtypes.items())),
        open_closed_ratio=(open_q / closed_q) if closed_q else None,
        reflections_per_question=(r / q) if q else None,
        complex_reflection_share=(complex_r / r) if r else None,
        advice=tuple(advice),
        client_words=client_words(utterances, coach),
    )
    return ReviewSummary(**{**summary.__dict__, "observations": observations(summary)})


def observations(s: ReviewSummary) -> tuple[str, ...]:
    """Plain sentences about what was measured, with reference points, without a verdict."""
    out: list[str] = []
    coach_share = next((t.share for t in s.talk if t.is_coach), 0.0)
    by = "of the talking time" if s.talk_measure == "time" else "of the words spoken"
    out.append(f"You spoke {coach_share:.0%} {by}.")
    q, r = s.counts["question"], s.counts["reflection"]
    open_q = s.subtype_counts.get("question/open", 0)
    out.append(
        f"You asked {_plural(q, 'question')}, {open_q} of them open."
        if q
        else "You asked no questions."
    )
    if r:
        complex_r = s.subtype_counts.get("reflection/complex", 0)
        out.append(f"You offered {_plural(r, 'reflection')}, {complex_r} of them complex.")
    else:
        out.append("No reflections were found.")
    if q:
        out.append(
            f"That is {r / q:.1f} reflections per question; many coaches trained in "
            "motivational interviewing aim for at least one reflection per question."
        )
    n = len(s.advice)
    if n:
        out.append(
            f"{_plural(n, 'moment')} of advice, shown below with open questions you could "
            "try instead, if they fit."
        )
    return tuple(out)


def trend_point(summary: dict[str, Any]) -> dict[str, float | None]:
    """The figures a trend across sessions follows, from a stored summary dict."""
    counts, subs = summary.get("counts", {}), summary.get("subtypes", {})
    q = counts.get("question", 0)
    coach = next((t["share"] for t in summary.get("talk", []) if t.get("is_coach")), None)
    return {
        "coach_share": coach,
        "open_share": (subs.get("question/open", 0) / q) if q else None,
        "reflections_per_question": summary.get("reflections_per_question"),
        "advice": float(len(summary.get("advice", []))),
    }


def analyze(
    utterances: Sequence[Utterance], coach: str
) -> tuple[tuple[CodedUtterance, ...], ReviewSummary]:
    """Code the coach's turns of a transcript and summarize them."""
    from headway.core.classifier import classify_conversation

    speakers = [u.speaker for u in utterances]
    coded = {
        c.index: c for c in classify_conversation(speakers, [u.text for u in utterances], coach)
    }
    out = tuple(
        CodedUtterance(
            speaker=u.speaker,
            text=u.text,
            code=coded[i].code if i in coded else None,
            subtype=coded[i].subtype if i in coded else None,
            start=u.start,
            end=u.end,
        )
        for i, u in enumerate(utterances)
    )
    return out, summarize(out, coach)
