"""The import map: no circles in headway/, and imports between parts only go downwards.

LAYERS is the order docs/architecture.md draws, lowest first: a part may import itself and
anything below it, never above. An app that must react to one above it does so through a
registry or a signal (calendar feed providers, reminder sources, the worker's periodic jobs).
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "headway"

# Lowest first; parts on one line of the architecture map share a tier only when they never
# import each other.
LAYERS: tuple[str, ...] = (
    "core",
    "crypto",
    "worker",
    "accounts",
    "practices",
    "coaching",
    "engagements",
    "planning",
    "feeds",
    "onet",
    "discovery",
    "exploration",
    "decisions",
    "goals",
    "checkins",
    "replies",
    "meetings",
    "reminders",
    "booking",
    "offsites",
    "concluding",
    "review",
    "overview",
    "privacy",
    "api",
    "backup",
    "demo",
    "urls",
    "wsgi",
    "cli",
    "settings",
)


def _part(module: str) -> str | None:
    """The top-level part of headway a dotted module belongs to (None outside headway)."""
    bits = module.split(".")
    if bits[0] != "headway" or len(bits) == 1:
        return None
    return bits[1]


def _module(path: Path) -> str:
    bits = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(bits[:-1] if bits[-1] == "__init__" else bits)


def _imports(path: Path) -> Iterator[tuple[str, int]]:
    """Every headway module the file imports (at any depth, type-checking imports included)."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from ((a.name, node.lineno) for a in node.names if a.name.startswith("headway"))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "headway":
                yield from ((f"headway.{a.name}", node.lineno) for a in node.names)
            elif node.module.startswith("headway."):
                yield node.module, node.lineno


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def _graph() -> dict[str, dict[str, str]]:
    """module -> {imported module: "file:line"}."""
    graph: dict[str, dict[str, str]] = defaultdict(dict)
    for path in _sources():
        for target, line in _imports(path):
            graph[_module(path)][target] = f"{path.relative_to(ROOT)}:{line}"
    return graph


def test_every_part_of_headway_has_a_place_in_the_map() -> None:
    parts = {_part(_module(p)) for p in _sources()} - {None}
    missing = sorted(parts - set(LAYERS))
    assert not missing, f"add these to LAYERS and docs/architecture.md: {missing}"


def test_imports_between_parts_only_go_downwards() -> None:
    rank = {part: i for i, part in enumerate(LAYERS)}
    upward = []
    for module, targets in _graph().items():
        source = _part(module)
        for target, where in targets.items():
            dest = _part(target)
            if source and dest and source != dest and rank[dest] > rank[source]:
                upward.append(f"{where}: {source} imports {target} ({dest} is above {source})")
    assert not upward, "imports that go upwards:\n" + "\n".join(sorted(upward))


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph, or None (an iterative depth-first search)."""
    state: dict[str, int] = {}  # 1 on the path, 2 finished
    for start in sorted(graph):
        if start in state:
            continue
        path, stack = [start], [iter(sorted(graph[start]))]
        state[start] = 1
        while stack:
            step = next(stack[-1], None)
            if step is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(step) == 1:
                return path[path.index(step) :] + [step]
            elif step not in state and step in graph:
                state[step] = 1
                path.append(step)
                stack.append(iter(sorted(graph[step])))
    return None


def _module_graph() -> dict[str, set[str]]:
    known = {_module(p) for p in _sources()}
    graph: dict[str, set[str]] = {m: set() for m in known}
    for module, targets in _graph().items():
        for target in targets:
            # "from headway.x import name" names a module or a name in one; keep modules
            while target not in known and "." in target:
                target = target.rsplit(".", 1)[0]
            if target in known and target != module:
                graph[module].add(target)
    return graph


def test_no_module_imports_itself_in_a_circle() -> None:
    cycle = _cycle(_module_graph())
    assert cycle is None, "an import circle: " + " -> ".join(cycle or [])


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, None),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, ["a", "b", "c", "a"]),
    ],
)
def test_the_circle_finder_finds_circles(
    graph: dict[str, set[str]], expected: list[str] | None
) -> None:
    assert _cycle(graph) == expected


def test_the_architecture_map_draws_these_layers() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text()
    line = next(x for x in text.splitlines() if x.startswith("Layers, lowest first:"))
    drawn = tuple(re.findall(r"`([a-z_]+)`", line))
    assert drawn == LAYERS
