"""Fuzzing the API with schemathesis: every operation in /api/openapi.json, called with
generated data by a coach and by a client who both have real data, must never answer with a
server error, and every answer must match the schema it documents.

Deterministic for CI: hypothesis is derandomized (the examples follow from the test), a
bounded number of examples per operation and no deadline, so the whole run stays short.
The engagement id in a path is the callers' own engagement, so the generated data reaches
the services instead of stopping at a 404. No operation takes a file upload (resource files
are uploaded through the pages only), so none is left out.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from headway.accounts.services import api_token_create
from headway.discovery.services import journal_add
from headway.onet import pathways, search
from headway.wsgi import application
from tests.helpers import World
from tests.onet.fixtures import load_mini

EXAMPLES = 6  # per operation and caller: enough to find crashes, small enough for CI


# Loaded while collecting: the schema is built from the routers, with no database access.
# Only generated examples: the coverage phase's boundary cases (and unsupported methods)
# alone run to many minutes; a fixed seed keeps CI's runs the same.
CONFIG = schemathesis.Config.from_dict(
    {
        "seed": 9,
        "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
        "generation": {"max-examples": EXAMPLES},
    }
)
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application, config=CONFIG)


@pytest.fixture
def in_test_transaction() -> Iterator[None]:
    """Requests go straight to the WSGI app, whose end-of-request hook would close the test's
    database connection (and its transaction): Django's test client unhooks it the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def tokens(world: World, in_test_transaction) -> dict[str, str]:
    """Bearer tokens of the coach and the client of an engagement with data, and a small
    O*NET release, so the occupation resources answer instead of a (documented) 503."""
    search.clear_cache()
    pathways.clear_cache()
    load_mini()
    journal_add(engagement=world.engagement, by=world.client, activity="Met Ana", energy=1)
    return {
        role: api_token_create(user=user, name="fuzz")[1]
        for role, user in (("coach", world.owner), ("client", world.client))
    }


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure prints its example
    suppress_health_check=list(HealthCheck),
)
def test_api_never_fails_and_matches_its_schema(case, world, tokens):
    if "engagement_id" in (case.path_parameters or {}):
        case.path_parameters["engagement_id"] = world.engagement.pk
    for token in tokens.values():  # the coach's and the client's view of the same call
        case.call_and_validate(
            headers={"Authorization": f"Bearer {token}"},
            checks=[not_a_server_error, response_schema_conformance],
        )
