"""SQL queries per page, in process (Django's test client), for one dataset:

    HEADWAY_DATA_DIR=/tmp/hw-scale-small .venv/bin/python bench/load/queries.py \\
        --manifest /tmp/hw-scale-small/manifest.json > small.json

Run it on the small and the full scaled demo and compare: a page whose count grows with the
data (an N+1) shows at once. The coach is one with a full caseload; the engagement is a
client with goals, sessions and an exploration board; the offsite and concluded pages use
such clients."""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headway.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.load.pages import Person, Request, _engagement_pages, people  # noqa: E402


def _rich(person: Person) -> dict[str, Any]:
    return max(person.engagements, key=lambda e: (e["status"] == "active", len(e["session_ids"])))


def pages_for(client: Person, extra: list[dict[str, Any]]) -> list[Request]:
    rng = random.Random(1)
    e = _rich(client)
    session = e["session_ids"][0]
    requests = [
        Request("coach: dashboard", "GET", "/dashboard/"),
        Request("coach: practice", "GET", "/practice/"),
        Request("coach: occupation search", "GET", "/occupations/?q=nurse"),
        Request(
            "coach: session brief", "GET", f"/e/{e['engagement_id']}/sessions/{session}/brief/"
        ),
        Request(
            "coach: session notes", "GET", f"/e/{e['engagement_id']}/sessions/{session}/notes/"
        ),
        *_engagement_pages(e, rng, "coach"),
        Request("client: journal", "GET", f"/e/{e['engagement_id']}/journal/"),
        Request("client: decision matrix", "GET", f"/e/{e['engagement_id']}/decide/"),
    ]
    requests += [
        r
        for x in extra
        for r in _engagement_pages(x, rng, "coach")
        if "offsite" in r.label or "celebration" in r.label
    ]
    return requests


def count(client: Client, request: Request) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(request.path)
    return response.status_code, len(queries.captured_queries)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--manifest", type=Path, required=True)
    args = p.parse_args()
    manifest = json.loads(args.manifest.read_text())
    coaches, clients = people(manifest)
    coach = max((c for c in coaches if c.owner), key=lambda c: len(c.engagements))
    mine = {e["email"] for e in coach.engagements}
    client = next(c for c in clients if c.email in mine and _rich(c)["goal_ids"])
    extra = [
        next(e for e in coach.engagements if e["offsite_ids"]),
        next(e for e in coach.engagements if e["status"] == "concluded"),
    ]
    browser = Client(HTTP_HOST="127.0.0.1")
    assert browser.login(username=coach.email, password=manifest["password"])
    results = {}
    for request in pages_for(client, extra):
        status, n = count(browser, request)
        results[request.label] = {"status": status, "queries": n}
    as_client = Client(HTTP_HOST="127.0.0.1")
    assert as_client.login(username=client.email, password=manifest["password"])
    for request in _engagement_pages(_rich(client), random.Random(1), "client"):
        status, n = count(as_client, request)
        results[request.label] = {"status": status, "queries": n}
    print(json.dumps({"coach_clients": len(coach.engagements), "pages": results}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
