"""Forms of the career exploration pages: transition pathways and interest matching.

Both are GET forms, so a page of results is a link that can be bookmarked or shared with
a coach, and both work without JavaScript.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

from headway.core.occupations.interests import RIASEC
from headway.core.occupations.search import Quality
from headway.onet.models import Occupation, Release
from headway.onet.profile import INTEREST_BLURBS
from headway.onet.search import occupation_index

MAX_OCCUPATIONS = 3
MAX_SKILLS = 8
LONGEST_TEXT = 200
ALTERNATIVES = 3  # other readings of a title offered beside the one understood
# An O*NET-SOC code, with or without its two-digit suffix ("29-1141" is "29-1141.00").
OCCUPATION_CODE = re.compile(r"^\d{2}-\d{4}(?:\.\d{2})?$")

# Job zones in our own words: how much preparation the work takes.
JOB_ZONES = {
    1: ("Little or no preparation", "a few days to a few months of training"),
    2: ("Some preparation", "usually high school, and some training or experience"),
    3: ("Medium preparation", "vocational training, an associate's degree or an apprenticeship"),
    4: ("Considerable preparation", "usually a bachelor's degree and a few years of experience"),
    5: ("Extensive preparation", "usually a graduate degree, often with years of experience"),
}

# Self-rated levels on O*NET's 0-7 level scale; the words are ours, for orientation.
SKILL_LEVELS = {
    1: "1 – a little",
    2: "2 – basic",
    3: "3",
    4: "4 – solid",
    5: "5",
    6: "6 – advanced",
    7: "7 – expert",
}

# O*NET's skill groups (the parent of each skill in its Content Model), in our words.
SKILL_GROUPS = {
    "2.A.1": "Basic skills",
    "2.A.2": "Thinking and learning",
    "2.B.1": "Working with people",
    "2.B.2": "Solving problems",
    "2.B.3": "Technical skills",
    "2.B.4": "Judgement and systems",
    "2.B.5": "Managing resources",
}


@dataclass(frozen=True)
class Skill:
    """One O*NET skill a person may rate: "2.B.3.e", "Programming"."""

    element_id: str
    name: str

    @property
    def group(self) -> str:
        return SKILL_GROUPS.get(self.element_id.rsplit(".", 1)[0], "Other skills")


@dataclass(frozen=True)
class Understood:
    """What one past-occupation box was taken to mean."""

    text: str  # as typed, or the code carried over from the last search
    code: str = ""
    title: str = ""
    alternatives: tuple[tuple[str, str], ...] = ()  # (code, title): other readings
    error: str = ""
    also_called: str = ""  # the other name of the occupation that matched, if any

    @property
    def typed(self) -> str:
        """The person's own words, when they differ from the code understood."""
        return "" if self.text.casefold() == self.code.casefold() else self.text


def understand(text: str, release: Release) -> Understood:
    """A job title in anyone's words, or an O*NET code, read as one occupation."""
    text = " ".join(text.split())[:LONGEST_TEXT]
    if OCCUPATION_CODE.match(text):
        code = text if "." in text else f"{text}.00"
        title = Occupation.objects.filter(code=code).values_list("title", flat=True).first()
        if title is None:
            return Understood(
                text,
                error=f"No occupation has the code {code}. Check the code, or type a job title.",
            )
        return Understood(text, code, title)
    hits = occupation_index(release).search(text, limit=ALTERNATIVES + 3).hits
    # Titles with every word first; titles missing a word only when nothing has them all.
    whole = [h for h in hits if h.quality != Quality.PARTIAL] or list(hits)
    if not whole:
        return Understood(
            text,
            error=f"No occupation matches “{text}”. Try another name people use for the work, "
            "a shorter word, or the O*NET code (such as 29-1141.00).",
        )
    first, *others = whole
    return Understood(
        text,
        first.code,
        first.title,
        tuple((h.code, h.title) for h in others[:ALTERNATIVES]),
        also_called=first.also_called or "",
    )


class RepeatedInput(forms.Widget):
    """Every value of a repeated query parameter (?occupation=a&occupation=b)."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[str]:
        if isinstance(data, QueryDict):
            return data.getlist(name)
        value = data.get(name, [])
        return [value] if isinstance(value, str) else list(value)


def _zone_field() -> forms.TypedMultipleChoiceField:
    return forms.TypedMultipleChoiceField(
        required=False,
        coerce=int,
        choices=[(n, f"{n} · {name}") for n, (name, _) in JOB_ZONES.items()],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Job zones go from 1 to 5."},
    )


class ZoneFilter(forms.Form):
    """The job zones a person has the preparation for, or is willing to get."""

    zone = _zone_field()

    def zone_rows(self) -> list[tuple[Any, str]]:
        """Each checkbox with a few words on what its job zone takes."""
        return [(box, JOB_ZONES[int(box.data["value"])][1]) for box in self["zone"]]

    @property
    def zones(self) -> set[int]:
        return set(self.cleaned_data.get("zone") or [])


MORE = 10  # "Show 10 more"
MOST_SHOWN = 50


class PathwaysForm(ZoneFilter):
    """Past occupations (up to three), self-rated skills (up to eight), job zones."""

    occupation = forms.Field(required=False, widget=RepeatedInput)
    leave_field = forms.BooleanField(
        required=False,
        label="Leave out my own field",
        help_text="Hide occupations in the same family as the work above, to see routes "
        "out of it: a teacher sees training and coordinating work, not other teaching jobs.",
    )
    # How many results to show: "Show 10 more" asks for ten more than the page had. A link
    # edited by hand (shown=999, shown=abc) is read as the nearest sensible count: a hidden
    # field's error would refuse the whole search with nothing on the page to say why.
    shown = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_shown(self) -> int:
        raw = (self.cleaned_data.get("shown") or "").strip()
        if not (raw.isascii() and raw.isdigit()):
            return MORE
        asked = int(raw[-3:]) if len(raw) <= 3 else MOST_SHOWN
        return max(MORE, min(MOST_SHOWN, asked // MORE * MORE))

    def __init__(
        self,
        data: QueryDict | None,
        *,
        release: Release,
        skills: Sequence[Skill],
        role: str = "",
        rated: Sequence[tuple[str, int]] = (),
    ) -> None:
        super().__init__(data)
        # A blank form may start from what the journey already says: the intake's role in
        # the first box, the motivated-skills results in the skill rows.
        self.role = " ".join(role.split())[:LONGEST_TEXT] if data is None else ""
        self.query_data = data if data is not None else QueryDict()
        self.release = release
        self.skill_names = {s.element_id: s.name for s in skills}
        groups: dict[str, list[tuple[str, str]]] = {}
        for s in sorted(skills, key=lambda s: s.element_id):
            groups.setdefault(s.group, []).append((s.element_id, s.name))
        skill_choices: list[Any] = [("", "Choose a skill"), *groups.items()]
        level_choices: list[tuple[Any, str]] = [("", "Level"), *SKILL_LEVELS.items()]
        for n in range(1, MAX_SKILLS + 1):
            self.fields[f"skill_{n}"] = forms.ChoiceField(
                required=False,
                choices=skill_choices,
                error_messages={"invalid_choice": "Choose a skill from the list."},
            )
            self.fields[f"level_{n}"] = forms.TypedChoiceField(
                required=False,
                coerce=int,
                empty_value=None,
                choices=level_choices,
                error_messages={"invalid_choice": "Choose a level from 1 to 7."},
            )
        self.rated_from_results = False
        if data is None:
            kept = [(e, lvl) for e, lvl in rated if e in self.skill_names and 1 <= lvl <= 7]
            for n, (element_id, level) in enumerate(kept[:MAX_SKILLS], start=1):
                self.fields[f"skill_{n}"].initial = element_id
                self.fields[f"level_{n}"].initial = level
            self.rated_from_results = bool(kept)
        self.entries: list[Understood] = []
        self.too_many = ""

    def clean_occupation(self) -> list[str]:
        texts = [t for t in self.cleaned_data.get("occupation") or [] if t.strip()]
        self.entries = []
        seen: set[str] = set()
        for text in texts:
            entry = understand(text, self.release)
            if entry.code and entry.code in seen:
                continue  # the same occupation twice: once is enough
            seen.add(entry.code)
            self.entries.append(entry)
        errors = [e.error for e in self.entries if e.error]
        if len(self.entries) > MAX_OCCUPATIONS:
            self.too_many = "Up to three past occupations: remove one to add another."
            errors.insert(0, self.too_many)
        if errors:
            raise ValidationError(errors)
        return [e.code for e in self.entries]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen: set[str] = set()
        for n in range(1, MAX_SKILLS + 1):
            skill, level = data.get(f"skill_{n}"), data.get(f"level_{n}")
            if f"skill_{n}" in self.errors or f"level_{n}" in self.errors:
                continue
            if level is not None and not skill:
                self.add_error(f"skill_{n}", "Choose the skill this level is for.")
            elif skill and level is None:
                self.add_error(f"level_{n}", f"Choose your level in {self.skill_names[skill]}.")
            elif skill in chosen:
                self.add_error(f"skill_{n}", f"{self.skill_names[skill]} is in the list already.")
            elif skill:
                chosen.add(skill)
        if not self.errors and not data.get("occupation") and not chosen:
            self.add_error(
                None,
                "Enter work you have done, or rate a few of your skills, "
                "to see where they could lead.",
            )
        return data

    # --- what the view and the template read ---------------------------------------------

    @property
    def count(self) -> int:
        return self.cleaned_data.get("shown") or MORE

    def more_query(self) -> str | None:
        """The query string that shows ten more, or None at the most there is."""
        if self.count >= MOST_SHOWN:
            return None
        query = QueryDict(self.query(), mutable=True)
        query["shown"] = str(self.count + MORE)
        return query.urlencode()

    @property
    def codes(self) -> list[str]:
        return [e.code for e in self.entries if e.code]

    @property
    def skills(self) -> dict[str, float]:
        rated = {}
        for n in range(1, MAX_SKILLS + 1):
            skill, level = self.cleaned_data.get(f"skill_{n}"), self.cleaned_data.get(f"level_{n}")
            if skill and level is not None:
                rated[skill] = float(level)
        return rated

    def skill_rows(self) -> list[tuple[int, forms.BoundField, forms.BoundField]]:
        return [(n, self[f"skill_{n}"], self[f"level_{n}"]) for n in range(1, MAX_SKILLS + 1)]

    def role_reading(self) -> Understood | None:
        """How the intake's role reads as an O*NET occupation, by the title search."""
        if self.is_bound or not self.role:
            return None
        reading = understand(self.role, self.release)
        return reading if reading.code else None

    def skills_touched(self) -> bool:
        """Whether the skills part has anything in it, so it opens by itself."""
        if not self.is_bound:
            return self.rated_from_results
        return any(
            self.data.get(f"{part}_{n}")
            for part in ("skill", "level")
            for n in range(1, MAX_SKILLS + 1)
        )

    def understood(self) -> list[Understood]:
        return [e for e in self.entries if e.code]

    def chips(self) -> list[tuple[Understood, str, list[tuple[str, str]]]]:
        """Each occupation understood, with the query strings that remove it or swap it
        for one of its other readings: (entry, remove, [(title, swap)])."""
        return [
            (
                e,
                self.query(without=e.code),
                [(title, self.query(swap=(e.code, code))) for code, title in e.alternatives],
            )
            for e in self.understood()
        ]

    def boxes(self) -> list[Understood]:
        """The text boxes: entries not understood, then empty ones up to three in all."""
        unread = [e for e in self.entries if not e.code]
        if not self.is_bound and self.role:
            unread = [Understood(self.role)]
        room = max(0, MAX_OCCUPATIONS - len(self.understood()) - len(unread))
        return unread + [Understood("")] * room

    def query(self, *, without: str = "", swap: tuple[str, str] | None = None) -> str:
        """This form's query string, with one occupation taken out or swapped for another."""
        params: list[tuple[str, str]] = []
        for e in self.entries:
            value = e.code or e.text
            if swap and value == swap[0]:
                value = swap[1]
            if value and value != without:
                params.append(("occupation", value))
        if self.is_bound:
            for n in range(1, MAX_SKILLS + 1):
                for part in ("skill", "level"):
                    if value := self.data.get(f"{part}_{n}", ""):
                        params.append((f"{part}_{n}", value))
            params += [("zone", z) for z in self.query_data.getlist("zone")]
            if self.data.get("leave_field"):
                params.append(("leave_field", "on"))
            if engagement := self.data.get("e", ""):
                params.append(("e", engagement))
        query = QueryDict(mutable=True)
        for key, value in params:
            query.appendlist(key, value)
        return query.urlencode()


def _interest_field(name: str) -> forms.TypedChoiceField:
    rate = f"Rate {name} from 1 (not at all) to 7 (very much)."
    return forms.TypedChoiceField(
        label=name,
        help_text=INTEREST_BLURBS[name],
        coerce=int,
        choices=[(n, str(n)) for n in range(1, 8)],
        widget=forms.RadioSelect,
        error_messages={"required": rate, "invalid_choice": rate},
    )


class InterestsForm(ZoneFilter):
    """Six RIASEC ratings, 1-7, entered directly, and the job zones to include."""

    realistic = _interest_field("Realistic")
    investigative = _interest_field("Investigative")
    artistic = _interest_field("Artistic")
    social = _interest_field("Social")
    enterprising = _interest_field("Enterprising")
    conventional = _interest_field("Conventional")

    INTERESTS = tuple(name.lower() for name in RIASEC)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        values = [data.get(name) for name in self.INTERESTS]
        if None not in values and len(set(values)) == 1:
            self.add_error(
                None,
                "All six are rated the same, so no interest stands out yet. "
                "Which one draws you a little more than the others?",
            )
        return data

    def interest_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.INTERESTS]

    @property
    def profile(self) -> tuple[float, ...]:
        """The six ratings in RIASEC order (once the form is valid)."""
        return tuple(float(self.cleaned_data[name]) for name in self.INTERESTS)
