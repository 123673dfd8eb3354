from __future__ import annotations

from django.urls import path

from headway.checkins import views

urlpatterns = [
    path("e/<int:pk>/check-ins/", views.checkins, name="checkins"),
    path(
        "e/<int:pk>/check-ins/<int:check_in_pk>/reply/",
        views.checkin_reply_view,
        name="checkin_reply",
    ),
]
