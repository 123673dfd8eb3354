"""Private values are unreadable in the database itself, and keys rotate."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.db import connection

from headway.cli import main
from headway.crypto import PREFIX, DecryptionError, decrypt, encrypt, reencrypt_all
from headway.discovery.models import JournalEntry
from headway.discovery.services import journal_add

SECRET = "Cried in the car park after the ward round"


def _raw(entry: JournalEntry) -> tuple[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT activity, note FROM discovery_journalentry WHERE id = %s", [entry.pk]
        )
        return cursor.fetchone()


@pytest.fixture
def entry(world, settings) -> JournalEntry:
    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    return journal_add(
        engagement=world.engagement, by=world.client, activity="Ward round", energy=-2, note=SECRET
    )


def test_the_database_holds_no_readable_journal_text(entry):
    activity, note = _raw(entry)
    assert activity.startswith(PREFIX) and note.startswith(PREFIX)
    assert "Ward round" not in activity and "car park" not in note
    fresh = JournalEntry.objects.get(pk=entry.pk)
    assert (fresh.activity, fresh.note) == ("Ward round", SECRET)


def test_each_write_encrypts_afresh():
    assert encrypt("same") != encrypt("same")  # no patterns to compare across rows
    assert encrypt("") == ""


def test_rotation_moves_every_value_to_the_new_key(entry, settings):
    old = settings.ENCRYPTION_KEYS[0]
    new = Fernet.generate_key().decode()
    settings.ENCRYPTION_KEYS = [new, old]
    assert reencrypt_all() >= 1
    settings.ENCRYPTION_KEYS = [new]  # the old key gone: everything still reads
    assert JournalEntry.objects.get(pk=entry.pk).note == SECRET
    settings.ENCRYPTION_KEYS = [old]
    with pytest.raises(DecryptionError, match="key it was written with is missing"):
        decrypt(_raw(entry)[1])


def test_headway_keys_rotate_adds_a_key_and_reencrypts(entry, settings, tmp_path, capsys):
    key_file = tmp_path / "encryption_keys"
    old = settings.ENCRYPTION_KEYS[0]
    key_file.write_text(old + "\n")
    settings.ENCRYPTION_KEYS_FILE = key_file
    settings.ENCRYPTION_KEYS_FROM_ENV = False
    before = _raw(entry)
    assert main(["keys", "rotate"]) == 0
    keys = key_file.read_text().split()
    assert len(keys) == 2 and keys[1] == old
    assert "Re-encrypted" in capsys.readouterr().out
    assert _raw(entry) != before
    settings.ENCRYPTION_KEYS = [keys[0]]
    assert JournalEntry.objects.get(pk=entry.pk).note == SECRET


def test_keys_from_the_environment_are_not_rewritten(entry, settings, capsys):
    settings.ENCRYPTION_KEYS_FROM_ENV = True
    assert main(["keys", "rotate"]) == 1
    assert "HEADWAY_ENCRYPTION_KEYS" in capsys.readouterr().err
