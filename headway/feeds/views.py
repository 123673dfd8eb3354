"""The calendar page and each person's private subscription feed (a plan's .ics download
is the goals app's)."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.cache import get_conditional_response
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from headway.accounts.http import current_user
from headway.engagements.models import Engagement
from headway.feeds import services
from headway.feeds.calendar import CALENDAR_TYPE, REFRESH, feed_ical
from headway.feeds.models import CalendarFeed

# Short enough that a change shows up soon after the calendar app asks again; calendar apps
# poll on their own schedule (REFRESH asks for hourly) and the ETag makes a repeat cheap.
FEED_MAX_AGE = 5 * 60


def _every(interval: timedelta) -> str:
    hours = int(interval.total_seconds() // 3600)
    return "every hour" if hours <= 1 else f"every {hours} hours"


@login_required
@never_cache  # the answer to a POST holds the secret address
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """The calendar page; POST makes a new feed address (replacing any earlier one) and shows
    it this once."""
    user = current_user(request)
    new_url = webcal_url = ""
    if request.method == "POST":
        _, raw = services.calendar_feed_create(user=user)
        new_url, webcal_url = services.calendar_feed_urls(raw)
    return render(
        request,
        "feeds/feed.html",
        {
            "feed": CalendarFeed.objects.filter(user=user).first(),
            "new_url": new_url,
            "webcal_url": webcal_url,
            "plans": Engagement.objects.of_client(user).select_related(
                "coach", "model_version__model"
            ),
            "coaches": Engagement.objects.coached_by(user).exists(),
            "refresh": _every(REFRESH),
            "nav": "account",
        },
    )


@login_required
@require_POST
def calendar_feed_delete(request: HttpRequest) -> HttpResponse:
    if services.calendar_feed_delete(user=current_user(request)):
        messages.success(
            request,
            "Your calendar feed is off: its address no longer works. "
            "Remove the subscription from your calendar app too.",
        )
    return redirect("account")


@require_safe
def calendar_feed_ics(request: HttpRequest, token: str) -> HttpResponse:
    """The subscription itself: calendar apps fetch it without logging in, so the token in
    the address is the only credential. Unknown and revoked tokens get the same 404."""
    feed = services.calendar_feed_by_token(token)
    if feed is None:
        raise Http404("No such calendar feed")
    services.calendar_feed_record_fetch(feed=feed)
    body = feed_ical(feed.user)
    response = HttpResponse(body, content_type=CALENDAR_TYPE)
    # The body is the same for the same plan (see calendar.py), so a hash of it is a strong
    # validator: an unchanged feed costs a calendar app a 304.
    response["ETag"] = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    # private: the address is a secret, so no shared cache may keep a copy.
    response["Cache-Control"] = f"private, max-age={FEED_MAX_AGE}"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return get_conditional_response(request, etag=response["ETag"], response=response) or response


urlpatterns = [
    path("account/calendar/", calendar_feed, name="calendar_feed"),
    path("account/calendar/off/", calendar_feed_delete, name="calendar_feed_delete"),
    path("calendar/<str:token>.ics", calendar_feed_ics, name="calendar_feed_ics"),
]
