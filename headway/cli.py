"""The `headway` command: serve, worker, demo, createcoach, and `manage` for the rest."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Sequence

USAGE_EXAMPLES = """
examples:
  headway serve                      web and task worker together on 127.0.0.1:8000
  headway demo                       load the demo practice and print its logins
  headway createcoach --email a@b.c  create a coach and their practice
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

    options = ["--interval", str(args.interval)]
    if args.batch:
        options.append("--batch")
    with contextlib.suppress(KeyboardInterrupt):
        call_command("db_worker", *options)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    _setup_django()
    from headway.demo import demo_load

    if _pending_migrations():
        raise CliError("the database is not migrated yet: run `headway manage migrate --noinput`")
    from django.core.exceptions import ValidationError

    try:
        result = demo_load(reset=args.reset)
    except ValidationError as exc:
        raise CliError(" ".join(exc.messages)) from exc
    print(result.summary())
    return 0


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
    print(f"Coach {user.email} created with the practice “{user.membership().practice}”.")  # type: ignore[union-attr]
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

    demo = sub.add_parser("demo", help="load a demo practice and print its logins")
    demo.add_argument("--reset", action="store_true", help="delete and recreate the demo data")
    demo.set_defaults(func=cmd_demo)

    cc = sub.add_parser("createcoach", help="create a coach account and their practice")
    cc.add_argument("--email", required=True)
    cc.add_argument("--name", required=True)
    cc.add_argument("--practice", help="practice name (default: “NAME's practice”)")
    cc.add_argument("--password", help="password (prompted for when omitted)")
    cc.set_defaults(func=cmd_createcoach)

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
