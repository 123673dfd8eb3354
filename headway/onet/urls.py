from __future__ import annotations

from django.urls import path

from headway.onet import explore_views, views

urlpatterns = [
    path("occupations/", views.occupation_search, name="occupation_search"),
    # Before occupations/<code>/, which would take "pathways" for a code.
    path("occupations/pathways/", explore_views.occupation_pathways, name="occupation_pathways"),
    path("occupations/interests/", explore_views.occupation_interests, name="occupation_interests"),
    path("occupations/<str:code>/", views.occupation_detail, name="occupation_detail"),
    path("e/<int:pk>/occupations/", views.engagement_occupations, name="engagement_occupations"),
]
