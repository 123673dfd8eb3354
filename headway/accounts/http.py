"""Request helpers shared by the apps' views."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.middleware import HtmxDetails

from headway.accounts.models import User


class HtmxHttpRequest(HttpRequest):
    """A request as django-htmx's middleware leaves it: with `request.htmx`."""

    htmx: HtmxDetails


def current_user(request: HttpRequest) -> User:
    """The signed-in person, typed; only for views behind login_required."""
    user = request.user
    assert isinstance(user, User), "views using this are behind login_required"
    return user


def safe_next(request: HttpRequest, target: str) -> str | None:
    """`target` when it leads back into this site (a `next` a form carried), else None: a
    posted address must never send someone elsewhere."""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def sign_in(request: HttpRequest, user: User) -> None:
    """Start the session of someone who just proved who they are (signed up, accepted, 2FA)."""
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")


def _no_fetching(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    # A PDF is built from inline HTML, CSS and SVG only: nothing is fetched, from anywhere.
    raise ValueError(f"refusing to fetch {url!r} while building a PDF")


def pdf_response(
    request: HttpRequest, template: str, context: dict[str, Any], *, filename: str
) -> HttpResponse:
    """The template rendered to a PDF download (WeasyPrint), named `filename`.pdf."""
    from weasyprint import HTML  # imported here: it loads Pango, which only PDFs need

    html = render_to_string(template, context, request=request)
    pdf = HTML(string=html, url_fetcher=_no_fetching).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response
