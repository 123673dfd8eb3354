"""How long a killed worker's task waits for another worker (not part of the test suite).

    .venv/bin/python bench/worker_reclaim.py [--runs 3]

The scenario of tests/worker/test_worker_process.py, timed: real `headway worker` processes
on SQLite in a temporary data folder, a local SMTP server on 127.0.0.1 that holds the first
message, HEADWAY_WORKER_STALE_AFTER=1.5. Per run:

1. start-up: from starting the first worker until its email reaches the mail server;
2. hand-over: from SIGKILL of the first worker until a second one, started at once, has
   queued the task again and sent it (the second worker's start-up, the watchdog's wait for
   the stale beat and the delivery).
"""

from __future__ import annotations

import argparse
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def one_run(folder: Path) -> tuple[float, float]:
    from aiosmtpd.controller import Controller

    from tests.smtp import _free_port
    from tests.worker.test_worker_process import (
        HEADWAY,
        HoldFirst,
        enqueue_email,
        task_row,
        wait_until,
        worker_env,
    )

    box = HoldFirst()
    controller = Controller(box, hostname="127.0.0.1", port=_free_port())
    controller.start()
    workers: list[subprocess.Popen[bytes]] = []
    try:
        env = worker_env(folder, controller.port)
        enqueue_email(env)
        started = time.perf_counter()
        workers.append(subprocess.Popen([*HEADWAY, "worker", "--interval", "0.2"], env=env))
        wait_until(box.holding.is_set, "the first worker sends the email")
        start_up = time.perf_counter() - started
        killed = time.perf_counter()
        workers[0].send_signal(signal.SIGKILL)
        workers[0].wait()
        box.release.set()
        workers.append(subprocess.Popen([*HEADWAY, "worker", "--interval", "0.2"], env=env))
        db = folder / "data" / "headway.sqlite3"
        wait_until(lambda: task_row(db)[0] == "SUCCESSFUL", "the second worker sends it")
        return start_up, time.perf_counter() - killed
    finally:
        box.release.set()
        for proc in workers:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=60)
        controller.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    start_ups, hand_overs = [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="hw-reclaim-bench-") as folder:
            start_up, hand_over = one_run(Path(folder))
        start_ups.append(start_up)
        hand_overs.append(hand_over)
    for name, values in [("start-up", start_ups), ("hand-over", hand_overs)]:
        print(
            f"{name}: best {min(values):.1f} s, median {statistics.median(values):.1f} s, "
            f"worst {max(values):.1f} s ({args.runs} runs)"
        )


if __name__ == "__main__":
    main()
