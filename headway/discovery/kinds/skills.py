"""Motivated skills: O*NET's 35 skills and the client's own, each rated on how well they do
it and how they feel about using it; scored by headway.core.assessments.motivated_skills.

Responses (what the take page autosaves; the API may PUT the same shape)::

    {
      "ratings": {                      # O*NET skills, by Content Model element id
        "2.B.3.e": {"proficiency": "expert", "enjoyment": "love"}
      },                                # either answer may be missing while undecided
      "own": [                          # skills in the client's words, in their order
        {"id": "o1", "name": "Facilitation", "proficiency": "strong", "enjoyment": "love"}
      ],
      "from_resume": {"2.B.3.e": ["Python", "JavaScript"]},   # optional: résumé phrases
      "import": {...}                   # optional: a JSON Resume import awaiting review
    }

proficiency is one of "learning", "capable", "strong", "expert"; enjoyment one of "love",
"happy", "rather_not". At least 8 skills need both answers to finish; the rest may stay
unrated. "import" holds {"file", "proposals": [{"phrase", "source", "level",
"proficiency", "element_id", "confidence", "reason"}], "notes": [...]} until the client
confirms or cancels the review (skills_views.py, which imports this module, never the reverse).

Result (frozen at completion)::

    {
      "rated": 12,
      "motivated": ["Programming", "Facilitation"],           # names, strongest first
      "quadrants": [                    # motivated, burnout, growth, less_central, steady
        {"key": "motivated", "title": "...", "about": "...", "questions": ["..."],
         "skills": [{"name": "Programming", "element_id": "2.B.3.e", "proficiency": "expert",
                     "proficiency_label": "Expert", "enjoyment": "love",
                     "enjoyment_label": "Love to use", "level": 6}]}
      ],
      "profile": [{"element_id": "2.B.3.e", "name": "Programming", "level": 6}],
      "pathway_skills": [{"element_id": "2.B.3.e", "level": 6}]   # up to 8, for pathways
    }

"element_id" is null for the client's own skills. "profile" holds every rated O*NET skill on
O*NET's 0-7 level scale (learning 2, capable 4, strong 5, expert 6; see core.motivated_skills),
highest first; "pathway_skills" are the motivated O*NET skills that prefill transition pathways.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.urls import reverse

from headway.accounts.models import User
from headway.core.assessments.motivated_skills import (
    ENJOYMENT,
    MIN_RATED,
    ONET_SKILL_IDS,
    ONET_SKILLS,
    PROFICIENCY,
    NotEnoughRated,
    SkillRating,
    motivated_changes,
    skills_profile,
)
from headway.discovery.kinds import KindSpec, Responses, Result
from headway.discovery.models import Assessment, Kind
from headway.engagements.models import Engagement
from headway.onet.forms import MAX_SKILLS, SKILL_GROUPS
from headway.onet.models import Element, Release

MAX_OWN = 20
LONGEST_NAME = 80
BLANK_OWN_ROWS = 3
_OWN_ID = re.compile(r"o\d{1,4}")
_OWN_FIELD = re.compile(r"own_(o\d{1,4})_(name|prof|enjoy)")
_FIELDS = {"prof": ("proficiency", PROFICIENCY), "enjoy": ("enjoyment", ENJOYMENT)}


def skill_names() -> dict[str, str]:
    """Element id -> name of the 35 skills: the imported release's names where present."""
    names = {s.element_id: s.name for s in ONET_SKILLS}
    names.update(Element.objects.filter(id__in=ONET_SKILL_IDS).values_list("id", "name"))
    return names


def field_id(element_id: str) -> str:
    return element_id.replace(".", "-")


# --- shapes -----------------------------------------------------------------------------------


def _answer(value: Any, choices: dict[str, str], what: str) -> str:
    """A proficiency or enjoyment key; "" when not answered yet."""
    if value is None or value == "":
        return ""
    if not isinstance(value, str) or value not in choices:
        raise ValidationError(f"{what} must be one of: {', '.join(choices)} (got {value!r}).")
    return value


def ratings_of(responses: Responses) -> dict[str, dict[str, str]]:
    raw = responses.get("ratings")
    raw = {} if raw is None else raw
    if not isinstance(raw, dict):
        raise ValidationError(
            "“ratings” must be an object of O*NET skill ids, each with proficiency and enjoyment."
        )
    ratings = {}
    for element_id, answers in raw.items():
        if element_id not in ONET_SKILL_IDS:
            raise ValidationError(f"“ratings” names {element_id!r}, which is not an O*NET skill.")
        if not isinstance(answers, dict):
            raise ValidationError(f"ratings[{element_id}] must be an object.")
        ratings[element_id] = {
            key: answer
            for key, choices in (("proficiency", PROFICIENCY), ("enjoyment", ENJOYMENT))
            if (answer := _answer(answers.get(key), choices, f"ratings[{element_id}].{key}"))
        }
    return ratings


def own_of(responses: Responses) -> list[dict[str, str]]:
    """The client's own skills, each with an id (given here to any that arrived without)."""
    raw = responses.get("own")
    raw = [] if raw is None else raw
    if not isinstance(raw, list):
        raise ValidationError("“own” must be a list of skills, each with a name.")
    if len(raw) > MAX_OWN:
        raise ValidationError(f"Up to {MAX_OWN} skills of your own.")
    own: list[dict[str, str]] = []
    for n, item in enumerate(raw):
        if not isinstance(item, dict):
            raise ValidationError(f"own[{n}] must be an object with a name.")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ValidationError(f"own[{n}] needs a name.")
        if len(name.strip()) > LONGEST_NAME:
            raise ValidationError(f"own[{n}]: keep the name under {LONGEST_NAME} characters.")
        entry = {"id": str(item.get("id", "")), "name": " ".join(name.split())}
        for key, choices in (("proficiency", PROFICIENCY), ("enjoyment", ENJOYMENT)):
            if answer := _answer(item.get(key), choices, f"own[{n}].{key}"):
                entry[key] = answer
        own.append(entry)
    # The take page names its fields by these ids, so each must be valid and unique.
    taken = {e["id"] for e in own}
    fresh = (f"o{n}" for n in range(1, 10_000) if f"o{n}" not in taken)
    seen: set[str] = set()
    for entry in own:
        if not _OWN_ID.fullmatch(entry["id"]) or entry["id"] in seen:
            entry["id"] = next(fresh)
        seen.add(entry["id"])
    return own


# --- the spec ---------------------------------------------------------------------------------


def _salvage(responses: Responses) -> tuple[dict[str, dict[str, str]], list[dict[str, str]]]:
    """The saved ratings and own skills; a part the API stored in a shape the page cannot
    show starts afresh, so that the client is never stuck unable to save."""
    try:
        ratings = ratings_of(responses)
    except ValidationError:
        ratings = {}
    try:
        own = own_of(responses)
    except ValidationError:
        own = []
    return ratings, own


def apply(responses: Responses, data: QueryDict) -> Responses:
    """Merge posted answers: `prof_<id>`/`enjoy_<id>` for O*NET skills, `own_<oid>_name`,
    `own_<oid>_prof`, `own_<oid>_enjoy` for the client's own. Fields not posted keep their
    saved answers; an empty answer clears it; an empty own name removes that skill."""
    ratings, own_list = _salvage(responses)
    own = {e["id"]: e for e in own_list}
    for key in data:
        prefix, _, rest = key.partition("_")
        if prefix in _FIELDS and rest:
            if rest not in ONET_SKILL_IDS:
                raise ValidationError(f"{rest!r} is not an O*NET skill.")
            name, choices = _FIELDS[prefix]
            answers = ratings.setdefault(rest, {})
            if value := _answer(data.get(key, "").strip(), choices, name.capitalize()):
                answers[name] = value
            else:
                answers.pop(name, None)
    for oid in dict.fromkeys(m.group(1) for k in data if (m := _OWN_FIELD.fullmatch(k))):
        if f"own_{oid}_name" in data:
            name = " ".join(data.get(f"own_{oid}_name", "").split())
            if not name:
                own.pop(oid, None)
                continue
            if len(name) > LONGEST_NAME:
                raise ValidationError(f"Keep each skill's name under {LONGEST_NAME} characters.")
            own.setdefault(oid, {"id": oid})["name"] = name
        if oid not in own:
            continue  # answers for an empty row wait until it has a name
        for part, (name, choices) in _FIELDS.items():
            if f"own_{oid}_{part}" in data:
                value = _answer(data.get(f"own_{oid}_{part}", "").strip(), choices, "An answer")
                if value:
                    own[oid][name] = value
                else:
                    own[oid].pop(name, None)
    if len(own) > MAX_OWN:
        raise ValidationError(f"Up to {MAX_OWN} skills of your own.")
    return {
        **responses,
        "ratings": {k: v for k, v in ratings.items() if v},
        "own": list(own.values()),
    }


def _complete(responses: Responses) -> list[SkillRating]:
    ratings, own = ratings_of(responses), own_of(responses)  # the shape first, then the names
    names = skill_names()
    rated = [
        SkillRating(names[eid], a["proficiency"], a["enjoyment"], eid)
        for eid, a in sorted(ratings.items())
        if "proficiency" in a and "enjoyment" in a
    ]
    rated += [
        SkillRating(e["name"], e["proficiency"], e["enjoyment"])
        for e in own
        if "proficiency" in e and "enjoyment" in e
    ]
    return rated


def rated_count(responses: Responses) -> int:
    try:
        return len(_complete(responses))
    except ValidationError:
        return 0


def _skill(r: SkillRating) -> dict[str, Any]:
    return {
        "name": r.name,
        "element_id": r.element_id,
        "proficiency": r.proficiency,
        "proficiency_label": PROFICIENCY[r.proficiency],
        "enjoyment": r.enjoyment,
        "enjoyment_label": ENJOYMENT[r.enjoyment],
        "level": r.level,
    }


def score(responses: Responses) -> Result:
    if not isinstance(responses, dict):
        raise ValidationError("The responses must be an object with “ratings” and “own”.")
    try:
        profile = skills_profile(_complete(responses))
    except NotEnoughRated as exc:
        raise ValidationError(str(exc)) from None
    names = skill_names()
    return {
        "rated": profile.rated,
        "motivated": [r.name for r in profile.motivated],
        "quadrants": [
            {
                "key": q.spec.key,
                "title": q.spec.title,
                "about": q.spec.about,
                "questions": list(q.spec.questions),
                "skills": [_skill(r) for r in q.skills],
            }
            for q in profile.quadrants
        ],
        "profile": [
            {"element_id": eid, "name": names[eid], "level": level} for eid, level in profile.levels
        ],
        "pathway_skills": [
            {"element_id": eid, "level": level} for eid, level in profile.pathway_skills
        ],
    }


def headline(result: Result) -> str:
    motivated = [str(n) for n in result.get("motivated") or []]
    if not motivated:
        return f"No motivated skills yet ({result.get('rated', 0)} skills rated)"
    shown = ", ".join(motivated[:3])
    more = f" and {len(motivated) - 3} more" if len(motivated) > 3 else ""
    return f"Motivated: {shown}{more}"


def changes(before: Result, after: Result) -> list[str]:
    return motivated_changes(
        [str(n) for n in before.get("motivated") or []],
        [str(n) for n in after.get("motivated") or []],
    )


def context(responses: Responses, step: str) -> dict[str, Any]:
    ratings, own = _salvage(responses)
    names = skill_names()
    from_resume = responses.get("from_resume")
    from_resume = from_resume if isinstance(from_resume, dict) else {}
    groups: dict[str, list[dict[str, Any]]] = {}
    for s in ONET_SKILLS:
        group = SKILL_GROUPS.get(s.element_id.rsplit(".", 1)[0], "Other skills")
        groups.setdefault(group, []).append(
            {
                "element_id": s.element_id,
                "field": field_id(s.element_id),
                "name": names[s.element_id],
                "blurb": s.blurb,
                "from_resume": [
                    p for p in from_resume.get(s.element_id) or [] if isinstance(p, str)
                ],
                **ratings.get(s.element_id, {}),
            }
        )
    used = {e["id"] for e in own}
    room = min(BLANK_OWN_ROWS, MAX_OWN - len(own))
    blanks = [f"o{n}" for n in range(1, len(used) + room + 1) if f"o{n}" not in used]
    return {
        "groups": list(groups.items()),
        "own_rows": own + [{"id": oid} for oid in blanks[:room]],
        "proficiency_choices": list(PROFICIENCY.items()),
        "enjoyment_choices": list(ENJOYMENT.items()),
        "rated": rated_count(responses),
        "min_rated": MIN_RATED,
        "pending_import": isinstance(responses.get("import"), dict),
        "release": Release.current(),
    }


def pathways_url(
    skills: list[dict[str, Any]], *, allowed: set[str] | None = None, engagement: int | None = None
) -> str:
    """The transition pathways page with these skills (element id and 0-7 level) filled in:
    at most the form's eight, and only skills the current release rates when `allowed`."""
    params: list[tuple[str, object]] = []
    kept = [
        s
        for s in skills
        if isinstance(s, dict)
        and s.get("element_id") in (ONET_SKILL_IDS if allowed is None else allowed)
        and isinstance(s.get("level"), int | float)
    ]
    for n, s in enumerate(kept[:MAX_SKILLS], start=1):
        params += [(f"skill_{n}", s["element_id"]), (f"level_{n}", int(s["level"]))]
    if engagement is not None:
        params.append(("e", engagement))
    return reverse("occupation_pathways") + (f"?{urlencode(params)}" if params else "")


SPEC = KindSpec(
    kind=Kind.SKILLS,
    intro=(
        "Say how well you do each skill and how you feel about using it; see the skills that "
        "give you energy, those that drain you, and where they could lead."
    ),
    take_template="discovery/skills/take.html",
    result_template="discovery/skills/result.html",
    apply=apply,
    score=score,
    headline=headline,
    context=context,
    changes=changes,
)


def latest_rated_skills(engagement: Engagement, user: User) -> tuple[tuple[str, int], ...]:
    """(element id, level) of the latest completed motivated-skills results (for the coach,
    only results shared with them): what the occupation pathways form starts from."""
    results = Assessment.objects.filter(engagement=engagement).of_kind(Kind.SKILLS)
    results = results.completed() if engagement.is_client(user) else results.seen_by_coach()
    latest = results.order_by("-completed_at", "-pk").values_list("result", flat=True).first()
    return tuple(
        (str(s["element_id"]), int(s["level"]))
        for s in ((latest or {}).get("pathway_skills") or [])
        if isinstance(s, dict) and isinstance(s.get("level"), int | float) and s.get("element_id")
    )
