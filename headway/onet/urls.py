from __future__ import annotations

from django.urls import path

from headway.onet import views

urlpatterns = [
    path("occupations/", views.occupation_search, name="occupation_search"),
    path("occupations/<str:code>/", views.occupation_detail, name="occupation_detail"),
    path("e/<int:pk>/occupations/", views.engagement_occupations, name="engagement_occupations"),
]
