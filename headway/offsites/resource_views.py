"""The coach's resource library (add links, files and notes; filter by tag) and the
resources of one engagement: the coach shares from the library, for an offsite or a stage;
the client marks what they used and found useful. Files are served here, to those allowed
to see them, never from a public media URL."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from headway.accounts.http import current_user
from headway.engagements.access import get_engagement
from headway.offsites.forms import MarkForm, ResourceForm, ShareForm
from headway.offsites.models import Resource, SharedResource
from headway.offsites.resource_services import (
    MAX_FILE_BYTES,
    MAX_FILE_MB,
    resource_add,
    resource_delete,
    resource_mark,
    resource_share,
    resource_unshare,
    stage_choices,
    tags,
)
from headway.practices.access import get_membership

T = "offsites/resources/"
FORM_OVERHEAD = 64 * 1024  # the form's other fields and the multipart boundaries


@login_required
def resource_library(request: HttpRequest) -> HttpResponse:
    membership = get_membership(current_user(request))  # coaches only; 404 for everyone else
    user = current_user(request)
    stages = stage_choices(membership.practice_id)
    if request.method == "POST" and _too_large(request):
        # Refused by the request's length, before the form looks at the file. (The CSRF check
        # has parsed the body into Django's temporary upload by then; a reverse proxy's body
        # limit is what stops a huge upload at the door.)
        refused = f"Files can be up to {MAX_FILE_MB} MB; this one is larger."
        form = ResourceForm(stages=stages)
        return _render_library(request, form, stages, status=413, refused=refused)
    form = ResourceForm(request.POST or None, request.FILES or None, stages=stages)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            resource_add(
                owner=user,
                kind=data["kind"],
                title=data["title"],
                url=data["url"],
                note=data["note"],
                upload=data["file"],
                stages=data["stages"],
                themes=tags(data["themes"]),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"“{data['title']}” is in your library.")
            return redirect("resource_library")
    return _render_library(request, form, stages, status=422 if form.errors else 200)


def _too_large(request: HttpRequest) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > MAX_FILE_BYTES + FORM_OVERHEAD


def _render_library(
    request: HttpRequest,
    form: ResourceForm,
    stages: list[tuple[str, str]],
    *,
    status: int,
    refused: str = "",
) -> HttpResponse:
    user = current_user(request)
    library = _labelled(
        Resource.objects.filter(owner=user).prefetch_related("shares"), dict(stages)
    )
    tag = request.GET.get("tag", "").strip().lower()
    shown = [r for r in library if not tag or tag in r.stages or tag in r.themes]
    names = dict(stages)
    all_tags = sorted(
        {(t, names.get(t, t)) for r in library for t in r.stages}
        | {(t, t) for r in library for t in r.themes},
        key=lambda pair: pair[1].lower(),
    )
    context = {
        "form": form,
        "resources": shown,
        "tag": tag,
        "all_tags": all_tags,
        "max_mb": MAX_FILE_MB,
        "refused": refused,
        "nav": "resources",
    }
    return render(request, f"{T}library.html", context, status=status)


def _labelled(resources: Iterable[Resource], names: dict[str, str]) -> list[Resource]:
    """Each resource with its stages by name, for the page."""
    found = list(resources)
    for r in found:
        r.stage_labels = [names.get(k, k) for k in r.stages]  # type: ignore[attr-defined]
    return found


def _own_resource(request: HttpRequest, rid: int) -> Resource:
    get_membership(current_user(request))
    return get_object_or_404(Resource, pk=rid, owner=current_user(request))


@login_required
@require_POST
def resource_remove(request: HttpRequest, rid: int) -> HttpResponse:
    resource = _own_resource(request, rid)
    resource_delete(resource=resource, by=current_user(request))
    messages.success(request, f"“{resource.title}” is out of your library.")
    return redirect("resource_library")


def _file_response(resource: Resource) -> HttpResponseBase:
    if not resource.file:
        raise Http404("No file")
    response = FileResponse(
        resource.file.open("rb"),
        as_attachment=True,
        filename=resource.file_name or "file",
        content_type=resource.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def resource_file(request: HttpRequest, rid: int) -> HttpResponseBase:
    return _file_response(_own_resource(request, rid))


# --- one engagement's resources ------------------------------------------------------------


def _shared(request: HttpRequest, pk: int, sid: int) -> SharedResource:
    engagement = get_engagement(request.user, pk)
    shared = get_object_or_404(
        SharedResource.objects.select_related("resource"), engagement=engagement, pk=sid
    )
    shared.engagement = engagement
    return shared


@login_required
def engagement_resources(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = get_engagement(request.user, pk)
    user = current_user(request)
    is_coach = engagement.is_coach(user)
    can_share = is_coach and engagement.is_open
    form = ShareForm(request.POST or None, engagement=engagement, owner=user) if can_share else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("The coach shares resources from their library.")
        if form.is_valid():
            data = form.cleaned_data
            try:
                resource_share(
                    resource=data["resource"],
                    engagement=engagement,
                    by=user,
                    offsite=data["offsite"],
                    stage_key=data["stage_key"],
                    note=data["note"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, f"Shared with {engagement.client_name}.")
                return redirect("engagement_resources", pk=engagement.pk)
    stages = dict(engagement.model_version.stages.values_list("key", "name"))
    rows = list(
        SharedResource.objects.filter(engagement=engagement).select_related("resource", "offsite")
    )
    _labelled((s.resource for s in rows), stages)
    shared = [
        (s, stages.get(s.stage_key, ""), MarkForm(initial=_marks(s), prefix=f"r{s.pk}"))
        for s in rows
    ]
    context = {
        "e": engagement,
        "shared": shared,
        "form": form,
        "is_client": engagement.is_client(user),
        "can_mark": engagement.client_may_write(user),
        "nav": "dashboard" if is_coach else "journey",
        "has_library": is_coach and Resource.objects.filter(owner=user).exists(),
    }
    status = 422 if form is not None and form.errors else 200
    return render(request, f"{T}engagement.html", context, status=status)


def _marks(shared: SharedResource) -> dict[str, object]:
    useful = "" if shared.useful is None else ("yes" if shared.useful else "no")
    return {"used": shared.used_at is not None, "useful": useful}


@login_required
@require_POST
def shared_resource_mark(request: HttpRequest, pk: int, sid: int) -> HttpResponse:
    shared = _shared(request, pk, sid)
    user = current_user(request)
    if not shared.engagement.is_client(user):
        raise PermissionDenied("The client marks what they used and found useful.")
    form = MarkForm(request.POST, prefix=f"r{shared.pk}")
    if form.is_valid():
        try:
            resource_mark(
                shared=shared,
                by=user,
                used=form.cleaned_data["used"],
                useful=form.cleaned_data["useful"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"Noted for “{shared.resource.title}”.")
    return redirect(reverse("engagement_resources", args=[pk]) + f"#resource-{shared.pk}")


@login_required
@require_POST
def shared_resource_unshare(request: HttpRequest, pk: int, sid: int) -> HttpResponse:
    shared = _shared(request, pk, sid)
    if not shared.engagement.is_coach(current_user(request)):
        raise PermissionDenied("The coach shares resources from their library.")
    try:
        resource_unshare(shared=shared, by=current_user(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("engagement_resources", pk=pk)


@login_required
def shared_resource_file(request: HttpRequest, pk: int, sid: int) -> HttpResponseBase:
    return _file_response(_shared(request, pk, sid).resource)
