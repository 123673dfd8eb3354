"""Skills from a JSON Resume file (the jsonresume.org schema), matched to O*NET's 35 skills.

A résumé says what a person has done in its own words; this finds the skill phrases in it
and proposes, for each, the O*NET skill it most likely belongs to, with how sure the match
is and why. The matcher is deliberately plain so that every proposal explains itself:

1. the phrase is an O*NET skill's name ("Writing"): sure;
2. the phrase is a word in our table of words for a skill ("Python" is Programming): sure;
3. the phrase contains such a word ("Python 3 scripting"): likely;
4. the phrase shares a word with a skill's name ("team coordination"): a guess.

Nothing is decided here: the client reviews every proposal, changes it, keeps the phrase
as a skill of their own, or skips it.

Phrases come from `skills[].name` and `skills[].keywords` (with `skills[].level`),
`projects[].keywords`, `languages[].language` (kept as the client's own skills: O*NET has
no skill for a language), and the table's words found in the free text of `basics` (label,
summary), `work[]` and `volunteer[]` (position, summary, highlights), `projects[]`
(description, highlights), `education[]` (area, study type, courses) and `certificates[]`
(names). Only a skill the person named and we are sure of starts selected; the rest are
offered.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from headway.core.assessments.motivated_skills import LEVELS, ONET_SKILLS

MAX_BYTES = 1_000_000
MAX_CANDIDATES = 60
LONGEST_PHRASE = 60  # a "skill" longer than this is a sentence, not a phrase


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in text.split(",") if w.strip())


# The top-level sections of the JSON Resume schema; a file with none of them is something else.
SECTIONS = frozenset(
    _words(
        "basics, work, volunteer, education, awards, certificates, publications, skills, languages, "
        "interests, references, projects, meta"
    )
)

# JSON Resume's free-text `level` words, read as the assessment's proficiency.
LEVEL_WORDS = {
    word: proficiency
    for proficiency, words in {
        "expert": "master, expert, native, bilingual",
        "strong": "advanced, proficient, fluent, senior, strong",
        "capable": "intermediate, competent, working, conversational, good",
        "learning": "beginner, basic, novice, elementary, junior, learning, familiar",
    }.items()
    for word in _words(words)
}

# Our words for each O*NET skill: tools, methods and everyday names for the same ability.
# A word belongs to one skill only (tests/core/test_jsonresume.py checks it). Programming has
# the longest list: the languages and frameworks people name on résumés.
SYNONYMS: dict[str, tuple[str, ...]] = {
    element_id: _words(words)
    for element_id, words in {
        "2.A.1.a": "reading, document review, literature review, legal research",
        "2.A.1.b": "listening, user interviews, interviewing, counselling, counseling",
        "2.A.1.c": (
            "copywriting, technical writing, documentation, editing, proofreading, blogging, "
            "content writing, report writing, grant writing, journalism, writer"
        ),
        "2.A.1.d": (
            "public speaking, presenting, presentations, presentation skills, storytelling, "
            "conference talks, keynotes"
        ),
        "2.A.1.e": (
            "statistics, maths, math, algebra, calculus, data analysis, quantitative analysis, "
            "excel, spreadsheets"
        ),
        "2.A.1.f": (
            "scientific research, research methods, laboratory, lab work, biology, chemistry, "
            "physics, experimentation, a/b testing"
        ),
        "2.A.2.a": "analytical thinking, critical analysis, logic, reasoning, analytical skills",
        "2.A.2.b": "self-learning, continuous learning, quick learner, self-taught",
        "2.A.2.c": (
            "curriculum design, instructional design, e-learning, learning design, lesson "
            "planning, study skills"
        ),
        "2.A.2.d": "performance tracking, compliance, progress monitoring, reporting",
        "2.B.1.a": (
            "empathy, emotional intelligence, user research, interpersonal skills, customer insight"
        ),
        "2.B.1.b": (
            "project management, programme management, program management, agile, scrum, "
            "kanban, stakeholder management, event planning, collaboration, teamwork, "
            "cross-functional collaboration"
        ),
        "2.B.1.c": (
            "sales, selling, fundraising, advocacy, pitching, business development, "
            "influencing, marketing, campaigning"
        ),
        "2.B.1.d": (
            "contract negotiation, negotiating, conflict resolution, mediation, vendor management"
        ),
        "2.B.1.e": (
            "teaching, training, mentoring, tutoring, coaching, workshops, onboarding, lecturing"
        ),
        "2.B.1.f": (
            "customer service, customer support, client service, customer success, hospitality, "
            "patient care, help desk, helpdesk, care work"
        ),
        "2.B.2.i": "problem solving, problem-solving, strategy, strategic planning, consulting",
        "2.B.3.a": (
            "requirements analysis, requirements gathering, business analysis, process "
            "analysis, user stories, product management, user experience, ux"
        ),
        "2.B.3.b": (
            "system design, software architecture, engineering design, cad, product design, ux "
            "design, ui design, interaction design, hardware design, figma"
        ),
        "2.B.3.c": "tool selection, equipment sourcing, technology selection",
        "2.B.3.d": (
            "installation, deployment, configuration, cabling, wiring, devops, ci/cd, "
            "kubernetes, docker, terraform"
        ),
        "2.B.3.e": (
            "programming, coding, software development, software engineering, web development, "
            "frontend, front-end, backend, back-end, full stack, full-stack, scripting, python, "
            "javascript, typescript, java, c++, c#, golang, rust, ruby, php, kotlin, swift, "
            "scala, sql, html, css, react, vue, angular, django, node.js, bash, matlab, git, "
            "machine learning, apis"
        ),
        "2.B.3.g": (
            "site reliability, sre, observability, on-call, incident response, control room, "
            "dashboards"
        ),
        "2.B.3.h": (
            "driving, machine operation, operating machinery, forklift, piloting, crane "
            "operation, process control, system administration, sysadmin, linux"
        ),
        "2.B.3.j": "maintenance, preventive maintenance, servicing, upkeep",
        "2.B.3.k": "debugging, diagnostics, root cause analysis, technical support, fault finding",
        "2.B.3.l": "repair, repairs, mechanics, plumbing, carpentry, electronics repair",
        "2.B.3.m": (
            "quality assurance, qa, testing, software testing, quality control, inspection, "
            "test automation, unit testing, code review, auditing"
        ),
        "2.B.4.e": (
            "decision making, decision-making, judgement, prioritisation, prioritization, risk "
            "assessment, risk management"
        ),
        "2.B.4.g": (
            "systems thinking, data modelling, data modeling, business intelligence, analytics, "
            "process mapping"
        ),
        "2.B.4.h": (
            "evaluation, programme evaluation, program evaluation, kpis, performance metrics, "
            "impact assessment, process improvement, continuous improvement, lean, six sigma"
        ),
        "2.B.5.a": "scheduling, planning, deadlines, organisation, organization, time-boxing",
        "2.B.5.b": (
            "budgeting, budget, budgets, finance, financial planning, accounting, bookkeeping, "
            "cost control, financial analysis, forecasting, p&l"
        ),
        "2.B.5.c": (
            "inventory, inventory management, logistics, supply chain, procurement, purchasing, "
            "facilities management, asset management"
        ),
        "2.B.5.d": (
            "people management, team leadership, leadership, hiring, recruiting, recruitment, "
            "line management, team management, managing a team, led a team, performance "
            "management, staff development"
        ),
    }.items()
}

# Single words too common in ordinary sentences to be spotted in free text (they still
# match when the résumé lists them as a skill).
_NOT_IN_SENTENCES = frozenset(
    _words(
        "angular, cad, deadlines, driving, editing, evaluation, finance, git, inspection, java, "
        "lean, listening, logic, maintenance, math, maths, organisation, organization, planning, "
        "presenting, qa, react, reading, reasoning, repair, repairs, reporting, rust, sre, "
        "strategy, swift, testing, training, ux, vue"
    )
)
_STOPWORDS = frozenset(
    {"and", "of", "the", "a", "an", "in", "for", "to", "with", "on", "skills", "skill", "&"}
)
# Words keep the signs that make them a different word: c++, c#, node.js, ci/cd, p&l.
_TOKEN = re.compile(r"[^\W_][\w+#.&/-]*[\w+#]|[^\W_]")


class ResumeError(ValueError):
    """The file cannot be read as a JSON Resume; the message says why, for the client."""


@dataclass(frozen=True)
class Candidate:
    """A skill phrase found in the résumé, and where."""

    phrase: str
    source: str  # "Skills", "Project “Atlas”", "Work at Acme" ...
    level: str = ""  # the résumé's own level word, as written
    proficiency: str | None = None  # that word read as a PROFICIENCY key
    # Spotted in a sentence (a highlight, a summary, a course), not named as a skill by the
    # person: a guess to offer, never to take for them.
    spotted: bool = False
    language: bool = False  # a language the person speaks: their own skill, not O*NET's


@dataclass(frozen=True)
class Match:
    element_id: str | None  # None: no O*NET skill fits; keep it as the client's own
    confidence: float  # 0-1
    reason: str


@dataclass(frozen=True)
class Proposal:
    candidate: Candidate
    match: Match


@dataclass(frozen=True)
class ResumeSkills:
    proposals: tuple[Proposal, ...]
    notes: tuple[str, ...]  # what was left out, in plain words


# --- reading the file -------------------------------------------------------------------------


def read_resume(data: bytes) -> dict[str, Any]:
    """The JSON Resume document in `data`, or ResumeError saying what is wrong with it."""
    if len(data) > MAX_BYTES:
        raise ResumeError("This file is larger than 1 MB; a JSON Resume is usually far smaller.")
    if not data.strip():
        raise ResumeError("This file is empty.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ResumeError(
            "This file is not text: choose the .json file of a JSON Resume, not a PDF or "
            "a Word document."
        ) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ResumeError(
            f"This file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    except RecursionError:
        raise ResumeError("This file nests too deeply to be a JSON Resume.") from None
    if not isinstance(document, dict):
        raise ResumeError(
            "A JSON Resume is one JSON object with sections such as basics, work and skills; "
            "this file holds something else."
        )
    if not SECTIONS & document.keys():
        raise ResumeError(
            "This JSON file does not look like a JSON Resume: it has none of its sections "
            "(basics, work, skills, projects, languages ...)."
        )
    return document


# --- finding phrases --------------------------------------------------------------------------


def tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text.casefold()))


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:.-")


def proficiency_of(level: str) -> str | None:
    """A résumé's level word ("Advanced", "Native speaker") as a proficiency key, if any."""
    for word in tokens(level):
        if word in LEVEL_WORDS:
            return LEVEL_WORDS[word]
    return None


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _entries(document: Mapping[str, Any], section: str, notes: list[str]) -> list[dict[str, Any]]:
    value = document.get(section)
    if value is None:
        return []
    if not isinstance(value, list):
        notes.append(f"The “{section}” section is not a list, so it was left out.")
        return []
    return [v for v in value if isinstance(v, dict)]


def _spotting_table() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """(tokens, phrase as shown) of every word spotted in sentences, by first token, longest
    first."""
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    words = [w for ws in SYNONYMS.values() for w in ws] + [s.name.casefold() for s in ONET_SKILLS]
    for word in dict.fromkeys(words):
        if " " in word or (len(word) >= 4 and word not in _NOT_IN_SENTENCES):
            pattern = tokens(word)
            table.setdefault(pattern[0], []).append((pattern, word))
    for patterns in table.values():
        patterns.sort(key=lambda item: -len(item[0]))
    return table


def spot(text: str) -> list[str]:
    """The table's words found in a sentence, left to right, the longest at each place."""
    words = tokens(text)
    found: list[str] = []
    i = 0
    while i < len(words):
        for pattern, shown in _SPOTTING.get(words[i], ()):
            if words[i : i + len(pattern)] == pattern:
                found.append(shown)
                i += len(pattern)
                break
        else:
            i += 1
    return found


_SPOTTING = _spotting_table()


def _free_text(entry: Mapping[str, Any]) -> Iterator[str]:
    for key in ("summary", "description"):
        yield from _strings(entry.get(key))
    yield from _strings(entry.get("highlights"))


def candidates(document: Mapping[str, Any]) -> tuple[tuple[Candidate, ...], tuple[str, ...]]:
    """Every skill phrase in the document, each once (the first place it appears, with the
    highest level any place gives it), and notes on what was left out."""
    notes: list[str] = []
    found: list[Candidate] = []
    too_long: list[str] = []

    def add(phrase: str, source: str, level: str = "", **kind: bool) -> None:
        phrase = _clean(phrase)
        if not phrase or not tokens(phrase):
            return
        if len(phrase) > LONGEST_PHRASE:
            too_long.append(phrase)
            return
        found.append(Candidate(phrase, source, _clean(level), proficiency_of(level), **kind))

    def spot_in(texts: list[str], source: str) -> None:
        for text in texts:
            for phrase in spot(text):
                add(phrase, source, spotted=True)

    for skill in _entries(document, "skills", notes):
        level = next(iter(_strings(skill.get("level"))), "")
        for name in _strings(skill.get("name")):
            add(name, "Skills", level)
        for keyword in _strings(skill.get("keywords")):
            add(keyword, "Skills", level)
    for project in _entries(document, "projects", notes):
        name = next(iter(_strings(project.get("name"))), "")
        where = f"Project “{name}”" if name else "Projects"
        for keyword in _strings(project.get("keywords")):
            add(keyword, where)
        spot_in(list(_free_text(project)), where)
    for language in _entries(document, "languages", notes):
        for name in _strings(language.get("language")):
            fluency = next(iter(_strings(language.get("fluency"))), "")
            add(name, "Languages", fluency, language=True)
    basics = document.get("basics")
    if isinstance(basics, dict):
        spot_in(_strings(basics.get("summary")) + _strings(basics.get("label")), "Summary")
    for section, label in (("work", "Work"), ("volunteer", "Volunteering")):
        for entry in _entries(document, section, notes):
            place = next(iter(_strings(entry.get("name") or entry.get("organization"))), "")
            source = f"{label} at {place}" if place else label
            spot_in(_strings(entry.get("position")) + list(_free_text(entry)), source)
    for study in _entries(document, "education", notes):
        place = next(iter(_strings(study.get("institution"))), "")
        source = f"Studies at {place}" if place else "Education"
        texts = [*_strings(study.get("area")), *_strings(study.get("studyType"))]
        spot_in(texts + _strings(study.get("courses")), source)
    for certificate in _entries(document, "certificates", notes):
        name = next(iter(_strings(certificate.get("name"))), "")
        spot_in([name], f"Certificate “{name}”" if name else "Certificates")
    if too_long:
        notes.append(
            f"Left out {len(too_long)} skill{'s' if len(too_long) > 1 else ''} too long to be "
            f"a name (such as “{too_long[0][:40]}…”)."
        )
    return _dedupe(found, notes), tuple(dict.fromkeys(notes))


def _rank(proficiency: str | None) -> int:
    return LEVELS.get(proficiency or "", 0)


def _dedupe(found: list[Candidate], notes: list[str]) -> tuple[Candidate, ...]:
    unique: dict[str, Candidate] = {}
    for c in found:
        key = " ".join(tokens(c.phrase))
        first = unique.get(key)
        if first is None:
            unique[key] = c
        else:
            if _rank(c.proficiency) > _rank(first.proficiency):
                first = replace(first, level=c.level, proficiency=c.proficiency)
            if first.spotted and not c.spotted:
                # Named as a skill somewhere: the person's own word, not just our guess.
                first = replace(first, source=c.source, spotted=False, language=c.language)
            unique[key] = first
    kept = list(unique.values())
    if len(kept) > MAX_CANDIDATES:
        notes.append(
            f"The résumé names {len(kept)} skills; the first {MAX_CANDIDATES} are shown here."
        )
    return tuple(kept[:MAX_CANDIDATES])


# --- matching ---------------------------------------------------------------------------------


def _stem(word: str) -> str:
    # Crude, on purpose: enough for "writer"/"writing"/"written" to meet at "writ".
    for suffix in ("ing", "ers", "er", "ion", "en", "es", "s", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _content(words: tuple[str, ...]) -> set[str]:
    return {_stem(w) for w in words if w not in _STOPWORDS}


_BY_SYNONYM = {tokens(word): (eid, word) for eid, words in SYNONYMS.items() for word in words}


def match_skill(phrase: str, names: Mapping[str, str] | None = None) -> Match:
    """The O*NET skill a phrase most likely belongs to, how sure, and why.

    `names` maps element ids to the names to use (the imported release's); the built-in
    list fills any gap."""
    labels = {s.element_id: s.name for s in ONET_SKILLS} | dict(names or {})
    words = tokens(phrase)
    if not words:
        return Match(None, 0.0, "There is no word here to match.")
    for eid, name in labels.items():
        if words == tokens(name):
            return Match(eid, 1.0, f"This is the name of the O*NET skill {name}.")
    if words in _BY_SYNONYM:
        eid, word = _BY_SYNONYM[words]
        return Match(eid, 0.9, f"“{word}” is in our list of words for {labels[eid]}.")
    n = len(words)
    inside = [
        (len(pattern), eid, word)
        for pattern, (eid, word) in _BY_SYNONYM.items()
        if any(words[i : i + len(pattern)] == pattern for i in range(n - len(pattern) + 1))
    ]
    if inside:
        _, eid, word = max(inside, key=lambda item: item[0])
        return Match(eid, 0.7, f"It contains “{word}”, a word we link with {labels[eid]}.")
    mine = _content(words)
    best: tuple[float, str, list[str]] | None = None
    for eid, name in labels.items():
        shared = mine & _content(tokens(name))
        if shared:
            score = len(shared) / len(mine | _content(tokens(name)))
            if best is None or score > best[0]:
                best = (score, eid, sorted(w for w in tokens(name) if _stem(w) in shared))
    if best is not None:
        score, eid, shared_words = best
        words_shown = " and ".join(f"“{w}”" for w in shared_words)
        return Match(
            eid,
            round(0.3 + 0.3 * score, 2),
            f"It shares {words_shown} with the O*NET skill {labels[eid]}.",
        )
    return Match(None, 0.0, "No O*NET skill matches these words: it can be a skill of your own.")


def resume_skills(data: bytes, names: Mapping[str, str] | None = None) -> ResumeSkills:
    """Read a JSON Resume file and propose an O*NET skill for each phrase found in it."""
    found, notes = candidates(read_resume(data))
    if not found:
        notes = (*notes, "No skills were found in this résumé.")
    return ResumeSkills(tuple(Proposal(c, _match(c, names)) for c in found), notes)


LANGUAGE_REASON = (
    "A language you speak: O*NET has no skill for a language, so keep it as a skill of your own."
)


def _match(candidate: Candidate, names: Mapping[str, str] | None) -> Match:
    if candidate.language:
        # "English" is not O*NET's Speaking or Writing, whatever the words share.
        return Match(None, 0.0, LANGUAGE_REASON)
    return match_skill(candidate.phrase, names)


def preselected(candidate: Candidate, match: Match) -> str | None:
    """What the review starts at for a proposal: the O*NET skill only for a skill the person
    named and we are sure of; their own words for one they named that no skill fits; nothing
    (skip) for guesses and for phrases we spotted in their sentences, which stay on offer."""
    if candidate.spotted:
        return None
    if match.element_id is None:
        return "own"
    return match.element_id if match.confidence >= SURE else None


SURE = 0.85


def confidence_words(confidence: float) -> str:
    if confidence >= SURE:
        return "sure"
    if confidence >= 0.6:
        return "likely"
    if confidence > 0:
        return "a guess"
    return "no match"
