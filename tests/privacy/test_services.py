"""Export, erasure, consent log and audit log, through the services and the raw database."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from headway.accounts.mail import send_templated
from headway.coaching.services import coaching_model_clone
from headway.discovery.models import Assessment
from headway.discovery.services import assessment_set_sharing, journal_add, journal_set_sharing
from headway.engagements.models import Engagement
from headway.engagements.services import agreement_accept
from headway.goals.services import accountability_link_create, accountability_link_revoke
from headway.meetings.models import NoteKind, NoteRead, SessionNote
from headway.meetings.note_services import note_add, notes_for
from headway.meetings.session_services import session_schedule
from headway.offsites.models import Resource, ResourceKind, SharedResource
from headway.practices.models import MemberRole, Membership, Practice
from headway.practices.services import agreement_publish, coach_signup
from headway.privacy.consent import consent_log
from headway.privacy.models import AuditEvent, AuditKind, ConsentWhat
from headway.privacy.services import account_erase, account_export, audit_log, pseudonym
from tests.helpers import PASSWORD, World, build_world, transition_model
from tests.smtp import Mailbox, mailbox, smtp_server  # noqa: F401

PHRASE = "Quetzal lighthouse evenings"
PRIVATE = "Coach private: Cleo seems tired"


def _fill(world: World) -> None:
    e = world.engagement
    journal_add(engagement=e, by=world.client, activity=PHRASE, energy=2, note="A long walk")
    session = session_schedule(
        engagement=e,
        by=world.owner,
        starts_at=timezone.now() + dt.timedelta(days=2),
        time_zone="Europe/London",
    )
    note_add(session=session, by=world.owner, text=PRIVATE, kind=NoteKind.PRIVATE)
    note_add(session=session, by=world.owner, text="Shared: next steps", kind=NoteKind.SHARED)
    notes_for(user=world.owner, session=session)  # a read of the private note: the audit log


def _export(world: World) -> tuple[dict, zipfile.ZipFile]:
    z = zipfile.ZipFile(io.BytesIO(account_export(user=world.client)))
    return json.loads(z.read("headway-export.json")), z


def test_the_export_holds_the_clients_data_decrypted_but_not_the_coachs_private_notes(
    world: World,
) -> None:
    _fill(world)
    data, z = _export(world)
    text = json.dumps(data)
    assert data["account"]["email"] == "cleo@example.com"
    assert "password" not in data["account"]
    assert [e["id"] for e in data["engagements"]] == [world.engagement.pk]
    assert PHRASE in text
    assert "Shared: next steps" in text
    assert PRIVATE not in text
    assert "private session notes" in z.read("README.txt").decode()
    assert "meetings.noteread" not in text


def test_every_export_is_in_the_practice_audit_log(world: World) -> None:
    _export(world)
    event = AuditEvent.objects.get(kind=AuditKind.EXPORT)
    assert event.user == world.client
    assert event.practice == world.practice
    rows = audit_log(practice=world.practice, kind=AuditKind.EXPORT)
    assert [r.who for r in rows] == ["Cleo Client"]


def test_a_coach_exports_their_own_account(world: World) -> None:
    data = json.loads(
        zipfile.ZipFile(io.BytesIO(account_export(user=world.colleague))).read(
            "headway-export.json"
        )
    )
    assert data["coach"]["practices"][0]["name"] == world.practice.name
    assert data["engagements"] == []


def _text_values() -> list[str]:
    """Every text value of every table, straight from the database."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            for col in connection.introspection.get_table_description(cursor, table):
                cursor.execute(
                    f"SELECT {connection.ops.quote_name(col.name)} "  # noqa: S608
                    f"FROM {connection.ops.quote_name(table)}"
                )
                found += [str(v) for (v,) in cursor.fetchall() if isinstance(v, str)]
    return found


def test_erasure_leaves_nothing_of_the_person_in_the_database(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    django_capture_on_commit_callbacks,
) -> None:
    _fill(world)
    journal_set_sharing(engagement=world.engagement, by=world.client, shared=True)
    accountability_link_create(engagement=world.engagement, by=world.client, partner_name="Ana")
    _export(world)
    engagement_pk = world.engagement.pk
    before = "\n".join(_text_values())
    assert "cleo@example.com" in before and "Cleo Client" in before

    with django_capture_on_commit_callbacks(execute=True):
        subject = account_erase(user=world.client, confirm_email="Cleo@Example.com ")

    values = "\n".join(_text_values()).lower()
    for trace in ["cleo@example.com", "cleo client", PHRASE.lower(), "a long walk"]:
        assert trace not in values
    assert not Engagement.objects.filter(pk=engagement_pk).exists()
    assert not SessionNote.objects.filter(session__engagement_id=engagement_pk).exists()
    assert not NoteRead.objects.filter(note__session__engagement_id=engagement_pk).exists()
    erased = AuditEvent.objects.get(kind=AuditKind.ERASURE)
    assert (erased.subject, erased.description, erased.user) == (
        subject,
        "An account was erased",
        None,
    )
    assert AuditEvent.objects.get(kind=AuditKind.EXPORT).user is None
    message = mailbox.wait_for("olivia@example.com", subject="A client erased their data")
    assert "Cleo" not in message.body and PHRASE not in message.body


def test_erasure_needs_the_email_typed(world: World) -> None:
    with pytest.raises(ValidationError, match="Type the email"):
        account_erase(user=world.client, confirm_email="someone@example.com")
    assert Engagement.objects.filter(pk=world.engagement.pk).exists()


def test_an_owner_with_other_coaches_hands_over_first(world: World) -> None:
    with pytest.raises(ValidationError) as exc:
        account_erase(user=world.owner, confirm_email=world.owner.email)
    assert any("other coaches" in m for m in exc.value.messages)
    assert any("You coach 1 engagement" in m for m in exc.value.messages)
    world.owner.refresh_from_db()


def test_a_coach_with_no_clients_left_can_go(world: World) -> None:
    Membership.objects.filter(user=world.colleague).update(role=MemberRole.COACH)
    account_erase(user=world.colleague, confirm_email=world.colleague.email)
    assert not Membership.objects.filter(practice=world.practice, user__email="carl@example.com")


def test_a_self_guided_person_erases_everything(world: World) -> None:
    journal_add(engagement=world.solo_engagement, by=world.solo, activity=PHRASE, energy=1)
    account_erase(user=world.solo, confirm_email="sam@example.com")
    assert not Engagement.objects.filter(pk=world.solo_engagement.pk).exists()
    assert AuditEvent.objects.get(kind=AuditKind.ERASURE).practice is None


def test_the_pseudonym_is_stable_and_names_no_one(world: World) -> None:
    assert pseudonym(world.client) == pseudonym(world.client) != pseudonym(world.solo)
    assert "cleo" not in pseudonym(world.client)


def test_the_consent_log_gathers_every_kind(world: World) -> None:
    e = world.engagement
    journal_set_sharing(engagement=e, by=world.client, shared=True)
    journal_set_sharing(engagement=e, by=world.client, shared=False)
    link, _ = accountability_link_create(engagement=e, by=world.client, partner_name="Ana")
    accountability_link_revoke(link=link, by=world.client)
    assessment = Assessment.objects.create(engagement=e, kind="values")
    assessment_set_sharing(assessment=assessment, by=world.client, shared=False)
    items = consent_log(user=world.client)
    pairs = {(i.what, i.granted) for i in items}
    assert {
        (ConsentWhat.ENGAGEMENT, True),
        (ConsentWhat.JOURNAL, True),
        (ConsentWhat.JOURNAL, False),
        (ConsentWhat.ACCOUNTABILITY, True),
        (ConsentWhat.ACCOUNTABILITY, False),
        (ConsentWhat.ASSESSMENT, False),
    } <= pairs
    assert [i.at for i in items] == sorted((i.at for i in items), reverse=True)
    assert consent_log(user=world.client, engagement=world.other_engagement) == []


def test_audit_log_merges_note_reads_and_filters_by_person(world: World) -> None:
    _fill(world)
    _export(world)
    everything = audit_log(practice=world.practice)
    assert {r.kind for r in everything} == {AuditKind.NOTE_READ, AuditKind.EXPORT}
    mine = audit_log(practice=world.practice, person=world.owner)
    assert {r.kind for r in mine} == {AuditKind.NOTE_READ}
    assert audit_log(practice=world.practice, kind=AuditKind.ERASURE) == []


def test_an_accepted_agreement_is_in_the_consent_log(world: World) -> None:
    agreement = agreement_publish(
        practice=world.practice, by=world.owner, terms="We meet.", confidentiality="", exceptions=""
    )
    agreement_accept(engagement=world.engagement, agreement=agreement, by=world.client)
    items = consent_log(user=world.client)
    assert (ConsentWhat.AGREEMENT, True, f"Version {agreement.version}") in {
        (i.what, i.granted, i.detail) for i in items
    }


def test_files_shared_with_the_client_are_in_the_zip(world: World, settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path
    resource = Resource.objects.create(
        owner=world.owner,
        kind=ResourceKind.FILE,
        title="Values worksheet",
        file=SimpleUploadedFile("values.txt", b"What matters most?"),
        file_name="values.txt",
    )
    SharedResource.objects.create(resource=resource, engagement=world.engagement)
    _, z = _export(world)
    assert z.read(f"files/{resource.pk}-values.txt") == b"What matters most?"


def test_a_coach_alone_in_their_practice_takes_it_with_them(db) -> None:
    coach = coach_signup(
        email="lone@example.com",
        name="Lone Coach",
        password=PASSWORD,
        practice_name="Lone Practice",
        verified=True,
    )
    practice = Membership.objects.get(user=coach).practice
    agreement_publish(practice=practice, by=coach, terms="T", confidentiality="", exceptions="")
    coaching_model_clone(
        source=transition_model().latest_version(),
        practice_id=practice.pk,
        by=coach,
        name="Lone Method",
    )
    account_erase(user=coach, confirm_email="lone@example.com")
    assert not Practice.objects.filter(pk=practice.pk).exists()
    assert not any("Lone" in v for v in _text_values())


@pytest.mark.django_db(transaction=True)
def test_erasure_removes_the_emails_queued_for_the_person(settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    world = build_world()
    send_templated(world.client.email, "privacy_client_erased", {"practice_name": "Cleo Client"})
    assert DBTaskResult.objects.filter(args_kwargs__icontains="cleo@example.com").exists()
    account_erase(user=world.client, confirm_email=world.client.email)
    values = "\n".join(_text_values()).lower()
    assert "cleo@example.com" not in values and "cleo client" not in values
    # The coach's notice is queued, and says nothing of who.
    notice = DBTaskResult.objects.get(args_kwargs__icontains="olivia@example.com")
    assert "A client erased their data" in str(notice.args_kwargs)


def test_joining_is_dated_by_the_accepted_invitation(world: World) -> None:
    accepted = world.engagement.invitations.get().accepted_at
    joined = [i for i in consent_log(user=world.client) if i.what == ConsentWhat.ENGAGEMENT]
    assert [(i.at, i.detail) for i in joined] == [(accepted, world.practice.name)]
