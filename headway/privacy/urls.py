from __future__ import annotations

from django.urls import path

from headway.privacy import views

urlpatterns = [
    path("account/data/", views.data_home, name="privacy_data"),
    path("account/data/export/", views.data_export, name="privacy_export"),
    path("account/data/erase/", views.data_erase, name="privacy_erase"),
    path("account/data/consent/", views.consent_own, name="privacy_consent"),
    path("e/<int:pk>/consent/", views.consent_engagement, name="privacy_engagement_consent"),
    path("practice/audit/", views.audit, name="privacy_audit"),
]
