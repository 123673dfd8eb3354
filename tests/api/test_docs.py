"""The OpenAPI schema and the docs page, served from our own host only."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from django.test import Client

from tests.api.support import session_client
from tests.helpers import World

EXPECTED_PATHS = {
    "/api/me": {"get"},
    "/api/models": {"get"},
    "/api/models/{model_id}": {"get"},
    "/api/engagements": {"get"},
    "/api/engagements/{engagement_id}": {"get"},
    "/api/engagements/{engagement_id}/stages": {"get"},
    "/api/engagements/{engagement_id}/stage": {"post"},
    "/api/engagements/{engagement_id}/intake": {"get", "put"},
    "/api/engagements/{engagement_id}/answers": {"get"},
    "/api/engagements/{engagement_id}/answers/{question_id}": {"put"},
    "/api/engagements/{engagement_id}/board": {"get", "post"},
    "/api/engagements/{engagement_id}/board/{option_id}": {"get", "patch"},
    "/api/engagements/{engagement_id}/board/{option_id}/interviews": {"post"},
    "/api/engagements/{engagement_id}/board/{option_id}/experiments": {"post"},
    "/api/engagements/{engagement_id}/board/{option_id}/comments": {"post"},
    "/api/occupations": {"get"},
    "/api/occupations/{code}": {"get"},
    "/api/occupations/{code}/related": {"get"},
    "/api/pathways": {"post"},
    "/api/interests/match": {"post"},
    "/api/engagements/{engagement_id}/assignments": {"post"},
    "/api/engagements/{engagement_id}/journal": {"get", "post"},
    "/api/engagements/{engagement_id}/journal/{entry_id}": {"delete"},
    "/api/engagements/{engagement_id}/journal/sharing": {"put"},
    "/api/engagements/{engagement_id}/journal/patterns": {"get"},
    "/api/engagements/{engagement_id}/check-ins": {"get", "post"},
    "/api/engagements/{engagement_id}/signals": {"get"},
    "/api/engagements/{engagement_id}/replies": {"get", "post"},
    "/api/coaches/{slug}/slots": {"get"},
    "/api/bookings": {"post"},
    "/api/bookings/{session_id}/move": {"post"},
    "/api/bookings/{session_id}/cancel": {"post"},
    "/api/me/availability": {"get", "put"},
    "/api/me/session-types": {"get", "post"},
    "/api/me/busy-calendars": {"get", "post"},
    "/api/me/busy-calendars/{calendar_id}": {"delete"},
    "/api/engagements/{engagement_id}/self-efficacy": {"get", "post"},
    "/api/engagements/{engagement_id}/conclusion/readiness": {"get"},
    "/api/engagements/{engagement_id}/conclusion": {"post"},
    "/api/engagements/{engagement_id}/insights": {"get", "put"},
    "/api/engagements/{engagement_id}/celebration": {"get"},
    "/api/engagements/{engagement_id}/follow-ups": {"get"},
    "/api/engagements/{engagement_id}/follow-ups/{followup_id}/declined": {"put"},
    "/api/engagements/{engagement_id}/follow-ups/{followup_id}/answer": {"post"},
    "/api/engagements/{engagement_id}/sessions/{session_id}/notes": {"get", "post"},
    "/api/engagements/{engagement_id}/sessions/{session_id}/brief": {"get"},
    "/api/calendar/events": {"get"},
    "/api/engagements/{engagement_id}/decision": {"get", "post"},
    "/api/engagements/{engagement_id}/decision/scores": {"put"},
    "/api/engagements/{engagement_id}/decision/gut": {"put"},
    "/api/engagements/{engagement_id}/decision/criteria": {"post"},
    "/api/engagements/{engagement_id}/decision/criteria/{criterion_id}": {"put", "delete"},
    "/api/engagements/{engagement_id}/decision/options": {"post"},
    "/api/engagements/{engagement_id}/decision/options/{option_id}": {"delete"},
    "/api/engagements/{engagement_id}/decision/options/{option_id}/risks": {"post"},
    "/api/engagements/{engagement_id}/decision/risks/{risk_id}": {"put", "delete"},
    "/api/engagements/{engagement_id}/decision/choice": {"put"},
    "/api/engagements/{engagement_id}/goals": {"get", "post"},
    "/api/engagements/{engagement_id}/goals/{goal_id}": {"get", "patch"},
    "/api/engagements/{engagement_id}/goals/{goal_id}/revisions": {"get"},
    "/api/engagements/{engagement_id}/goals/{goal_id}/steps": {"post"},
    "/api/engagements/{engagement_id}/goals/{goal_id}/steps/{step_id}": {"patch"},
    "/api/engagements/{engagement_id}/goals/{goal_id}/obstacles": {"post"},
    "/api/goals/check": {"post"},
    "/api/calendar/feed": {"post", "delete"},
    "/api/engagements/{engagement_id}/sessions": {"get", "post"},
    "/api/engagements/{engagement_id}/sessions/{session_id}": {"get"},
    "/api/engagements/{engagement_id}/sessions/{session_id}/reschedule": {"post"},
    "/api/engagements/{engagement_id}/sessions/{session_id}/cancel": {"post"},
    "/api/me/reminders": {"get", "put"},
}
# Career offsites and the resources shared with a client.
EXPECTED_PATHS |= {
    "/api/engagements/{engagement_id}/offsite-cycle": {"get", "put"},
    "/api/engagements/{engagement_id}/offsites": {"get", "post"},
    "/api/engagements/{engagement_id}/offsites/{offsite_id}": {"get"},
    "/api/engagements/{engagement_id}/offsites/{offsite_id}/answers/{key}": {"put"},
    "/api/engagements/{engagement_id}/offsites/{offsite_id}/clock": {"post"},
    "/api/engagements/{engagement_id}/offsites/{offsite_id}/complete": {"post"},
    "/api/engagements/{engagement_id}/offsites/{offsite_id}/priorities/{priority_id}": {"put"},
    "/api/engagements/{engagement_id}/offsites/{offsite_id}/priorities/{priority_id}/goal": {
        "post"
    },
    "/api/engagements/{engagement_id}/resources": {"get"},
    "/api/engagements/{engagement_id}/resources/{shared_id}": {"put"},
}
# Your data: the consent log and the export.
EXPECTED_PATHS |= {
    "/api/me/consent": {"get"},
    "/api/me/export": {"post"},
    "/api/engagements/{engagement_id}/consent": {"get"},
}
# Session review: the coach's transcripts, coded.
EXPECTED_PATHS |= {
    "/api/engagements/{engagement_id}/reviews": {"get", "post"},
    "/api/engagements/{engagement_id}/reviews/{review_id}": {"get", "delete"},
    "/api/engagements/{engagement_id}/reviews/{review_id}/coach": {"post"},
}
# Each self-discovery assessment has the same resources under its own name.
for _kind in ["values", "strengths", "interests", "skills", "readiness"]:
    _base = f"/api/engagements/{{engagement_id}}/{_kind}"
    EXPECTED_PATHS |= {
        _base: {"get", "post"},
        _base + "/{assessment_id}": {"get"},
        _base + "/{assessment_id}/responses": {"put"},
        _base + "/{assessment_id}/complete": {"post"},
        _base + "/{assessment_id}/sharing": {"put"},
    }


@pytest.mark.django_db
def test_openapi_schema_is_json_with_every_path() -> None:
    response = Client().get("/api/openapi.json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Headway API"
    assert {path: set(ops) for path, ops in schema["paths"].items()} == EXPECTED_PATHS
    assert set(schema["components"]["securitySchemes"]) == {"TokenAuth", "SessionAuth"}
    assert schema["components"]["securitySchemes"]["TokenAuth"] == {
        "type": "http",
        "scheme": "bearer",
    }
    public = {("get", "/api/coaches/{slug}/slots")}  # a coach's free times, for anyone
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert {"200", "201", "204"} & set(operation["responses"]), (method, path)
            if (method, path) in public:
                assert "security" not in operation and "429" in operation["responses"]
                continue
            assert operation["security"] == [{"TokenAuth": []}, {"SessionAuth": []}], (method, path)
            assert "401" in operation["responses"]


URL = re.compile(r"""(?:https?:)?//[^\s"'<>)]+""")


def test_docs_page_uses_no_other_host(world: World) -> None:
    client = session_client(world.owner)
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Headway API</title>" in html
    foreign = [u for u in URL.findall(html) if urlsplit(u).hostname not in {None, "testserver"}]
    assert foreign == []
    settings = re.search(r'id="swagger-settings">(.*?)</script>', html, re.S)
    assert settings is not None
    swagger = json.loads(settings.group(1))
    assert swagger["url"] == "/api/openapi.json"
    assert swagger["validatorUrl"] is None  # no badge fetched from the online validator
    # The Swagger assets it names are ninja's own static files, served by this app.
    assets = re.findall(r"""(?:src|href)="([^"]+)\"""", html)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    for asset in assets:
        assert asset.startswith("/static/"), asset
        served = client.get(asset)
        assert served.status_code == 200, asset
        served.close()


def test_every_api_schema_has_its_own_name() -> None:
    """Two schema classes of one name share one component, so one of them was documented
    wrongly (the fuzz test found the board's options validated against the matrix's)."""
    from ninja import Schema

    import headway.api.urls  # noqa: F401 (imports every router's module)

    def subclasses(cls: type) -> list[type]:
        return [c for sub in cls.__subclasses__() for c in (sub, *subclasses(sub))]

    ours = [c for c in subclasses(Schema) if c.__module__.startswith("headway.api.")]
    names = [c.__name__ for c in ours]
    assert sorted(n for n in set(names) if names.count(n) > 1) == []
