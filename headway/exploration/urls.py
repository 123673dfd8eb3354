from __future__ import annotations

from django.urls import path

from headway.exploration import views

urlpatterns = [
    path("e/<int:pk>/board/", views.board, name="board"),
    path(
        "e/<int:pk>/board/add-occupation/", views.board_add_occupation, name="board_add_occupation"
    ),
    path("e/<int:pk>/board/<int:option_pk>/", views.board_option, name="board_option"),
    path(
        "e/<int:pk>/board/<int:option_pk>/interviews/",
        views.option_interview,
        name="option_interview",
    ),
    path(
        "e/<int:pk>/board/<int:option_pk>/experiments/",
        views.option_experiment,
        name="option_experiment",
    ),
    path("e/<int:pk>/board/<int:option_pk>/comments/", views.option_comment, name="option_comment"),
    path(
        "e/<int:pk>/board/<int:option_pk>/set-aside/",
        views.option_set_aside_view,
        name="option_set_aside",
    ),
]
