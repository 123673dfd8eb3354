"""What the load's coaches and clients do: weighted actions over the scaled demo's manifest.

An action is a list of requests: a page, or a form post followed by the page it redirects to,
as a browser does. Writes carry a unique marker so the fault run can find each one afterwards.
Used by run.py (over HTTP) and queries.py (in process, counting SQL queries)."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

ACTIVE = {"active"}


def _server_today() -> date:
    """Today for the server under load, which keeps its default TIME_ZONE of UTC."""
    return datetime.now(UTC).date()


@dataclass(frozen=True)
class Request:
    label: str  # the page, as the results report it
    method: str
    path: str
    data: dict[str, Any] | None = None
    write: str = ""  # the kind of write, for the ledger
    marker: str = ""


@dataclass
class Person:
    email: str
    role: str  # "coach" or "client"
    engagements: list[dict[str, Any]] = field(default_factory=list)
    owner: bool = False


def people(manifest: dict[str, Any]) -> tuple[list[Person], list[Person]]:
    """Coaches with their accepted clients' engagements, and the accepted clients."""
    coaches = {
        c["email"]: Person(c["email"], "coach", owner=c["owner"]) for c in manifest["coaches"]
    }
    clients = []
    for c in manifest["clients"]:
        if c["status"] == "invited":
            continue
        coaches[c["coach_email"]].engagements.append(c)
        clients.append(Person(c["email"], "client", [c]))
    return [c for c in coaches.values() if c.engagements], clients


def _marker() -> str:
    return f"load-{uuid.uuid4().hex[:12]}"


def _pick(rng: random.Random, items: list[Any]) -> Any:
    return items[rng.randrange(len(items))] if items else None


def _engagement_pages(e: dict[str, Any], rng: random.Random, who: str) -> list[Request]:
    pk = e["engagement_id"]
    pages = [
        Request(f"{who}: engagement", "GET", f"/e/{pk}/"),
        Request(f"{who}: goals", "GET", f"/e/{pk}/goals/"),
        Request(f"{who}: check-ins", "GET", f"/e/{pk}/check-ins/"),
        Request(f"{who}: sessions", "GET", f"/e/{pk}/sessions/"),
        Request(f"{who}: board", "GET", f"/e/{pk}/board/"),
        Request(f"{who}: discovery", "GET", f"/e/{pk}/discovery/"),
    ]
    if goal := _pick(rng, e.get("goal_ids", [])):
        pages.append(Request(f"{who}: goal", "GET", f"/e/{pk}/goals/{goal}/"))
    if option := _pick(rng, e.get("option_ids", [])):
        pages.append(Request(f"{who}: board option", "GET", f"/e/{pk}/board/{option}/"))
    if e.get("offsite_ids"):
        pages.append(Request(f"{who}: offsites", "GET", f"/e/{pk}/offsites/"))
    if e["status"] == "concluded":
        pages.append(Request(f"{who}: celebration", "GET", f"/e/{pk}/celebration/"))
    return pages


def coach_action(coach: Person, rng: random.Random) -> list[Request]:
    e = _pick(rng, coach.engagements)
    pk = e["engagement_id"]
    roll = rng.random()
    if roll < 0.25:
        return [Request("coach: dashboard", "GET", "/dashboard/")]
    if roll < 0.30:
        query = _pick(rng, ["nurse", "teacher", "analyst", "designer", "manager"])
        return [Request("coach: occupation search", "GET", f"/occupations/?q={query}")]
    session = _pick(rng, e.get("session_ids", []))
    if roll < 0.40 and session:
        return [Request("coach: session brief", "GET", f"/e/{pk}/sessions/{session}/brief/")]
    if roll < 0.45 and session:
        marker = _marker()
        path = f"/e/{pk}/sessions/{session}/notes/"
        data = {
            "text": f"Noticed more energy when talking about mentoring. {marker}",
            "kind": "private",
        }
        return [
            Request("coach: add a note (POST)", "POST", path, data, "note", marker),
            Request("coach: session notes", "GET", path),
        ]
    if roll < 0.48 and e["status"] in ACTIVE:
        marker = _marker()
        day = _server_today() + timedelta(days=rng.randint(3, 40))
        data = {
            "day": day.isoformat(),
            "time": f"{rng.randint(8, 17):02d}:{rng.choice(['00', '30'])}",
            "zone": "Europe/London",
            "duration_minutes": "60",
            "place": "Video call",
            "agenda": f"Review the informational interviews. {marker}",
        }
        return [
            Request(
                "coach: schedule a session (POST)",
                "POST",
                f"/e/{pk}/sessions/",
                data,
                "session",
                marker,
            ),
            Request("coach: sessions", "GET", f"/e/{pk}/sessions/"),
        ]
    if roll < 0.50 and coach.owner:
        return [Request("coach: practice", "GET", "/practice/")]
    return [_pick(rng, _engagement_pages(e, rng, "coach"))]


def client_action(client: Person, rng: random.Random) -> list[Request]:
    e = client.engagements[0]
    pk = e["engagement_id"]
    roll = rng.random()
    if roll < 0.15:
        return [Request("client: engagement", "GET", f"/e/{pk}/")]
    active = e["status"] in ACTIVE
    if roll < 0.22 and active:
        marker = _marker()
        data = {
            "energy": str(rng.randint(3, 9)),
            "progress": f"Booked a coffee with a former colleague. {marker}",
            "obstacles": "Evenings were busy with the children.",
            "win": "Finished the values exercise.",
        }
        return [
            Request(
                "client: check in (POST)", "POST", f"/e/{pk}/check-ins/", data, "checkin", marker
            ),
            Request("client: check-ins", "GET", f"/e/{pk}/check-ins/"),
        ]
    if roll < 0.28 and active:
        marker = _marker()
        data = {
            "activity": f"Planning the week {marker}",
            "energy": str(rng.randint(-2, 2)),
            "occurred_on": _server_today().isoformat(),
            "note": "",
        }
        return [
            Request(
                "client: journal entry (POST)", "POST", f"/e/{pk}/journal/", data, "journal", marker
            ),
            Request("client: journal", "GET", f"/e/{pk}/journal/"),
        ]
    if roll < 0.32:
        return [Request("client: decision matrix", "GET", f"/e/{pk}/decide/")]
    return [_pick(rng, _engagement_pages(e, rng, "client"))]
