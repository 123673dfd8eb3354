from __future__ import annotations

from django.urls import path

from headway.concluding import views

urlpatterns = [
    path("e/<int:pk>/conclude/", views.readiness, name="conclude"),
    path("e/<int:pk>/conclude/confidence/", views.efficacy, name="conclude_efficacy"),
    path("e/<int:pk>/conclude/insights/", views.insights, name="conclude_insights"),
    path("e/<int:pk>/celebration/", views.celebration, name="celebration"),
    path("e/<int:pk>/celebration.pdf", views.celebration_pdf, name="celebration_pdf"),
    path("e/<int:pk>/follow-ups/", views.followups, name="followups"),
    path("e/<int:pk>/follow-ups/<int:followup_pk>/", views.followup_act, name="followup_act"),
]
