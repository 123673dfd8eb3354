"""The demo practice scaled up for load tests: many practices, coaches and clients with full
histories, made through the services as the demo makes them (not part of the test suite).

    HEADWAY_DATA_DIR=/tmp/x .venv/bin/python bench/load/scale.py --coaches 50 --clients 40 \\
        --manifest /tmp/x/manifest.json

Uses the database in HEADWAY_DATA_DIR (or DATABASE_URL), migrated and given the O*NET
release from HEADWAY_ONET_DIR (default ../shared/onet) when it has none. Coaches come in
practices of five, the first of each the owner. Each coach's clients cycle through the demo's
people: most like Grace, Tom, Hannah or Sofia (at their stages, with Grace's board,
self-discovery, decision matrix, goals, check-ins and sessions), one in eight concluded with
follow-ups like Amara, one in eight on the Career Offsite Model with two offsites like Ruth,
one in twenty only invited. One transaction per coach. The manifest lists every login (one
shared password) with the ids a load driver browses.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headway.settings")
os.environ.setdefault("HEADWAY_DATA_DIR", "/tmp/hw-scale")

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from headway.accounts.models import User  # noqa: E402
from headway.accounts.services import user_signup  # noqa: E402
from headway.accounts.tasks import deliver_email  # noqa: E402
from headway.checkins.models import CheckIn  # noqa: E402
from headway.coaching.models import CoachingModel  # noqa: E402
from headway.demo.board import demo_board_load  # noqa: E402
from headway.demo.checkins import demo_checkins_load  # noqa: E402
from headway.demo.common import CTJ, PASSWORD, backdate, journey  # noqa: E402
from headway.demo.concluding import demo_concluding_load  # noqa: E402
from headway.demo.decision import demo_decision_load  # noqa: E402
from headway.demo.discovery import demo_discovery_load  # noqa: E402
from headway.demo.goals import demo_goals_load  # noqa: E402
from headway.demo.offsites import demo_offsites_load  # noqa: E402
from headway.demo.people import CLIENTS, COACHES  # noqa: E402
from headway.demo.sessions import demo_sessions_load  # noqa: E402
from headway.discovery.models import JournalEntry  # noqa: E402
from headway.engagements.models import Answer, Engagement, EngagementStatus  # noqa: E402
from headway.engagements.services import (  # noqa: E402
    agreement_accept,
    engagement_invite_client,
    engagement_set_status,
    invitation_accept,
    invitation_by_token,
)
from headway.exploration.models import Option  # noqa: E402
from headway.goals.models import Goal, Step  # noqa: E402
from headway.meetings.models import Session, SessionNote  # noqa: E402
from headway.offsites.models import Offsite  # noqa: E402
from headway.practices.models import Agreement, Membership, Practice  # noqa: E402
from headway.practices.services import (  # noqa: E402
    coach_invitation_accept,
    coach_profile_ensure,
    coach_signup,
    practice_invite_coach,
)
from headway.reminders.services import reminders_send  # noqa: E402

PER_PRACTICE = 5
# The demo's people by name: the clients a coach cycles through.
SPECS = {c["name"].split()[0].lower(): c for c in CLIENTS}
COACHED = [SPECS["grace"], SPECS["tom"], SPECS["hannah"], SPECS["sofia"]]
FIRST = ["Maya", "Daniel", "Aisha", "Tomasz", "Ines", "Kwame", "Lena", "Rafael", "Yuki", "Owen"]
LAST = ["Okafor", "Reyes", "Brennan", "Nowak", "Costa", "Mensah", "Fischer", "Silva", "Ito"]
PRACTICES = ["Northstar", "Lighthouse", "Crossroads", "Tideline", "Waypoint", "Meridian"]
# Coaches' session hours, so a diary with forty clients is spread over the day.
HOURS = [clock(h, m) for h in (8, 10, 12, 14, 16, 18) for m in (0, 30)]
# The main tables, for the counts printed and written to the manifest.
COUNTED = [
    "accounts.User",
    "practices.Practice",
    "practices.Membership",
    "engagements.Engagement",
    "engagements.Invitation",
    "engagements.Intake",
    "engagements.Answer",
    "engagements.StageTransition",
    "exploration.Option",
    "exploration.InformationalInterview",
    "exploration.Experiment",
    "exploration.Comment",
    "discovery.Assessment",
    "discovery.JournalEntry",
    "decisions.DecisionMatrix",
    "decisions.Score",
    "goals.Goal",
    "goals.Step",
    "goals.Obstacle",
    "checkins.CheckIn",
    "meetings.Session",
    "meetings.SessionNote",
    "meetings.SessionTopic",
    "offsites.Offsite",
    "offsites.OffsiteAnswer",
    "offsites.Priority",
    "offsites.Resource",
    "concluding.Conclusion",
    "concluding.FollowUp",
    "reminders.SentReminder",
]
PRINTED = {
    "engagements": Engagement,
    "answers": Answer,
    "goals": Goal,
    "steps": Step,
    "check-ins": CheckIn,
    "sessions": Session,
    "notes": SessionNote,
    "journal entries": JournalEntry,
    "offsites": Offsite,
    "options": Option,
}


def kind_of(j: int) -> str:
    """What the j-th client (0-based) of a coach is: three clients already give one coached,
    one concluded and one on offsites; forty give 28, 5 and 5, and two only invited."""
    if j % 20 == 3:
        return "invited"
    if j % 8 == 1:
        return "concluded"
    if j % 8 == 2:
        return "offsite"
    return "coached"


def coach_email(i: int) -> str:
    return f"coach{i:02d}@practice{(i - 1) // PER_PRACTICE + 1:02d}.example"


def client_email(i: int, j: int) -> str:
    return f"client{i:02d}-{j:02d}@example.com"


def ensure_data() -> None:
    from headway.onet.importer import onet_import
    from headway.onet.models import Release

    call_command("migrate", verbosity=0, interactive=False)
    if Release.current() is None:
        source = os.environ.get("HEADWAY_ONET_DIR") or str(ROOT.parent / "shared" / "onet")
        print(f"importing O*NET from {source}", flush=True)
        onet_import(source=source)


@contextmanager
def shortcuts() -> Iterator[None]:
    """What makes loading thousands of people slow without changing what is stored:
    argon2 for every account: the services hash with MD5 meanwhile, and the one real hash
    is copied into every account afterwards (set_password)."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


class Loader:
    def __init__(self, *, coaches: int, clients: int, now: datetime) -> None:
        self.coaches, self.clients, self.now = coaches, clients, now
        self.models = {m.key: m for m in CoachingModel.objects.builtin()}
        self.owner: User | None = None
        self.practice: Practice | None = None
        self.agreement: Agreement | None = None
        self.people: list[dict[str, Any]] = []  # the manifest's coaches
        self.clients_out: list[dict[str, Any]] = []
        self.dropped = 0

    def ago(self, days: float) -> datetime:
        return self.now - timedelta(days=days)

    def coach(self, i: int) -> User:
        """The i-th coach (1-based): the first of every five founds a practice."""
        name = f"{FIRST[(i - 1) % len(FIRST)]} {LAST[(i - 1) % len(LAST)]}"
        email = coach_email(i)
        p = (i - 1) // PER_PRACTICE
        if (i - 1) % PER_PRACTICE == 0:
            title = f"{PRACTICES[p % len(PRACTICES)]} Career Coaching {p + 1:02d}"
            user = coach_signup(
                email=email,
                name=name,
                password=PASSWORD,
                practice_name=title,
                verified=True,
            )
            self.owner = user
            self.practice = Membership.objects.get(user=user).practice
            self.agreement = self.practice.current_agreement()
        else:
            assert self.practice is not None and self.owner is not None
            user = user_signup(email=email, name=name, password=PASSWORD, verified=True)
            invitation = practice_invite_coach(practice=self.practice, by=self.owner, email=email)
            coach_invitation_accept(invitation=invitation, user=user)
        profile = coach_profile_ensure(user=user)
        demo_coach = COACHES["maya" if i % 2 else "daniel"]
        for field, value in demo_coach["profile"].items():
            setattr(profile, field, value)
        profile.save()
        joined = self.ago(demo_coach["joined"])
        User.objects.filter(pk=user.pk).update(date_joined=joined)
        Membership.objects.filter(user=user).update(joined_at=joined)
        assert self.practice is not None
        self.people.append(
            {"email": email, "practice_id": self.practice.pk, "owner": user == self.owner}
        )
        return user

    def client(self, coach: User, i: int, j: int, coached: int) -> None:
        """The j-th client (0-based) of coach i; `coached` counts the coached ones so far."""
        email = client_email(i, j + 1)
        kind = kind_of(j)
        membership = Membership.objects.get(user=coach, practice=self.practice)
        assert self.agreement is not None
        if kind == "concluded":
            name = f"{FIRST[j % len(FIRST)]} Osei-{j + 1:02d}"
            engagement = demo_concluding_load(
                coach=coach,
                agreement=self.agreement,
                model=self.models[CTJ],
                ago=self.ago,
                email=email,
                name=name,
            )
            self.note(engagement, coach, email, CTJ)
            return
        spec = {
            "invited": SPECS["leo"],
            "offsite": SPECS["ruth"],
            # Started a person further along for each coach, so two coaches with a client
            # each already show two stages.
            "coached": COACHED[(coached + i - 1) % len(COACHED)],
        }[kind]
        base = spec["name"].split()
        name = f"{base[0]} {base[1]}-{i:02d}{j + 1:02d}"
        engagement, raw = engagement_invite_client(
            coach=coach,
            membership=membership,
            email=email,
            name=name,
            model=self.models[spec["model"]],
            message=spec["message"],
        )
        if kind == "invited":
            invited = {**spec, "last": spec["started"], "moves": []}
            backdate(engagement, invited, self.ago, seen=None)
            self.note(engagement, coach, email, spec["model"])
            return
        client = user_signup(email=email, name=name, password=PASSWORD, verified=True)
        invitation = invitation_by_token(raw)
        assert invitation is not None
        engagement = invitation_accept(invitation=invitation, user=client)
        agreement_accept(engagement=engagement, agreement=self.agreement, by=client)
        journey(engagement, client=client, mover=coach, spec=spec)
        backdate(engagement, spec, self.ago, seen=self.ago(spec.get("seen", spec["last"])))
        at, shift = HOURS[j % len(HOURS)], j % 5
        if kind == "offsite":
            demo_offsites_load(coach=coach, ago=self.ago, engagement=engagement)
        else:
            demo_board_load(engagement, client=client, coach=coach, ago=self.ago)
            demo_discovery_load(engagement, client=client, coach=coach, ago=self.ago)
            demo_decision_load(engagement, client=client)
            demo_goals_load(engagement, client=client, ago=self.ago)
        demo_checkins_load(engagement, client=client, ago=self.ago)
        demo_sessions_load(engagement, coach=coach, client=client, ago=self.ago, at=at, shift=shift)
        if spec.get("paused"):  # after the rest, which a paused engagement would refuse
            engagement_set_status(
                engagement=engagement,
                status=EngagementStatus.PAUSED,
                by=coach,
                reason=spec["paused"],
            )
        backdate(engagement, spec, self.ago, seen=self.ago(spec.get("seen", spec["last"])))
        self.note(engagement, coach, email, spec["model"])

    def note(self, engagement: Engagement, coach: User, email: str, model: str) -> None:
        self.clients_out.append(
            {
                "email": email,
                "engagement_id": engagement.pk,
                "coach_email": coach.email,
                "model": model,
            }
        )

    def run(self, progress: Callable[[int], None]) -> None:
        for i in range(1, self.coaches + 1):
            with transaction.atomic():
                coach = self.coach(i)
                coached = 0
                for j in range(self.clients):
                    self.client(coach, i, j, coached)
                    coached += kind_of(j) == "coached"
            # Each coach's queued emails go as soon as they are queued: the concluded
            # clients' own clean-up reads the queue, and a long one makes every coach slower.
            self.dropped += drop_queued_emails(self.now)
            progress(i)


def set_password(emails: list[str]) -> None:
    """One real hash of the shared password, copied into every account made here."""
    hashed = make_password(PASSWORD)
    for start in range(0, len(emails), 500):
        User.objects.filter(email__in=emails[start : start + 500]).update(password=hashed)


def drop_queued_emails(since: datetime) -> int:
    """Like the demo's: nothing the loading queued is sent (the database belongs to the load
    test, so every email queued since it started is the loader's)."""
    if not apps.is_installed("django_tasks_db"):
        return 0
    from django_tasks_db.models import DBTaskResult

    deleted, _ = DBTaskResult.objects.filter(
        task_path=deliver_email.module_path, status="READY", enqueued_at__gte=since
    ).delete()
    return deleted


def finish(clients: list[dict[str, Any]]) -> None:
    """Each client's status, stage and the ids a driver opens, read back in bulk."""
    ids = [c["engagement_id"] for c in clients]
    rows = {
        e.pk: e
        for e in Engagement.objects.filter(pk__in=ids)
        .select_related("stage")
        .only("pk", "status", "stage__key")
    }
    lists: dict[str, dict[int, list[int]]] = {}
    for key, model in (
        ("goal_ids", Goal),
        ("session_ids", Session),
        ("option_ids", Option),
        ("offsite_ids", Offsite),
    ):
        found: dict[int, list[int]] = defaultdict(list)
        for engagement_id, pk in (
            model.objects.filter(engagement_id__in=ids)
            .order_by("pk")
            .values_list("engagement_id", "pk")
        ):
            found[engagement_id].append(pk)
        lists[key] = found
    for c in clients:
        e = rows[c["engagement_id"]]
        c["status"], c["stage"] = e.status, e.stage.key
        for key, found in lists.items():
            c[key] = found.get(e.pk, [])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coaches", type=int, default=50)
    parser.add_argument("--clients", type=int, default=40, help="per coach")
    parser.add_argument("--manifest", type=Path, required=True)
    args = parser.parse_args()

    ensure_data()
    if User.objects.filter(email=coach_email(1)).exists():
        print(f"{coach_email(1)} exists already: use a fresh database", file=sys.stderr)
        return 1
    started = time.perf_counter()
    now = timezone.now()

    def progress(i: int) -> None:
        print(f"coach {i}/{args.coaches}, {time.perf_counter() - started:.0f} s", flush=True)

    loader = Loader(coaches=args.coaches, clients=args.clients, now=now)
    with shortcuts():
        loader.run(progress)
    emails = [p["email"] for p in [*loader.people, *loader.clients_out]]
    set_password(emails)
    # What is due already counts as sent, as in the demo, so the load run starts quiet.
    with transaction.atomic():
        sweep = reminders_send(now=now)
    dropped = loader.dropped + drop_queued_emails(now)
    finish(loader.clients_out)
    seconds = round(time.perf_counter() - started, 1)
    tables = [apps.get_model(label) for label in COUNTED]
    counts = {m._meta.db_table: m.objects.count() for m in tables}
    manifest = {
        "password": PASSWORD,
        "coaches": loader.people,
        "clients": loader.clients_out,
        "counts": counts,
        "seconds": seconds,
    }
    args.manifest.parent.mkdir(parents=True, exist_ok=True)
    args.manifest.write_text(json.dumps(manifest, indent=1))
    print(f"reminders marked sent: {sweep}; queued emails dropped: {dropped}")
    for label, model in PRINTED.items():
        print(f"  {label:<16} {model.objects.count():>8}")
    print(f"loaded in {seconds:.0f} s; manifest {args.manifest}")
    _analyze()
    return 0


def _analyze() -> None:
    """Fresh statistics for the planner, as autovacuum would give them after a bulk load
    (some servers, like the test machine's, run with autovacuum off)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


if __name__ == "__main__":
    sys.exit(main())
