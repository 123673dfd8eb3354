"""Occupation search and occupation pages, for anyone signed in, coach or client.

The same search serves a coaching stage's "Explore occupations" tool, inside the
engagement it belongs to, so the way back leads to the journey.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from headway.accounts.http import current_user
from headway.core.occupations.search import Quality
from headway.engagements.access import get_engagement
from headway.engagements.models import Engagement
from headway.onet.models import Occupation, Release
from headway.onet.pathways import NoOnetData, related_for_code
from headway.onet.profile import job_zone_label, occupation_profile
from headway.onet.search import occupation_index

RESULTS = 20  # shown at first: a long list is a cue to add a word
MORE_RESULTS = 100
LONGEST_QUERY = 200
EXAMPLES = ("nurse", "software developer", "electrician", "teacher", "accountant")
RELATED = 5  # on an occupation page: a few, to show where it could lead
# Pages an occupation page may lead back to, with the link's words.
BACK_TO = {
    "occupation_pathways": "Back to the pathways",
    "occupation_interests": "Back to the matches",
}


@login_required
def occupation_search(request: HttpRequest) -> HttpResponse:
    return _search_page(request, engagement=None)


@login_required
def engagement_occupations(request: HttpRequest, pk: int) -> HttpResponse:
    """The "Explore occupations" tool of a coaching stage."""
    return _search_page(request, engagement=get_engagement(request.user, pk))


def _search_page(request: HttpRequest, engagement: Engagement | None) -> HttpResponse:
    release = Release.current()
    # Inside an engagement the page belongs to the journey (the coach's: their clients).
    nav = "occupations"
    if engagement is not None:
        nav = "dashboard" if engagement.is_coach(current_user(request)) else "journey"
    context: dict[str, object] = {"nav": nav, "e": engagement, "release": release}
    if release is None:
        return render(request, "onet/no_data.html", context)
    query = request.GET.get("q", "").strip()[:LONGEST_QUERY]
    context.update(q=query, examples=EXAMPLES, carry=_carried(engagement, query))
    if query:
        more = request.GET.get("more") == "1"
        results = occupation_index(release).search(query, limit=MORE_RESULTS if more else RESULTS)
        found = Occupation.objects.select_related("job_zone").in_bulk(
            [hit.code for hit in results.hits]
        )
        rows = [
            (hit, found[hit.code], job_zone_label(found[hit.code].job_zone))
            for hit in results.hits
            if hit.code in found
        ]
        context["results"] = results
        context["rows"] = [row for row in rows if row[0].quality != Quality.PARTIAL]
        # Nothing (or little) has every word: titles with all but one, set apart.
        context["near"] = [row for row in rows if row[0].quality == Quality.PARTIAL]
        context["more_url"] = (
            "" if more or results.total <= RESULTS else f"?{urlencode({'q': query, 'more': 1})}"
        )
    return render(request, "onet/search.html", context)


@login_required
def occupation_detail(request: HttpRequest, code: str) -> HttpResponse:
    occupation = get_object_or_404(Occupation.objects.select_related("job_zone"), code=code)
    engagement = _engagement_from(request)
    query = request.GET.get("q", "").strip()[:LONGEST_QUERY]
    back, back_label = _back_from(request)
    context = {
        "nav": "occupations",
        "o": occupation,
        "p": occupation_profile(occupation),
        "zone_label": job_zone_label(occupation.job_zone),
        "release": Release.current(),
        "e": engagement,
        "back": back or _search_url(engagement, query),
        "back_label": back_label,
        "related": _related(occupation.code),
        "carry": _carried(engagement, ""),
        "pathways_url": reverse("occupation_pathways")
        + "?"
        + urlencode(
            {"occupation": occupation.code, **({"e": engagement.pk} if engagement else {})}
        ),
    }
    return render(request, "onet/occupation.html", context)


def _related(code: str) -> list[dict[str, object]]:
    """The occupations most related to this one (none when the index cannot tell)."""
    try:
        found = related_for_code(code, RELATED)
    except (NoOnetData, KeyError):
        return []
    related = found["related"]
    return related if isinstance(related, list) else []


def _back_from(request: HttpRequest) -> tuple[str, str]:
    """The pathways or interest matches an occupation page was reached from, if any.

    Only those two pages of this site are followed, so the link cannot lead elsewhere.
    """
    back = request.GET.get("back", "")
    for name, label in BACK_TO.items():
        url = reverse(name)
        if back == url or back.startswith(f"{url}?"):
            return back, label
    return "", ""


def _engagement_from(request: HttpRequest) -> Engagement | None:
    """The engagement an occupation page was reached from, when the visitor may see it."""
    pk = request.GET.get("e", "")
    if not pk.isdigit():
        return None
    return Engagement.objects.visible_to(request.user).filter(pk=int(pk)).first()


def _search_url(engagement: Engagement | None, query: str) -> str:
    url = (
        reverse("engagement_occupations", args=[engagement.pk])
        if engagement
        else reverse("occupation_search")
    )
    return f"{url}?{urlencode({'q': query})}" if query else url


def _carried(engagement: Engagement | None, query: str) -> str:
    """What an occupation link carries, so its page can lead back to these results."""
    params = {"q": query} if query else {}
    if engagement:
        params["e"] = str(engagement.pk)
    return f"?{urlencode(params)}" if params else ""
