"""The demo practice: what `headway demo` loads, that it loads only once, and that reset reloads it."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from headway.accounts.models import User
from headway.accounts.services import user_signup
from headway.accounts.tasks import deliver_email
from headway.coaching.models import CoachingModel, StageQuestion
from headway.decisions.models import Score
from headway.demo.common import PASSWORD
from headway.demo.practice import PRACTICE_NAME, DemoResult, demo_load
from headway.discovery.models import Assessment, Kind
from headway.discovery.services import journal_shared
from headway.engagements.models import (
    AgreementAcceptance,
    Answer,
    Engagement,
    EngagementKind,
    EngagementStatus,
    Intake,
    Invitation,
    StageTransition,
    StatusChange,
)
from headway.goals.models import Step
from headway.meetings.models import NoteKind, Session, SessionNote
from headway.overview.dashboard import dashboard_rows
from headway.practices.models import (
    CoachInvitation,
    CoachProfile,
    IntroRequest,
    MemberRole,
    Membership,
    Practice,
)
from headway.reminders.models import SentReminder
from headway.reminders.services import reminders_send

MAYA, DANIEL, PRIYA = "maya@northstar.example", "daniel@northstar.example", "priya@example.net"
CTJ, OFFSITE = "career-transition-journey", "career-offsite-model"
COUNTED = (
    User,
    Practice,
    Membership,
    CoachInvitation,
    CoachProfile,
    IntroRequest,
    CoachingModel,
    StageQuestion,
    Engagement,
    Invitation,
    StageTransition,
    StatusChange,
    AgreementAcceptance,
    Intake,
    Answer,
)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.fixture
def demo(db: Any) -> DemoResult:
    return demo_load()


def test_practice_with_two_coaches_and_full_profiles(demo: DemoResult) -> None:
    practice = Practice.objects.get(name=PRACTICE_NAME)
    roles = dict(practice.memberships.values_list("user__email", "role"))
    assert roles == {MAYA: MemberRole.OWNER, DANIEL: MemberRole.COACH}
    assert practice.invitations.get().accepted_at is not None
    for email in (MAYA, DANIEL):
        profile = CoachProfile.objects.get(user__email=email)
        for field in ("headline", "story", "background", "training", "session_formats"):
            assert getattr(profile, field).strip(), (email, field)
        assert len(profile.specialty_list()) >= 3
    assert CoachProfile.objects.get(user__email=MAYA).is_public
    assert not CoachProfile.objects.get(user__email=DANIEL).is_public
    assert not User.objects.filter(email_verified_at__isnull=True).exists()


def test_clients_at_different_stages(demo: DemoResult) -> None:
    rows = {
        e.client_name: (
            e.coach.email if e.coach else None,
            e.model_version.model.key,
            e.stage.key,
            e.status,
        )
        for e in Engagement.objects.select_related(
            "coach", "client", "stage", "model_version__model"
        )
    }
    assert rows == {
        "Grace Mensah": (MAYA, CTJ, "exploring", EngagementStatus.ACTIVE),
        "Tom Whitfield": (MAYA, CTJ, "readiness", EngagementStatus.ACTIVE),
        "Hannah Lowe": (MAYA, CTJ, "current-state", EngagementStatus.PAUSED),
        "Leo Park": (MAYA, CTJ, "rapport", EngagementStatus.INVITED),
        "Sofia Alvarez": (DANIEL, CTJ, "choosing", EngagementStatus.ACTIVE),
        "Ruth Adeyemi": (DANIEL, OFFSITE, "offsite", EngagementStatus.ACTIVE),
        "Priya Shah": (None, CTJ, "self-assessment", EngagementStatus.ACTIVE),
        "Amara Osei": (DANIEL, CTJ, "concluding", EngagementStatus.CONCLUDED),
    }
    invited = Engagement.objects.get(status=EngagementStatus.INVITED)
    assert invited.client is None and invited.invitations.get().is_open


def test_journeys_are_filled_in(demo: DemoResult) -> None:
    for engagement in Engagement.objects.exclude(status=EngagementStatus.INVITED):
        name = engagement.client_name
        assert engagement.intake.is_complete, name
        if engagement.kind == EngagementKind.COACHED:
            assert engagement.acceptances.exists(), name
        positions = dict(engagement.model_version.stages.values_list("key", "position"))
        answered = {a.stage_key for a in engagement.answers.all()}
        # Answers for the stages passed and the current one, none ahead.
        assert answered == {k for k, p in positions.items() if p <= engagement.stage.position}, name
        assert all(len(a.text) > 60 and a.question_id for a in engagement.answers.all()), name
        assert engagement.done_items(engagement.stage.key), name
        moves = engagement.transitions.exclude(from_stage=None)
        assert moves.count() == engagement.stage.position - 1, name
        assert all(t.reason for t in moves), name


def test_dashboard_shows_different_days_of_quiet(demo: DemoResult) -> None:
    now = timezone.now()
    days = {
        e.client_name: (now - e.last_activity_at).days
        for e in Engagement.objects.exclude(status=EngagementStatus.INVITED)
    }
    assert len(set(days.values())) >= 5
    quiet = Engagement.objects.get(client__email="tom.whitfield@example.com")
    assert quiet.status == EngagementStatus.ACTIVE and days["Tom Whitfield"] >= 20
    paused = Engagement.objects.get(status=EngagementStatus.PAUSED)
    assert paused.status_changes.filter(to_status=EngagementStatus.PAUSED).get().reason
    # Transitions were backdated in order, and never into the future.
    for engagement in Engagement.objects.all():
        moved = list(engagement.transitions.order_by("pk").values_list("moved_at", flat=True))
        assert moved == sorted(moved) and moved[-1] <= now


def test_self_guided_custom_model_and_intro_request(demo: DemoResult) -> None:
    priya = Engagement.objects.get(client__email=PRIYA)
    assert priya.kind == EngagementKind.SELF_GUIDED and priya.coach is None
    assert priya.answers.filter(stage_key="self-assessment").exists()

    custom = CoachingModel.objects.get(name="Returners' Pathway")
    assert custom.practice.name == PRACTICE_NAME and custom.created_by.email == MAYA
    assert custom.based_on.key == CTJ
    assert custom.who_for.startswith("Parents, carers") and "Returners" in custom.problems_solved
    stage = custom.latest_version().stages.get(key="readiness")
    assert stage.name == "Readiness to return"
    texts = [q.text for q in stage.questions.all()]
    assert any("career break" in t for t in texts)
    assert "identity-and-title" not in {q.key for q in stage.questions.all()}

    request = IntroRequest.objects.get()
    assert request.coach.email == MAYA and request.message


def test_every_login_works(demo: DemoResult) -> None:
    emails = [email for _, email in demo.logins]
    assert {MAYA, DANIEL, PRIYA} <= set(emails) and len(emails) == 9
    assert ("coach (owner)", MAYA) in demo.logins and ("self-guided", PRIYA) in demo.logins
    for email in emails:
        assert Client().login(email=email, password=PASSWORD), email
    summary = demo.summary()
    assert summary.startswith("Demo practice ready. Log in at ")
    assert f"with password {PASSWORD}:" in summary
    assert f"  coach (owner)   {MAYA}" in summary.splitlines()
    assert all(email in summary for email in emails)


def test_loading_twice_creates_nothing_new(db: Any) -> None:
    first = demo_load()
    before = counts()
    assert demo_load() == first
    assert counts() == before


def test_reset_reloads(db: Any) -> None:
    demo_load()
    fresh = counts()
    maya = User.objects.get(email=MAYA)
    IntroRequest.objects.create(coach=maya, name="Extra", email="extra@example.org")
    Engagement.objects.filter(client__email=PRIYA).update(status=EngagementStatus.CONCLUDED)

    demo_load(reset=True)

    assert counts() == fresh
    assert User.objects.get(email=MAYA).pk != maya.pk
    assert Engagement.objects.get(client__email=PRIYA).status == EngagementStatus.ACTIVE


def test_refuses_to_take_over_an_existing_account(db: Any) -> None:
    user_signup(email=PRIYA, name="Priya", password="another long password", verified=True)
    with pytest.raises(ValidationError, match="--reset"):
        demo_load()
    assert not Practice.objects.exists() and User.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_queues_no_emails(settings: Any) -> None:
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    deliver_email.enqueue(["someone@example.org"], "Unrelated", "Stays queued.")
    demo_load()
    queued = DBTaskResult.objects.filter(task_path=deliver_email.module_path)
    assert [t.args_kwargs["args"][0] for t in queued] == [["someone@example.org"]]
    assert mail.outbox == []
    # Reminders already due at load time count as sent: the worker's first sweep is quiet.
    assert reminders_send(now=timezone.now()).reminders == 0
    assert SentReminder.objects.exists()


def test_grace_has_taken_the_self_discovery_assessments(demo: DemoResult) -> None:
    grace = Engagement.objects.get(client__email="grace.mensah@example.com")
    done = grace.assessments.completed()
    assert sorted(set(done.values_list("kind", flat=True))) == sorted(
        [Kind.VALUES, Kind.STRENGTHS, Kind.INTERESTS, Kind.SKILLS]
    )
    first, retake = done.filter(kind=Kind.INTERESTS).order_by("completed_at")
    assert first.result["code"] != retake.result["code"]  # something to compare
    readiness = Assessment.objects.get(engagement=grace, kind=Kind.READINESS)
    assert readiness.assigned_by is not None and readiness.due_on is not None
    assert readiness.started_at is not None and readiness.completed_at is None
    assert grace.journal_entries.count() >= 10 and journal_shared(grace)
    coach = Client()
    coach.force_login(grace.coach)
    for name in ["discovery", "discovery_summary", "journal"]:
        page = coach.get(reverse(name, args=[grace.pk]))
        assert page.status_code == 200, name
    assert coach.get(reverse("discovery_summary_pdf", args=[grace.pk])).content[:4] == b"%PDF"


def test_grace_is_weighing_options_and_planning(demo: DemoResult) -> None:
    grace = Engagement.objects.get(client__email="grace.mensah@example.com")
    matrix = grace.decision_matrix
    assert matrix.options.count() >= 3 and matrix.criteria.count() >= 5
    assert Score.objects.filter(option__matrix=matrix).count() >= 10
    goals = grace.goals.all()
    assert 1 <= grace.goals.active().count() <= 3
    assert any(g.revisions.exclude(reason="").exists() for g in goals)  # revised, with a why
    assert Step.objects.filter(goal__engagement=grace, done_at__isnull=False).exists()
    assert Step.objects.filter(goal__engagement=grace, done_at__isnull=True).exists()
    coach = Client()
    coach.force_login(grace.coach)
    for name in ["decision_matrix", "goals", "plan_ics"]:
        assert coach.get(reverse(name, args=[grace.pk])).status_code == 200, name


def test_grace_checks_in_and_the_dashboard_flags_her_falling_energy(demo: DemoResult) -> None:
    grace = Engagement.objects.get(client__email="grace.mensah@example.com")
    assert grace.check_ins.count() == 3
    coach = Client()
    coach.force_login(grace.coach)
    assert "Energy falling across check-ins" in coach.get(reverse("dashboard")).content.decode()


def test_grace_and_maya_meet_and_keep_notes_of_both_kinds(demo: DemoResult) -> None:
    grace = Engagement.objects.get(client__email="grace.mensah@example.com")
    sessions = Session.objects.filter(engagement=grace)
    assert sessions.past().count() == 3 and sessions.upcoming().count() == 1
    notes = SessionNote.objects.filter(session__engagement=grace)
    assert {n.kind for n in notes} == {NoteKind.PRIVATE, NoteKind.SHARED}
    upcoming = sessions.upcoming().get()
    assert upcoming.topics.exists()
    coach, client = Client(), Client()
    coach.force_login(grace.coach)
    client.force_login(grace.client)
    # The dashboard does not nudge for a next session: one is booked.
    row = next(r for r in dashboard_rows(grace.coach) if r.engagement == grace)
    assert "no-session" not in {a.code for a in row.attention}
    brief = coach.get(reverse("session_brief", args=[grace.pk, upcoming.pk])).content.decode()
    assert "pacing" in brief  # Grace's topic
    held = sessions.past().last()
    assert held is not None
    private = notes.filter(session=held, kind=NoteKind.PRIVATE).get().text
    shared = notes.filter(session=held, kind=NoteKind.SHARED).get().text
    page = client.get(reverse("session_notes", args=[grace.pk, held.pk])).content.decode()
    assert escape(shared) in page and escape(private) not in page


def test_amara_concluded_with_a_celebration_and_follow_ups(demo: DemoResult) -> None:
    from headway.concluding.journey import celebration_of
    from headway.concluding.models import EfficacyRating, FollowUp
    from headway.overview.dashboard import dashboard_rows

    amara = Engagement.objects.get(client__email="amara.osei@example.com")
    assert amara.status == EngagementStatus.CONCLUDED and amara.concluded_at is not None
    phases = set(EfficacyRating.objects.filter(engagement=amara).values_list("phase", flat=True))
    assert phases == {"start", "middle", "end"}
    c = celebration_of(amara)
    assert c.insight is not None and c.insight.learned.startswith("I am at my best")
    assert c.conclusion is not None and c.conclusion.reflection
    assert [g.text for g, _ in c.achieved] and c.changes[0].before < c.changes[0].after
    follow_ups = {f.months: f for f in FollowUp.objects.filter(engagement=amara)}
    assert sorted(follow_ups) == [3, 6, 12]
    assert follow_ups[12].declined_at is not None
    daniel = User.objects.get(email=DANIEL)
    (row,) = [r for r in dashboard_rows(daniel) if r.engagement.pk == amara.pk]
    assert [a.message for a in row.attention] == ["3-month follow-up due"]
    client = Client()
    client.force_login(amara.client)
    assert client.get(reverse("celebration_pdf", args=[amara.pk])).content[:4] == b"%PDF"


def test_ruth_has_held_two_offsites_and_daniel_has_a_library(demo: DemoResult) -> None:
    from headway.offsites.history import history_columns
    from headway.offsites.models import Offsite, OffsiteCycle, PriorityPath, Resource

    ruth = Engagement.objects.get(client__email="ruth.adeyemi@example.com")
    assert ruth.model_version.model.key == OFFSITE
    first, second = Offsite.objects.filter(engagement=ruth).order_by("completed_at")
    assert first.is_completed and second.is_completed
    assert (first.mode, second.mode) == ("facilitated", "self_guided")
    assert first.held_on < second.held_on < timezone.localdate()
    paths = [p.path for p in first.priority_rows.all()]
    assert paths == [PriorityPath.GOAL, PriorityPath.LATER, PriorityPath.OPEN]
    goal = first.priority_rows.get(path=PriorityPath.GOAL).goal
    assert goal is not None and goal.engagement == ruth and goal.text.startswith("Lead the")
    assert second.priority_rows.count() == 2
    cycle = OffsiteCycle.objects.get(engagement=ruth)
    assert cycle.next_on is not None and cycle.next_on > timezone.localdate()
    assert ruth.last_activity_at < timezone.now() - timezone.timedelta(days=5)
    # Then and now: her values moved between the offsites.
    daniel = User.objects.get(email=DANIEL)
    columns = history_columns(ruth, daniel)
    assert [c.column.label == "Now" for c in columns] == [False, False, True]
    assert "New: Influence" in columns[1].column.values_changes
    assert columns[0].column.energy != "no entries"
    library = Resource.objects.filter(owner=daniel)
    assert library.count() == 4 and {"link", "note"} == set(library.values_list("kind", flat=True))
    assert all(r.stages and r.themes for r in library)
    shared = ruth.shared_resources.all()  # type: ignore[attr-defined]
    assert shared.count() == 2 and shared.filter(useful=True).count() == 1
    client = Client()
    client.force_login(ruth.client)
    page = client.get(reverse("offsite_history", args=[ruth.pk])).content.decode()
    assert "Fear, not lack of interest" not in page  # the closing words stay on the sheet
    assert escape("I want more influence over direction") in page


DEMO = Path(__file__).resolve().parents[2] / "headway" / "demo"


def demo_imports(path: Path) -> set[str]:
    """The demo modules a module imports, at its top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from within headway/demo/
                base = ".".join(filter(None, ["headway.demo", node.module]))
            # `from headway.demo import board` names a module; `from headway.demo.board
            # import x` names the module it imports from.
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        for name in names:
            module = name.removeprefix("headway.demo.")
            if module != name and (path.parent / f"{module}.py").exists():
                found.add(module)
    found.discard(path.stem)
    return found


def test_the_demo_modules_import_each_other_in_no_circle() -> None:
    graph = {path.stem: demo_imports(path) for path in DEMO.glob("*.py")}
    assert {"board", "concluding"} <= graph["practice"]  # the walk sees the imports
    done: set[str] = set()

    def visit(module: str, trail: list[str]) -> None:
        if module in trail:
            raise AssertionError(" -> ".join([*trail[trail.index(module) :], module]))
        if module not in done:
            for imported in sorted(graph[module]):
                visit(imported, [*trail, module])
            done.add(module)

    for module in sorted(graph):
        visit(module, [])
