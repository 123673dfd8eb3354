"""Throughput of `headway analyze`, whole process: Python start-up, reading the model,
parsing, features, inference and writing JSON lines.

    .venv/bin/python bench/classifier_speed.py [--utterances 20000] [--runs 3]

Writes a synthetic "Name: text" transcript of coaching-like turns (half of them the coach's)
to a temporary folder and times `python -m headway.cli analyze FILE --coach Coach --format
jsonl > /dev/null` pinned to one CPU core (taskset, where it exists). Also times the
in-process classifier alone on the same turns."""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COACH = [
    "What would you like to focus on today?",
    "So the part you enjoy is working with people.",
    "Have you talked to anyone in that field?",
    "You should update your CV before you apply.",
    "Okay.",
    "If I were you I'd ask for a review after six months.",
    "How does that fit with what matters most to you?",
    "You're worried the money won't work, and you still want the change.",
]
CLIENT = [
    "I want to leave accounting but I'm scared of the pay cut.",
    "No, not yet.",
    "I love mentoring the new people on my team.",
    "Maybe.",
    "I've been thinking about it for a year, honestly.",
]


def transcript(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        if i % 2 == 0:
            lines.append(f"Coach: {rng.choice(COACH)}")
        else:
            lines.append(f"Client: {rng.choice(CLIENT)}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--utterances", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="hw-bench-"))
    try:
        path = folder / "session.txt"
        path.write_text(transcript(args.utterances))
        pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
        cmd = [*pin, sys.executable, "-m", "headway.cli", "analyze", str(path), "--coach", "Coach"]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env, cwd=ROOT)
            times.append(time.perf_counter() - started)
        best, median = min(times), statistics.median(times)
        n = args.utterances
        print(f"whole process, {n:,} utterances ({n // 2:,} coded), 1 core:")
        print(
            f"  best {best:.2f} s ({n / best:,.0f} utterances/s), median {median:.2f} s ({n / median:,.0f}/s)"
        )
        from headway.core.classifier import classify_conversation, load_model
        from headway.core.review.transcripts import parse_transcript

        started = time.perf_counter()
        load_model()
        loaded = time.perf_counter() - started
        t = parse_transcript(path.read_text())
        started = time.perf_counter()
        classify_conversation(
            [u.speaker for u in t.utterances], [u.text for u in t.utterances], "Coach"
        )
        inner = time.perf_counter() - started
        print(
            f"  in process: model load {loaded * 1000:.0f} ms, features + inference {inner:.2f} s "
            f"({n / 2 / inner:,.0f} coach turns/s)"
        )
    finally:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
