"""Your data over the API: the consent log and the JSON export."""

from __future__ import annotations

from headway.discovery.services import journal_set_sharing
from headway.privacy.models import AuditEvent, AuditKind
from tests.api.support import session_client, token_client
from tests.helpers import World


def test_my_consent_log(world: World) -> None:
    journal_set_sharing(engagement=world.engagement, by=world.client, shared=True)
    client, _ = token_client(world.client)
    items = client.get("/api/me/consent").json()
    assert {(i["what"], i["granted"]) for i in items} >= {
        ("journal", True),
        ("engagement", True),
    }


def test_the_coach_reads_the_clients_consent_log(world: World) -> None:
    journal_set_sharing(engagement=world.engagement, by=world.client, shared=True)
    items = session_client(world.owner).get(f"/api/engagements/{world.engagement.pk}/consent")
    assert "journal" in {i["what"] for i in items.json()}
    hidden = session_client(world.outsider).get(f"/api/engagements/{world.engagement.pk}/consent")
    assert hidden.status_code == 404


def test_the_json_export_is_audited(world: World) -> None:
    client, _ = token_client(world.client)
    response = client.post("/api/me/export")
    assert response.status_code == 200
    assert response.json()["account"]["email"] == "cleo@example.com"
    assert AuditEvent.objects.filter(kind=AuditKind.EXPORT, user=world.client).count() == 1
    assert client.get("/api/me/export").status_code == 405
    assert session_client(None).post("/api/me/export").status_code == 401
