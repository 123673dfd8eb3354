from __future__ import annotations

from django.urls import path

from headway.overview import flag_views, views

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("e/<int:pk>/acknowledge/", flag_views.acknowledge_view, name="engagement_acknowledge"),
]
