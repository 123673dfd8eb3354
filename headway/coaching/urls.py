from __future__ import annotations

from django.urls import path

from headway.coaching import views

urlpatterns = [
    path("models/", views.model_list, name="model_list"),
    path("models/<int:pk>/", views.model_detail, name="model_detail"),
    path("models/<int:pk>/clone/", views.model_clone, name="model_clone"),
    path("models/<int:pk>/edit/", views.model_edit, name="model_edit"),
    path("models/<int:pk>/stages/add/", views.stage_add_view, name="stage_add"),
    path("models/<int:pk>/stages/<slug:key>/edit/", views.stage_edit, name="stage_edit"),
    path("models/<int:pk>/stages/<slug:key>/check/", views.stage_check, name="stage_check"),
    path("models/<int:pk>/stages/<slug:key>/delete/", views.stage_delete_view, name="stage_delete"),
    path("models/<int:pk>/stages/<slug:key>/move/", views.stage_move_view, name="stage_move"),
]
