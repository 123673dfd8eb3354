"""The `headway` command: serve, worker, demo, createcoach, onet, and `manage` for the rest."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from headway.onet.models import Release

USAGE_EXAMPLES = """
examples:
  headway serve                      web and task worker together on 127.0.0.1:8000
  headway demo                       load the demo practice and print its logins
  headway createcoach --email a@b.c  create a coach and their practice
  headway onet import ../shared/onet import O*NET occupational data (a folder, zip or URL)
  headway reminders send             send the email reminders due now (cron-friendly)
  headway goals check "TEXT"         which of Specific, Measurable, Time-bound a goal meets
  headway analyze s1.vtt --coach Ana code a coaching session's questions, reflections, advice
  headway keys rotate                new encryption key; re-encrypt notes and journals
  headway backup backups/            database + uploads to a dated file (keys kept apart)
  headway restore backups/ --yes     replace the data with the newest backup there
  headway manage migrate --noinput   any Django management command
"""


class CliError(Exception):
    """A problem the user can fix: printed as one line, no traceback."""


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headway.settings")
    import django

    try:
        django.setup()
    except Exception as exc:  # a broken DATABASE_URL or data dir shows up here
        raise CliError(f"could not start Headway: {exc}") from exc


def _manage(argv: Sequence[str]) -> int:
    _setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["headway manage", *argv])
    return 0


def _pending_migrations() -> bool:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def cmd_serve(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.management import call_command

    if _pending_migrations():
        print("Applying database migrations…")
        call_command("migrate", "--noinput", verbosity=0)
    worker = None
    if not args.no_worker:
        # The worker is its own process so a slow task never holds up a page.
        worker = subprocess.Popen([sys.executable, "-m", "headway.cli", "worker"])  # noqa: S603
    from waitress import serve

    from headway.wsgi import application

    print(f"Headway is serving on http://{args.host}:{args.port}/  (Ctrl+C stops it)", flush=True)
    try:
        serve(application, host=args.host, port=args.port, threads=args.threads, ident="Headway")
    except OSError as exc:
        raise CliError(f"cannot listen on {args.host}:{args.port}: {exc.strerror}") from exc
    except KeyboardInterrupt:
        pass
    finally:
        if worker is not None:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.management import call_command

    from headway.worker.services import worker_id_new, worker_stopped
    from headway.worker.watchdog import stale_after_from_env, start_watchdog

    worker_id = worker_id_new()
    options = ["--interval", str(args.interval), "--worker-id", worker_id]
    ticker = None
    try:
        stale_after = stale_after_from_env()
        if args.batch:
            options.append("--batch")  # runs what is queued and exits: no clock to start
        else:
            from headway.reminders.ticker import interval_from_env, start_ticker

            ticker = start_ticker(interval_from_env())
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    _require_migrated()  # the watchdog's first beat writes to the database
    # The watchdog beats for this worker and queues again what stopped workers left running.
    watchdog = start_watchdog(worker_id, stale_after)
    try:
        with contextlib.suppress(KeyboardInterrupt):
            call_command("db_worker", *options)
    finally:
        for thread in (ticker, watchdog):
            if thread is not None:
                thread.stop()
        worker_stopped(worker_id=worker_id)
    return 0


def cmd_reminders(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """`headway reminders send`: one sweep now, in this process (for cron, or by hand)."""
    if args.reminders_command is None:
        parser.print_help()
        return 2
    import datetime as dt

    try:
        now = dt.datetime.fromisoformat(args.now) if args.now else None
    except ValueError as exc:
        raise CliError(f"--now is a moment as ISO 8601, not {args.now!r}") from exc
    if now is not None and now.tzinfo is None:
        raise CliError("--now needs a time zone, e.g. 2026-12-03T08:00+00:00")
    _setup_django()
    _require_migrated()
    from headway.reminders.services import reminders_send

    print(reminders_send(now=now))
    return 0


def _require_migrated() -> None:
    if _pending_migrations():
        raise CliError("the database is not migrated yet: run `headway manage migrate --noinput`")


def cmd_demo(args: argparse.Namespace) -> int:
    _setup_django()
    from headway.demo.practice import demo_load

    _require_migrated()
    from django.core.exceptions import ValidationError

    try:
        result = demo_load(reset=args.reset)
    except ValidationError as exc:
        raise CliError(" ".join(exc.messages)) from exc
    print(result.summary())
    _demo_onet()
    return 0


def _demo_onet() -> None:
    """Occupational data for the demo, imported once: from a local copy when there is one,
    else downloaded from the O*NET Resource Center (HEADWAY_ONET_DOWNLOAD=0 turns that off)."""
    from headway.onet.importer import CURRENT_RELEASE_URL, OnetImportError
    from headway.onet.models import Release

    if (release := Release.current()) is not None:
        print(f"Occupational data: {_release_name(release)} (`headway onet status`).")
        return
    local = _onet_local_copy()
    if local is not None:
        source, action = str(local), f"Importing O*NET occupational data from {local}"
    elif os.environ.get("HEADWAY_ONET_DOWNLOAD", "1").lower() in {"0", "no", "false", "off"}:
        print(f"{NO_ONET} (a folder, zip or URL; see README).")
        return
    else:
        source = os.environ.get("HEADWAY_ONET_URL") or CURRENT_RELEASE_URL
        action = f"No local copy of O*NET: downloading it from {source}"
    print(action, flush=True)
    try:
        release = _onet_import(source)
    except OnetImportError as exc:
        # The demo is usable without occupations, so this is a warning, not a failure.
        print(f"headway: O*NET was not imported: {exc}", file=sys.stderr)
        print(f"{NO_ONET} (a folder, zip or URL; see README).")
        return
    print(_onet_summary(release))


def cmd_createcoach(args: argparse.Namespace) -> int:
    _setup_django()
    import getpass

    from django.core.exceptions import ValidationError

    from headway.accounts.models import User
    from headway.practices.services import coach_signup

    if User.objects.filter(email__iexact=args.email).exists():
        raise CliError(f"a user with the email {args.email} already exists")
    password = args.password or os.environ.get("HEADWAY_PASSWORD")
    if not password:
        if not sys.stdin.isatty():
            raise CliError("give --password (or HEADWAY_PASSWORD) when not run interactively")
        password = getpass.getpass("Password: ")
    try:
        user = coach_signup(
            email=args.email,
            name=args.name,
            password=password,
            practice_name=args.practice or f"{args.name}'s practice",
        )
    except ValidationError as exc:
        raise CliError(" ".join(exc.messages)) from exc
    practice = args.practice or f"{args.name}'s practice"
    print(f"Coach {user.email} created with the practice “{practice}”.")
    return 0


# --- headway onet -----------------------------------------------------------------------------

NO_ONET = "No O*NET data yet: run `headway onet import PATH`"


def _onet_local_copy() -> Path | None:
    """A copy of the release at hand: HEADWAY_ONET_DIR, else ../shared/onet from here."""
    configured = os.environ.get("HEADWAY_ONET_DIR")
    candidates = [Path(configured)] if configured else []
    for candidate in [*candidates, Path("..") / "shared" / "onet"]:
        if candidate.expanduser().exists():
            return candidate.expanduser().resolve()
    return None


class _ProgressLine:
    """Import progress on stderr: one line redrawn on a terminal, one line per step in logs."""

    WIDTH = 24

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.label = ""
        self.drawn = 0

    def __call__(self, label: str, done: int, total: int) -> None:
        download = label.startswith("Downloading")
        if self.tty:
            share = done / total if total else 0.0
            filled = round(self.WIDTH * share)
            size = f" {done / 1e6:.1f} MB" if download else ""
            line = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {share:4.0%} {label}{size}"
            self.stream.write("\r" + line.ljust(self.drawn))
            self.drawn = len(line)
        elif label != self.label:
            size = f" ({total / 1e6:.1f} MB)" if download and total else ""
            step = "" if download else f"[{done}/{total}] "
            self.stream.write(f"{step}{label}{size}\n")
        self.label = label
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self.drawn:
            self.stream.write("\n")
            self.stream.flush()


def _onet_import(source: str) -> Release:
    from headway.onet.importer import onet_import

    progress = _ProgressLine(sys.stderr)
    try:
        return onet_import(source=source, progress=progress)
    finally:
        progress.close()


def _release_name(release: Release) -> str:
    return "O*NET (release unknown)" if release.version == "unknown" else f"O*NET {release.version}"


def _onet_summary(release: Release) -> str:
    from headway.onet.importer import onet_counts

    counts = onet_counts()
    return (
        f"Imported {_release_name(release)} in {release.seconds:.1f} s: "
        f"{counts['occupations']:,} occupations, {counts['ratings']:,} ratings, "
        f"{counts['titles']:,} titles, {counts['tasks']:,} tasks."
    )


def cmd_onet_import(args: argparse.Namespace) -> int:
    _setup_django()
    _require_migrated()
    from headway.onet.importer import CURRENT_RELEASE_URL, OnetImportError

    source = args.source or str(_onet_local_copy() or CURRENT_RELEASE_URL)
    print(f"Importing O*NET from {source}", file=sys.stderr)
    try:
        release = _onet_import(source)
    except OnetImportError as exc:
        raise CliError(f"O*NET was not imported: {exc}") from exc
    print(_onet_summary(release))
    return 0


def cmd_onet_status(args: argparse.Namespace) -> int:
    _setup_django()
    _require_migrated()
    from django.utils import timezone

    from headway.onet.importer import onet_counts
    from headway.onet.models import Release

    release = Release.current()
    if release is None:
        print(NO_ONET)
        return 0
    when = timezone.localtime(release.imported_at).strftime("%Y-%m-%d %H:%M %Z")
    print(f"{_release_name(release)}, imported {when} in {release.seconds:.1f} s")
    print(f"  from {release.source}")
    for name, count in onet_counts().items():
        print(f"  {name:<12} {count:>9,}")
    return 0


def cmd_onet_related(args: argparse.Namespace) -> int:
    if args.all == bool(args.code):
        raise CliError("give one O*NET-SOC code (e.g. 15-1252.00) or --all")
    if args.top < 1:
        raise CliError("--top must be 1 or more")
    _setup_django()
    _require_migrated()
    from headway.onet.models import Release

    if Release.current() is None:
        raise CliError(NO_ONET)
    try:
        # Imported here: pathways is heavier, and the rest of the CLI does not need it.
        from headway.onet.pathways import related_all, related_for_code
    except ModuleNotFoundError as exc:
        if exc.name != "headway.onet.pathways":
            raise
        raise CliError("related occupations are not available in this version") from exc
    if args.all:
        _print_related(related_all(args.top), args.format or "jsonl", many=True)
    else:
        try:
            result = related_for_code(args.code, args.top)
        except KeyError as exc:
            raise CliError(f"no occupation with the O*NET-SOC code {args.code}") from exc
        _print_related([result], args.format or "text", many=False)
    return 0


def _print_related(results: Any, fmt: str, *, many: bool) -> None:
    out = sys.stdout
    if fmt == "json" and many:
        out.write("[")
        for index, result in enumerate(results):
            out.write(("," if index else "") + "\n" + json.dumps(result, ensure_ascii=False))
        out.write("\n]\n")
        return
    for result in results:
        if fmt == "json":
            out.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        elif fmt == "jsonl":
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        else:
            out.write(f"{result['title']} ({result['code']})\n")
            for item in result.get("related", []):
                score = item.get("score")
                shown = f"{score:6.3f}" if isinstance(score, int | float) else f"{score!s:>6}"
                out.write(f"  {shown}  {item['code']}  {item['title']}\n")


def cmd_goals(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """`headway goals check`: the SMART reading of goals. Pure computation, so no Django."""
    if args.goals_command is None:
        parser.print_help()
        return 2
    import datetime as dt

    from headway.core.smart.analysis import analyse_goal

    # Without --today, the day it is where the command runs (this machine's time zone).
    local_today = dt.datetime.now(dt.UTC).astimezone().date()
    try:
        today = dt.date.fromisoformat(args.today) if args.today else local_today
    except ValueError:
        print(f"headway: --today must be a date as YYYY-MM-DD, not {args.today!r}", file=sys.stderr)
        return 2
    if args.text is None:
        print("headway: give a goal in quotes, or - to read one goal per line", file=sys.stderr)
        return 2
    if args.format not in {"text", "json", "jsonl"}:
        print(f"headway: --format is text, json or jsonl, not {args.format!r}", file=sys.stderr)
        return 2
    texts = [line.strip() for line in sys.stdin] if args.text == "-" else [args.text.strip()]
    results: list[dict[str, Any]] = []
    for text in (t for t in texts if t):
        check = analyse_goal(text, today=today)
        results.append(
            {
                "text": text,
                "specific": check.specific,
                "measurable": check.measurable,
                "time_bound": check.time_bound,
                "deadline": check.deadline.isoformat() if check.deadline else None,
                "findings": [{"part": f.part, "text": f.text} for f in check.findings],
                "questions": list(check.questions),
            }
        )
    out, fmt = sys.stdout, args.format
    if fmt == "json" and args.text == "-":
        out.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    for result in [] if fmt == "json" and args.text == "-" else results:
        if fmt == "json":
            out.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        elif fmt == "jsonl":
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        else:
            found = {f["part"]: f["text"] for f in result["findings"]}
            parts = {
                "Specific": ("specific", ("action", "object")),
                "Measurable": ("measurable", ("quantity", "done")),
                "Time-bound": ("time_bound", ("deadline", "window", "recurrence")),
            }
            out.write(f"“{result['text']}”\n")
            for label, (key, names) in parts.items():
                seen = ", ".join(f"{n} “{found[n]}”" for n in names if n in found)
                if key == "time_bound" and result["deadline"]:
                    seen += f" (due {result['deadline']})"
                out.write(f"  {label + ':':<12} {'yes' if result[key] else 'no ':<4} {seen}\n")
            for question in result["questions"]:
                out.write(f"  ? {question}\n")
            out.write("\n" if len(results) > 1 else "")
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    """`headway analyze`: code the coach's turns of transcripts. Pure computation, no Django."""
    from headway.core.review.session_review import analyze
    from headway.core.review.transcripts import TranscriptError, parse_transcript

    failed = 0
    out = sys.stdout
    for name in args.files:
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
            transcript = parse_transcript(data, filename=name, fmt=args.input_format)
        except (OSError, TranscriptError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            print(f"headway: {name}: {reason}", file=sys.stderr)
            failed += 1
            continue
        coach = transcript.find_speaker(args.coach)
        if coach is None:
            print(
                f"headway: {name}: nobody called {args.coach!r} speaks here; the speakers are "
                + ", ".join(transcript.speakers),
                file=sys.stderr,
            )
            failed += 1
            continue
        coded, summary = analyze(transcript.utterances, coach)
        result = {
            "file": name,
            "format": transcript.format,
            "coach": coach,
            "utterances": [
                {"speaker": u.speaker, "text": u.text, "code": u.code, "subtype": u.subtype}
                for u in coded
            ],
            "summary": summary.to_dict(),
        }
        if args.format == "jsonl":
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        elif args.format == "json":
            out.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(f"{name} ({coach} as the coach)\n")
            for line in summary.observations:
                out.write(f"  {line}\n")
            for moment in summary.advice:
                out.write(f"  advice: \u201c{moment.text}\u201d\n")
                for question in moment.reframes:
                    out.write(f"    ? {question}\n")
    return 1 if failed else 0


def cmd_onet(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.onet_command is None:
        parser.print_help()
        return 2
    return int(args.onet_func(args))


def cmd_keys(args: argparse.Namespace) -> int:
    from cryptography.fernet import Fernet

    if args.keys_command == "new":
        print(Fernet.generate_key().decode())
        return 0
    _setup_django()
    _require_migrated()
    from django.conf import settings

    from headway.crypto import reencrypt_all

    if not args.reencrypt_only:
        if settings.ENCRYPTION_KEYS_FROM_ENV:
            raise CliError(
                "the keys come from HEADWAY_ENCRYPTION_KEYS: put a new key first there "
                "(`headway keys new` prints one), restart, then run "
                "`headway keys rotate --reencrypt-only`"
            )
        key = Fernet.generate_key().decode()
        path = settings.ENCRYPTION_KEYS_FILE
        # Old keys stay after the new one: backups made before today still need them.
        path.write_text("\n".join([key, *settings.ENCRYPTION_KEYS]) + "\n")
        settings.ENCRYPTION_KEYS = [key, *settings.ENCRYPTION_KEYS]
        print(f"Added a new key to {path}; older keys are kept for older backups.")
    rows = reencrypt_all()
    print(f"Re-encrypted {rows} row{'s' if rows != 1 else ''} with the newest key.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    _setup_django()
    from headway.backup import KEYS_REMINDER, BackupError, backup_create

    try:
        files = backup_create(dest=args.dest)
    except BackupError as exc:
        raise CliError(str(exc)) from exc
    print(f"Backed up the database to {files.database}")
    print(f"  uploads: {files.uploads}\n  manifest: {files.manifest}")
    print(KEYS_REMINDER)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    if not args.yes:
        # Restoring replaces every current row: never without a clear yes.
        if not sys.stdin.isatty():
            raise CliError("restore replaces all current data: add --yes to confirm")
        answer = input("This replaces ALL current data and uploads with the backup. Type yes: ")
        if answer.strip().lower() != "yes":
            raise CliError("nothing restored")
    _setup_django()
    from headway.backup import KEYS_REMINDER, BackupError, backup_restore

    try:
        restored = backup_restore(src=Path(args.src))
    except BackupError as exc:
        raise CliError(str(exc)) from exc
    made = restored.manifest.get("created", "an unknown time")
    print(f"Restored the backup made {made}.")
    if restored.missing_key_ids:
        print(
            "Warning: it was made with encryption keys not configured here (ids "
            + ", ".join(restored.missing_key_ids)
            + "). "
            + KEYS_REMINDER
        )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="headway",
        description="Headway: career-transition coaching you can host yourself.",
        epilog=USAGE_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    serve = sub.add_parser("serve", help="serve the web app with a task worker")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--threads", type=int, default=8)
    serve.add_argument("--no-worker", action="store_true", help="serve pages only")
    serve.set_defaults(func=cmd_serve)

    worker = sub.add_parser("worker", help="run background tasks (emails, imports, reminders)")
    worker.add_argument("--interval", type=float, default=1.0, help="seconds between polls")
    worker.add_argument("--batch", action="store_true", help="run what is queued, then exit")
    worker.set_defaults(func=cmd_worker)

    reminders = sub.add_parser("reminders", help="email reminders: send what is due now")
    reminders.set_defaults(func=lambda args: cmd_reminders(args, reminders))
    reminders_sub = reminders.add_subparsers(dest="reminders_command", metavar="REMINDERS_COMMAND")
    send = reminders_sub.add_parser("send", help="one sweep: send every reminder due now")
    send.add_argument("--now", metavar="ISO", help="as of this moment (default: now)")

    demo = sub.add_parser("demo", help="load a demo practice and print its logins")
    demo.add_argument("--reset", action="store_true", help="delete and recreate the demo data")
    demo.set_defaults(func=cmd_demo)

    cc = sub.add_parser("createcoach", help="create a coach account and their practice")
    cc.add_argument("--email", required=True)
    cc.add_argument("--name", required=True)
    cc.add_argument("--practice", help="practice name (default: “NAME's practice”)")
    cc.add_argument("--password", help="password (prompted for when omitted)")
    cc.set_defaults(func=cmd_createcoach)

    onet = sub.add_parser("onet", help="occupational data from O*NET: import, status, related")
    onet.set_defaults(func=lambda args: cmd_onet(args, onet))
    onet_sub = onet.add_subparsers(dest="onet_command", metavar="ONET_COMMAND")
    onet_import = onet_sub.add_parser("import", help="import (or replace) the O*NET database")
    onet_import.add_argument(
        "source",
        nargs="?",
        metavar="PATH_OR_URL",
        help="the text release: a folder, its zip, or the zip's URL "
        "(default: $HEADWAY_ONET_DIR, else ../shared/onet, else the current release online)",
    )
    onet_import.set_defaults(onet_func=cmd_onet_import)
    onet_status = onet_sub.add_parser("status", help="the imported release and its counts")
    onet_status.set_defaults(onet_func=cmd_onet_status)
    related = onet_sub.add_parser("related", help="occupations related to one, or to each")
    related.add_argument(
        "code", nargs="?", metavar="CODE", help="an O*NET-SOC code, e.g. 15-1252.00"
    )
    related.add_argument("--all", action="store_true", help="every occupation, one per line")
    related.add_argument("--top", type=int, default=10, help="how many related occupations")
    related.add_argument(
        "--format",
        choices=["text", "json", "jsonl"],
        help="output format (default: text for one code, jsonl for --all)",
    )
    related.set_defaults(onet_func=cmd_onet_related)

    goals = sub.add_parser("goals", help="goal tools: check a goal against SMART")
    goals.set_defaults(func=lambda args: cmd_goals(args, goals))
    goals_sub = goals.add_subparsers(dest="goals_command", metavar="GOALS_COMMAND")
    check = goals_sub.add_parser(
        "check", help="which of Specific, Measurable and Time-bound a goal meets"
    )
    check.add_argument("text", nargs="?", metavar="TEXT", help="the goal, or - for one per line")
    check.add_argument("--format", default="text", metavar="{text,json,jsonl}")
    check.add_argument("--today", metavar="YYYY-MM-DD", help="resolve dates from this day")

    analyze = sub.add_parser(
        "analyze", help="code a coach's questions, reflections and advice in transcripts"
    )
    analyze.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="WebVTT, SRT, CSV or 'Name: text' files (- reads stdin)",
    )
    analyze.add_argument(
        "--coach", required=True, metavar="NAME", help="the coach, as named in the files"
    )
    analyze.add_argument("--format", choices=["jsonl", "json", "text"], default="jsonl")
    analyze.add_argument(
        "--input-format",
        choices=["vtt", "srt", "csv", "lines"],
        help="the files' format (default: told from each file)",
    )
    analyze.set_defaults(func=cmd_analyze)

    keys = sub.add_parser("keys", help="encryption keys of private notes and journals")
    keys_sub = keys.add_subparsers(dest="keys_command", metavar="KEYS_COMMAND", required=True)
    keys_sub.add_parser("new", help="print a new key (for HEADWAY_ENCRYPTION_KEYS)")
    rotate = keys_sub.add_parser(
        "rotate", help="add a new key and re-encrypt every private value with it"
    )
    rotate.add_argument(
        "--reencrypt-only",
        action="store_true",
        help="only re-encrypt with the newest key already configured",
    )
    keys.set_defaults(func=cmd_keys)

    backup = sub.add_parser("backup", help="back up the database and uploads (not the keys)")
    backup.add_argument("dest", metavar="DEST", help="a file, or a folder for a dated file name")
    backup.set_defaults(func=cmd_backup)
    restore = sub.add_parser("restore", help="replace all data with a backup")
    restore.add_argument("src", metavar="SRC", help="a backup file, or a folder: its newest")
    restore.add_argument("--yes", action="store_true", help="confirm replacing the current data")
    restore.set_defaults(func=cmd_restore)

    manage = sub.add_parser("manage", help="run a Django management command", add_help=False)
    manage.add_argument("args", nargs=argparse.REMAINDER)
    manage.set_defaults(func=None)
    return parser


def _run(argv: list[str]) -> int:
    if argv and argv[0] == "manage":
        # Everything after `manage` belongs to Django, flags included.
        return _manage(argv[1:] or ["help"])
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    return int(args.func(args))


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(list(sys.argv[1:] if argv is None else argv))
    except CliError as exc:
        print(f"headway: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`headway onet related --all | head`): stop quietly, and
        # point stdout at nothing so Python does not complain while exiting.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        from django.db import DatabaseError

        if isinstance(exc, DatabaseError):
            # The usual cause is configuration (DATABASE_URL, a server not running).
            first_line = (
                str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            )
            print(f"headway: database problem: {first_line}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    sys.exit(main())
