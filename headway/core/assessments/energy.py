"""The energy and flow journal's patterns: which activities energise or drain, where time flies,
and how energy moves week by week.

Activities are grouped by a deliberately simple, explainable key: lower-case words, a few
filler words dropped, plural endings trimmed and the words sorted, so that "Client call",
"client calls" and "calls with clients" land together. The page shows which spellings each
group holds, so nobody has to trust a black box.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

ENERGY_MIN, ENERGY_MAX = -2, 2
WEEKS = 10  # the weekly trend covers the last ten weeks, this one included
MIN_COUNT = 2  # one entry is an event, two start to be a pattern
TOP = 3

# Small words that do not tell activities apart ("a call with a client" is a client call).
FILLER = frozenset(
    {"a", "an", "the", "and", "with", "to", "for", "of", "on", "in", "at", "my", "me", "i"}
    | {"some", "about", "from"}
)
_WORD = re.compile(r"[^\W_]+")


def _singular(word: str) -> str:
    """Trim an English plural ending; only the common shapes, so the grouping stays legible."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def activity_key(text: str) -> str:
    """The grouping key of an activity: its words, singular, sorted, without filler."""
    words = {_singular(w) for w in _WORD.findall(text.lower()) if w not in FILLER}
    return " ".join(sorted(words)) or " ".join(text.lower().split())


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())  # weeks start on Monday


@dataclass(frozen=True)
class Entry:
    occurred_on: dt.date
    activity: str
    energy: int  # -2 drained .. +2 energised
    flow: bool  # lost track of time

    def __post_init__(self) -> None:
        if not ENERGY_MIN <= self.energy <= ENERGY_MAX:
            raise ValueError(f"energy runs from {ENERGY_MIN} to {ENERGY_MAX}")


@dataclass(frozen=True)
class Activity:
    key: str
    label: str  # the spelling used most often
    spellings: tuple[str, ...]  # every spelling in the group, most used first
    count: int
    energy_total: int
    flow_count: int

    @property
    def mean_energy(self) -> float:
        return self.energy_total / self.count

    @property
    def flow_share(self) -> float:
        return self.flow_count / self.count


@dataclass(frozen=True)
class Week:
    starts_on: dt.date
    count: int
    energy_total: int
    flow_count: int

    @property
    def mean_energy(self) -> float | None:
        return self.energy_total / self.count if self.count else None


@dataclass(frozen=True)
class Patterns:
    count: int
    flow_count: int
    mean_energy: float | None
    activities: tuple[Activity, ...]  # most frequent first
    energising: tuple[Activity, ...]  # mean above 0, at least `min_count` entries, best first
    draining: tuple[Activity, ...]  # mean below 0, at least `min_count` entries, worst first
    flow: tuple[Activity, ...]  # where time flew most often
    weeks: tuple[Week, ...]  # oldest first, empty weeks included
    min_count: int


def _group(entries: Sequence[Entry]) -> tuple[Activity, ...]:
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    energy: Counter[str] = Counter()
    flow: Counter[str] = Counter()
    count: Counter[str] = Counter()
    for e in entries:
        key = activity_key(e.activity)
        spellings[key][e.activity.strip()] += 1
        count[key] += 1
        energy[key] += e.energy
        flow[key] += e.flow
    groups = []
    for key, spelled in spellings.items():
        # most_common keeps first-seen order among ties: the caller's order decides.
        ordered = tuple(s for s, _ in spelled.most_common())
        groups.append(Activity(key, ordered[0], ordered, count[key], energy[key], flow[key]))
    return tuple(sorted(groups, key=lambda a: (-a.count, -a.mean_energy, a.label.lower())))


def _weeks(entries: Sequence[Entry], today: dt.date, weeks: int) -> tuple[Week, ...]:
    first = week_start(today) - dt.timedelta(weeks=weeks - 1)
    starts = [first + dt.timedelta(weeks=i) for i in range(weeks)]
    count: Counter[dt.date] = Counter()
    energy: Counter[dt.date] = Counter()
    flow: Counter[dt.date] = Counter()
    for e in entries:
        start = week_start(e.occurred_on)
        if first <= start <= starts[-1]:
            count[start] += 1
            energy[start] += e.energy
            flow[start] += e.flow
    return tuple(Week(s, count[s], energy[s], flow[s]) for s in starts)


def find_patterns(
    entries: Iterable[Entry],
    *,
    today: dt.date,
    weeks: int = WEEKS,
    min_count: int = MIN_COUNT,
) -> Patterns:
    """The patterns in a journal. Pass entries newest first: among equally common spellings of
    an activity, the first one seen names the group."""
    entries = list(entries)
    activities = _group(entries)
    regular = [a for a in activities if a.count >= min_count]
    total = sum(e.energy for e in entries)
    return Patterns(
        count=len(entries),
        flow_count=sum(e.flow for e in entries),
        mean_energy=total / len(entries) if entries else None,
        activities=activities,
        energising=tuple(
            sorted((a for a in regular if a.mean_energy > 0), key=lambda a: -a.mean_energy)[:TOP]
        ),
        draining=tuple(
            sorted((a for a in regular if a.mean_energy < 0), key=lambda a: a.mean_energy)[:TOP]
        ),
        flow=tuple(
            sorted(
                (a for a in activities if a.flow_count),
                key=lambda a: (-a.flow_count, -a.flow_share),
            )[:TOP]
        ),
        weeks=_weeks(entries, today, weeks),
        min_count=min_count,
    )


# --- the weekly chart ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    week: Week
    x: float  # left edge
    y: float  # top edge
    height: float  # 0 for an empty week
    centre: float  # where the week's label goes
    labelled: bool  # every other week carries a date, the latest always
    positive: bool


@dataclass(frozen=True)
class WeekChart:
    width: int
    height: int
    plot_left: int
    zero_y: float
    unit: float  # SVG units per energy point
    label_y: int
    bar_width: float
    ticks: tuple[tuple[int, float], ...]  # (energy, y)
    bars: tuple[Bar, ...]


def week_chart(weeks: Sequence[Week]) -> WeekChart:
    """The geometry of the weekly energy chart: bars up for energised weeks, down for drained,
    around a zero line. The template only fills in the numbers."""
    # Room on the left for the scale and on the right for half of the latest week's date.
    width, plot_left, plot_right, top, unit = 400, 28, 382, 8, 36.0
    zero_y = top + ENERGY_MAX * unit
    slot = (plot_right - plot_left) / max(len(weeks), 1)
    bar_width = round(slot * 0.6, 1)
    bars = []
    for i, w in enumerate(weeks):
        mean = w.mean_energy or 0.0
        # An exactly neutral week still shows a sliver, so it reads as recorded, not empty.
        height = max(abs(mean) * unit, 2.0) if w.count else 0.0
        x = plot_left + i * slot + (slot - bar_width) / 2
        bars.append(
            Bar(
                week=w,
                x=round(x, 1),
                y=round(zero_y - height if mean >= 0 else zero_y, 1),
                height=round(height, 1),
                centre=round(x + bar_width / 2, 1),
                labelled=(len(weeks) - 1 - i) % 2 == 0,
                positive=mean >= 0,
            )
        )
    ticks = tuple((v, zero_y - v * unit) for v in range(ENERGY_MAX, ENERGY_MIN - 1, -1))
    bottom = top + (ENERGY_MAX - ENERGY_MIN) * unit
    return WeekChart(
        width=width,
        height=int(bottom + 26),
        plot_left=plot_left,
        zero_y=zero_y,
        unit=unit,
        label_y=int(bottom + 20),
        bar_width=bar_width,
        ticks=ticks,
        bars=tuple(bars),
    )
