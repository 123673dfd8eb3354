"""Career exploration pages: where past work could lead, and work that fits one's interests.

Both are GET forms for anyone signed in, coach or client, over the current O*NET release
(the calm no-data page when there is none). Results are options to look into, each with
its reasons and an open question; the computation is headway.core.occupations.pathways and
headway.core.occupations.interests, over the index of headway.onet.pathways.

A `?e=<engagement id>` the visitor may see leads back to that journey, so a coaching
stage's tools can link to these pages.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse

from headway.accounts.http import HtmxHttpRequest, current_user
from headway.accounts.models import User
from headway.core.occupations.interests import (
    RIASEC,
    InterestMatch,
    describe_interests,
    high_points,
)
from headway.core.occupations.interests import holland_code as profile_holland_code
from headway.core.occupations.interests import match_interests as core_match_interests
from headway.core.occupations.pathways import ElementChange, Narrowing, Pathway, Source
from headway.core.occupations.pathways import pathways as core_pathways
from headway.core.occupations.similarity import OccupationIndex
from headway.engagements.models import Engagement, Intake
from headway.onet.forms import InterestsForm, PathwaysForm, Skill
from headway.onet.models import Release
from headway.onet.pathways import NoOnetData, pathway_index
from headway.onet.views import _engagement_from

RESULTS = 10
INTEREST_RESULTS = 20
TRANSFERS_SHOWN = 4
GAPS_SHOWN = 3
INTERESTS_QUESTION = "Which of these surprise you, and which would you like to know more about?"


@dataclass(frozen=True)
class PathwayRow:
    """One pathway as the page shows it."""

    pathway: Pathway
    url: str  # its occupation page, leading back here

    @property
    def closeness(self) -> int:
        return round(100 * self.pathway.score)

    @property
    def transfers(self) -> tuple[ElementChange, ...]:
        return self.pathway.transfers[:TRANSFERS_SHOWN]

    @property
    def gaps(self) -> tuple[ElementChange, ...]:
        return self.pathway.gaps[:GAPS_SHOWN]

    @property
    def zone_change(self) -> str:
        return zone_change_words(self.pathway.job_zone, self.pathway.job_zone_change)

    @property
    def shared_interests(self) -> str:
        return describe_interests([RIASEC.index(s) for s in self.pathway.shared_interests])


@dataclass(frozen=True)
class InterestMatches:
    """What `interest_matches` finds for a profile."""

    holland_code: str  # the profile's three strongest interests, e.g. "IAS"
    strongest: tuple[str, ...]  # the interests above the profile's own mean
    high_points: str  # the same in words: "Investigative and Artistic"
    matches: tuple[InterestMatch, ...]
    question: str = INTERESTS_QUESTION


@dataclass(frozen=True)
class MatchRow:
    match: InterestMatch
    url: str


def zone_change_words(target: int | None, change: int | None) -> str:
    """ "Needs more preparation: job zone 3 → 4", in words a person can weigh."""
    if target is None:
        return ""
    if change is None:
        return f"Job zone {target}"
    source = target - change
    if change > 0:
        return f"Needs more preparation: job zone {source} → {target}"
    if change < 0:
        return f"Needs less preparation: job zone {source} → {target}"
    return f"Similar preparation: job zone {target}"


# --- transition pathways -------------------------------------------------------------------


@login_required
def occupation_pathways(request: HtmxHttpRequest) -> HttpResponse:
    context, release, engagement = _context(request)
    index = _index(release)
    if release is None or index is None:
        context["then"] = "shows where past work could lead"
        return render(request, "onet/no_data.html", context)
    submitted = _submitted(request)
    role, rated = ("", ()) if submitted else _prefill(request, engagement)
    form = PathwaysForm(
        request.GET if submitted else None,
        release=release,
        skills=skills_of(index),
        role=role,
        rated=rated,
    )
    if form.is_valid():
        source = Source(codes=tuple(form.codes), skills=form.skills or None)
        back = reverse("occupation_pathways") + f"?{form.query()}"
        results = [
            PathwayRow(p, _occupation_url(p.code, back, engagement))
            for p in ranked_pathways(
                index,
                source,
                form.zones,
                leave_family=form.cleaned_data["leave_field"],
                count=form.count,
            )
        ]
        context["results"] = results
        context["more_query"] = form.more_query() if len(results) >= form.count else None
        context["board"] = _board(request, engagement)
        context["self_rated"] = bool(form.skills)
        context["shown"] = len(results)
        # The full page of these results, for "Add to my board" to come back to.
        back_path = reverse("occupation_pathways") + f"?{form.query()}"
        if form.count > RESULTS:
            back_path += f"&shown={form.count}"
        context["back_path"] = back_path
        if request.htmx and form.count > RESULTS:
            # "Show 10 more" with htmx: only the new rows, appended, the next link and the
            # heading's count (both swapped out of band).
            start = form.count - RESULTS
            context.update(rows=results[start:], start=start, form=form)
            return HttpResponse(
                render_to_string("onet/pathways.html#rows", context, request)
                + render_to_string("onet/pathways.html#more", context, request)
                + render_to_string("onet/pathways.html#count", context, request)
            )
        context.update(rows=results, start=0)
    context["form"] = form
    return render(request, "onet/pathways.html", context)


# Where a person's own skill ratings come from: discovery registers its motivated-skills
# results here from its AppConfig.ready (onet sits below discovery and never imports it).
RatedSkills = Callable[[Engagement, User], tuple[tuple[str, int], ...]]
_rated_skills: list[RatedSkills] = []


def register_rated_skills(source: RatedSkills) -> None:
    if source not in _rated_skills:
        _rated_skills.append(source)


def _prefill(
    request: HttpRequest, engagement: Engagement | None
) -> tuple[str, tuple[tuple[str, int], ...]]:
    """What the journey already says: the role from the sent intake, and the skills the
    person rated in their latest results. The form starts from these; nothing runs until
    the person asks."""
    if engagement is None:
        return "", ()
    intake = Intake.objects.filter(engagement=engagement, submitted_at__isnull=False).first()
    role = intake.current_role if intake is not None else ""
    for source in _rated_skills:
        if rated := source(engagement, current_user(request)):
            return role, rated
    return role, ()


def skills_of(index: OccupationIndex) -> list[Skill]:
    """The O*NET skills a person may rate: those the release rates occupations on."""
    return [
        Skill(element_id, name)
        for element_id, name, domain in zip(
            index.element_ids, index.element_names, index.domains, strict=True
        )
        if domain == "skill"
    ]


def ranked_pathways(
    index: OccupationIndex,
    source: Source,
    zones: Collection[int] = (),
    *,
    leave_family: bool = False,
    count: int = RESULTS,
) -> tuple[Pathway, ...]:
    """The best `count` pathways, only into the given job zones when any are given, and
    outside the source's own family of occupations when asked."""
    narrowing = Narrowing(job_zones=frozenset(zones), leave_family=leave_family)
    return core_pathways(index, source, top=count, narrowing=narrowing)


# --- interest matching -----------------------------------------------------------------------


@login_required
def occupation_interests(request: HttpRequest) -> HttpResponse:
    context, release, engagement = _context(request)
    index = _index(release)
    if release is None or index is None:
        context["then"] = "matches interests with occupations"
        return render(request, "onet/no_data.html", context)
    form = InterestsForm(request.GET if _submitted(request) else None)
    if form.is_valid():
        found = interest_matches(form.profile, form.zones, index=index)
        back = reverse("occupation_interests") + f"?{request.GET.urlencode()}"
        context["profile"] = found
        context["results"] = [
            MatchRow(m, _occupation_url(m.code, back, engagement)) for m in found.matches
        ]
    context["form"] = form
    return render(request, "onet/interests.html", context)


def interest_matches(
    profile: Sequence[float],
    job_zones: Collection[int] = (),
    *,
    index: OccupationIndex | None = None,
    top: int = INTEREST_RESULTS,
) -> InterestMatches:
    """Occupations that fit a RIASEC profile, and the profile's Holland code.

    The hook for the interests assessment (the "interests" tool of a coaching stage,
    still to come): it scores its answers into six ratings in RIASEC order, on any
    scale, and calls this with them, or sends the person to `interests_url(profile)`
    to see the matches on this page. ValueError for a flat profile; NoOnetData when
    no release is imported.
    """
    index = index or pathway_index()
    points = high_points(profile)
    return InterestMatches(
        holland_code=profile_holland_code(profile),
        strongest=tuple(RIASEC[i] for i in points),
        high_points=describe_interests(points),
        matches=core_match_interests(index, profile, job_zones=job_zones or None, top=top),
    )


def interests_url(profile: Sequence[float], job_zones: Collection[int] = ()) -> str:
    """This page with a profile filled in, as whole numbers on the form's 1-7.

    A profile on another scale (raw scores, say) is first stretched onto 1-7: only its
    shape counts, and a linear change keeps the shape.
    """
    values = [float(v) for v in profile]
    low, high = min(values), max(values)
    if (low < 1 or high > 7) and high > low:
        values = [1 + 6 * (v - low) / (high - low) for v in values]
    params: list[tuple[str, object]] = [
        (name.lower(), min(7, max(1, round(value))))
        for name, value in zip(RIASEC, values, strict=True)
    ]
    params += [("zone", z) for z in sorted(job_zones)]
    return reverse("occupation_interests") + "?" + urlencode(params)


# --- shared ----------------------------------------------------------------------------------


def _context(
    request: HttpRequest,
) -> tuple[dict[str, object], Release | None, Engagement | None]:
    engagement = _engagement_from(request)
    nav = "occupations"
    if engagement is not None:
        nav = "dashboard" if engagement.is_coach(current_user(request)) else "journey"
    release = Release.current()
    return {"nav": nav, "e": engagement, "release": release}, release, engagement


def _index(release: Release | None) -> OccupationIndex | None:
    if release is None:
        return None
    try:
        return pathway_index()
    except NoOnetData:  # the release went away in between
        return None


def _board(request: HttpRequest, engagement: Engagement | None) -> frozenset[str] | None:
    """The occupation codes on the engagement's board, when the visitor may add to it
    (its client, while the journey is open); None when there is no board to add to."""
    if engagement is None or not engagement.client_may_write(current_user(request)):
        return None
    return frozenset(
        engagement.options.active()
        .exclude(occupation_code="")
        .values_list("occupation_code", flat=True)
    )


def _submitted(request: HttpRequest) -> bool:
    """A form was sent (anything but the engagement the page belongs to)."""
    return any(key != "e" for key in request.GET)


def _occupation_url(code: str, back: str, engagement: Engagement | None) -> str:
    """An occupation page that leads back to these results (and to the journey, if any)."""
    params = {"back": back, **({"e": str(engagement.pk)} if engagement else {})}
    return reverse("occupation_detail", args=[code]) + "?" + urlencode(params)
