"""SMART goal check on the labelled development set (not part of the test suite).

    .venv/bin/python bench/smart_eval.py [--show] [--set PATH]

Reads tests/core/fixtures/goals_dev.jsonl (one goal a line: "text" and the booleans
"specific", "measurable", "time_bound", with "deadline" where the text names one), runs
`analyse_goal` with today = 2026-01-15 (a Thursday, so weekday and month arithmetic is
exercised), and prints precision, recall and accuracy per dimension, the share of goals
with all three right, deadline accuracy, and the time per goal. --show lists each miss.

How the goals were labelled (the conventions the analysis is built to):
- specific: an action with something concrete to act on; "improve", "get better at",
  "work on", "explore" and "get into" need a concrete object and a target; a job needs
  its role, field or organisation; "be a better X" is a direction, not a role;
- measurable: a quantity (count, money, percentage, hours, "twice a week") or a finish
  line (one definite thing done, "get a job", "become a nurse", "until I have an offer");
  ongoing activities ("learn Python", "volunteer every Saturday") are not, on their own;
- time-bound: a date, relative period, routine or dated event ("before my annual
  review"); "soon", "someday", "in my spare time" and "for a day" (a length) are not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from headway.core.smart.analysis import analyse_goal  # noqa: E402

TODAY = dt.date(2026, 1, 15)
DIMENSIONS = ("specific", "measurable", "time_bound")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=str(ROOT / "tests/core/fixtures/goals_dev.jsonl"))
    parser.add_argument("--show", action="store_true", help="list every miss")
    args = parser.parse_args()

    rows = [json.loads(line) for line in Path(args.set).read_text().splitlines() if line.strip()]
    counts = {d: {"tp": 0, "fp": 0, "fn": 0, "tn": 0} for d in DIMENSIONS}
    all_right = dated = dated_right = 0
    for row in rows:
        check = analyse_goal(row["text"], today=TODAY)
        misses = []
        for d in DIMENSIONS:
            got, want = getattr(check, d), row[d]
            key = ("t" if got == want else "f") + ("p" if got else "n")
            counts[d][key] += 1
            if got != want:
                misses.append(f"{d}={got}")
        if "deadline" in row:
            dated += 1
            dated_right += check.deadline == dt.date.fromisoformat(row["deadline"])
            if check.deadline != dt.date.fromisoformat(row["deadline"]):
                misses.append(f"deadline={check.deadline} (want {row['deadline']})")
        all_right += not misses or all(m.startswith("deadline") for m in misses)
        if args.show and misses:
            print(f"  {row['text']!r}: {', '.join(misses)}")

    print(f"{len(rows)} goals, today = {TODAY.isoformat()}")
    print(f"{'':<12} {'precision':>9} {'recall':>7} {'accuracy':>8}  true/false in the set")
    for d in DIMENSIONS:
        c = counts[d]
        precision = c["tp"] / max(1, c["tp"] + c["fp"])
        recall = c["tp"] / max(1, c["tp"] + c["fn"])
        accuracy = (c["tp"] + c["tn"]) / len(rows)
        truths = c["tp"] + c["fn"]
        print(
            f"{d:<12} {precision:>9.3f} {recall:>7.3f} {accuracy:>8.3f}  "
            f"{truths}/{len(rows) - truths}"
        )
    print(f"all three right: {all_right / len(rows):.3f}")
    print(f"deadline exact: {dated_right}/{dated}")

    texts = [row["text"] for row in rows]
    runs = 20
    start = time.perf_counter()
    for _ in range(runs):
        for text in texts:
            analyse_goal(text, today=TODAY)
    per_goal = (time.perf_counter() - start) / (runs * len(texts))
    print(f"time per goal: {per_goal * 1e6:.0f} µs (mean over {runs} passes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
