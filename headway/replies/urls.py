from __future__ import annotations

from django.urls import path

from headway.replies import views

urlpatterns = [
    path("e/<int:pk>/replies/<str:target>/<int:target_pk>/", views.reply, name="reply"),
]
