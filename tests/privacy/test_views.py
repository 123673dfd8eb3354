"""The Your data pages, the consent pages and the owner's audit log, as a browser sees them."""

from __future__ import annotations

import io
import json
import zipfile

from django.test import Client
from django.urls import reverse

from headway.discovery.services import journal_set_sharing
from headway.engagements.models import Engagement
from headway.privacy.models import AuditEvent, AuditKind
from tests.helpers import World


def test_the_account_page_links_to_your_data(world: World) -> None:
    page = world.login(world.client).get(reverse("account"))
    assert reverse("privacy_data") in page.text


def test_the_data_page_says_private_notes_are_not_exported(world: World) -> None:
    page = world.login(world.client).get(reverse("privacy_data"))
    assert "coach's private session notes" in page.text
    assert 'action="/account/data/export/"' in page.text


def test_download_is_a_zip_and_is_audited(world: World) -> None:
    browser = world.login(world.client)
    assert browser.get(reverse("privacy_export")).status_code == 405
    response = browser.post(reverse("privacy_export"))
    assert response["Content-Type"] == "application/zip"
    assert "headway-export.zip" in response["Content-Disposition"]
    data = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("headway-export.json"))
    assert data["account"]["name"] == "Cleo Client"
    assert AuditEvent.objects.filter(kind=AuditKind.EXPORT, user=world.client).exists()


def test_erase_page_states_notes_go_and_refuses_a_wrong_email(world: World) -> None:
    browser = world.login(world.client)
    page = browser.get(reverse("privacy_erase"))
    assert "private notes on those engagements are deleted too" in page.text
    wrong = browser.post(reverse("privacy_erase"), {"email": "nope@example.com"})
    assert wrong.status_code == 200
    assert "Type the email address of this account" in wrong.text
    assert Engagement.objects.filter(pk=world.engagement.pk).exists()


def test_erase_logs_out_and_deletes(world: World) -> None:
    browser = world.login(world.client)
    response = browser.post(reverse("privacy_erase"), {"email": "cleo@example.com"})
    assert response.status_code == 302 and response.url == reverse("login")
    assert not Engagement.objects.filter(pk=world.engagement.pk).exists()
    assert browser.get(reverse("privacy_data")).status_code == 302


def test_an_owner_with_colleagues_sees_why_not(world: World) -> None:
    page = world.login(world.owner).get(reverse("privacy_erase"))
    assert "make one of them an owner" in page.text
    assert 'name="email"' not in page.text


def test_consent_pages_for_the_person_and_the_coach(world: World) -> None:
    journal_set_sharing(engagement=world.engagement, by=world.client, shared=True)
    own = world.login(world.client).get(reverse("privacy_consent"))
    assert "Energy journal shared with the coach" in own.text
    coach = world.login(world.owner).get(
        reverse("privacy_engagement_consent", args=[world.engagement.pk])
    )
    assert "Energy journal shared with the coach" in coach.text
    assert "Cleo Client" in coach.text


def test_audit_log_for_the_owner_only_filtered_and_paginated(world: World) -> None:
    for _ in range(55):
        AuditEvent.objects.create(
            kind=AuditKind.EXPORT,
            user=world.client,
            practice=world.practice,
            description="Downloaded their own data export",
        )
    owner = world.login(world.owner)
    practice_page = owner.get(reverse("practice"))
    assert reverse("privacy_audit") in practice_page.text
    first = owner.get(reverse("privacy_audit"))
    assert "Page 1 of 2" in first.text and "Cleo Client" in first.text
    second = owner.get(reverse("privacy_audit"), {"kind": "export", "page": "2"})
    assert "Page 2 of 2" in second.text and "kind=export" in second.text
    none = owner.get(reverse("privacy_audit"), {"kind": "erasure"})
    assert "Nothing here yet" in none.text
    assert world.login(world.colleague).get(reverse("privacy_audit")).status_code == 404
    assert (
        reverse("privacy_audit") not in world.login(world.colleague).get(reverse("practice")).text
    )
    assert Client().get(reverse("privacy_audit")).status_code == 302


def test_the_engagement_page_links_its_consent_log(world: World) -> None:
    e = world.engagement
    consent = reverse("privacy_engagement_consent", args=[e.pk])
    for person in (world.owner, world.client):
        page = world.login(person).get(reverse("engagement_detail", args=[e.pk]))
        assert f'href="{consent}"' in page.text
        assert world.login(person).get(consent).status_code == 200
    solo = world.solo_engagement
    page = world.login(world.solo).get(reverse("engagement_detail", args=[solo.pk]))
    assert "Consent log" not in page.text  # a self-guided journey shares with nobody
