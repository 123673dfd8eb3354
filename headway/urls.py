from __future__ import annotations

from django.urls import include, path

from headway.api.urls import api
from headway.engagements import views as engagement_views

urlpatterns = [
    path("", engagement_views.home, name="home"),
    path("", include("headway.accounts.urls")),
    path("", include("headway.practices.urls")),
    path("", include("headway.coaching.urls")),
    path("", include("headway.engagements.urls")),
    path("", include("headway.exploration.urls")),
    path("", include("headway.discovery.urls")),
    path("", include("headway.decisions.urls")),
    path("", include("headway.goals.urls")),
    path("", include("headway.feeds.urls")),
    path("", include("headway.meetings.urls")),
    path("", include("headway.booking.urls")),
    path("", include("headway.checkins.urls")),
    path("", include("headway.replies.urls")),
    path("", include("headway.reminders.urls")),
    path("", include("headway.concluding.urls")),
    path("", include("headway.offsites.urls")),
    path("", include("headway.review.urls")),
    path("", include("headway.privacy.urls")),
    path("", include("headway.overview.urls")),
    path("", include("headway.onet.urls")),
    path("api/", api.urls),
]
