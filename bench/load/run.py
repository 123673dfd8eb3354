"""Load and fault run: real web and worker processes on loopback, virtual users browsing the
scaled demo (bench/load/scale.py), a real SMTP server catching every email.

    HEADWAY_DATA_DIR=/tmp/hw-scale-sqlite .venv/bin/python bench/load/run.py \\
        --manifest /tmp/hw-scale-sqlite/manifest.json --web 1 --workers 1 --out sqlite.json
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hw_scale .venv/bin/python bench/load/run.py \\
        --manifest /tmp/hw-scale-pg/manifest.json --web 2 --workers 2 \\
        --kill-worker-at 60 --kill-web-at 150 --out pg-faults.json

Each virtual user logs in once, then does one action (weighted, bench/load/pages.py), thinks
for --think-min..--think-max seconds, and so on until --duration ends. With --kill-worker-at
and --kill-web-at, the first worker and the last web process are SIGKILLed at those seconds
and started again --restart-after seconds later. Afterwards the run waits for the task queue
to empty and checks, in the database, every write the users made (see verify.py)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.load.client import Browser, Refused  # noqa: E402
from bench.load.pages import Person, Request, client_action, coach_action, people  # noqa: E402

HEADWAY = [sys.executable, "-m", "headway.cli"]
TITLE = re.compile(rb"<title>(.*?)</title>", re.S)


class Sink:
    """The SMTP server: keeps each message's raw bytes. `delay` makes it a slow mail server,
    so a worker spends real time inside its tasks and the fault run can kill one mid-send."""

    def __init__(self, delay: float) -> None:
        self.messages: list[bytes] = []
        self.lock = threading.Lock()
        self.delay = delay
        self.sending = threading.Event()
        self.peer_port = 0  # the sending worker's end of the SMTP connection

    async def handle_DATA(self, server: object, session: object, envelope: Any) -> str:  # noqa: N802
        content = envelope.content
        self.peer_port = session.peer[1]  # type: ignore[attr-defined]
        self.sending.set()
        await asyncio.sleep(self.delay)
        self.sending.clear()
        with self.lock:
            self.messages.append(content if isinstance(content, bytes) else content.encode())
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pid_on_port(port: int) -> int | None:
    """The process with this local TCP port open (`ss` from iproute2)."""
    out = subprocess.run(
        ["ss", "-Htnp", "src", f"127.0.0.1:{port}"], capture_output=True, text=True, check=False
    ).stdout
    found = re.search(r"pid=(\d+)", out)
    return int(found.group(1)) if found else None


class Cluster:
    """The web processes (waitress, `headway serve --no-worker`) and the task workers."""

    def __init__(self, env: dict[str, str], webs: int, workers: int, log: Path) -> None:
        self.env, self.log = env, log
        self.ports = [free_port() for _ in range(webs)]
        self.webs: list[subprocess.Popen[bytes]] = [self._web(p) for p in self.ports]
        self.workers: list[subprocess.Popen[bytes]] = [self._worker() for _ in range(workers)]
        self.events: list[tuple[float, str]] = []

    def _spawn(self, args: list[str]) -> subprocess.Popen[bytes]:
        out = self.log.open("ab")
        return subprocess.Popen([*HEADWAY, *args], env=self.env, stdout=out, stderr=out)  # noqa: S603

    def _web(self, port: int) -> subprocess.Popen[bytes]:
        return self._spawn(["serve", "--no-worker", "--port", str(port), "--threads", "8"])

    def _worker(self) -> subprocess.Popen[bytes]:
        return self._spawn(["worker", "--interval", "0.5"])

    def wait_ready(self, port: int, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise SystemExit(f"web process on port {port} did not start: see {self.log}")

    def kill_worker(self, restart_after: float, t0: float, sink: Sink) -> None:
        # Mid-task, if the workers get one within a minute: the one sending an email.
        sink.sending.wait(timeout=60)
        pid = _pid_on_port(sink.peer_port) if sink.sending.is_set() else None
        i = next((n for n, w in enumerate(self.workers) if w.pid == pid), 0)
        self.workers[i].send_signal(signal.SIGKILL)
        self.workers[i].wait()
        what = "while it sent an email" if pid else "between tasks"
        self.events.append((time.monotonic() - t0, f"worker {i + 1} killed (SIGKILL) {what}"))
        time.sleep(restart_after)
        self.workers[i] = self._worker()
        self.events.append((time.monotonic() - t0, f"worker {i + 1} started again"))

    def kill_web(self, restart_after: float, t0: float) -> None:
        i = len(self.webs) - 1
        self.webs[i].send_signal(signal.SIGKILL)
        self.webs[i].wait()
        self.events.append((time.monotonic() - t0, f"web {i + 1} killed (SIGKILL)"))
        time.sleep(restart_after)
        self.webs[i] = self._web(self.ports[i])
        self.wait_ready(self.ports[i])
        self.events.append((time.monotonic() - t0, f"web {i + 1} serving again"))

    def stop(self) -> None:
        for proc in [*self.webs, *self.workers]:
            proc.send_signal(signal.SIGTERM)
        for proc in [*self.webs, *self.workers]:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


class Results:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.timings: dict[str, list[float]] = defaultdict(list)
        self.errors: list[dict[str, Any]] = []
        self.ledger: list[dict[str, Any]] = []

    def timing(self, label: str, seconds: float) -> None:
        with self.lock:
            self.timings[label].append(seconds)

    def error(self, request: Request, what: str, at: float) -> None:
        with self.lock:
            self.errors.append(
                {"page": request.label, "path": request.path, "what": what, "at": at}
            )

    def write(self, request: Request, outcome: str, at: float) -> None:
        with self.lock:
            self.ledger.append(
                {"kind": request.write, "marker": request.marker, "outcome": outcome, "at": at}
            )


def login(browser: Browser, email: str, password: str, results: Results) -> bool:
    page = browser.request("GET", "/login/")
    results.timing("login page", page.seconds)
    done = browser.request("POST", "/login/", {"username": email, "password": password})
    results.timing("log in (POST, password check)", done.seconds)
    return done.status == 302 and "sessionid" in browser.cookies


def run_request(browser: Browser, request: Request, results: Results, t0: float) -> bool:
    """One request, checked: a page is a 200, a form post a redirect. False ends the action."""
    at = time.monotonic() - t0
    try:
        response = browser.request(request.method, request.path, request.data)
    except Refused:
        results.error(request, "no web process answered for a minute", at)
        if request.write:
            results.write(request, "refused", at)
        return False
    except Exception as exc:  # a connection broken mid-request: the outcome is unknown
        results.error(request, f"{type(exc).__name__}: {exc}", at)
        if request.write:
            results.write(request, "unknown", at)
        return False
    results.timing(request.label, response.seconds)
    expected = 302 if request.method == "POST" else 200
    if response.status != expected:
        title = TITLE.search(response.body)
        where = f" to {response.location}" if response.location else ""
        name = title.group(1).decode(errors="replace").strip() if title else ""
        results.error(request, f"HTTP {response.status}{where} {name}".strip(), at)
        if request.write:
            results.write(request, "refused", at)
        return False
    if request.write:
        results.write(request, "ok", at)
    return True


def virtual_user(
    n: int, person: Person, args: argparse.Namespace, ports: list[int], results: Results, t0: float
) -> None:
    rng = random.Random(args.seed * 1000 + n)
    browser = Browser(ports, first=n)
    time.sleep(rng.uniform(0, args.think_max))  # people do not all arrive in the same second
    if not login(browser, person.email, args.password, results):
        results.error(Request("log in", "POST", "/login/"), "login refused", time.monotonic() - t0)
        return
    act = coach_action if person.role == "coach" else client_action
    while time.monotonic() - t0 < args.duration:
        for request in act(person, rng):
            if not run_request(browser, request, results, t0):
                break
        time.sleep(rng.uniform(args.think_min, args.think_max))
    with results.lock:
        results.timings["_refused_seconds"].append(browser.refused_seconds)
        results.timings["_failovers"].append(browser.failovers)


def choose_users(
    manifest: dict[str, Any], count: int, coach_share: float, seed: int
) -> list[Person]:
    coaches, clients = people(manifest)
    rng = random.Random(seed)
    n_coaches = min(len(coaches), round(count * coach_share))
    return rng.sample(coaches, n_coaches) + rng.sample(clients, count - n_coaches)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def summary(results: Results) -> list[dict[str, Any]]:
    rows = []
    for label, values in sorted(results.timings.items()):
        if label.startswith("_"):
            continue
        rows.append(
            {
                "page": label,
                "requests": len(values),
                "p50_ms": round(percentile(values, 0.50) * 1000, 1),
                "p95_ms": round(percentile(values, 0.95) * 1000, 1),
                "p99_ms": round(percentile(values, 0.99) * 1000, 1),
                "max_ms": round(max(values) * 1000, 1),
            }
        )
    return rows


def parse() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--manifest", type=Path, required=True)
    p.add_argument("--users", type=int, default=50)
    p.add_argument("--coach-share", type=float, default=0.3)
    p.add_argument("--duration", type=float, default=300)
    p.add_argument("--think-min", type=float, default=1.0)
    p.add_argument("--think-max", type=float, default=3.0)
    p.add_argument("--web", type=int, default=1)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--kill-worker-at", type=float)
    p.add_argument("--kill-web-at", type=float)
    p.add_argument("--restart-after", type=float, default=5)
    p.add_argument("--reminder-interval", type=float, default=60)
    p.add_argument("--smtp-delay", type=float, default=0.5, help="seconds per email")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--out", type=Path, required=True)
    return p.parse_args()


def main() -> int:
    args = parse()
    manifest = json.loads(args.manifest.read_text())
    args.password = manifest["password"]
    sink = Sink(args.smtp_delay)
    smtp = Controller(sink, hostname="127.0.0.1", port=free_port())
    smtp.start()
    env = {**os.environ, "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp.port)}
    env["HEADWAY_REMINDER_INTERVAL"] = str(args.reminder_interval)
    env.pop("DEBUG", None)
    log = args.out.with_suffix(".log")
    log.unlink(missing_ok=True)
    cluster = Cluster(env, args.web, args.workers, log)
    for port in cluster.ports:
        cluster.wait_ready(port)
    users = choose_users(manifest, args.users, args.coach_share, args.seed)
    results = Results()
    started_wall = time.time()
    t0 = time.monotonic()
    threads = [
        threading.Thread(target=virtual_user, args=(n, u, args, cluster.ports, results, t0))
        for n, u in enumerate(users)
    ]
    faults = []
    if args.kill_worker_at is not None:
        faults.append((args.kill_worker_at, cluster.kill_worker, (sink,)))
    if args.kill_web_at is not None:
        faults.append((args.kill_web_at, cluster.kill_web, ()))
    for at, fault, extra in faults:
        timer = threading.Timer(at, fault, args=(args.restart_after, t0, *extra))
        timer.start()
        threads.append(timer)
    for thread in threads:
        if not isinstance(thread, threading.Timer):
            thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - t0

    from bench.load.verify import drain_and_verify

    checks = drain_and_verify(results.ledger, since=started_wall, sink=sink)
    cluster.stop()
    smtp.stop()
    every = [v for k, vs in results.timings.items() if not k.startswith("_") for v in vs]
    requests = len(every)
    report = {
        "setup": {
            "web": args.web,
            "workers": args.workers,
            "users": args.users,
            "database": "postgresql" if os.environ.get("DATABASE_URL") else "sqlite",
            "duration_s": round(elapsed, 1),
            "think_s": [args.think_min, args.think_max],
        },
        "requests": requests,
        "throughput_rps": round(requests / elapsed, 1),
        "errors": results.errors,
        "refused_seconds": round(sum(results.timings.get("_refused_seconds", [])), 1),
        "failovers": int(sum(results.timings.get("_failovers", []))),
        "events": cluster.events,
        "pages": summary(results),
        "all_pages": {
            "p50_ms": round(percentile(every, 0.5) * 1000, 1),
            "p95_ms": round(percentile(every, 0.95) * 1000, 1),
        },
        "checks": checks,
    }
    args.out.write_text(json.dumps(report, indent=2))
    print(json.dumps({k: v for k, v in report.items() if k not in {"pages", "errors"}}, indent=2))
    print(f"{len(results.errors)} errors; pages in {args.out}")
    for row in report["pages"]:
        print(
            f"  {row['page']:<40} {row['requests']:>6}  p50 {row['p50_ms']:>7}  p95 {row['p95_ms']:>7}  max {row['max_ms']:>7}"
        )
    return 0 if not results.errors and checks["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
