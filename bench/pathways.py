"""Benchmark and proxy evaluation of transition pathways (not part of the test suite).

    HEADWAY_DATA_DIR=/tmp/hw-pathways-bench .venv/bin/python bench/pathways.py [--quality]

Uses the database in HEADWAY_DATA_DIR (migrated and given the O*NET release from
HEADWAY_ONET_DIR, default ../shared/onet, when it has none), then times:

1. building the index from the database (reading the rows + preparing the matrices);
2. one query with explanations, warm: `related_for_code` and `pathways_for`;
3. `headway onet related --all` as a whole process, output to /dev/null.

--quality adds the proxy evaluation of docs/benchmarks.md: how often the top 10 share
the source's SOC group, SOC-sibling recall, job-zone spread, hubs, the sanity cases,
and each signal alone against the blend.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headway.settings")
os.environ.setdefault("HEADWAY_DATA_DIR", "/tmp/hw-pathways-bench")

SANITY = {
    "29-1141.00": ["29-1171.00", "29-2061.00"],
    "29-2061.00": ["29-1141.00"],
    "13-2011.00": ["13-2031.00", "13-2061.00"],
    "15-1252.00": ["15-1251.00", "15-1253.00"],
    "25-2021.00": ["25-2022.00"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quality", action="store_true", help="also run the proxy evaluation")
    parser.add_argument("--runs", type=int, default=5, help="index builds to time")
    args = parser.parse_args()

    import django

    django.setup()
    _ensure_data()

    from headway.core.occupations.similarity import build_index
    from headway.onet import pathways

    print(f"data: {os.environ['HEADWAY_DATA_DIR']}, {os.cpu_count()} cores")
    loads, builds = [], []
    for _ in range(args.runs):
        started = time.perf_counter()
        data = pathways.load_occupation_data()
        loaded = time.perf_counter()
        build_index(data)
        loads.append(loaded - started)
        builds.append(time.perf_counter() - loaded)
    totals = [a + b for a, b in zip(loads, builds, strict=True)]
    print(
        f"index from the database: best {min(totals):.2f} s, median {statistics.median(totals):.2f} s "
        f"(reading rows best {min(loads):.2f} s, preparing matrices best {min(builds):.2f} s; "
        f"{len(data.codes)} occupations)"
    )

    pathways.clear_cache()
    pathways.pathway_index()
    for label, query in (
        ("related_for_code('15-1252.00', 10)", lambda: pathways.related_for_code("15-1252.00", 10)),
        (
            "pathways_for(2 codes, 2 skills, interests, 10)",
            lambda: pathways.pathways_for(
                ["29-1141.00", "13-2011.00"],
                {"Programming": 4.0, "Mathematics": 5.0},
                (1, 5, 2, 4, 3, 6),
                10,
            ),
        ),
        (
            "match_interests(profile, {3, 4}, 20)",
            lambda: pathways.match_interests((1, 5, 2, 4, 3, 6), {3, 4}, 20),
        ),
    ):
        times = []
        for _ in range(300):
            started = time.perf_counter()
            query()
            times.append(time.perf_counter() - started)
        times.sort()
        print(
            f"{label}: median {1000 * statistics.median(times):.2f} ms, "
            f"p95 {1000 * times[int(0.95 * len(times))]:.2f} ms (warm, 300 runs)"
        )

    started = time.perf_counter()
    count = sum(1 for _ in pathways.related_all(10))
    print(
        f"related_all(10) in process, index warm: {time.perf_counter() - started:.2f} s for {count}"
    )
    # This sandbox sets PYTHONDONTWRITEBYTECODE=1, so every process compiles Django and
    # the app from source (about a second). Installs normally keep bytecode, so the
    # whole process is timed both ways; the warm case keeps its bytecode under /tmp.
    command = [str(Path(sys.executable).with_name("headway")), "onet", "related", "--all"]
    warm_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    warm_env["PYTHONPYCACHEPREFIX"] = "/tmp/hw-pathways-pycache"
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT, env=warm_env)
    for label, env in (
        ("bytecode cached", warm_env),
        ("as this sandbox runs it", dict(os.environ)),
    ):
        walls = []
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT, env=env)
            walls.append(time.perf_counter() - started)
        print(
            f"`headway onet related --all` whole process, {label}: best {min(walls):.2f} s, "
            f"median {statistics.median(walls):.2f} s"
        )

    if args.quality:
        _quality(data)
    return 0


def _ensure_data() -> None:
    from django.core.management import call_command

    from headway.onet.models import Release

    call_command("migrate", verbosity=0, interactive=False)
    if Release.current() is None:
        from headway.onet.importer import onet_import

        source = os.environ.get("HEADWAY_ONET_DIR") or str(ROOT.parent / "shared" / "onet")
        print(f"importing O*NET from {source}")
        onet_import(source=source)


def _quality(data) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    from headway.core.occupations import blend, similarity
    from headway.core.occupations.similarity import build_index

    def evaluate(index, label: str) -> None:  # type: ignore[no-untyped-def]
        codes = index.data.codes
        scored = index.targetable  # the 923 occupations with data
        rows = np.flatnonzero(scored)
        related = np.where(np.isfinite(index.relatedness), index.relatedness, -np.inf)
        top = np.argsort(-related, axis=1, kind="stable")[:, :10]
        minor = np.array([c[:4] for c in codes])
        broad = np.array([c[:6] for c in codes])
        detailed = np.array([c[:7] for c in codes])
        same_minor = (minor[top[rows]] == minor[rows, None]).mean()
        same_broad = (broad[top[rows]] == broad[rows, None]).mean()
        sibling, broad_recall = [], []
        for i in rows:
            others = np.flatnonzero((detailed == detailed[i]) & scored)
            others = others[others != i]
            if len(others):
                sibling.append(np.isin(others, top[i]).mean())
            group = np.flatnonzero((broad == broad[i]) & scored)
            group = group[group != i]
            if len(group):
                broad_recall.append(np.isin(group, top[i]).sum() / min(len(group), 10))
        zones = index.data.job_zones
        jump = np.abs(zones[top[rows]] - zones[rows, None])
        listed = np.bincount(top[rows].ravel(), minlength=len(codes))
        print(
            f"  {label:<34} minor {same_minor:.3f}  broad {same_broad:.3f}  "
            f"siblings {np.mean(sibling):.3f}  broad recall {np.mean(broad_recall):.3f}  "
            f"|dJZ| {np.nanmean(jump):.2f}  >=2 zones {np.nanmean(jump >= 2):.3f}  "
            f"max listed {listed.max()}  never listed {(listed[scored] == 0).sum()}"
        )

    print("\nproxy evaluation over the 923 occupations with data (top 10 each):")
    full = build_index(data)
    evaluate(full, "blend (as shipped)")
    # The constants live in headway.core.occupations.blend; similarity holds its own name for the hub.
    saved = blend.WEIGHTS.copy()
    penalties = (
        blend.JOB_ZONE_STEP_PENALTY,
        blend.JOB_ZONE_UP_PENALTY,
        blend.JOB_ZONE_BEYOND_ONE_PENALTY,
    )
    hub = similarity.HUB_CORRECTION
    try:
        for s, name in enumerate(blend.SIGNALS):
            blend.WEIGHTS[:] = np.eye(len(saved))[s]
            evaluate(build_index(data), f"{name} alone")
        blend.WEIGHTS[:] = saved
        similarity.HUB_CORRECTION = 0.0
        evaluate(build_index(data), "blend without hub correction")
        similarity.HUB_CORRECTION = hub
        blend.JOB_ZONE_STEP_PENALTY = 0.0
        blend.JOB_ZONE_UP_PENALTY = 0.0
        blend.JOB_ZONE_BEYOND_ONE_PENALTY = 0.0
        evaluate(build_index(data), "blend without job-zone penalty")
    finally:
        blend.WEIGHTS[:] = saved
        similarity.HUB_CORRECTION = hub
        (
            blend.JOB_ZONE_STEP_PENALTY,
            blend.JOB_ZONE_UP_PENALTY,
            blend.JOB_ZONE_BEYOND_ONE_PENALTY,
        ) = penalties

    minor = [c[:4] for c in full.data.codes]
    ceiling = np.mean(
        [
            min(
                sum(
                    1
                    for j, m in enumerate(minor)
                    if m == minor[i] and j != i and full.targetable[j]
                ),
                10,
            )
            / 10
            for i in np.flatnonzero(full.targetable)
        ]
    )
    print(f"  (ceiling for 'minor': {ceiling:.3f}; small groups cannot fill ten places)")

    print("\nsanity cases (rank in the top 10):")
    from headway.core.occupations.pathways import related

    for code, expected in SANITY.items():
        found = [p.code for p in related(full, code, top=10)]
        title = full.data.titles[full.position[code]]
        ranks = ", ".join(
            f"{full.data.titles[full.position[e]]} #{found.index(e) + 1}"
            if e in found
            else f"{full.data.titles[full.position[e]]} missing"
            for e in expected
        )
        print(f"  {title}: {ranks}")


if __name__ == "__main__":
    raise SystemExit(main())
