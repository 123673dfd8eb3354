"""Speed of the occupation title search (`headway.core.occupations.search`), no Django.

    .venv/bin/python bench/occupation_search.py [--runs 5]

A synthetic index about the size of O*NET (1,000 occupations with 65 titles each, random
words over a 6,000-word vocabulary with 60 common ones) from tests/core/test_search.py's
generator; it times building the index and five kinds of query (one exact word, a short
partial word, a typo, two words of which one partial, a word in many titles), limit 50.
Budgets: 1 s to build, 20 ms a query.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from headway.core.occupations.search import build_index
    from tests.core.test_search import queries_for, synthetic_entries

    entries = synthetic_entries()
    builds, per_query = [], []
    for _ in range(args.runs):
        started = time.perf_counter()
        index = build_index(entries)
        builds.append(time.perf_counter() - started)
        queries = queries_for(index)
        started = time.perf_counter()
        for query in queries:
            index.search(query, limit=50)
        per_query.append((time.perf_counter() - started) / len(queries))
    print(f"{len(entries):,} titles, {args.runs} runs")
    print(f"build: best {min(builds):.2f} s, median {statistics.median(builds):.2f} s")
    print(
        f"query: best {min(per_query) * 1000:.1f} ms, "
        f"median {statistics.median(per_query) * 1000:.1f} ms (mean of the five kinds)"
    )


if __name__ == "__main__":
    main()
