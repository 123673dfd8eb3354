"""`headway backup` and `headway restore`: the database, the uploads and a manifest.

SQLite is copied with the online backup API, so the copy is consistent even while the app
writes; PostgreSQL goes through `pg_dump --format=custom` and `pg_restore`. Private values
stay encrypted inside a backup (they are copied as stored), and the encryption keys are NOT
in it: whoever holds a backup alone cannot read private notes, and whoever restores one
needs the keys it was made with.

A backup is three files side by side: the database copy, `<name>.uploads.tar` (MEDIA_ROOT)
and `<name>.manifest.json`, which lets restore refuse a backup of the other database vendor
with a clear message instead of a confusing failure halfway.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection

FORMAT = 1  # the manifest's layout; bump when a backup changes shape
SUFFIXES = {"sqlite": ".sqlite3", "postgresql": ".pgdump"}
VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
MAGIC = {b"SQLite format 3\x00": "sqlite", b"PGDMP": "postgresql"}  # how each file begins

KEYS_REMINDER = (
    "The encryption keys are NOT inside the backup: keep HEADWAY_ENCRYPTION_KEYS or the data "
    "directory's `encryption_keys` file safe separately, or private notes and journals in it "
    "cannot be read after a restore."
)


class BackupError(Exception):
    """A problem the user can fix, said in one sentence."""


@dataclass(frozen=True)
class BackupFiles:
    database: Path
    uploads: Path
    manifest: Path

    @classmethod
    def beside(cls, database: Path) -> BackupFiles:
        return cls(
            database=database,
            uploads=database.with_name(database.name + ".uploads.tar"),
            manifest=database.with_name(database.name + ".manifest.json"),
        )


def key_ids(keys: list[str]) -> list[str]:
    """Short fingerprints of the keys: enough to tell which key is needed, useless to decrypt."""
    return [hashlib.sha256(k.encode()).hexdigest()[:12] for k in keys]


def _vendor() -> str:
    if connection.vendor not in SUFFIXES:
        raise BackupError(f"backups support SQLite and PostgreSQL, not {connection.vendor}")
    return connection.vendor


def _app_version() -> str:
    try:
        return metadata.version("headway")
    except metadata.PackageNotFoundError:
        return "unknown"


def _target(dest: str | Path, vendor: str, now: dt.datetime) -> Path:
    folder = str(dest).endswith(("/", os.sep))  # "backups/": a folder, even before it exists
    dest = Path(dest)
    if folder or dest.is_dir():
        dest.mkdir(parents=True, exist_ok=True)
        return dest / f"headway-{now:%Y%m%d-%H%M%S}{SUFFIXES[vendor]}"
    dest.parent.mkdir(parents=True, exist_ok=True)
    return dest


# --- the database, per vendor -----------------------------------------------------------------


def _sqlite_copy(source: str, target: Path) -> None:
    """Page-by-page online copy: readers and writers of `source` carry on meanwhile."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst)
    finally:
        dst.close()
        src.close()


def _pg_args_env() -> tuple[list[str], dict[str, str]]:
    """Connection flags without the password: that goes in the child's PGPASSWORD."""
    db = connection.settings_dict
    args = ["--dbname", str(db["NAME"])]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    if sslmode := (db.get("OPTIONS") or {}).get("sslmode"):
        env["PGSSLMODE"] = str(sslmode)
    return args, env


def _pg_run(program: str, args: list[str]) -> None:
    exe = shutil.which(program)
    if exe is None:
        raise BackupError(
            f"`{program}` is not installed: it comes with the PostgreSQL client tools "
            "(e.g. the postgresql-client package)"
        )
    flags, env = _pg_args_env()
    result = subprocess.run(  # noqa: S603 (fixed program, our own arguments)
        [exe, *args, *flags], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        detail = result.stderr.strip().splitlines()
        raise BackupError(f"{program} failed: {detail[-1] if detail else result.returncode}")


# --- backup -----------------------------------------------------------------------------------


def backup_create(*, dest: str | Path, now: dt.datetime | None = None) -> BackupFiles:
    """Copy the database and the uploads to `dest` (a file, or a folder for a dated name)."""
    now = now or dt.datetime.now(dt.UTC)
    vendor = _vendor()
    files = BackupFiles.beside(_target(dest, vendor, now))
    partial = files.database.with_name(files.database.name + ".partial")
    partial.unlink(missing_ok=True)
    if vendor == "sqlite":
        _sqlite_copy(str(connection.settings_dict["NAME"]), partial)
    else:
        _pg_run("pg_dump", ["--format=custom", "--no-owner", "--file", str(partial)])
    partial.replace(files.database)  # a backup that exists is a complete one

    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(files.uploads, "w") as tar:
        if media.is_dir():
            tar.add(media, arcname="uploads")
    manifest = {
        "format": FORMAT,
        "created": now.isoformat(timespec="seconds"),
        "vendor": vendor,
        "app_version": _app_version(),
        "database": files.database.name,
        "uploads": files.uploads.name,
        "encryption_key_ids": key_ids(list(settings.ENCRYPTION_KEYS)),
    }
    files.manifest.write_text(json.dumps(manifest, indent=2) + "\n")
    return files


# --- restore ----------------------------------------------------------------------------------


def _find(src: Path) -> BackupFiles:
    if src.is_dir():
        manifests = sorted(src.glob("*.manifest.json"))
        if not manifests:
            raise BackupError(f"{src} holds no Headway backup (no *.manifest.json)")
        src = manifests[-1]  # dated names sort by time: the newest
    if src.name.endswith(".manifest.json"):
        src = src.with_name(src.name.removesuffix(".manifest.json"))
    if not src.is_file():
        raise BackupError(f"{src}: no such backup file")
    return BackupFiles.beside(src)


def _read_manifest(files: BackupFiles) -> dict[str, Any]:
    """The manifest, or for a bare database file what its first bytes say it is."""
    if files.manifest.is_file():
        try:
            data = json.loads(files.manifest.read_text())
        except ValueError as exc:
            raise BackupError(f"{files.manifest} is not a readable manifest: {exc}") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BackupError(f"{files.manifest} is not a manifest this Headway understands")
        return data
    with files.database.open("rb") as handle:
        head = handle.read(16)
    for magic, vendor in MAGIC.items():
        if head.startswith(magic):
            return {"vendor": vendor, "encryption_key_ids": []}
    raise BackupError(f"{files.database} is neither a SQLite nor a PostgreSQL backup")


@dataclass(frozen=True)
class Restored:
    manifest: dict[str, Any]
    missing_key_ids: list[str]  # keys the backup was made with that are not configured now


def backup_restore(*, src: Path) -> Restored:
    """Replace the current database and uploads with the backup at `src`."""
    files = _find(src)
    manifest = _read_manifest(files)
    vendor = _vendor()
    theirs = str(manifest.get("vendor"))
    if theirs != vendor:
        raise BackupError(
            f"this is a backup of a {VENDOR_NAMES.get(theirs, theirs)} database, and this "
            f"Headway uses {VENDOR_NAMES[vendor]}: restore it where Headway uses "
            f"{VENDOR_NAMES.get(theirs, theirs)}, or move the data with "
            "`headway manage dumpdata` / `loaddata`"
        )
    connection.close()  # our own connection must not hold locks while the data is replaced
    if vendor == "sqlite":
        _sqlite_copy(str(files.database), Path(str(connection.settings_dict["NAME"])))
    else:
        _pg_run(
            "pg_restore",
            ["--clean", "--if-exists", "--no-owner", "--single-transaction", str(files.database)],
        )
    if files.uploads.is_file():
        _restore_uploads(files.uploads, Path(settings.MEDIA_ROOT))
    configured = set(key_ids(list(settings.ENCRYPTION_KEYS)))
    missing = [k for k in manifest.get("encryption_key_ids", []) if k not in configured]
    return Restored(manifest=manifest, missing_key_ids=missing)


def _restore_uploads(tar_path: Path, media: Path) -> None:
    staging = media.with_name(media.name + ".restoring")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    with tarfile.open(tar_path) as tar:
        tar.extractall(staging, filter="data")  # the data filter refuses paths outside
    shutil.rmtree(media, ignore_errors=True)
    restored = staging / "uploads"
    if restored.is_dir():
        restored.replace(media)
    else:
        media.mkdir(parents=True)
    shutil.rmtree(staging, ignore_errors=True)
