"""`headway onet …` and the demo's O*NET step, mostly as real processes on a data directory."""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from headway.cli import main
from tests.onet.fixtures import DATA_SCIENTIST, MINI, SOFTWARE_DEVELOPER, load_mini

HEADWAY = [sys.executable, "-m", "headway.cli"]
NO_DATA = "No O*NET data yet: run `headway onet import PATH`"


@pytest.fixture(scope="module")
def migrated_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite data directory, copied for each test (migrating takes seconds)."""
    data = tmp_path_factory.mktemp("migrated") / "data"
    result = subprocess.run(
        [*HEADWAY, "manage", "migrate", "--noinput", "--verbosity", "0"],
        env=_env(data),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return data


def _env(data: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "HEADWAY_ONET_DIR"}
    }
    env["HEADWAY_DATA_DIR"] = str(data)
    return env


@pytest.fixture
def cli_env(tmp_path: Path, migrated_data: Path) -> dict[str, str]:
    data = tmp_path / "data"
    shutil.copytree(migrated_data, data)
    return _env(data)


def run(
    args: list[str], env: dict[str, str], cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*HEADWAY, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_status_before_migrate_says_what_to_do(tmp_path):
    result = run(["onet", "status"], _env(tmp_path / "data"))
    assert result.returncode == 1
    assert "headway manage migrate --noinput" in result.stderr
    assert "Traceback" not in result.stderr


def test_import_then_status(cli_env):
    before = run(["onet", "status"], cli_env)
    assert before.returncode == 0, before.stderr
    assert before.stdout.strip() == NO_DATA

    imported = run(["onet", "import", str(MINI)], cli_env)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith("Imported O*NET (release unknown) in ")
    assert "7 occupations, 484 ratings, 42 titles, 21 tasks." in imported.stdout
    # Not a terminal: plain progress lines, no carriage returns.
    assert f"Importing O*NET from {MINI}" in imported.stderr
    assert "[11/18] Skills.txt\n" in imported.stderr and "\r" not in imported.stderr

    after = run(["onet", "status"], cli_env)
    assert after.returncode == 0, after.stderr
    lines = after.stdout.splitlines()
    assert lines[0].startswith("O*NET (release unknown), imported ")
    assert f"from {MINI}" in after.stdout
    counts = dict(line.split() for line in lines[2:])
    assert counts == {
        "occupations": "7",
        "titles": "42",
        "ratings": "484",
        "tasks": "21",
        "technology": "15",
        "elements": "91",
    }


def test_import_without_a_path_uses_headway_onet_dir(cli_env, tmp_path):
    release = shutil.copytree(MINI, tmp_path / "db_30_1_text")
    cli_env["HEADWAY_ONET_DIR"] = str(release)
    result = run(["onet", "import"], cli_env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Imported O*NET 30.1 in ")


def test_bad_paths_are_one_clear_line(cli_env, tmp_path):
    missing = run(["onet", "import", str(tmp_path / "nowhere")], cli_env)
    assert missing.returncode == 1
    assert missing.stderr.splitlines()[-1] == (
        f"headway: O*NET was not imported: {tmp_path / 'nowhere'} does not exist"
    )
    assert "Traceback" not in missing.stderr

    broken = shutil.copytree(MINI, tmp_path / "broken")
    header = (broken / "Job Zones.txt").read_bytes().replace(b"Job Zone\t", b"Zone\t", 1)
    (broken / "Job Zones.txt").write_bytes(header)
    changed = run(["onet", "import", str(broken)], cli_env)
    assert changed.returncode == 1
    assert "headway: O*NET was not imported: Job Zones.txt has unexpected columns" in changed.stderr
    assert "expected: O*NET-SOC Code | Job Zone | Date | Domain Source" in changed.stderr
    assert "found:    O*NET-SOC Code | Zone | Date | Domain Source" in changed.stderr
    assert "Traceback" not in changed.stderr


def test_demo_imports_a_local_copy_once(cli_env, tmp_path):
    cli_env["HEADWAY_ONET_DIR"] = str(MINI)
    first = run(["demo"], cli_env, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert f"Importing O*NET occupational data from {MINI}" in first.stdout
    assert "Imported O*NET (release unknown)" in first.stdout

    again = run(["demo"], cli_env, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "Occupational data: O*NET (release unknown) (`headway onet status`)." in again.stdout


def test_demo_without_a_copy_says_how_to_import(cli_env, tmp_path):
    cli_env["HEADWAY_ONET_DIR"] = str(tmp_path / "not-here")
    cli_env["HEADWAY_ONET_DOWNLOAD"] = "0"  # offline
    # From tmp_path, ../shared/onet does not exist either.
    result = run(["demo"], cli_env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert NO_DATA in result.stdout
    assert "Imported" not in result.stdout


@pytest.fixture
def release_server(tmp_path: Path) -> Iterator[str]:
    """A local web server offering the mini release as O*NET's zip, the way the Resource
    Center does."""
    site = tmp_path / "site"
    site.mkdir()
    with zipfile.ZipFile(site / "db_30_1_text.zip", "w") as zipped:
        for path in MINI.iterdir():
            zipped.write(path, f"db_30_1_text/{path.name}")
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/db_30_1_text.zip"
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_demo_without_a_local_copy_downloads_the_release(cli_env, tmp_path, release_server):
    cli_env["HEADWAY_ONET_DIR"] = str(tmp_path / "not-here")
    cli_env["HEADWAY_ONET_URL"] = release_server
    result = run(["demo"], cli_env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"No local copy of O*NET: downloading it from {release_server}" in result.stdout
    assert "Imported O*NET 30.1" in result.stdout


def test_demo_offline_still_loads_and_says_how_to_import(cli_env, tmp_path):
    cli_env["HEADWAY_ONET_DIR"] = str(tmp_path / "not-here")
    cli_env["HEADWAY_ONET_URL"] = "http://127.0.0.1:9/db_30_1_text.zip"  # nothing listens
    result = run(["demo"], cli_env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "headway: O*NET was not imported: could not download" in result.stderr
    assert NO_DATA in result.stdout
    assert "Traceback" not in result.stderr


# `related` runs in this process (a subprocess each costs seconds): the same main(), the test
# database, and its output captured.


def test_related_needs_a_code_or_all(db, capsys):
    for args in (["onet", "related"], ["onet", "related", "15-1252.00", "--all"]):
        assert main(args) == 1
        assert "give one O*NET-SOC code (e.g. 15-1252.00) or --all" in capsys.readouterr().err
    assert main(["onet", "related", SOFTWARE_DEVELOPER]) == 1
    assert NO_DATA in capsys.readouterr().err


@pytest.mark.skipif(
    importlib.util.find_spec("headway.onet.pathways") is None,
    reason="headway.onet.pathways (related occupations) is not written yet",
)
def test_related_for_one_code_and_for_all(db, capsys):
    load_mini()

    assert main(["onet", "related", SOFTWARE_DEVELOPER, "--top", "3", "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["code"] == SOFTWARE_DEVELOPER and result["title"] == "Software Developers"
    # Which occupations relate, and how, is for the pathways tests: here, the shape.
    assert len(result["related"]) <= 3
    assert all({"code", "title", "score"} <= set(item) for item in result["related"])
    assert SOFTWARE_DEVELOPER not in {item["code"] for item in result["related"]}

    assert main(["onet", "related", DATA_SCIENTIST, "--top", "2"]) == 0
    assert capsys.readouterr().out.startswith(f"Data Scientists ({DATA_SCIENTIST})\n")

    assert main(["onet", "related", "99-9999.99"]) == 1
    assert capsys.readouterr().err == (
        "headway: no occupation with the O*NET-SOC code 99-9999.99\n"
    )

    assert main(["onet", "related", "--all", "--top", "2", "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert SOFTWARE_DEVELOPER in {line["code"] for line in lines}
    assert all(len(line["related"]) <= 2 for line in lines)

    assert main(["onet", "related", "--all", "--top", "1", "--format", "json"]) == 0
    assert [item["code"] for item in json.loads(capsys.readouterr().out)] == [
        line["code"] for line in lines
    ]
