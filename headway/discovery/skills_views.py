"""The motivated-skills pages beyond the generic ones: importing skills from a JSON Resume
file (upload, then a review where the client confirms each proposed O*NET skill), and the
way from a result to transition pathways.

The upload is a plain multipart form and the review a plain form post, so both work
without JavaScript. Nothing from the résumé reaches the ratings until the client confirms.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import path

from headway.accounts.http import current_user
from headway.core.assessments.jsonresume import (
    MAX_BYTES,
    ResumeError,
    confidence_words,
    preselected,
    resume_skills,
)
from headway.core.assessments.motivated_skills import ONET_SKILL_IDS, ONET_SKILLS, PROFICIENCY
from headway.discovery.access import get_assessment
from headway.discovery.kinds.skills import (
    MAX_OWN,
    own_of,
    pathways_url,
    ratings_of,
    skill_names,
)
from headway.discovery.models import Assessment, Kind
from headway.discovery.services import assessment_set_responses
from headway.onet.forms import SKILL_GROUPS
from headway.onet.models import Release
from headway.onet.pathways import NoOnetData, pathway_index

OWN, SKIP = "own", "skip"


class ResumeForm(forms.Form):
    resume = forms.FileField(
        label="Your JSON Resume file",
        help_text="A .json file in the jsonresume.org format, up to 1 MB.",
        error_messages={"required": "Choose your JSON Resume file (.json) first."},
    )

    def clean_resume(self) -> bytes:
        upload = self.cleaned_data["resume"]
        if upload.size > MAX_BYTES:
            raise ValidationError(
                "This file is larger than 1 MB; a JSON Resume is usually far smaller."
            )
        self.file_name = str(upload.name or "")[:100]
        data: bytes = upload.read(MAX_BYTES + 1)
        return data


def _assessment(request: HttpRequest, pk: int, apk: int) -> Assessment:
    """The client's own open skills assessment; the coach never edits it."""
    assessment = get_assessment(request.user, pk, Kind.SKILLS, apk)
    engagement = assessment.engagement
    if not engagement.client_may_write(current_user(request)):
        raise PermissionDenied("Only the client takes their assessments.")
    return assessment


def _skill_choices() -> list[Any]:
    names = skill_names()
    groups: dict[str, list[tuple[str, str]]] = {}
    for s in ONET_SKILLS:
        group = SKILL_GROUPS.get(s.element_id.rsplit(".", 1)[0], "Other skills")
        groups.setdefault(group, []).append((s.element_id, names[s.element_id]))
    return list(groups.items())


@login_required
def resume_upload(request: HttpRequest, pk: int, apk: int) -> HttpResponse:
    assessment = _assessment(request, pk, apk)
    if assessment.is_completed:
        return redirect(assessment)
    form = ResumeForm(request.POST, request.FILES) if request.method == "POST" else ResumeForm()
    if form.is_bound and form.is_valid():
        try:
            found = resume_skills(form.cleaned_data["resume"], skill_names())
        except ResumeError as exc:
            form.add_error("resume", str(exc))
        else:
            pending = {
                "file": form.file_name,
                "proposals": [
                    {
                        "phrase": p.candidate.phrase,
                        "source": p.candidate.source,
                        "level": p.candidate.level,
                        "proficiency": p.candidate.proficiency,
                        "element_id": p.match.element_id,
                        "confidence": p.match.confidence,
                        "reason": p.match.reason,
                        "spotted": p.candidate.spotted,
                        "preselected": preselected(p.candidate, p.match),
                    }
                    for p in found.proposals
                ],
                "notes": list(found.notes),
            }
            assessment_set_responses(
                assessment=assessment,
                by=current_user(request),
                responses={**assessment.responses, "import": pending},
            )
            return redirect("skills_resume_review", pk=pk, apk=apk)
    return render(
        request,
        "discovery/skills/resume_upload.html",
        {"a": assessment, "e": assessment.engagement, "form": form, "nav": "journey"},
    )


def confirm_import(
    responses: dict[str, Any], choices: QueryDict
) -> tuple[dict[str, Any], list[str]]:
    """Apply the review: `choice_<n>` is an O*NET skill id, "own" or "skip" for proposal n.

    A confirmed phrase fills in the proficiency its résumé level gives, unless the client
    has already answered; enjoyment is always left for the client. Returns the new
    responses (without the pending import) and the names of the skills that now show
    something new from the résumé, each once: what the skills page will show added."""
    pending = responses.get("import")
    proposals = pending.get("proposals") if isinstance(pending, dict) else None
    if not isinstance(proposals, list):
        raise ValidationError("There is no résumé import to review.")
    ratings, own = ratings_of(responses), own_of(responses)
    from_resume = {
        k: list(v)
        for k, v in (responses.get("from_resume") or {}).items()
        if k in ONET_SKILL_IDS and isinstance(v, list)
    }
    names = skill_names()
    added: dict[str, None] = {}
    for n, proposal in enumerate(proposals):
        choice = choices.get(f"choice_{n}", SKIP)
        if choice == SKIP or not isinstance(proposal, dict):
            continue
        phrase = str(proposal.get("phrase", ""))[:80]
        proficiency = proposal.get("proficiency")
        proficiency = proficiency if proficiency in PROFICIENCY else None
        if choice in ONET_SKILL_IDS:
            answers = ratings.setdefault(choice, {})
            if proficiency and "proficiency" not in answers:
                answers["proficiency"] = proficiency
            phrases = from_resume.setdefault(choice, [])
            if phrase not in phrases:
                phrases.append(phrase)
                added[names[choice]] = None
        elif choice == OWN:
            same = next((e for e in own if e["name"].casefold() == phrase.casefold()), None)
            if same is None:
                if len(own) >= MAX_OWN:
                    raise ValidationError(
                        f"Up to {MAX_OWN} skills of your own: keep fewer phrases as your own."
                    )
                used = {e["id"] for e in own}
                same = {"id": next(f"o{i}" for i in range(1, 10_000) if f"o{i}" not in used)}
                same["name"] = phrase
                own.append(same)
                added[phrase] = None
            if proficiency and "proficiency" not in same:
                same["proficiency"] = proficiency
        else:
            raise ValidationError(f"Choose a skill, “keep as my own” or “skip” for “{phrase}”.")
    rest = {k: v for k, v in responses.items() if k != "import"}
    ratings = {k: v for k, v in ratings.items() if v}
    return {**rest, "ratings": ratings, "own": own, "from_resume": from_resume}, list(added)


def _added_message(added: list[str]) -> str:
    if not added:
        return "Nothing new from the résumé was added."
    n = len(added)
    listed = added[0] if n == 1 else ", ".join(added[:-1]) + f" and {added[-1]}"
    return (
        f"Added {n} skill{'s' if n != 1 else ''} from your résumé: {listed}. "
        "How much do you enjoy using each?"
    )


def _starts_at(proposal: dict[str, Any]) -> str:
    """The review's starting choice; an import saved before guesses were told apart
    starts where it used to (the suggestion, or the person's own words)."""
    if "preselected" in proposal:
        chosen = proposal["preselected"]
        return chosen if chosen in ONET_SKILL_IDS or chosen == OWN else SKIP
    element_id = proposal.get("element_id")
    return element_id if element_id in ONET_SKILL_IDS else OWN


@login_required
def resume_review(request: HttpRequest, pk: int, apk: int) -> HttpResponse:
    assessment = _assessment(request, pk, apk)
    if assessment.is_completed:
        return redirect(assessment)
    pending = assessment.responses.get("import")
    if not isinstance(pending, dict):
        messages.info(request, "There is no résumé import to review.")
        return redirect(assessment)
    user = current_user(request)
    if request.method == "POST":
        if "cancel" in request.POST:
            rest = {k: v for k, v in assessment.responses.items() if k != "import"}
            assessment_set_responses(assessment=assessment, by=user, responses=rest)
            messages.success(request, "Import cancelled: nothing from the résumé was added.")
            return redirect(assessment)
        try:
            responses, added = confirm_import(dict(assessment.responses), request.POST)
            assessment_set_responses(assessment=assessment, by=user, responses=responses)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _added_message(added))
            return redirect(assessment)
    rows = [
        {
            "n": n,
            **p,
            "sureness": confidence_words(float(p.get("confidence") or 0)),
            "proficiency_label": PROFICIENCY.get(p.get("proficiency") or "", ""),
            "chosen": request.POST.get(f"choice_{n}") or _starts_at(p),
        }
        for n, p in enumerate(pending.get("proposals") or [])
        if isinstance(p, dict)
    ]
    return render(
        request,
        "discovery/skills/resume_review.html",
        {
            "a": assessment,
            "e": assessment.engagement,
            "pending": pending,
            "rows": rows,
            "skill_choices": _skill_choices(),
            "release": Release.current(),
            "nav": "journey",
        },
    )


@login_required
def skills_pathways(request: HttpRequest, pk: int, apk: int) -> HttpResponse:
    """From a result to transition pathways, with its motivated skills filled in: only the
    skills the current O*NET release rates (the form accepts no others)."""
    assessment = get_assessment(request.user, pk, Kind.SKILLS, apk)
    if not assessment.is_completed:
        return redirect(assessment)
    try:
        index = pathway_index()
    except NoOnetData:
        allowed: set[str] = set()
    else:
        allowed = {
            eid
            for eid, domain in zip(index.element_ids, index.domains, strict=True)
            if domain == "skill"
        }
    skills = (assessment.result or {}).get("pathway_skills") or []
    return redirect(pathways_url(skills, allowed=allowed, engagement=assessment.engagement_id))


S = "e/<int:pk>/discovery/skills/<int:apk>/"

urlpatterns = [
    path(S + "resume/", resume_upload, name="skills_resume"),
    path(S + "resume/review/", resume_review, name="skills_resume_review"),
    path(S + "pathways/", skills_pathways, name="skills_pathways"),
]
