from __future__ import annotations

from django.urls import path

from headway.checkins import views

urlpatterns = [
    path("e/<int:pk>/check-ins/", views.checkins, name="checkins"),
]
