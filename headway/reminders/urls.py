from __future__ import annotations

from django.urls import path

from headway.reminders import views

urlpatterns = [
    path("account/reminders/", views.preferences, name="reminder_preferences"),
]
