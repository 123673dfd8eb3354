from __future__ import annotations

from django.urls import path

from headway.booking import calendar_views, intro_views, views

urlpatterns = [
    path("booking/", views.hours, name="booking_hours"),
    path("booking/settings/", views.settings_save, name="booking_settings"),
    path("booking/week/", views.week_save, name="booking_week"),
    path("booking/dates/", views.date_save, name="booking_date"),
    path("booking/dates/<str:day>/clear/", views.date_clear, name="booking_date_clear"),
    path("booking/time-off/", views.off_add, name="booking_off"),
    path("booking/time-off/<int:off_pk>/remove/", views.off_remove, name="booking_off_remove"),
    path("booking/types/new/", views.session_type_edit, name="session_type_new"),
    path("booking/types/<int:type_pk>/", views.session_type_edit, name="session_type"),
    path("booking/calendars/", calendar_views.calendar_add, name="busy_calendar_add"),
    path("booking/calendars/upload/", calendar_views.calendar_upload, name="busy_calendar_upload"),
    path(
        "booking/calendars/<int:calendar_pk>/refresh/",
        calendar_views.calendar_refresh,
        name="busy_calendar_refresh",
    ),
    path(
        "booking/calendars/<int:calendar_pk>/remove/",
        calendar_views.calendar_remove,
        name="busy_calendar_remove",
    ),
    path("e/<int:pk>/book/", views.book, name="book"),
    path("e/<int:pk>/package/", views.package, name="package"),
    path("e/<int:pk>/sessions/<int:session_pk>/move/", views.session_move, name="session_move"),
    path(
        "e/<int:pk>/sessions/<int:session_pk>/cancel-mine/",
        views.session_cancel_own,
        name="session_cancel_own",
    ),
    path("c/<slug:slug>/book/", intro_views.public_book, name="public_book"),
    path("book/confirm/<str:token>/", intro_views.intro_confirm_view, name="intro_confirm"),
    path(
        "booking/intros/<int:intro_pk>/decline/",
        intro_views.intro_decline_view,
        name="intro_decline",
    ),
]
