"""`headway backup` / `headway restore`: round trips on SQLite (as a real process) and on
PostgreSQL (through pg_dump and pg_restore), private values still encrypted inside, and a
backup of one database vendor refused on the other."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from django.db import connection

from headway.backup import BackupError, backup_create, backup_restore
from tests.headway.test_cli import cli_env, run  # noqa: F401 (cli_env is a fixture)

SECRET = "Rehearsed my resignation talk"  # a private journal entry's words

MAKE_DATA = f"""
from headway.discovery.services import journal_add
from tests.helpers import build_world
world = build_world()
journal_add(engagement=world.solo_engagement, by=world.solo, activity={SECRET!r}, energy=2)
"""
CHANGE_DATA = """
from headway.accounts.models import User
from headway.discovery.models import JournalEntry
JournalEntry.objects.all().delete()
User.objects.filter(email="sam@example.com").delete()
"""
SHOW_DATA = """
from headway.accounts.models import User
from headway.discovery.models import JournalEntry
print(User.objects.filter(email="sam@example.com").count())
print([e.activity for e in JournalEntry.objects.all()])
"""


def shell(code: str, env: dict[str, str]) -> str:
    result = run(["manage", "shell", "--no-imports", "-c", code], env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_sqlite_round_trip_as_a_process(cli_env, tmp_path):  # noqa: F811
    assert run(["manage", "migrate", "--noinput"], cli_env).returncode == 0
    shell(MAKE_DATA, cli_env)
    uploads = Path(cli_env["HEADWAY_DATA_DIR"]) / "uploads"
    (uploads / "resources").mkdir(parents=True)
    (uploads / "resources" / "worksheet.txt").write_text("a worksheet")

    backed = run(["backup", str(tmp_path / "backups") + "/"], cli_env)
    assert backed.returncode == 0, backed.stderr
    assert "NOT inside the backup" in backed.stdout and "encryption_keys" in backed.stdout
    (database,) = (tmp_path / "backups").glob("headway-*.sqlite3")
    raw = database.read_bytes()
    assert SECRET.encode() not in raw  # the journal entry is inside, still encrypted
    assert b"hw1:" in raw
    manifest = json.loads(database.with_name(database.name + ".manifest.json").read_text())
    assert manifest["vendor"] == "sqlite" and manifest["database"] == database.name
    assert len(manifest["encryption_key_ids"]) == 1

    shell(CHANGE_DATA, cli_env)
    shutil.rmtree(uploads)
    assert shell(SHOW_DATA, cli_env).split("\n")[:2] == ["0", "[]"]

    refused = run(["restore", str(tmp_path / "backups")], cli_env)
    assert refused.returncode == 1 and "--yes" in refused.stderr
    restored = run(["restore", str(tmp_path / "backups"), "--yes"], cli_env)
    assert restored.returncode == 0, restored.stderr
    assert "Restored the backup made" in restored.stdout
    assert shell(SHOW_DATA, cli_env).split("\n")[:2] == ["1", f"['{SECRET}']"]
    assert (uploads / "resources" / "worksheet.txt").read_text() == "a worksheet"


def test_a_postgresql_backup_is_refused_on_sqlite_as_a_process(cli_env, tmp_path):  # noqa: F811
    fake = tmp_path / "pg.pgdump"
    fake.write_bytes(b"PGDMP\x01\x0e\x00")
    result = run(["restore", str(fake), "--yes"], cli_env)
    assert result.returncode == 1
    assert "backup of a PostgreSQL database" in result.stderr
    assert "this Headway uses SQLite" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.django_db
def test_a_backup_of_the_other_vendor_is_refused(tmp_path):
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    database = tmp_path / "other.backup"
    database.write_bytes(b"not read: the manifest says what it is")
    (tmp_path / "other.backup.manifest.json").write_text(
        json.dumps({"format": 1, "vendor": other, "encryption_key_ids": []})
    )
    with pytest.raises(BackupError, match=r"this is a backup of a (SQLite|PostgreSQL) database"):
        backup_restore(src=database)


@pytest.mark.django_db
def test_a_folder_without_a_backup_is_a_clear_error(tmp_path):
    with pytest.raises(BackupError, match="holds no Headway backup"):
        backup_restore(src=tmp_path)


@pytest.mark.django_db(transaction=True)
def test_postgresql_round_trip_through_pg_dump(tmp_path, settings):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: run with DATABASE_URL=postgres://…")
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump/pg_restore are not installed (the PostgreSQL client tools)")
    from headway.accounts.models import User
    from headway.discovery.models import JournalEntry
    from headway.discovery.services import journal_add
    from tests.helpers import build_world

    world = build_world()
    journal_add(engagement=world.solo_engagement, by=world.solo, activity=SECRET, energy=2)
    Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
    (Path(settings.MEDIA_ROOT) / "kept.txt").write_text("kept")

    files = backup_create(dest=tmp_path / "site.pgdump")
    assert files.database.read_bytes().startswith(b"PGDMP")
    assert json.loads(files.manifest.read_text())["vendor"] == "postgresql"

    JournalEntry.objects.all().delete()
    User.objects.filter(email="sam@example.com").delete()
    (Path(settings.MEDIA_ROOT) / "kept.txt").unlink()

    restored = backup_restore(src=files.database)
    assert restored.missing_key_ids == []
    assert User.objects.filter(email="sam@example.com").exists()
    assert [e.activity for e in JournalEntry.objects.all()] == [SECRET]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT activity FROM {JournalEntry._meta.db_table}")  # noqa: S608
        (stored,) = cursor.fetchone()
    assert stored.startswith("hw1:") and SECRET not in stored  # restored still encrypted
    assert (Path(settings.MEDIA_ROOT) / "kept.txt").read_text() == "kept"
