"""Strengths: rate 25 strengths, choose a top five, reflect on them, and set the results of
outside instruments (CliftonStrengths, VIA) beside one's own view.

The strengths, their five themes, descriptions and reflection questions are our own words.
A strength is rated 1-5 for "how much is this me". The top five are chosen from the
strengths rated highest: those rated 4 or 5, or, when fewer than five are, those rated at
least as high as the fifth-highest rating (`candidates`), so a modest rater still has five
to choose from.

Outside results are typed or pasted: a CliftonStrengths top five as free text, and a VIA
ranking, read into an ordered list and matched to the 24 VIA character strength names
(headway.core.assessments.strengths_outside). Where the two views differ, the result asks about it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import zip_longest

from headway.core.assessments.strengths_outside import (
    LONGEST_TEXT,
    VIA_COUNT,
    ViaEntry,
    names_in_words,
    parse_list,
    read_via,
)

TOP_COUNT = 5
HIGH_RATING = 4
MOST_DIFFERENCES = 3

RATING_SCALE = (
    (1, "Not me"),
    (2, "A little"),
    (3, "Somewhat"),
    (4, "Mostly"),
    (5, "Very me"),
)


@dataclass(frozen=True)
class Theme:
    key: str
    name: str
    description: str
    question: str  # a reflection question; {name} is the strength


@dataclass(frozen=True)
class Strength:
    key: str
    name: str
    description: str
    theme: str  # a Theme key
    via: tuple[str, ...] = ()  # related VIA strengths, by our reading

    def question(self) -> str:
        return THEMES[self.theme].question.format(name=self.name)


THEMES = {
    t.key: t
    for t in (
        Theme(
            "thinking",
            "Thinking",
            "Making sense of things: ideas, analysis and learning.",
            "{name}: when did it last help you make sense of something that puzzled others?",
        ),
        Theme(
            "relating",
            "Relating",
            "Building connection, trust and care between people.",
            "{name}: who gained from it recently, and how could you tell?",
        ),
        Theme(
            "doing",
            "Doing",
            "Turning plans into results, reliably and well.",
            "{name}: where did you last use it without effort, and what did it get done?",
        ),
        Theme(
            "influencing",
            "Influencing",
            "Moving people and plans forward with voice, energy and direction.",
            "{name}: when did it last move a person or a plan forward?",
        ),
        Theme(
            "adapting",
            "Adapting",
            "Meeting change and difficulty with courage, flexibility and lightness.",
            "{name}: which recent difficulty did it carry you through, and what did you learn?",
        ),
    )
}

STRENGTHS = (
    Strength("curiosity", "Curiosity", "Wanting to know how and why things are as they are.",
             "thinking", ("Curiosity", "Love of Learning")),
    Strength("analysis", "Analysis", "Taking a problem apart until its pieces make sense.",
             "thinking", ("Judgment",)),
    Strength("imagination", "Imagination", "Picturing possibilities that are not there yet.",
             "thinking", ("Creativity",)),
    Strength("foresight", "Foresight", "Seeing where things are heading and getting ready.",
             "thinking", ("Perspective", "Prudence")),
    Strength("judgement", "Judgement", "Weighing the options fairly before making up your mind.",
             "thinking", ("Judgment", "Perspective")),
    Strength("empathy", "Empathy", "Sensing what others feel, often before they say it.",
             "relating", ("Social Intelligence", "Kindness")),
    Strength("listening", "Listening", "Giving people room to be fully heard.",
             "relating", ("Social Intelligence",)),
    Strength("encouraging", "Encouraging", "Noticing what others could become and helping it grow.",
             "relating", ("Kindness", "Hope")),
    Strength("connecting", "Connecting", "Bringing people together and building trust between them.",
             "relating", ("Teamwork", "Love")),
    Strength("fairness", "Fairness", "Holding everyone to the same standards, and speaking up when that slips.",
             "relating", ("Fairness",)),
    Strength("follow_through", "Follow-through", "Finishing what you start, dull parts included.",
             "doing", ("Perseverance",)),
    Strength("organising", "Organising", "Turning a muddle into a plan, a list and a timetable.",
             "doing", ("Prudence",)),
    Strength("focus", "Focus", "Staying with one thing long enough to do it well.",
             "doing", ("Self-Regulation", "Perseverance")),
    Strength("care_for_detail", "Care for detail", "Catching the small mistakes others miss.",
             "doing", ("Prudence",)),
    Strength("dependability", "Dependability", "Doing what you said you would, so others can count on it.",
             "doing", ("Honesty", "Teamwork")),
    Strength("persuasion", "Persuasion", "Winning people over to an idea with reasons and warmth.",
             "influencing", ("Leadership", "Social Intelligence")),
    Strength("taking_charge", "Taking charge", "Stepping up to lead when a group needs direction.",
             "influencing", ("Leadership",)),
    Strength("storytelling", "Storytelling", "Explaining things so that people remember and care.",
             "influencing", ("Creativity",)),
    Strength("drive", "Drive", "Setting ambitious goals and pushing on to reach them.",
             "influencing", ("Perseverance", "Zest")),
    Strength("enthusiasm", "Enthusiasm", "Bringing an energy that lifts the people around you.",
             "influencing", ("Zest", "Hope")),
    Strength("flexibility", "Flexibility", "Changing course easily when the situation changes.",
             "adapting", ("Perspective",)),
    Strength("resilience", "Resilience", "Recovering from setbacks and carrying on.",
             "adapting", ("Perseverance", "Hope")),
    Strength("courage", "Courage", "Doing what feels right even when it is uncomfortable.",
             "adapting", ("Bravery", "Honesty")),
    Strength("calm", "Calm under pressure", "Keeping a clear head when things get tense.",
             "adapting", ("Self-Regulation",)),
    Strength("humour", "Humour", "Finding the lightness in a situation and sharing it.",
             "adapting", ("Humor",)),
)  # fmt: skip
BY_KEY = {s.key: s for s in STRENGTHS}


class StrengthsError(ValueError):
    """Answers that cannot be scored yet; the message says what to do."""


# --- rating and choosing ----------------------------------------------------------------------


def check_ratings(raw: object) -> dict[str, int]:
    """Ratings as {strength key: 1-5}; StrengthsError naming what is wrong (JSON-safe)."""
    if not isinstance(raw, Mapping):
        raise StrengthsError('"ratings" must be an object of strength keys and ratings 1-5.')
    unknown = sorted(str(k) for k in raw if k not in BY_KEY)
    if unknown:
        raise StrengthsError(f"Unknown strength keys in ratings: {', '.join(unknown[:5])}.")
    bad = sorted(
        str(k)
        for k, v in raw.items()
        if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 5
    )
    if bad:
        raise StrengthsError(
            f"Ratings must be whole numbers from 1 to 5; not so for: {', '.join(bad[:5])}."
        )
    return {str(k): int(v) for k, v in raw.items()}


def candidates(ratings: Mapping[str, int]) -> tuple[Strength, ...]:
    """The rated strengths a top five may come from, highest rated first."""
    rated = sorted(
        (s for s in STRENGTHS if s.key in ratings), key=lambda s: -ratings[s.key]
    )  # stable: catalogue order within a rating
    if not rated:
        return ()
    fifth = ratings[rated[min(TOP_COUNT, len(rated)) - 1].key]
    floor = min(HIGH_RATING, fifth)
    return tuple(s for s in rated if ratings[s.key] >= floor)


def check_top(raw: object, ratings: Mapping[str, int]) -> tuple[str, ...]:
    """The chosen top five as keys; StrengthsError when it is not five eligible strengths."""
    if not isinstance(raw, list) or not all(isinstance(k, str) for k in raw):
        raise StrengthsError('"top" must be a list of five strength keys.')
    unknown = [k for k in raw if k not in BY_KEY]
    if unknown:
        raise StrengthsError(f"Unknown strength keys in top: {', '.join(unknown[:5])}.")
    keys = tuple(dict.fromkeys(raw))
    if len(keys) != TOP_COUNT:
        raise StrengthsError(
            f"Choose five strengths for your top five: you have chosen {len(keys)}."
        )
    eligible = {s.key for s in candidates(ratings)}
    for key in keys:
        if key not in eligible:
            rating = ratings.get(key)
            said = f"you rated it {rating}" if rating else "you have not rated it"
            raise StrengthsError(
                f"{BY_KEY[key].name} is not among the strengths you rated highest ({said}): "
                "choose your top five from those, or change its rating."
            )
    return keys


def check_texts(raw: object, field: str) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping) or not all(isinstance(v, str) for v in raw.values()):
        raise StrengthsError(f'"{field}" must be an object of strength keys and texts.')
    return {str(k): v.strip()[:LONGEST_TEXT] for k, v in raw.items() if v.strip()}


# --- the result -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pick:
    strength: Strength
    rating: int
    reflection: str


@dataclass(frozen=True)
class Balance:
    theme: Theme
    average: float  # of the theme's self-ratings, 1-5
    in_top: int  # how many of the top five come from it


@dataclass(frozen=True)
class StrengthsProfile:
    ratings: Mapping[str, int]
    top: tuple[Pick, ...]
    balance: tuple[Balance, ...]
    clifton: tuple[str, ...]
    via: tuple[ViaEntry, ...]
    questions: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "ratings": dict(self.ratings),
            "top": [
                {
                    "key": p.strength.key,
                    "name": p.strength.name,
                    "theme": p.strength.theme,
                    "rating": p.rating,
                    "question": p.strength.question(),
                    "reflection": p.reflection,
                }
                for p in self.top
            ],
            "themes": [
                {"key": b.theme.key, "name": b.theme.name, "average": b.average, "in_top": b.in_top}
                for b in self.balance
            ],
            "clifton": list(self.clifton),
            "via": [
                {"rank": v.rank, "name": v.name, "known": v.known, "theme": v.theme}
                for v in self.via
            ],
            "questions": list(self.questions),
        }


def _via_differences(
    ratings: Mapping[str, int], top: Sequence[Pick], via: Sequence[ViaEntry]
) -> list[str]:
    """Where the client's own view and their VIA ranking part ways, one kind at a time."""
    chosen_themes = {p.strength.theme for p in top}
    via_top = [v for v in via[:TOP_COUNT] if v.known]
    themes = []
    for theme in sorted({v.theme for v in via_top} - chosen_themes, key=list(THEMES).index):
        names = names_in_words([v.name for v in via_top if v.theme == theme])
        themes.append(
            f"Your VIA top five includes {names}, closest to {THEMES[theme].name}, a theme "
            "none of your chosen five comes from. How does that part of you show up?"
        )
    lower = []
    ranks = {v.name: v.rank for v in via if v.known}
    if len(ranks) >= VIA_COUNT // 2:  # a short list says nothing about what ranks low
        for pick in top:
            placed = [ranks[n] for n in pick.strength.via if n in ranks]
            if placed and min(placed) > VIA_COUNT // 2:
                lower.append(
                    f"You chose {pick.strength.name}, while your VIA ranking puts what is "
                    f"closest to it ({names_in_words(pick.strength.via)}) in its lower half. "
                    "What might explain the difference?"
                )
    rated_low = []
    for entry in via_top:
        for s in STRENGTHS:
            if s.via[:1] == (entry.name,) and ratings.get(s.key, 5) <= 2:
                said = dict(RATING_SCALE)[ratings[s.key]].lower()
                rated_low.append(
                    f"VIA ranks {entry.name} among your top five, yet you rated {s.name} "
                    f"“{said}”. Which view rings truer, and when?"
                )
    # Round-robin over the kinds: a few different differences start a conversation; a dozen
    # of one kind would read like a report card.
    mixed = [q for group in zip_longest(themes, lower, rated_low) for q in group if q]
    return mixed[:MOST_DIFFERENCES]


def _questions(
    ratings: Mapping[str, int], top: Sequence[Pick], via: Sequence[ViaEntry], clifton: Sequence[str]
) -> tuple[str, ...]:
    theme, count = Counter(p.strength.theme for p in top).most_common(1)[0]
    if count >= 3:
        asks = [
            f"{count} of your five come from {THEMES[theme].name}. What does that side of you "
            "make possible, and what might it crowd out?"
        ]
    else:
        asks = ["Your five spread across several themes. Where do they work together best?"]
    asks += _via_differences(ratings, top, via)
    if clifton:
        asks.append(
            "Set your CliftonStrengths top five beside the five you chose: where do they tell "
            "the same story, and where a different one?"
        )
    asks.append("Which of your five would the people who know you best name first?")
    return tuple(asks)


def score_strengths(
    ratings: Mapping[str, int],
    top: object,
    reflections: Mapping[str, str],
    clifton_text: str = "",
    via_text: str = "",
) -> StrengthsProfile:
    """The result, from checked ratings and reflections (see the check_* functions); `top`
    is checked here, once every strength is rated."""
    unrated = [s.name for s in STRENGTHS if s.key not in ratings]
    if unrated:
        raise StrengthsError(
            f"Rate every strength first: {len(unrated)} still to rate ({names_in_words(unrated[:5])}"
            f"{' and more' if len(unrated) > 5 else ''})."
        )
    picks = tuple(
        Pick(BY_KEY[k], ratings[k], reflections.get(k, "")) for k in check_top(top, ratings)
    )
    balance = tuple(
        Balance(
            theme,
            round(
                sum(ratings[s.key] for s in STRENGTHS if s.theme == key)
                / sum(1 for s in STRENGTHS if s.theme == key),
                1,
            ),
            sum(1 for p in picks if p.strength.theme == key),
        )
        for key, theme in THEMES.items()
    )
    clifton = parse_list(clifton_text)
    via = read_via(via_text)
    return StrengthsProfile(
        ratings=dict(ratings),
        top=picks,
        balance=balance,
        clifton=clifton,
        via=via,
        questions=_questions(ratings, picks, via, clifton),
    )


def top_changes(before: Sequence[str], after: Sequence[str]) -> tuple[str, ...]:
    """What changed in a top five (strength names), in plain sentences."""
    new = [n for n in after if n not in before]
    gone = [n for n in before if n not in after]
    if not new and not gone:
        return ("Your top five is the same as before.",)
    lines = []
    if new:
        lines.append(f"New in your top five: {names_in_words(new)}.")
    if gone:
        lines.append(f"No longer in your top five: {names_in_words(gone)}.")
    return tuple(lines)
