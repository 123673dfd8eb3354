"""The interests inventory: 60 everyday activities, rated, scored into a RIASEC profile.

Ten activity statements for each of the six Holland interest areas (Realistic,
Investigative, Artistic, Social, Enterprising, Conventional), written in our own words.
Each is rated on five points, from "Strongly dislike" (1) to "Strongly like" (5).

Scoring: an area's score is the mean of its answered ratings stretched onto 0-100 (a mean
of 1 is 0, a mean of 5 is 100, "Not sure" is 50). Up to `MAX_UNANSWERED` statements may be
left blank, so one activity nobody can picture does not block a result; every area still
has at least seven answers then.

The Holland code is the three highest areas, ties broken in RIASEC order (the usual
convention) and reported as ties, so the page can say "S and E are tied" rather than
pretend to an order the answers do not give. Two further readings raise questions, never
verdicts: differentiation (the highest score minus the lowest: a flat profile may mean
breadth, or that the list missed what matters) and consistency (how near the two strongest
areas sit on Holland's hexagon, R-I-A-S-E-C around the ring).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from headway.core.occupations.interests import RIASEC

LETTERS = "RIASEC"
NAMES = dict(zip(LETTERS, RIASEC, strict=True))
PAGE_SIZE = 12
MAX_UNANSWERED = 3
# Below this spread (highest minus lowest, 0-100) the profile reads as flat.
FLAT_SPREAD = 20
# A highest score under this means no area leant to "like" on average.
LIKE_MIDPOINT = 50
# Score moves smaller than this are noise between two takes, not a change worth a sentence.
NOTABLE_MOVE = 10

SCALE = (
    (1, "Strongly dislike"),
    (2, "Dislike"),
    (3, "Not sure"),
    (4, "Like"),
    (5, "Strongly like"),
)

DESCRIPTIONS = {
    "R": "Working with your hands, tools, machines, plants or animals: practical results "
    "you can see and touch.",
    "I": "Understanding how things work: asking questions, gathering evidence and "
    "puzzling problems out.",
    "A": "Making something original: expressing ideas in words, images, sound, movement or "
    "design, often without a fixed recipe.",
    "S": "Helping people learn, grow, heal or get along: working with others and for them.",
    "E": "Getting things moving: leading, persuading, deciding and taking chances to reach a goal.",
    "C": "Bringing order: keeping information, money or things accurate, organised and on time.",
}

CONSISTENCY = {1: "adjacent", 2: "alternate", 3: "opposite"}


@dataclass(frozen=True)
class Statement:
    key: str  # stable: answers are stored under it
    letter: str  # R, I, A, S, E or C
    text: str


_BY_AREA = {
    "R": (
        "Fix a bike whose gears have stopped shifting smoothly",
        "Put together a piece of flat-pack furniture",
        "Grow vegetables in a garden or on an allotment",
        "Fit a new light fitting at home, with the power safely off",
        "Drive a van on a day of deliveries",
        "Build a garden shed from timber",
        "Service the engine of a car or a motorbike",
        "Work outdoors repairing paths in a nature reserve",
        "Make a replacement part on a 3D printer",
        "Look after animals on a farm or at a rescue centre",
    ),
    "I": (
        "Work out why a houseplant keeps wilting by changing one thing at a time",
        "Read about a new scientific finding and check how it was tested",
        "Dig through a spreadsheet of data for a pattern nobody has noticed",
        "Solve a tricky logic puzzle or a coding problem",
        "Run an experiment in a laboratory",
        "Track down the cause of a fault that keeps coming back in some software",
        "Learn how the body fights off an infection",
        "Compare several studies to judge which claim the evidence supports",
        "Keep your own weather measurements and look for trends",
        "Build a model that predicts how something will change over time",
    ),
    "A": (
        "Design a poster for a local festival",
        "Write a short story or a poem",
        "Take and edit photographs for an exhibition",
        "Compose or arrange a piece of music",
        "Act in a play or direct one",
        "Choose a new colour scheme and furnishings for a room",
        "Sketch how a new product could look",
        "Film a short video and edit it together",
        "Write a blog in your own voice",
        "Make a mural, a sculpture or a piece of pottery",
    ),
    "S": (
        "Help a neighbour get to grips with a new phone",
        "Teach a group of children a new game or skill",
        "Listen while a friend talks through a hard decision",
        "Volunteer at a community food bank",
        "Care for someone who is recovering from an illness",
        "Help new colleagues settle into a team",
        "Coach a youth sports team",
        "Help two people in a disagreement hear each other out",
        "Run a workshop for adults learning something new",
        "Support someone through their search for a job",
    ),
    "E": (
        "Pitch an idea to people who could fund it",
        "Start a small business selling something you make",
        "Negotiate a better price for a large purchase",
        "Lead a team towards an ambitious target",
        "Persuade the local council to back a project",
        "Stand for election to a committee or a board",
        "Run a fundraising campaign and recruit people to help",
        "Sell products from a stall at a busy market",
        "Decide where a company should expand next",
        "Speak for your team in a meeting with senior leaders",
    ),
    "C": (
        "Keep a household budget up to date in a spreadsheet",
        "Sort and label files so that anyone can find them",
        "Check an invoice line by line for mistakes",
        "Follow a detailed procedure exactly as written",
        "Keep track of stock and reorder before it runs out",
        "Match a bank statement against a pile of receipts",
        "Set up the filing system for a small office",
        "Enter records into a database accurately",
        "Plan a tidy timetable for a week of appointments",
        "Check a long report for consistent formatting",
    ),
}


def _presentation_order() -> tuple[Statement, ...]:
    """All 60, interleaved so each page of 12 holds two of every area and no two
    neighbours share one; each round starts one area further round the ring."""
    statements = []
    for i in range(10):
        for j in range(6):
            letter = LETTERS[(i + j) % 6]
            statements.append(
                Statement(f"{letter.lower()}{i + 1:02d}", letter, _BY_AREA[letter][i])
            )
    return tuple(statements)


STATEMENTS = _presentation_order()
BY_KEY = {s.key: s for s in STATEMENTS}
PAGES = tuple(STATEMENTS[i : i + PAGE_SIZE] for i in range(0, len(STATEMENTS), PAGE_SIZE))


class InventoryError(ValueError):
    """Answers that cannot be scored; the message says what to do, in plain words."""


def check_ratings(raw: object) -> dict[str, int]:
    """The ratings as {statement key: 1-5}; InventoryError naming what is wrong.

    `raw` may come from the JSON API, so nothing about its shape is assumed.
    """
    if not isinstance(raw, Mapping):
        raise InventoryError('"ratings" must be an object of statement keys and ratings 1-5.')
    unknown = sorted(str(k) for k in raw if k not in BY_KEY)
    if unknown:
        raise InventoryError(f"Unknown statement keys in ratings: {', '.join(unknown[:5])}.")
    bad = sorted(
        str(k)
        for k, v in raw.items()
        if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 5
    )
    if bad:
        raise InventoryError(
            f"Ratings must be whole numbers from 1 to 5; not so for: {', '.join(bad[:5])}."
        )
    return {str(k): int(v) for k, v in raw.items()}


def unanswered(ratings: Mapping[str, int]) -> tuple[Statement, ...]:
    return tuple(s for s in STATEMENTS if s.key not in ratings)


def hexagon_distance(a: str, b: str) -> int:
    """Steps between two areas round the hexagon: 0 (same), 1, 2 or 3 (opposite)."""
    d = abs(LETTERS.index(a) - LETTERS.index(b))
    return min(d, 6 - d)


@dataclass(frozen=True)
class InterestProfile:
    scores: tuple[int, ...]  # 0-100, in RIASEC order
    answered: int
    order: str  # all six letters, strongest first (ties in RIASEC order)
    ties: tuple[str, ...]  # groups of equal scores that touch the code, e.g. ("SE",)
    differentiation: int  # highest minus lowest score
    consistency: str  # of the two strongest: adjacent, alternate or opposite
    questions: tuple[str, ...]

    @property
    def code(self) -> str:
        return self.order[:3]

    @property
    def flat(self) -> bool:
        return self.differentiation < FLAT_SPREAD

    def score_of(self, letter: str) -> int:
        return self.scores[LETTERS.index(letter)]

    def to_dict(self) -> dict[str, object]:
        return {
            "scores": dict(zip(LETTERS, self.scores, strict=True)),
            "code": self.code,
            "order": self.order,
            "ties": list(self.ties),
            "differentiation": self.differentiation,
            "flat": self.flat,
            "consistency": self.consistency,
            "answered": self.answered,
            "total": len(STATEMENTS),
            "questions": list(self.questions),
        }


def _area_score(values: Sequence[int]) -> int:
    # Integers in, integer out: the mean stretched onto 0-100, rounded half up.
    return (100 * (sum(values) - len(values)) * 2 + 4 * len(values)) // (8 * len(values))


def _ties(scores: Mapping[str, int], order: str) -> tuple[str, ...]:
    groups = []
    for score in sorted({scores[c] for c in order[:3]}, reverse=True):
        group = "".join(c for c in order if scores[c] == score)
        if len(group) > 1:
            groups.append(group)
    return tuple(groups)


def _questions(
    scores: Mapping[str, int], order: str, ties: Sequence[str], spread: int
) -> tuple[str, ...]:
    first, second = NAMES[order[0]], NAMES[order[1]]
    asks = [
        f"What draws you to {first} activities, and where in your life do you already get "
        "to do them?"
    ]
    distance = hexagon_distance(order[0], order[1])
    if distance == 1:
        asks.append(
            f"{first} and {second} sit side by side on the hexagon and often meet in the same "
            "work. What kind of role would let you use both?"
        )
    elif distance == 2:
        asks.append(
            f"{first} and {second} are a step apart on the hexagon. Do they meet in one role "
            "for you, or does one belong to work and the other to the rest of life?"
        )
    else:
        asks.append(
            f"{first} and {second} sit across the hexagon from each other and rarely share a "
            "role. Would you like work that brings them together, or does one find its room "
            "outside work?"
        )
    for group in ties:
        asks.append(
            f"{describe_numbers([NAMES[c] for c in group])} came out level. If you could only "
            "pick one, which would it be, and why?"
        )
    if spread < FLAT_SPREAD:
        asks.append(
            "Your answers are fairly even across all six areas. Is that breadth, is it "
            "uncertainty about what you want, or did these activities miss what matters to you?"
        )
    if scores[order[0]] < LIKE_MIDPOINT:
        asks.append(
            "Few of these activities appealed to you. What do you enjoy doing that this list "
            "left out?"
        )
    asks.append("Which of these activities would you have answered differently five years ago?")
    return tuple(asks)


def score_ratings(ratings: Mapping[str, int]) -> InterestProfile:
    """Score checked ratings (see `check_ratings`); InventoryError when too many are blank."""
    missing = unanswered(ratings)
    if len(missing) > MAX_UNANSWERED:
        pages = sorted({page_of(s.key) for s in missing})
        raise InventoryError(
            f"{len(missing)} of the {len(STATEMENTS)} activities are still unanswered "
            f"(on page {describe_numbers(pages)}). You can leave up to {MAX_UNANSWERED} blank."
        )
    by_area = {
        c: [ratings[s.key] for s in STATEMENTS if s.letter == c and s.key in ratings]
        for c in LETTERS
    }
    scores = {c: _area_score(v) for c, v in by_area.items()}
    order = "".join(sorted(LETTERS, key=lambda c: (-scores[c], LETTERS.index(c))))
    ties = _ties(scores, order)
    spread = max(scores.values()) - min(scores.values())
    return InterestProfile(
        scores=tuple(scores[c] for c in LETTERS),
        answered=len(STATEMENTS) - len(missing),
        order=order,
        ties=ties,
        differentiation=spread,
        consistency=CONSISTENCY[hexagon_distance(order[0], order[1])],
        questions=_questions(scores, order, ties, spread),
    )


def page_of(key: str) -> int:
    """The page (from 1) a statement is on."""
    return STATEMENTS.index(BY_KEY[key]) // PAGE_SIZE + 1


def describe_letters(letters: str) -> str:
    """ "S and E", "A, S and E"."""
    return describe_numbers(list(letters))


def describe_numbers(items: Sequence[object]) -> str:
    words = [str(i) for i in items]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def tie_sentences(code: str, ties: Sequence[str]) -> tuple[str, ...]:
    """Plain sentences about ties that touch the code, for the result page."""
    sentences = []
    for group in ties:
        inside = [c for c in group if c in code]
        if len(inside) < len(group):
            sentences.append(
                f"{describe_letters(group)} are tied, so the code could as well use "
                f"{' or '.join(c for c in group if c not in code)} in place of "
                f"{inside[-1]}: the order shown follows R-I-A-S-E-C."
            )
        else:
            sentences.append(
                f"{describe_letters(group)} are tied: their order in the code follows R-I-A-S-E-C."
            )
    return tuple(sentences)


def profile_changes(
    before: Mapping[str, int], before_code: str, after: Mapping[str, int], after_code: str
) -> tuple[str, ...]:
    """What changed between two profiles (scores 0-100 by letter), in plain sentences."""
    if before_code == after_code:
        lines = [f"Your Holland code is {after_code}, as before."]
    else:
        lines = [f"Your Holland code changed from {before_code} to {after_code}."]
    moves = sorted(
        (c for c in LETTERS if abs(after[c] - before[c]) >= NOTABLE_MOVE),
        key=lambda c: (-abs(after[c] - before[c]), LETTERS.index(c)),
    )
    for c in moves[:2]:
        verb = "rose" if after[c] > before[c] else "fell"
        lines.append(f"{NAMES[c]} {verb} from {before[c]} to {after[c]}.")
    if not moves:
        lines.append("No area moved by 10 points or more.")
    return tuple(lines)
